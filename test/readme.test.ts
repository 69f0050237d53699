/** README.md stays true: every finding code is documented, and the commands it shows exist. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGUE, CODES } from '../src/core/validate/rules';

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README.md', () => {
  it('documents every finding code with its severity', () => {
    expect(CODES.filter((code) => !readme.includes(`| \`${code}\` | ${CATALOGUE[code].severity} |`))).toEqual([]);
  });

  it('shows only npm scripts that exist', () => {
    const shown = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter((s) => !(s in pkg.scripts))).toEqual([]);
  });
});
