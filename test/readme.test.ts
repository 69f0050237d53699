/** README.md stays true: every finding code is documented, and the commands it shows exist. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGES } from '../src/core/diagnostics';

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README.md', () => {
  it('documents every finding code with its severity', () => {
    const missing = Object.entries(MESSAGES).filter(([code, m]) => !readme.includes(`| \`${code}\` | ${m.severity} |`));
    expect(missing.map(([code]) => code)).toEqual([]);
  });

  it('shows only npm scripts that exist', () => {
    const shown = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter((s) => !(s in pkg.scripts))).toEqual([]);
  });
});
