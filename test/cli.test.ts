/** The command line as a user meets it: help, clear errors, exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './helpers/cli';

describe('integration-status', () => {
  it('prints help listing the commands', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(0);
    for (const cmd of ['template', 'example', 'inspect']) expect(run.stdout).toContain(cmd);
  });

  it('exits 2 with a usage message on an unknown command or a bad option value', async () => {
    expect(await runCli('nope')).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'nope'") });
    expect(await runCli('template', '--first-year', '20x1', '--out', 'x.xlsx')).toMatchObject({ code: 2, stderr: expect.stringContaining('expected a year') });
    expect(await runCli('template', '--administration', 'XYZ', '--out', 'x.xlsx')).toMatchObject({ code: 2, stderr: expect.stringContaining('ØKF, BUF') });
  });

  it('says which file is missing, without a stack trace', async () => {
    const run = await runCli('inspect', '/no/such/file.xlsx');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('integration-status: file not found: /no/such/file.xlsx\n');
  });

  it('explains a file that is not a workbook instead of crashing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
    const file = path.join(dir, 'notes.xlsx');
    writeFileSync(file, 'just text');
    const run = await runCli('inspect', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^integration-status: notes\.xlsx: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe('just text');
  });

  it('prints a readable summary with amounts in kr.', async () => {
    const run = await runCli('inspect', path.join(__dirname, '..', 'examples', 'SOF-budgetredegoerelse-2011.xlsx'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('SOF – Socialforvaltningen');
    expect(run.stdout).toContain('14.100.000 kr.');
    expect(run.stdout).toContain('I alt 56.400.000 kr.');
  });
});
