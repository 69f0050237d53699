/** Break-and-fix cases of the cover rules (src/core/validate/rules/cover.ts). */
import type { Cases, Example } from './harness';
import { project } from '../../helpers/statement';

const FORSIDE = 'Forside';

export const coverCases: Cases<'cover'> = {
  COVER_ADMIN_MISSING: {
    broken: { edit: (wb) => wb.set(FORSIDE, 'C4', null) },
    expected: ['COVER_ADMIN_MISSING Forside!C4'],
    fixed: { edit: (wb) => wb.set(FORSIDE, 'C4', 'KFF') },
  },
  COVER_ADMIN_UNKNOWN: {
    broken: { edit: (wb) => wb.set(FORSIDE, 'C4', 'XYZ – Fiktivforvaltningen') },
    expected: ['COVER_ADMIN_UNKNOWN Forside!C4'],
    fixed: { edit: (wb) => wb.set(FORSIDE, 'C4', 'Kultur- og Fritidsforvaltningen') },
  },
  COVER_FIRST_YEAR_MISSING: {
    broken: { edit: (wb) => wb.set(FORSIDE, 'C5', null) },
    expected: ['COVER_FIRST_YEAR_MISSING Forside!C5'],
    fixed: { edit: (wb) => wb.set(FORSIDE, 'C5', ' 2011 ') },
  },
  COVER_YEARS_MISMATCH: {
    name: 'a first year that does not match Table 1 and the sheets',
    broken: { edit: (wb) => wb.set(FORSIDE, 'C5', 2012) },
    expected: [
      'COVER_YEARS_MISMATCH Indsatser mål a-g!H4',
      'COVER_YEARS_MISMATCH Indsatser øvrige mål!H4',
      'COVER_YEARS_MISMATCH Tabel 1!B4',
      'COVER_YEARS_MISMATCH Monitorerede projekter!F4',
    ],
    // Fixed: the template of 2012–2015, with the status year and the project's period fitting it.
    fixed: {
      firstYear: 2012,
      fill: (f) => {
        f.cover = { ...f.cover, statusYear: 2009 };
        f.projects = [{ ...project, end: { date: '2012-12-31' } }];
      },
      edit: (wb) => wb.set(FORSIDE, 'C5', 2012),
    },
  },
  COVER_UNIT_MISSING: {
    broken: { edit: (wb) => wb.set(FORSIDE, 'C7', null) },
    expected: ['COVER_UNIT_MISSING Forside!C7'],
    fixed: { edit: (wb) => wb.set(FORSIDE, 'C7', 'kroner') },
  },
  COVER_UNIT_UNKNOWN: {
    broken: { edit: (wb) => wb.set(FORSIDE, 'C7', 'euro') },
    expected: ['COVER_UNIT_UNKNOWN Forside!C7'],
    fixed: { edit: (wb) => wb.set(FORSIDE, 'C7', 'DKK') },
  },
  COVER_CONTACT_MISSING: {
    broken: { fill: (f) => (f.cover!.contact = null) },
    expected: ['COVER_CONTACT_MISSING Forside!C8'],
    fixed: { fill: (f) => (f.cover!.contact = 'Bo') },
  },
  COVER_DATE_MISSING: {
    broken: { fill: (f) => (f.cover!.submissionDate = null) },
    expected: ['COVER_DATE_MISSING Forside!C10'],
    fixed: { fill: (f) => (f.cover!.submissionDate = '1. maj 2010') },
  },
  COVER_AFTER_DEADLINE: [
    {
      name: 'a day late',
      broken: { fill: (f) => (f.cover!.submissionDate = { date: '2010-05-16' }) },
      expected: ['COVER_AFTER_DEADLINE Forside!C10'],
      fixed: { fill: (f) => (f.cover!.submissionDate = { date: '2010-05-15' }) },
    },
    {
      name: 'the deadline given to the command overrides the cover’s',
      broken: { validation: { deadline: '2010-04-30' } },
      expected: ['COVER_AFTER_DEADLINE Forside!C10'],
      fixed: { validation: { deadline: '2010-05-01' } },
    },
  ],
  COVER_STATUS_YEAR_MISSING: {
    name: 'needed only when projects are monitored',
    broken: { edit: (wb) => wb.set(FORSIDE, 'C12', null) },
    expected: ['COVER_STATUS_YEAR_MISSING Forside!C12'],
    fixed: { fill: (f) => ((f.projects = []), (f.criteria = [])), edit: (wb) => wb.set(FORSIDE, 'C12', null) },
  },
};

export const coverExamples: Example[] = [
  {
    name: 'contact and date missing are warnings, in cell order',
    statement: { fill: (f) => (f.cover = { submissionDate: null, contact: null }) },
    expected: ['COVER_CONTACT_MISSING Forside!C8', 'COVER_DATE_MISSING Forside!C10'],
  },
];
