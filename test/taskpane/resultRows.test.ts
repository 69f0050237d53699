/** The result list's rows from a real consolidation (the seven examples): fields by layout key, English for every fixed text, sorting and sum. */
import { consolidate } from '../../src/core/consolidate/consolidate';
import { KIND_LABELS, OUTPUT, overviewText, type OverviewKey } from '../../src/core/consolidate/layout';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { ADMINISTRATION_CODES, COLOUR_LABELS } from '../../src/core/domain';
import { overviewFromPlan } from '../../src/taskpane/overviewPlan';
import { sortRows, sumOf, toResultRows } from '../../src/taskpane/resultRows';
import { exampleInputs } from '../helpers/examples';

const options = { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' };

async function table() {
  const c = consolidate(await exampleInputs(), options);
  return overviewFromPlan(buildConsolidatedPlan(c), c.years);
}

describe('the result list’s rows', () => {
  it('every fixed text the overview writes has its English, and names and numbers are left as they are', async () => {
    const t = await table();
    const fixed: OverviewKey[] = ['kind', 'currentColour', 'redInYear', 'escalation', 'quarterColour:1', 'quarterColour:2', 'quarterColour:3', 'quarterColour:4', 'goal:a', 'goal:g'];
    const texts = new Set<string>();
    for (const key of fixed) {
      const i = t.keys.indexOf(key);
      expect(i).toBeGreaterThanOrEqual(0);
      for (const row of t.rows) if (row[i] !== null) texts.add(String(row[i]));
    }
    // The examples hold every kind, colour and answer (a small project is not monitored).
    expect([...texts].sort()).toEqual([...Object.values(KIND_LABELS), OUTPUT.escalated, OUTPUT.notMonitored, OUTPUT.no, OUTPUT.yes, ...Object.values(COLOUR_LABELS)].sort());
    for (const text of texts) expect([text, overviewText(text, 'en')]).not.toEqual([text, text]);
    expect(overviewText('Skolesocialrådgivere', 'en')).toBe('Skolesocialrådgivere');
    expect(overviewText(14_100_000, 'en')).toBe('14100000');
    expect(overviewText(null, 'en')).toBe('');
  });

  it('reads each card’s fields by key: codes of known administrations, amounts, colours per quarter, escalations', async () => {
    const t = await table();
    const rows = toResultRows(t, t.rows);
    expect(rows).toHaveLength(t.rows.length);
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(ADMINISTRATION_CODES));
    expect(rows.every((r) => typeof r.amount === 'number')).toBe(true);
    const projects = rows.filter((r) => r.kind === KIND_LABELS.project);
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.filter((r) => r.colour !== null).every((r) => r.quarters.some((q) => q !== null))).toBe(true);
    expect(rows.filter((r) => r.escalated).map((r) => [r.code, r.name])).toEqual([['BIF', 'Mentorordning for nyankomne']]);
  });

  it('sorts by amount (largest first), name, administration and colour (red first), and sums what is shown', async () => {
    const t = await table();
    const rows = toResultRows(t, t.rows);
    const amounts = sortRows(rows, 'amount', 'da').map((r) => r.amount!);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const names = sortRows(rows, 'name', 'da').map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('da-DK').compare));
    const codes = sortRows(rows, 'administration', 'da').map((r) => r.code);
    expect(codes).toEqual([...codes].sort(new Intl.Collator('da-DK').compare));
    const colours = sortRows(rows, 'colour', 'da').map((r) => r.colour);
    const rank = (c: string | null) => ['red', 'yellow', 'green', null].indexOf(c);
    expect(colours.map(rank)).toEqual([...colours.map(rank)].sort((a, b) => a - b));
    // The sum is the amounts added (in øre, so 0.1 + 0.2 is 0.3).
    expect(sumOf(rows)).toBe(Math.round(rows.reduce((s, r) => s + r.amount! * 100, 0)) / 100);
    expect(sumOf(toResultRows(t, []))).toBe(0);
    expect(sumOf([{ ...rows[0], amount: 0.1 }, { ...rows[1], amount: 0.2 }])).toBe(0.3);
  });
});
