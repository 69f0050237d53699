/** README.md stays true: every finding code is documented, and the commands it shows exist. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rulesTable } from '../scripts/rules-table';

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README.md', () => {
  it('lists every finding code with its severity and message as the catalogue has them (npm run rules-table)', () => {
    expect(readme).toContain(rulesTable());
  });

  it('shows only npm scripts that exist', () => {
    const shown = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter((s) => !(s in pkg.scripts))).toEqual([]);
  });
});
