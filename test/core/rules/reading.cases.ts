/** Break-and-fix cases of the reading rules (src/core/validate/rules/reading.ts): values that are not what the cell asks for. */
import type { Cases } from './harness';

export const readingCases: Cases<'reading'> = {
  CELL_ERROR: {
    name: 'a formula error in an amount (Table 1 then no longer reconciles)',
    broken: { edit: (wb) => wb.set('Indsatser øvrige mål', 'I5', { error: '#REF!' }) },
    expected: ['CELL_ERROR Indsatser øvrige mål!I5', 'T1_RECONCILE Tabel 1!C6'],
    fixed: { edit: (wb) => wb.set('Indsatser øvrige mål', 'I5', 50_000) },
  },
  FORMULA_NOT_CALCULATED: [
    {
      name: 'a formula without a result that uses what the reader does not compute; fixed by one it computes',
      broken: { edit: (wb) => wb.setFormula('Indsatser øvrige mål', 'I5', 'VLOOKUP(A5,Skabeloninfo!D2:D8,1)') },
      expected: ['FORMULA_NOT_CALCULATED Indsatser øvrige mål!I5', 'T1_RECONCILE Tabel 1!C6'],
      fixed: { edit: (wb) => wb.setFormula('Indsatser øvrige mål', 'I5', '20000+30000') },
    },
    {
      name: 'a formula over a cell that cannot be computed is not computed either (never 0)',
      broken: { edit: (wb) => wb.setFormula('Indsatser øvrige mål', 'H5', 'TODAY()').setFormula('Indsatser øvrige mål', 'I5', 'H5*2') },
      expected: ['FORMULA_NOT_CALCULATED Indsatser øvrige mål!H5', 'FORMULA_NOT_CALCULATED Indsatser øvrige mål!I5', 'T1_RECONCILE Tabel 1!B6', 'T1_RECONCILE Tabel 1!C6'],
      fixed: { edit: (wb) => wb.setFormula('Indsatser øvrige mål', 'H5', "SUM('Indsatser øvrige mål'!I5)").setFormula('Indsatser øvrige mål', 'I5', '50000') },
    },
  ],
  NOT_A_NUMBER: [
    {
      name: 'words in Table 1',
      broken: { edit: (wb) => wb.set('Tabel 1', 'B6', 'halvtreds tusind') },
      expected: ['NOT_A_NUMBER Tabel 1!B6', 'T1_RECONCILE Tabel 1!B6', 'T1_ROW_SUM Tabel 1!F6', 'T1_COLUMN_SUM Tabel 1!B8'],
      fixed: { edit: (wb) => wb.set('Tabel 1', 'B6', 50_000) },
    },
    {
      name: 'a date typed into an amount',
      broken: { edit: (wb) => wb.set('Indsatser mål a-g', 'H5', 40_313, 'dd-mm-yyyy') },
      expected: ['NOT_A_NUMBER Indsatser mål a-g!H5', 'T1_RECONCILE Tabel 1!B5'],
      fixed: { edit: (wb) => wb.set('Indsatser mål a-g', 'H5', 100_000, '#,##0') },
    },
  ],
  NOT_A_DATE: {
    broken: { edit: (wb) => wb.set('Forside', 'C10', 'i morgen') },
    expected: ['NOT_A_DATE Forside!C10', 'COVER_DATE_MISSING Forside!C10'],
    fixed: { edit: (wb) => wb.set('Forside', 'C10', '1. maj 2010') },
  },
  NOT_A_YEAR: {
    broken: { edit: (wb) => wb.set('Forside', 'C12', 'sidste år') },
    expected: ['NOT_A_YEAR Forside!C12', 'COVER_STATUS_YEAR_MISSING Forside!C12'],
    fixed: { edit: (wb) => wb.set('Forside', 'C12', '2009') },
  },
  NOT_YES_NO: {
    broken: { fill: (f) => (f.goals!.a = { relevant: 'måske', status: 'x', realistic: 'Ja' }) },
    expected: ['NOT_YES_NO Mål a-g!C4', 'GOAL_RELEVANT_MISSING Mål a-g!C4'],
    fixed: { fill: (f) => (f.goals!.a = { relevant: 'j', status: 'x', realistic: 'Ja' }) },
  },
};
