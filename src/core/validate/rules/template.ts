/** The workbook's structure: the template id and version, and the areas, rows, columns and fields the reader looks for. */
import { AREA_KEYS, COVER, INFO, SUPPORTED_TEMPLATE_VERSIONS, TABLE1, TEMPLATE_ID, areaOf, table1Row, type CoverFieldKey } from '../../template/definition';
import { param, rule, show } from './define';

const area = param.oneOf(AREA_KEYS);
const coverLabel = (key: CoverFieldKey) => show.field({ cover: key });

export const TEMPLATE_RULES = {
  TEMPLATE_NOT_RECOGNISED: rule({
    severity: 'error',
    da: `Projektmappen er ikke skabelonen til budgetredegørelsen (arket ${INFO.sheet} med skabelon-id mangler). Brug skabelonen fra Kontoret for Integration.`,
    en: `The workbook is not the budget statement template (the ${INFO.sheet} sheet with the template id is missing). Use the template from the integration office.`,
  }),
  TEMPLATE_ID_UNKNOWN: rule({
    severity: 'error',
    params: { found: param.text },
    da: (p) => `Ukendt skabelon-id "${p.found}" (forventet "${TEMPLATE_ID}").`,
    en: (p) => `Unknown template id "${p.found}" (expected "${TEMPLATE_ID}").`,
  }),
  TEMPLATE_VERSION_UNKNOWN: rule({
    severity: 'error',
    params: { found: param.text },
    da: (p) => `Skabelonversion "${p.found}" kendes ikke (kendte versioner: ${show.list(SUPPORTED_TEMPLATE_VERSIONS)}). Hent den nyeste skabelon.`,
    en: (p) => `Template version "${p.found}" is not known (known versions: ${show.list(SUPPORTED_TEMPLATE_VERSIONS)}). Get the latest template.`,
  }),
  TEMPLATE_VERSION_OLDER: rule({
    severity: 'info',
    params: { found: param.text, current: param.text },
    da: (p) =>
      `Skabelonversion ${p.found} er læst, men den nyeste er ${p.current}: arket Succeskriterier (opnået pr. kvartal) og kolonnen "Kommunal medfinansiering, hele projektperioden" mangler. "Opnået til dato" gælder kun det seneste afsluttede kvartal, og monitorering afgøres af medfinansieringen i budgetårene. Brug den nyeste skabelon næste gang.`,
    en: (p) =>
      `Template version ${p.found} was read, but the latest is ${p.current}: the sheet Succeskriterier (achieved per quarter) and the column "Kommunal medfinansiering, hele projektperioden" are missing. "Opnået til dato" counts for the last ended quarter only, and monitoring is decided by the co-financing in the budget years. Use the latest template next time.`,
    example: { found: '1.0', current: '1.1' },
  }),
  AREA_MISSING: rule({
    severity: 'error',
    params: { area },
    da: (p) => `Området "${areaOf(p.area).title}" blev ikke fundet (forventet på arket ${areaOf(p.area).sheet}). Er arket slettet eller omdøbt?`,
    en: (p) => `The area "${areaOf(p.area).title}" was not found (expected on the sheet ${areaOf(p.area).sheet}). Was the sheet deleted or renamed?`,
  }),
  AREA_FOUND_BY_LABELS: rule({
    severity: 'info',
    params: { area },
    da: (p) => `Området "${areaOf(p.area).title}" blev fundet ud fra overskrifterne, ikke ud fra navnet ${areaOf(p.area).definedName}.`,
    en: (p) => `The area "${areaOf(p.area).title}" was found by its headers, not by the name ${areaOf(p.area).definedName}.`,
  }),
  TABLE1_ROW_MISSING: rule({
    severity: 'error',
    params: { row: param.oneOf(TABLE1.rows.map((r) => r.key)) },
    da: (p) => `Rækken "${table1Row(p.row).label}" mangler i Tabel 1.`,
    en: (p) => `The row "${table1Row(p.row).label}" is missing from Table 1.`,
  }),
  COLUMN_MISSING: rule({
    severity: 'error',
    params: { column: param.column },
    da: (p) => `Kolonnen "${show.field(p.column)}" mangler i området "${areaOf(p.column.area).title}".`,
    en: (p) => `The column "${show.field(p.column)}" is missing from the area "${areaOf(p.column.area).title}".`,
  }),
  FIELD_MISSING: rule({
    severity: 'error',
    params: { field: param.oneOf(COVER.fields.filter((f) => !f.computed).map((f) => f.key)) },
    da: (p) => `Feltet "${coverLabel(p.field)}" blev ikke fundet på forsiden.`,
    en: (p) => `The field "${coverLabel(p.field)}" was not found on the cover sheet.`,
  }),
};
