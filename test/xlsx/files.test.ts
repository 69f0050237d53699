/**
 * Paths that are not files: a FIFO named .xlsx, a link to /dev/zero, a folder named .xlsx and a huge sparse file
 * are each reported with a clear finding, without blocking the run or reading more than the limit; the other
 * files are still reported.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diagnosticMessage } from '../../src/core/diagnostics';
import { checkFile, FileRefusedError, loadFile } from '../../src/hosts/xlsx/files';
import { runCli } from '../helpers/cli';

const example = path.join(__dirname, '..', '..', 'examples', 'SOF-budgetredegoerelse-2011.xlsx');

describe('paths that are not regular files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'not-files-'));
    copyFileSync(example, path.join(dir, 'a-sof.xlsx'));
    execFileSync('mkfifo', [path.join(dir, 'b-fifo.xlsx')]);
    symlinkSync('/dev/zero', path.join(dir, 'c-nul.xlsx'));
    mkdirSync(path.join(dir, 'd-mappe.xlsx'));
    // 1.5 GB that take no disk: a sparse file
    const fd = openSync(path.join(dir, 'e-stor.xlsx'), 'w');
    ftruncateSync(fd, 1536 * 1024 * 1024);
    closeSync(fd);
  });

  it('reports each with its reason, and the real file beside them, without waiting on the FIFO', async () => {
    const started = Date.now();
    const run = await runCli('validate', dir, '--json', '--lang', 'en');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { files: { file: string; status: string; size: number; sha256: string; diagnostics: { code: string; message: string }[] }[] };
    expect(report.files.map((f) => [f.file, f.status, f.diagnostics[0]?.code ?? null])).toEqual([
      ['a-sof.xlsx', 'valid', null],
      ['b-fifo.xlsx', 'unreadable', 'FILE_NOT_REGULAR'],
      ['c-nul.xlsx', 'unreadable', 'FILE_NOT_REGULAR'],
      ['d-mappe.xlsx', 'unreadable', 'FILE_NOT_REGULAR'],
      ['e-stor.xlsx', 'unreadable', 'FILE_TOO_LARGE'],
    ]);
    expect(report.files[1].diagnostics[0].message).toBe('The path is a named pipe (FIFO), not an ordinary file; only files are read.');
    expect(report.files[2].diagnostics[0].message).toBe('The path is a device, not an ordinary file; only files are read.');
    expect(report.files[3].diagnostics[0].message).toBe('The path is a folder, not an ordinary file; only files are read.');
    expect(report.files[4].diagnostics[0].message).toMatch(/^The file is 1\.536 MB; the limit is 50 MB\./);
  }, 90_000);

  it('hashes a file over the limit in pieces (its size from stat, never read whole) and does not load it', async () => {
    const rss = process.memoryUsage().rss;
    const err = await loadFile(path.join(dir, 'e-stor.xlsx'), 50 * 1024 * 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileRefusedError);
    const refused = err as FileRefusedError;
    expect(refused.facts.size).toBe(1536 * 1024 * 1024);
    // sha256 of 1.5 GiB of zero bytes (head -c 1610612736 /dev/zero | sha256sum)
    expect(refused.facts.sha256).toBe('b7a1ca05cae9eefbf2deee895f4fb34c8d8ffc5d6665982424e0b2711c79ed1d');
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('names a FIFO given on its own, in Danish by default', async () => {
    const report = await checkFile(path.join(dir, 'b-fifo.xlsx'));
    expect(report.status).toBe('unreadable');
    expect(diagnosticMessage(report.diagnostics[0])).toBe('Stien er en navngivet kanal (FIFO), ikke en almindelig fil; kun filer læses.');
  });
});
