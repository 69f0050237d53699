/** Break-and-fix cases of the structure rules (src/core/validate/rules/template.ts): template id, areas, rows, columns and fields. */
import type { Cases } from './harness';

export const templateCases: Cases<'template'> = {
  TEMPLATE_NOT_RECOGNISED: {
    name: 'the info sheet deleted; renamed, its defined name still finds it',
    broken: { edit: (wb) => wb.removeSheet('Skabeloninfo') },
    expected: ['TEMPLATE_NOT_RECOGNISED '],
    fixed: { edit: (wb) => wb.renameSheet('Skabeloninfo', 'Info') },
  },
  TEMPLATE_ID_UNKNOWN: {
    broken: { edit: (wb) => wb.set('Skabeloninfo', 'B1', 'andet-skema') },
    expected: ['TEMPLATE_ID_UNKNOWN Skabeloninfo!B1'],
    fixed: { edit: (wb) => wb.set('Skabeloninfo', 'B1', ' kk-integration-budget ') },
  },
  TEMPLATE_VERSION_UNKNOWN: {
    broken: { edit: (wb) => wb.set('Skabeloninfo', 'B2', '9.0') },
    expected: ['TEMPLATE_VERSION_UNKNOWN Skabeloninfo!B2'],
    fixed: { edit: (wb) => wb.set('Skabeloninfo', 'B2', '1.1') },
  },
  TEMPLATE_VERSION_OLDER: {
    name: 'a 1.0 file is read and says what it lacks (info); the real 1.0 files are in test/monitoring',
    broken: { edit: (wb) => wb.set('Skabeloninfo', 'B2', '1.0') },
    expected: ['TEMPLATE_VERSION_OLDER Skabeloninfo!B2'],
    fixed: { edit: (wb) => wb.set('Skabeloninfo', 'B2', '1.1') },
  },
  AREA_MISSING: {
    name: 'a sheet deleted; renamed, its defined name still finds it',
    broken: { edit: (wb) => wb.removeSheet('Monitorerede projekter') },
    // The success criteria then name a project that is not there.
    expected: ['AREA_MISSING ', 'PROJ_CRITERION_PROJECT_UNKNOWN Succeskriterier!A5'],
    fixed: { edit: (wb) => wb.renameSheet('Monitorerede projekter', 'Projekter') },
  },
  AREA_FOUND_BY_LABELS: {
    name: 'an area without its defined name is found by its headers (info)',
    broken: { edit: (wb) => wb.removeName('IB_Projekter') },
    expected: ['AREA_FOUND_BY_LABELS Monitorerede projekter!A4'],
    fixed: { edit: (wb) => wb.removeName('IB_Frist') },
  },
  TABLE1_ROW_MISSING: {
    name: 'a row label deleted; written with a hyphen for the dash it is found',
    broken: { edit: (wb) => wb.set('Tabel 1', 'A7', null) },
    expected: ['TABLE1_ROW_MISSING Tabel 1!A4'],
    fixed: { edit: (wb) => wb.set('Tabel 1', 'A7', 'integrationsprojekter - samlet beløb') },
  },
  COLUMN_MISSING: {
    name: 'a required column renamed; in other case with a colon it is found',
    broken: { edit: (wb) => wb.set('Indsatser mål a-g', 'D4', 'Hvad vi gør') },
    expected: ['COLUMN_MISSING Indsatser mål a-g!A4'],
    fixed: { edit: (wb) => wb.set('Indsatser mål a-g', 'D4', 'AKTIVITET:') },
  },
  FIELD_MISSING: {
    name: 'a cover field whose name and label are both gone; its label alone finds it',
    broken: { edit: (wb) => wb.removeName('IB_Kontaktperson').set('Forside', 'B8', 'Ansvarlig') },
    expected: ['FIELD_MISSING Forside', 'COVER_CONTACT_MISSING Forside'],
    fixed: { edit: (wb) => wb.removeName('IB_Kontaktperson') },
  },
};
