/**
 * The rules end to end, through real files: for each area, its first break-and-fix case that changes only what is
 * typed (test/core/rules) written as an .xlsx and read back; and changes another program makes to a file (a
 * formula error, a number format, a deleted sheet or name) made in exceljs. The full set of cases runs in memory.
 */
import type ExcelJS from 'exceljs';
import { SHEET_NAMES } from '../../src/core/template/definition';
import { amountCases } from '../core/rules/amounts.cases';
import { coverCases } from '../core/rules/cover.cases';
import { goalCases } from '../core/rules/goals.cases';
import type { BreakAndFix, Scenario, Statement } from '../core/rules/harness';
import { initiativeCases } from '../core/rules/initiatives.cases';
import { projectCases } from '../core/rules/projects.cases';
import { readingCases } from '../core/rules/reading.cases';
import { table1Cases } from '../core/rules/table1.cases';
import { findings, validFill, where } from '../helpers/workbook';

const typedOnly = (s: Scenario): s is Statement => typeof s !== 'function' && s.edit === undefined;

function firstTypedCase(cases: object): BreakAndFix {
  const all = Object.values(cases as Record<string, BreakAndFix | BreakAndFix[]>).flat();
  return all.find((c) => typedOnly(c.broken) && typedOnly(c.fixed))!;
}

async function fileFindings(s: Statement, edit?: (wb: ExcelJS.Workbook) => void) {
  const fill = validFill();
  s.fill?.(fill);
  return where(await findings(fill, edit, { unit: s.unit, firstYear: s.firstYear, validation: s.validation }));
}

describe('one case per area, as a file', () => {
  it.each([
    ['cover', coverCases],
    ['goals', goalCases],
    ['initiatives', initiativeCases],
    ['amounts', amountCases],
    ['table1', table1Cases],
    ['projects', projectCases],
    ['reading', readingCases],
  ] as const)('%s', async (_area, cases) => {
    const c = firstTypedCase(cases);
    expect(await fileFindings(c.broken as Statement)).toEqual(c.expected);
    expect(await fileFindings(c.fixed as Statement)).toEqual([]);
  });

  it('a complete statement has no findings', async () => {
    expect(await fileFindings({})).toEqual([]);
  });
});

const setCell = (sheet: string, ref: string, value: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
  wb.getWorksheet(sheet)!.getCell(ref).value = value;
};

describe('changes another program makes to the file', () => {
  it.each<[string, (wb: ExcelJS.Workbook) => void, string[]]>([
    ['a formula error in an amount', setCell(SHEET_NAMES.other, 'I5', { formula: '#REF!*2', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue), ['CELL_ERROR Indsatser øvrige mål!I5', 'T1_RECONCILE Tabel 1!C6']],
    ['a row total typed over its formula', setCell(SHEET_NAMES.table1, 'F5', 500_000), ['T1_ROW_SUM Tabel 1!F5', 'T1_COLUMN_SUM Tabel 1!F8']],
    ['the template info sheet deleted', (wb) => wb.removeWorksheet(wb.getWorksheet(SHEET_NAMES.info)!.id), ['TEMPLATE_NOT_RECOGNISED ']],
    [
      'a cover field whose label and name are both gone',
      (wb) => {
        wb.definedNames.remove('Forside!$C$8', 'IB_Kontaktperson');
        wb.getWorksheet(SHEET_NAMES.cover)!.getCell('B8').value = 'Ansvarlig';
      },
      ['FIELD_MISSING Forside', 'COVER_CONTACT_MISSING Forside'],
    ],
  ])('%s', async (_name, edit, expected) => {
    expect(await fileFindings({}, edit)).toEqual(expected);
  });

  it('a total shown with two decimals is held to two decimals (the number format set in the file)', async () => {
    const seed = table1Cases.T1_RECONCILE as readonly BreakAndFix[];
    const statement = seed.find((c) => c.name?.startsWith('a total not the rounded sum'))!.fixed as Statement;
    expect(await fileFindings(statement)).toEqual([]);
    const twoDecimals = (wb: ExcelJS.Workbook) => {
      const c = wb.getWorksheet(SHEET_NAMES.table1)!.getCell('B6');
      c.style = { ...c.style, numFmt: '0.00' };
    };
    expect(await fileFindings(statement, twoDecimals)).toEqual(['T1_RECONCILE Tabel 1!B6']);
  });
});

describe('order of findings', () => {
  it('is by sheet, row and column, the same every time', async () => {
    const broken: Statement = {
      fill: (f) => {
        f.projects = [{ ...f.projects![0]!, q2: 'lilla' }];
        f.policy![0]!.activity = null;
        f.goals!.b = {};
        f.cover!.contact = null;
      },
    };
    const first = await fileFindings(broken);
    expect(first).toEqual(['COVER_CONTACT_MISSING Forside!C8', 'GOAL_RELEVANT_MISSING Mål a-g!C5', 'INIT_FIELD_MISSING Indsatser mål a-g!D5', 'PROJ_COLOUR_INVALID Monitorerede projekter!L5']);
    expect(await fileFindings(broken)).toEqual(first);
  });
});
