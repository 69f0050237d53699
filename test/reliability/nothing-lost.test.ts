/** Nothing lost: inputs are only ever read, and the output never lands on an input, also through a link. */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../src/hosts/xlsx/files';
import { runCli } from '../helpers/cli';

const examples = path.join(__dirname, '..', '..', 'examples');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function inputDir(): { dir: string; input: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'nothing-lost-'));
  const input = path.join(dir, 'SOF.xlsx');
  copyFileSync(path.join(examples, 'SOF-budgetredegoerelse-2011.xlsx'), input);
  return { dir, input };
}

describe('the consolidated workbook never replaces an input', () => {
  it('refuses --out that is a symbolic link to an input', async () => {
    const { dir, input } = inputDir();
    const link = path.join(dir, 'samlet.xlsx');
    symlinkSync(input, link);
    const hash = sha(input);
    const run = await runCli('consolidate', input, '--out', link);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('skriver ikke oven i en af inputfilerne');
    expect(sha(input)).toBe(hash);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('refuses --out that is a hard link to an input, or a path to it through another folder name', async () => {
    const { dir, input } = inputDir();
    const hard = path.join(dir, 'hard.xlsx');
    linkSync(input, hard);
    const hash = sha(input);
    expect((await runCli('consolidate', input, '--out', hard)).code).toBe(2);
    expect((await runCli('consolidate', dir, '--out', path.join(dir, '..', path.basename(dir), 'SOF.xlsx'))).code).toBe(2);
    expect(sha(input)).toBe(hash);
    expect(readdirSync(dir).sort()).toEqual(['SOF.xlsx', 'hard.xlsx']);
  });

  it('refuses --out equal to the --previous workbook', async () => {
    const { dir, input } = inputDir();
    const previous = path.join(dir, 'sidste-aar.xlsx');
    expect((await runCli('consolidate', input, '--out', previous)).code).toBe(0);
    const hash = sha(previous);
    const run = await runCli('consolidate', input, '--previous', previous, '--out', previous);
    expect(run.code).toBe(2);
    expect(sha(previous)).toBe(hash);
  });

  it('leaves every input byte-identical, also the unreadable ones', async () => {
    const { dir, input } = inputDir();
    const broken = path.join(dir, 'broken.xlsx');
    writeFileSync(broken, readFileSync(input).subarray(0, 5000));
    const before = [sha(input), sha(broken)];
    const run = await runCli('consolidate', dir, '--out', path.join(dir, 'out', 'samlet.xlsx'));
    expect(run.code).toBe(2);
    expect([sha(input), sha(broken)]).toEqual(before);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a symbolic link with the new file and leaves the file it pointed at alone', async () => {
    const { dir, input } = inputDir();
    const link = path.join(dir, 'link.xlsx');
    symlinkSync(input, link);
    const hash = sha(input);
    await writeFileAtomic(link, new Uint8Array([1, 2, 3]));
    expect(sha(input)).toBe(hash);
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect([...readFileSync(link)]).toEqual([1, 2, 3]);
  });

  it('leaves neither a half-written file nor a temporary file when the write fails', async () => {
    const { dir } = inputDir();
    const blocked = path.join(dir, 'blocked.xlsx');
    (await import('node:fs')).mkdirSync(blocked);
    await expect(writeFileAtomic(blocked, new Uint8Array([1]))).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['SOF.xlsx', 'blocked.xlsx']);
  });
});
