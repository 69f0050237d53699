/**
 * The built command line (bin/ → dist-cli/, what `npm ci` builds and users run): the same behaviour as the source,
 * its worker threads started from the built output, and a clear message when it has not been built.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLES } from '../../src/examples/submissions';
import { BIN, runBuiltCli, runCli } from '../helpers/cli';

const ROOT = path.join(__dirname, '..', '..');
const examples = path.join(ROOT, 'examples');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

describe('bin/integration-status.js', () => {
  it('is what package.json installs as the command', () => {
    expect(path.join(ROOT, pkg.bin['integration-status'])).toBe(BIN);
  });

  it('prints the version, and help in Danish, or English when LANG is English', async () => {
    expect(await runBuiltCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect((await runBuiltCli(['--help'])).stdout).toMatch(/^Brug: integration-status /);
    expect((await runBuiltCli(['--help'], { env: { LANG: 'en_US.UTF-8' } })).stdout).toMatch(/^Usage: integration-status /);
  });

  it('validates as the source does, with the same exit code, and prints no progress when stderr is not a terminal', async () => {
    const built = await runBuiltCli(['validate', examples]);
    const source = await runCli('validate', examples);
    expect(built).toEqual({ code: 1, stdout: source.stdout, stderr: '' });
    expect(await runBuiltCli(['validate', 'exmaples'])).toEqual({ code: 2, stdout: '', stderr: 'integration-status: findes ikke: exmaples\n' });
  });

  describe('worker threads', () => {
    let dir: string;
    beforeAll(() => {
      // Enough files for one worker thread (one per 24 files).
      dir = mkdtempSync(path.join(tmpdir(), 'built-pool-'));
      for (let i = 0; i < 4; i++) for (const e of EXAMPLES) copyFileSync(path.join(examples, e.file), path.join(dir, `${i}-${e.file}`));
    });

    it('start from the built output and give what one thread gives', async () => {
      const alone = await runBuiltCli(['validate', dir, '--json'], { env: { INTEGRATION_STATUS_WORKERS: '0' } });
      const pooled = await runBuiltCli(['validate', dir, '--json'], { env: { INTEGRATION_STATUS_WORKERS: '1' } });
      expect(pooled).toEqual(alone);
      expect(JSON.parse(pooled.stdout).files).toHaveLength(28);
    });

    it('that cannot start (a broken build) are reported once, and the files are still all read', async () => {
      const copy = mkdtempSync(path.join(tmpdir(), 'broken-build-'));
      mkdirSync(path.join(copy, 'bin'));
      copyFileSync(BIN, path.join(copy, 'bin', 'integration-status.js'));
      cpSync(path.join(ROOT, 'dist-cli'), path.join(copy, 'dist-cli'), { recursive: true });
      rmSync(path.join(copy, 'dist-cli', 'checkWorker.js'));
      const bin = path.join(copy, 'bin', 'integration-status.js');
      const run = await runBuiltCli(['validate', dir], { bin, env: { INTEGRATION_STATUS_WORKERS: '1' } });
      const good = await runBuiltCli(['validate', dir], { env: { INTEGRATION_STATUS_WORKERS: '1' } });
      expect(run.stdout).toBe(good.stdout);
      expect(good.stderr).toBe('');
      expect(run.stderr).toBe(
        'integration-status: advarsel: arbejdstrådene kunne ikke starte, så filerne læses i én tråd; byg kommandolinjen igen (npm run build:cli)\n',
      );
    });
  });

  it('keeps the .xlsx host and the Word writer out of the bundle that starts first (each is loaded when needed)', () => {
    // esbuild marks each module it bundles with a comment naming its path.
    const first = readFileSync(path.join(ROOT, 'dist-cli', 'integration-status.js'), 'utf8');
    const modules = [...first.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => m[1]);
    expect(modules).toContain('src/cli/main.ts');
    expect(modules.filter((m) => /^src\/hosts\/|^node_modules\/(docx|exceljs|jszip|pako)\//.test(m))).toEqual([]);
  });

  it('says how to build it when dist-cli/ is missing', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'unbuilt-'));
    mkdirSync(path.join(copy, 'bin'));
    copyFileSync(BIN, path.join(copy, 'bin', 'integration-status.js'));
    const bin = path.join(copy, 'bin', 'integration-status.js');
    expect(await runBuiltCli(['--version'], { bin })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'integration-status: kommandolinjen er ikke bygget: kør npm ci (eller npm run build:cli)\n',
    });
    expect((await runBuiltCli(['--version', '--lang', 'en'], { bin })).stderr).toBe('integration-status: the command line is not built: run npm ci (or npm run build:cli)\n');
  });
});
