/**
 * Many submissions for the Office host's size tests: the seven bundled examples, copied with the budget period
 * moved one year per round (as scripts/bench.ts does), so consolidation keeps every copy. 7 → the examples as they
 * are; 280 and 700 → national-scale consolidated plans.
 */
import type { ConsolidationInput } from '../../src/core/consolidate/consolidate';
import type { Submission, YearAmount } from '../../src/core/model';
import { exampleInputs } from '../helpers/examples';

const shiftYears = (list: YearAmount[], by: number): YearAmount[] => list.map((a) => ({ ...a, year: a.year + by }));
const shiftDate = (iso: string | null, by: number): string | null => (iso ? `${Number(iso.slice(0, 4)) + by}${iso.slice(4)}` : iso);

function shifted(s: Submission, by: number): Submission {
  return {
    ...s,
    years: s.years.map((y) => y + by),
    cover: {
      ...s.cover,
      firstYear: s.cover.firstYear === null ? null : s.cover.firstYear + by,
      statusYear: s.cover.statusYear === null ? null : s.cover.statusYear + by,
      submissionDate: shiftDate(s.cover.submissionDate, by),
      deadline: shiftDate(s.cover.deadline, by),
    },
    policyInitiatives: s.policyInitiatives.map((i) => ({ ...i, economy: shiftYears(i.economy, by) })),
    otherInitiatives: s.otherInitiatives.map((i) => ({ ...i, economy: shiftYears(i.economy, by) })),
    table1: { years: s.table1.years.map((y) => y + by), rows: s.table1.rows.map((r) => ({ ...r, amounts: shiftYears(r.amounts, by) })) },
    projects: s.projects.map((p) => ({ ...p, start: shiftDate(p.start, by), end: shiftDate(p.end, by), funding: shiftYears(p.funding, by) })),
  };
}

export async function manyInputs(n: number): Promise<ConsolidationInput[]> {
  const examples = await exampleInputs();
  return Array.from({ length: n }, (_, i) => {
    const e = examples[i % examples.length];
    const round = Math.floor(i / examples.length);
    if (round === 0 || !e.submission) return e;
    return { ...e, file: { ...e.file, name: `${round}-${e.file.name}` }, submission: shifted(e.submission, round) };
  });
}
