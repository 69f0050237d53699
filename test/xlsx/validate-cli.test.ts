/** `integration-status validate` on the bundled examples: the documented findings, output formats, exit codes. */
import { mkdtempSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli';

const examples = path.join(__dirname, '..', '..', 'examples');
const file = (name: string) => path.join(examples, name);

interface JsonReport {
  files: { file: string; administration: string | null; status: string; diagnostics: { severity: string; code: string; sheet: string | null; cell: string | null; message: string }[] }[];
}

describe('validate on the examples', () => {
  it('finds exactly the mistakes documented in examples/README.md in the TMF example', async () => {
    const run = await runCli('validate', file('TMF-budgetredegoerelse-2011.xlsx'), '--json');
    expect(run.code).toBe(1);
    const [tmf] = (JSON.parse(run.stdout) as JsonReport).files;
    expect(tmf).toMatchObject({ file: 'TMF-budgetredegoerelse-2011.xlsx', administration: 'TMF', status: 'invalid' });
    expect(tmf.diagnostics.map((d) => `${d.severity} ${d.code} ${d.sheet}!${d.cell}`)).toEqual([
      'warning COVER_CONTACT_MISSING Forside!C8',
      'warning COVER_AFTER_DEADLINE Forside!C10',
      'error GOAL_STATUS_MISSING Mål a-g!D6',
      'warning GOAL_REALISTIC_MISSING Mål a-g!E6',
      'error GOAL_NEEDED_MISSING Mål a-g!F7',
      'error INIT_GOAL_INVALID Indsatser mål a-g!B5',
      'error NOT_A_NUMBER Indsatser mål a-g!J5',
      'error INIT_FIELD_MISSING Indsatser mål a-g!D6',
      'error T1_RECONCILE Tabel 1!B5',
      'error T1_RECONCILE Tabel 1!C5',
      'error T1_RECONCILE Tabel 1!D5',
      'error T1_RECONCILE Tabel 1!E5',
      'error PROJ_CRITERIA_MISSING Monitorerede projekter!A5',
      'error PROJ_PERIOD_ORDER Monitorerede projekter!C5',
      'error PROJ_COLOUR_INVALID Monitorerede projekter!L5',
      'error PROJ_RED_NO_ACTION_PLAN Monitorerede projekter!O5',
    ]);
  });

  it('finds the other six valid (notes allowed) and exits 1 because TMF has errors', async () => {
    const run = await runCli('validate', examples, '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => [f.administration, f.status])).toEqual([
      ['BIF', 'valid'],
      ['BUF', 'valid'],
      ['KFF', 'valid'],
      ['ØKF', 'valid'],
      ['SOF', 'valid'],
      ['SUF', 'valid'],
      ['TMF', 'invalid'],
    ]);
    for (const f of report.files.filter((x) => x.administration !== 'TMF')) {
      expect(f.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    }
  });

  it('prints compiler-style lines, a summary per file and one over all files', async () => {
    const run = await runCli('validate', file('TMF-budgetredegoerelse-2011.xlsx'), file('SOF-budgetredegoerelse-2011.xlsx'));
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      'TMF-budgetredegoerelse-2011.xlsx: Tabel 1!B5: fejl T1_RECONCILE: Tabel 1 siger 900.000 kr. for "Integrationsindsatser i relation til mål i integrationspolitikken" i 2011, men indsatserne på arket Indsatser mål a-g summerer til 750.000 kr.',
    );
    expect(lines).toContain('TMF-budgetredegoerelse-2011.xlsx: Forside!C8: advarsel COVER_CONTACT_MISSING: Kontaktperson mangler.');
    expect(lines).toContain('TMF-budgetredegoerelse-2011.xlsx: ugyldig (13 fejl, 3 advarsler, 0 bemærkninger)');
    expect(lines.slice(-2)).toEqual([
      'SOF-budgetredegoerelse-2011.xlsx: gyldig (0 fejl, 0 advarsler, 0 bemærkninger)',
      'I alt 2 filer: 1 gyldig, 1 ugyldig, 0 kan ikke læses (13 fejl, 3 advarsler, 0 bemærkninger)',
    ]);
  });

  it('exits 0 when no file has errors, and speaks English on request', async () => {
    const run = await runCli('validate', file('BIF-budgetredegoerelse-2011.xlsx'), '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('BIF-budgetredegoerelse-2011.xlsx: valid (0 errors, 0 warnings, 1 note)');
    expect(run.stdout).toContain(': note PROJ_NOT_MONITORED: ');
    expect(run.stdout).toContain('below the 100.000 kr. threshold');
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('All 1 file: 1 valid, 0 invalid, 0 unreadable (0 errors, 0 warnings, 1 note)');
  });

  it('reports every file even when one cannot be read, and exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixed-'));
    copyFileSync(file('SOF-budgetredegoerelse-2011.xlsx'), path.join(dir, 'a-sof.xlsx'));
    writeFileSync(path.join(dir, 'b-broken.xlsx'), 'not a workbook');
    copyFileSync(file('TMF-budgetredegoerelse-2011.xlsx'), path.join(dir, 'c-tmf.xlsx'));
    const run = await runCli('validate', dir, '--json');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['a-sof.xlsx', 'valid'],
      ['b-broken.xlsx', 'unreadable'],
      ['c-tmf.xlsx', 'invalid'],
    ]);
    expect(report.files[1].diagnostics[0].code).toBe('FILE_NOT_ZIP');
    const text = await runCli('validate', dir);
    expect(text.code).toBe(2);
    expect(text.stdout.trimEnd().split('\n').pop()).toBe('I alt 3 filer: 1 gyldig, 1 ugyldig, 1 kan ikke læses (14 fejl, 3 advarsler, 0 bemærkninger)');
  });

  it('is a usage error naming each path that does not exist, before any file is read', async () => {
    const run = await runCli('validate', examples, path.join(examples, 'missing.xlsx'), 'exmaples');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `integration-status: findes ikke: ${path.join(examples, 'missing.xlsx')}\nintegration-status: findes ikke: exmaples\n`,
    });
    expect(await runCli('validate', 'exmaples', '--lang', 'en')).toEqual({ code: 2, stdout: '', stderr: 'integration-status: does not exist: exmaples\n' });
  });

  it('is a usage error (exit 2) without files or with a bad option', async () => {
    expect((await runCli('validate')).code).toBe(2);
    expect((await runCli('validate', examples, '--lang', 'fr')).code).toBe(2);
    const empty = mkdtempSync(path.join(tmpdir(), 'empty-'));
    expect(await runCli('validate', empty)).toMatchObject({ code: 2, stderr: 'integration-status: ingen .xlsx-filer i de angivne mapper\n' });
  });
});
