/** The bundled examples: reading each gives back what the generator put in, and they are up to date. */
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLES } from '../../src/examples/submissions';
import { comparable, expectedSubmission } from '../helpers/expected';
import { runCli } from '../helpers/cli';
import type { Submission } from '../../src/core/model';
import { GOAL_LETTERS } from '../../src/core/domain';

const examplesDir = path.join(__dirname, '..', '..', 'examples');

describe('bundled examples', () => {
  it.each(EXAMPLES.map((e) => [e.administration, e] as const))('inspect --json on %s prints the generated values in kr.', async (_code, e) => {
    const run = await runCli('inspect', path.join(examplesDir, e.file), '--json');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { file: string; submission: Submission };
    expect(printed.file).toBe(e.file);
    expect(comparable(printed.submission)).toEqual(expectedSubmission(e));
  });

  it('SOF carries the seed 001 figures in kr.', async () => {
    const run = await runCli('inspect', path.join(examplesDir, 'SOF-budgetredegoerelse-2011.xlsx'), '--json');
    const s = (JSON.parse(run.stdout) as { submission: Submission }).submission;
    const policy = s.table1.rows.find((r) => r.key === 'policy')!;
    expect(policy.amounts.map((a) => a.amount)).toEqual([14_100_000, 14_100_000, 14_100_000, 14_100_000]);
    expect(policy.total).toBe(56_400_000);
    const other = s.otherInitiatives.map((i) => i.economy.map((a) => a.amount ?? 0));
    const exact = [0, 1, 2, 3].map((y) => other.reduce((sum, row) => sum + row[y], 0));
    expect(exact).toEqual([3_770_000, 4_970_000, 12_470_000, 12_470_000]);
    expect(s.table1.rows.find((r) => r.key === 'other')!.amounts.map((a) => a.amount)).toEqual([3_800_000, 5_000_000, 12_500_000, 12_500_000]);
  });

  it('between them use every goal, every colour, mio. kr. and kr., and a project red twice', () => {
    const goals = new Set(EXAMPLES.flatMap((e) => e.policy.flatMap((i) => i.goals.toLowerCase().match(/[a-g]/g) ?? [])));
    expect([...goals].sort()).toEqual([...GOAL_LETTERS]);
    const colours = new Set(EXAMPLES.flatMap((e) => e.projects.flatMap((p) => p.colours)));
    for (const c of ['grøn', 'gul', 'rød']) expect(colours.has(c)).toBe(true);
    expect(EXAMPLES.some((e) => e.unit === 'mkr')).toBe(true);
    expect(EXAMPLES.some((e) => e.unit === 'kr')).toBe(true);
    expect(EXAMPLES.some((e) => e.projects.some((p) => p.colours.filter((c) => c === 'rød').length >= 2))).toBe(true);
    expect(new Set(EXAMPLES.map((e) => e.administration)).size).toBe(7);
  });

  it('are what `integration-status example` writes today, byte for byte', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'examples-'));
    const run = await runCli('example', '--out', out);
    expect(run.code).toBe(0);
    for (const e of EXAMPLES) {
      const fresh = readFileSync(path.join(out, e.file));
      const committed = readFileSync(path.join(examplesDir, e.file));
      expect({ file: e.file, same: Buffer.compare(fresh, committed) === 0 }).toEqual({ file: e.file, same: true });
    }
  });
});
