/** The reader's computation of formulas saved without a result (src/core/parse/formulas.ts and the index that runs it). */
import { evaluateFormula, FormulaNotSupported, referredSheets, type FormulaCells } from '../../src/core/parse/formulas';
import { readSubmission } from '../../src/core/parse/submission';
import type { CellValue } from '../../src/core/reader';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { validFill, where } from '../helpers/statement';
import { validate } from '../../src/core/validate/validate';

/** Sheets as grids from A1: values by [row][col], 1-based through the offset. */
function cells(sheets: Record<string, CellValue[][]>): FormulaCells {
  return {
    cells(sheet, top, left, bottom, right) {
      const grid = sheets[sheet];
      if (!grid) return undefined;
      const out: CellValue[] = [];
      for (let r = top; r <= Math.min(bottom, grid.length); r++) for (let c = left; c <= right; c++) out.push(grid[r - 1]?.[c - 1] ?? null);
      return out;
    },
  };
}

const book = cells({ Ark: [[1, 2, 'tekst'], [3, null, true], [{ error: '#REF!' }]], 'Mål a-g': [[10], [20]] });
const calc = (f: string) => evaluateFormula(f, 'Ark', book);

describe('computing a formula saved without a result', () => {
  it.each([
    ['SUM(A1:C2)', 6],
    ['=SUM(A1:A2,B1,5)', 11],
    ["SUM('Mål a-g'!$A$1:$A$1048576)", 30],
    ['COUNT(A1:C2)', 3],
    ['IF(COUNT(B2)=0,"",SUM(A1:B1))', ''],
    ['IF(A1>0,"ja","nej")', 'ja'],
    ['A1&"–"&(A1+3)', '1–4'],
    ['"Beløb i "&C1', 'Beløb i tekst'],
    ['-A2*2/4+1', -0.5],
    ['AND(A1=1,OR(C2,A1<>1))', true],
    ['OR(B2,A1<>1)', false],
    ['C1="TEKST"', true],
  ])('%s is %p', (formula, expected) => {
    expect(calc(formula)).toEqual(expected);
  });

  it.each([
    ['VLOOKUP(A1,A1:B2,2)', 'an unknown function'],
    ['SUM(A3)', 'an error value in a range'],
    ['A1/0', 'division by zero'],
    ['Andet!A1', 'a sheet that is not there'],
    ['A1+C1', 'text in arithmetic'],
    ['SUM(A1', 'a formula that ends too early'],
    ['A1 A2', 'two values side by side'],
    [`${'('.repeat(65)}1${')'.repeat(65)}`, 'nesting deeper than Excel allows'],
    [`${'-'.repeat(65)}1`, 'signs nested deeper than Excel allows'],
    [`1${'+1'.repeat(4100)}`, 'a formula longer than Excel allows'],
  ].map(([formula, why]) => [why, formula]))('not computed: %s', (_why, formula) => {
    expect(() => calc(formula)).toThrow(FormulaNotSupported);
  });

  it('names the sheets a formula refers to, so they are read first', () => {
    expect(referredSheets("SUM('Mål a-g'!A1:A9)+Ark!B2+'It''s'!C3+D4")).toEqual(['Mål a-g', 'Ark', "It's"]);
  });

  const statement = () => MemoryWorkbook.fromPlanUncalculated(buildTemplatePlan({ firstYear: 2011, unit: 'kr', administration: 'KFF' }, { ...validFill(), table1: undefined }));

  it('a circular reference is reported, never hangs or throws', async () => {
    const circular = statement().setFormula('Indsatser øvrige mål', 'H5', 'I5').setFormula('Indsatser øvrige mål', 'I5', 'H5');
    expect(where(validate(await readSubmission(circular))).filter((w) => w.includes('øvrige'))).toEqual([
      'FORMULA_NOT_CALCULATED Indsatser øvrige mål!H5',
      'FORMULA_NOT_CALCULATED Indsatser øvrige mål!I5',
    ]);
  });

  it('a chain of formulas longer than Excel would nest is reported', async () => {
    const chain = statement();
    for (let r = 1; r <= 300; r++) chain.setFormula('Skabeloninfo', `Z${r}`, `Z${r + 1}+1`);
    chain.setFormula('Indsatser øvrige mål', 'H5', 'Skabeloninfo!Z1');
    const found = where(validate(await readSubmission(chain)));
    expect(found).toContain('FORMULA_NOT_CALCULATED Indsatser øvrige mål!H5');
  });

  it('a file with more to compute than a statement has stops at the budget and is reported', async () => {
    const heavy = statement();
    // 1.000 formulas over 2.100 cells each: over the budget of 2.000.000 cells read for one workbook.
    for (let r = 1; r <= 2_100; r++) heavy.set('Skabeloninfo', `Y${r}`, 1);
    for (let r = 1; r <= 1_000; r++) heavy.setFormula('Skabeloninfo', `X${r}`, 'SUM(Y1:Y2100)');
    heavy.setFormula('Indsatser øvrige mål', 'H5', 'SUM(Skabeloninfo!X1:X1000)');
    expect(where(validate(await readSubmission(heavy)))).toContain('FORMULA_NOT_CALCULATED Indsatser øvrige mål!H5');
  });
});
