/** `integration-status consolidate` end to end: the output file, read back by exceljs and by openpyxl. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUTPUT } from '../../src/core/consolidate/plan';
import { XlsxWorkbookReader } from '../helpers/exceljsReader';
import { SheetGrid } from '../../src/core/reader';
import type { TemplateFill } from '../../src/core/template/fill';
import { runCli } from '../helpers/cli';
import { openpyxlJson, withOpenpyxl } from '../helpers/openpyxl';
import { validFill, workbookBytes } from '../helpers/workbook';

const examples = path.join(__dirname, '..', '..', 'examples');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'consolidate-'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function sheet(file: string, name: string): Promise<SheetGrid> {
  const reader = await XlsxWorkbookReader.load(new Uint8Array(readFileSync(file)));
  return new SheetGrid(await reader.readSheet(name));
}

function rowsOf(grid: SheetGrid): (string | number | boolean | null)[][] {
  return grid.sheet.values.map((r) => r.map((v) => (typeof v === 'object' && v !== null ? v.error : v)));
}

describe('consolidate', () => {
  it('writes the consolidated workbook from the examples and summarises it as JSON', async () => {
    const dir = tmp();
    const out = path.join(dir, 'samlet.xlsx');
    const before = readdirSync(examples).map((f) => sha(path.join(examples, f)));
    const run = await runCli('consolidate', examples, '--out', out, '--json');
    expect(run.code).toBe(1); // TMF has errors; it is included and marked
    const s = JSON.parse(run.stdout);
    expect(s.out).toBe(out);
    expect(s.administrations.map((a: { administration: string }) => a.administration)).toEqual(['ØKF', 'BUF', 'KFF', 'SUF', 'SOF', 'TMF', 'BIF']);
    expect(s.table1.byAdministration.SOF.policy.total).toBe(56_400_000);
    expect(s.escalations).toHaveLength(1);
    // The escalated project's letter to the committee goes beside the workbook.
    expect(readdirSync(dir)).toEqual(['samlet-breve', 'samlet.xlsx']);
    expect(s.letters).toEqual([path.join(dir, 'samlet-breve', 'brev-BIF-Mentorordning-for-nyankomne.docx')]);
    expect(readdirSync(path.join(dir, 'samlet-breve'))).toEqual(['brev-BIF-Mentorordning-for-nyankomne.docx']);
    expect(readdirSync(examples).map((f) => sha(path.join(examples, f)))).toEqual(before);

    const economy = rowsOf(await sheet(out, OUTPUT.economy));
    const sofPolicy = economy.find((r) => r[0] === 'SOF – Socialforvaltningen' && String(r[1]).startsWith('Integrationsindsatser i relation'))!;
    expect(sofPolicy.slice(2, 7)).toEqual([14_100_000, 14_100_000, 14_100_000, 14_100_000, 56_400_000]);
    expect(sofPolicy[7]).toBe('gyldig');
    const whole = economy.find((r) => r[0] === 'Hele kommunen' && r[1] === 'I ALT')!;
    const adminTotals = economy.filter((r) => r[0] !== 'Hele kommunen' && r[1] === 'I ALT');
    expect(adminTotals).toHaveLength(7);
    for (let i = 2; i < 7; i++) expect(whole[i]).toBeCloseTo(adminTotals.reduce((sum, r) => sum + (r[i] as number), 0), 2);
  });

  it('prints where it wrote the file; `npm run consolidate` does the same for examples/', async () => {
    const out = path.join(tmp(), 'samlet.xlsx');
    const run = await runCli('consolidate', examples, '--out', out);
    expect(run.stdout).toContain(`Samlet status skrevet til ${out}`);
    expect(run.stdout).toContain('TMF-budgetredegoerelse-2011.xlsx: TMF 2011–2014 – medtaget med 13 fejl');
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(pkg.scripts.consolidate).toBe('node bin/integration-status.js consolidate examples --out out/samlet-status.xlsx');
  });

  it('leaves out files with errors with --strict, and lists unreadable files', async () => {
    const dir = tmp();
    for (const f of readdirSync(examples).filter((x) => x.endsWith('.xlsx'))) writeFileSync(path.join(dir, f), readFileSync(path.join(examples, f)));
    writeFileSync(path.join(dir, 'zz-broken.xlsx'), 'nope');
    const out = path.join(tmp(), 'samlet.xlsx');
    const run = await runCli('consolidate', dir, '--out', out, '--strict', '--json');
    expect(run.code).toBe(2);
    const s = JSON.parse(run.stdout);
    expect(s.administrations).toHaveLength(6);
    expect(s.skipped.map((x: { file: string; outcome: string }) => [x.file, x.outcome])).toEqual([
      ['TMF-budgetredegoerelse-2011.xlsx', 'left-out'],
      ['zz-broken.xlsx', 'unreadable'],
    ]);
    const files = rowsOf(await sheet(out, OUTPUT.files));
    expect(files.find((r) => r[0] === 'zz-broken.xlsx')![3]).toBe('kan ikke læses');
    expect(files.find((r) => r[0] === 'TMF-budgetredegoerelse-2011.xlsx')![3]).toBe('udeladt (fejl)');
  });

  it('refuses to write over an input, and never leaves a half-written file', async () => {
    const dir = tmp();
    const input = path.join(dir, 'sof.xlsx');
    writeFileSync(input, readFileSync(path.join(examples, 'SOF-budgetredegoerelse-2011.xlsx')));
    const hash = sha(input);
    const run = await runCli('consolidate', input, '--out', input);
    expect(run).toMatchObject({ code: 2, stderr: `integration-status: skriver ikke oven i en af inputfilerne: ${input}\n` });
    expect(sha(input)).toBe(hash);
    const viaFolder = await runCli('consolidate', dir, '--out', path.join(dir, '.', 'sof.xlsx'));
    expect(viaFolder.code).toBe(2);
    // a target that cannot be written (a folder) fails cleanly and leaves no temporary file behind
    mkdirSync(path.join(dir, 'out.xlsx'));
    const blocked = await runCli('consolidate', input, '--out', path.join(dir, 'out.xlsx'));
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^integration-status: /);
    expect(readdirSync(dir).sort()).toEqual(['out.xlsx', 'sof.xlsx']);
  });

  it('carries the quarter colours forward: red last year and red again now means a letter to the committee', async () => {
    const dir = tmp();
    const red = (statusYear: number, quarter: 'q1' | 'q4'): TemplateFill => {
      const f = validFill();
      f.cover!.statusYear = statusYear;
      f.projects = [{ ...f.projects![0]!, start: { date: '2008-01-01' }, q1: 'grøn', q2: 'grøn', q3: 'grøn', q4: 'grøn', [quarter]: 'rød', actionPlan: 'Plan' }];
      return f;
    };
    const lastYear = path.join(dir, 'kff-2008.xlsx');
    writeFileSync(lastYear, await workbookBytes(red(2008, 'q4')));
    const previous = path.join(dir, 'samlet-2008.xlsx');
    expect((await runCli('consolidate', lastYear, '--out', previous)).code).toBe(0);

    const thisYear = path.join(dir, 'now', 'kff-2009.xlsx');
    mkdirSync(path.dirname(thisYear));
    writeFileSync(thisYear, await workbookBytes(red(2009, 'q1')));
    const out = path.join(dir, 'samlet-2009.xlsx');
    const alone = await runCli('consolidate', thisYear, '--out', out, '--json');
    expect(JSON.parse(alone.stdout).escalations).toEqual([]);
    const run = await runCli('consolidate', thisYear, '--previous', previous, '--out', out, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).escalations).toEqual([{ administration: 'KFF', project: 'Bydelsmødre', redCount: 2 }]);
    const history = rowsOf(await sheet(out, OUTPUT.history)).filter((r) => r[1] === 'Bydelsmødre' && typeof r[2] === 'number' && r.length >= 5 && typeof r[3] === 'number');
    expect(history.map((r) => [r[2], r[3], r[4]])).toEqual([
      [2008, 1, 'grøn'],
      [2008, 2, 'grøn'],
      [2008, 3, 'grøn'],
      [2008, 4, 'rød'],
      [2009, 1, 'rød'],
      [2009, 2, 'grøn'],
      [2009, 3, 'grøn'],
      [2009, 4, 'grøn'],
    ]);
  });

  it('refuses a previous workbook that is not a consolidated status', async () => {
    const run = await runCli('consolidate', examples, '--previous', path.join(examples, 'SOF-budgetredegoerelse-2011.xlsx'), '--out', path.join(tmp(), 'x.xlsx'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SOF-budgetredegoerelse-2011.xlsx: Den tidligere fil er ikke en samlet status');
  });

  withOpenpyxl('writes text from submissions as text, never as a formula (checked with openpyxl)', async () => {
    const dir = tmp();
    const attacks = ['=HYPERLINK("http://x","klik")', '=WEBSERVICE("http://x")', '+1+1', '-1+1', '@SUM(1,1)', '=1+1\t', '=cmd|"/c calc"!A0'];
    const f = validFill();
    let n = 0;
    const next = () => attacks[n++ % attacks.length];
    f.cover!.contact = next();
    f.cover!.email = next();
    f.goals!.a = { relevant: 'Ja', status: next(), realistic: 'Nej', neededInitiatives: next() };
    for (const list of [f.policy!, f.other!]) {
      const i = list[0]!;
      for (const key of ['name', 'targetGroup', 'activity', 'expectedResult', 'status', 'followUp'] as const) i[key] = next();
    }
    f.other![0]!.goals = next();
    Object.assign(f.projects![0]!, { name: next(), fund: next(), indicator: next(), actionPlan: next(), q3: 'rød' });
    const input = path.join(dir, 'angreb.xlsx');
    writeFileSync(input, await workbookBytes(f));
    const out = path.join(dir, 'samlet.xlsx');
    await runCli('consolidate', input, '--out', out);
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'cells = [(ws.title, c.coordinate, c.data_type, c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]',
      'print(json.dumps({"formulas": [[x[0], x[3]] for x in cells if x[2] == "f"], "strings": [x[3] for x in cells if x[2] == "s"]}))',
    ].join('\n');
    const seen = openpyxlJson<{ formulas: string[][]; strings: string[] }>(script, out);
    // The only formulas are the workbook's own totals (sums and references of its cells), never text from a file.
    expect(seen.formulas.length).toBeGreaterThan(0);
    for (const [sheet, formula] of seen.formulas) {
      expect([OUTPUT.overviewSheet, OUTPUT.goals]).toContain(sheet);
      expect(formula).toMatch(/^=(SUM\([A-Z]+\d+(:[A-Z]+\d+)?\)|[A-Z]+\d+(-[A-Z]+\d+)?)$/);
    }
    for (const a of attacks) expect(seen.strings.some((s) => s.includes(a.trim()))).toBe(true);
  });
});

describe('output file', () => {
  it('is not created when nothing could be consolidated because of a usage error', async () => {
    const out = path.join(tmp(), 'x.xlsx');
    expect((await runCli('consolidate', '--out', out)).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
