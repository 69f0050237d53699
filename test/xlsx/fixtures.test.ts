/** Workbooks saved by other programs (LibreOffice, openpyxl) read the same as the ones we write. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { EXAMPLES, exampleFill, exampleTable1, exampleTemplateOptions } from '../../src/examples/submissions';
import { parseXlsx, writePlan } from '../../src/hosts/xlsx/files';
import { comparable, expectedSubmission } from '../helpers/expected';
import { itWith } from '../helpers/tools';

const fixtures = path.join(__dirname, '..', 'fixtures');
const example = (code: string) => EXAMPLES.find((e) => e.administration === code)!;
const read = async (file: string) => parseXlsx(new Uint8Array(readFileSync(path.join(fixtures, file))));

describe('saved by LibreOffice', () => {
  it.each([
    ['bif-libreoffice.xlsx', 'BIF'],
    ['sof-libreoffice.xlsx', 'SOF'],
  ])('%s reads every field back', async (file, code) => {
    const { submission, diagnostics } = await read(file);
    expect(comparable(submission)).toEqual(expectedSubmission(example(code)));
    expect(diagnostics).toEqual([]);
    // LibreOffice keeps the cached results of the template's total formulas.
    expect(submission.table1.rows.find((r) => r.key === 'total')!.total).not.toBeNull();
  });

  // CI installs LibreOffice; a machine without it skips only this live round trip (see helpers/tools.ts).
  const live = itWith('soffice');
  live('template → filled by exceljs → re-saved by LibreOffice now → the same submission', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lo-'));
    const e = example('BIF');
    const src = path.join(dir, 'bif.xlsx');
    await writePlan(buildTemplatePlan(exampleTemplateOptions(e), exampleFill(e)), src);
    execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'out'), src], { stdio: 'pipe' });
    const { submission } = await parseXlsx(new Uint8Array(readFileSync(path.join(dir, 'out', 'bif.xlsx'))));
    expect(comparable(submission)).toEqual(expectedSubmission(e));
  }, 120_000);
});

describe('written by openpyxl', () => {
  it('the template filled in by openpyxl reads every field, also a row typed below the prepared area', async () => {
    const { submission, diagnostics } = await read('kff-openpyxl-filled.xlsx');
    expect(comparable(submission)).toEqual(expectedSubmission(example('KFF')));
    const last = submission.policyInitiatives[submission.policyInitiatives.length - 1];
    expect(last.source.row).toBe(4 + 50 + 2);
    expect(diagnostics).toEqual([]);
    // openpyxl drops cached formula results: the reader computes Table 1 and its totals from the sheets.
    const t1 = exampleTable1(example('KFF'));
    expect(submission.table1.rows.find((r) => r.key === 'total')!.amounts.map((a) => a.amount)).toEqual([0, 1, 2, 3].map((i) => (t1.policy[i] as number) + (t1.other[i] as number) + (t1.projects[i] as number)));
  });

  it('a statement written from scratch (no names, reordered and extra columns, text amounts) is found by its labels', async () => {
    const { submission, diagnostics } = await read('okf-openpyxl-scratch.xlsx');
    const expected = expectedSubmission(example('ØKF'));
    expect(comparable(submission)).toEqual({ ...expected, template: { id: null, version: null } });
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('TEMPLATE_NOT_RECOGNISED');
    // Every table-shaped area (five, with Succeskriterier) and Table 1.
    expect(codes.filter((c) => c === 'AREA_FOUND_BY_LABELS')).toHaveLength(6);
    expect(codes.filter((c) => !['TEMPLATE_NOT_RECOGNISED', 'AREA_FOUND_BY_LABELS'].includes(c))).toEqual([]);
    expect(submission.table1.rows.find((r) => r.key === 'total')!.amounts.map((a) => a.amount)).toEqual([2_390_000, 2_350_000, 2_100_000, 2_100_000]);
  });
});
