/** README.md stays true: every finding code is documented, and the commands, options and output it shows are real. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rulesTable } from '../scripts/rules-table';
import { count, TEXT } from '../src/cli/text';
import { runCli } from './helpers/cli';

const ROOT = path.join(__dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The text of a README section, from its heading to the next heading of the same level. */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const level = heading.split(' ')[0];
  const end = readme.indexOf(`\n${level} `, start + heading.length + 2);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README.md', () => {
  it('lists every finding code with its severity and message as the catalogue has them (npm run rules-table)', () => {
    expect(readme).toContain(rulesTable());
  });

  it('shows only npm scripts that exist', () => {
    const shown = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter((s) => !(s in pkg.scripts))).toEqual([]);
  });

  it('has a quick start of npm ci, npm run consolidate and npm test', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(section('## Quick start'))![1];
    const commands = block.split('\n').filter(Boolean).map((line) => line.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm ci', 'npm run consolidate', 'npm test']);
    expect(pkg.scripts.prepare).toBeDefined(); // what makes `npm ci` build the command line
  });

  it('lists every command of the command line, each with options it really has', async () => {
    const table = section('## Commands');
    const rows = [...table.matchAll(/^\| `npx integration-status ([a-z]+)([^`]*)`/gm)].map((m) => ({ command: m[1], options: [...m[2].matchAll(/--[a-z-]+/g)].map((o) => o[0]) }));
    const help = (await runCli('--help', '--lang', 'en')).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(5);
    expect(rows.map((r) => r.command).sort()).toEqual([...commands].sort());
    for (const row of rows) {
      const options = (await runCli(row.command, '--help', '--lang', 'en')).stdout;
      for (const option of row.options) expect(`${row.command} ${option}: ${options.includes(option)}`).toBe(`${row.command} ${option}: true`);
    }
    expect(table).toContain('`npx integration-status --version`');
    expect(table).toContain('`npx integration-status --help`');
  });

  it('shows validate output as it is: a finding, the summary of the file and the one over all files', async () => {
    const shown = /## Validation[\s\S]*?```\n([\s\S]*?)```/.exec(readme)![1].trimEnd().split('\n');
    const real = (await runCli('validate', path.join(ROOT, 'examples'))).stdout.trimEnd().split('\n');
    expect(shown.length).toBeGreaterThanOrEqual(3);
    for (const line of shown) expect(real).toContain(line);
    expect(shown[shown.length - 1]).toBe(real[real.length - 1]);
  });

  it('quotes the usage error and the progress line as the command line writes them', async () => {
    const missing = await runCli('validate', 'exmaples');
    expect(readme).toContain(`\`${missing.stderr.trimEnd()}\``);
    const t = TEXT.da;
    expect(readme).toContain(`\`${t.progress.reading('312', count(t, 700, t.forms.file))} · 4,1 s\``);
  });
});
