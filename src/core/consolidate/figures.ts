/**
 * The figures the committee reads at a glance: spend per administration and year, the part from files with errors,
 * the administration × goal matrix, colours per administration and per quarter, and where Table 1 and the
 * initiatives disagree. Shared by the sheet plan, the summary and the tests.
 */
import { COLOURS, GOAL_LETTERS, type Colour, type GoalLetter, type Quarter } from '../domain';
import type { Initiative } from '../model';
import { redInYear } from './layout';
import { round2, sumRounded } from '../numbers';
import { table1Figures, type Consolidation, type Included } from './consolidate';

const addInto = (into: number[], xs: readonly number[]) => xs.forEach((x, i) => (into[i] = round2(into[i] + x)));

/** Administrations in the consolidation's order (one entry even where it sent several budget periods). */
export function administrations(c: Consolidation): string[] {
  return [...new Set(c.included.map((i) => i.administration))];
}

export interface AdministrationSpend {
  administration: string;
  /** Table 1's I ALT per year of the consolidation, over the administration's included statements. */
  byYear: number[];
  /** Errors in its statements (files with errors are included and marked unless --strict). */
  errors: number;
}

/** Table 1's I ALT per administration and year (blank counts as 0). */
export function spendByAdministration(c: Consolidation): AdministrationSpend[] {
  const figures = table1Figures(c);
  const out = new Map<string, AdministrationSpend>();
  c.included.forEach((inc, k) => {
    let a = out.get(inc.administration);
    if (!a) {
      a = { administration: inc.administration, byYear: c.years.map(() => 0), errors: 0 };
      out.set(inc.administration, a);
    }
    addInto(a.byYear, figures[k].rows.total);
    a.errors += inc.status === 'invalid' ? inc.errors : 0;
  });
  return [...out.values()];
}

export interface MunicipalitySpend {
  byYear: number[];
  /** The part of it from files with errors. */
  fromFilesWithErrors: number[];
  withoutFilesWithErrors: number[];
  /** The administrations whose files have errors, with the number of errors. */
  filesWithErrors: { administration: string; file: string; errors: number }[];
}

export function municipalitySpend(c: Consolidation): MunicipalitySpend {
  const figures = table1Figures(c);
  const byYear = c.years.map(() => 0);
  const fromFilesWithErrors = c.years.map(() => 0);
  c.included.forEach((inc, k) => {
    addInto(byYear, figures[k].rows.total);
    if (inc.status === 'invalid') addInto(fromFilesWithErrors, figures[k].rows.total);
  });
  return {
    byYear,
    fromFilesWithErrors,
    withoutFilesWithErrors: byYear.map((v, i) => round2(v - fromFilesWithErrors[i])),
    filesWithErrors: c.included.filter((i) => i.status === 'invalid').map((i) => ({ administration: i.administration, file: i.file.name, errors: i.errors })),
  };
}

/**
 * An initiative's spend over the consolidation's years (each year's first amount, rounded, added in year order: the
 * same sum as sumByYear's), without a pass over every year: a stress run spans about a hundred.
 */
function spendOf(i: Initiative, years: ReadonlySet<number>): number {
  const counted: { year: number; amount: number }[] = [];
  for (const a of i.economy) if (years.has(a.year) && !counted.some((x) => x.year === a.year)) counted.push({ year: a.year, amount: round2(a.amount ?? 0) });
  counted.sort((a, b) => a.year - b.year);
  let total = 0;
  for (const x of counted) total += x.amount;
  return round2(total);
}

export interface GoalMatrixRow {
  administration: string;
  /** Spend and number of initiatives per goal: an initiative serving several goals counts under each. */
  spend: Record<GoalLetter, number>;
  count: Record<GoalLetter, number>;
  /** Each initiative once. */
  spendOnce: number;
  countOnce: number;
}

/** The administration × goal matrix of the policy initiatives (spend over the budget period). */
export function goalMatrix(c: Consolidation): GoalMatrixRow[] {
  const rows = new Map<string, GoalMatrixRow>();
  const zero = () => Object.fromEntries(GOAL_LETTERS.map((g) => [g, 0])) as Record<GoalLetter, number>;
  const years = new Set(c.years);
  for (const inc of c.included) {
    let row = rows.get(inc.administration);
    if (!row) {
      row = { administration: inc.administration, spend: zero(), count: zero(), spendOnce: 0, countOnce: 0 };
      rows.set(inc.administration, row);
    }
    for (const i of inc.submission.policyInitiatives) {
      const spend = spendOf(i, years);
      for (const g of new Set(i.goals)) {
        row.spend[g] = round2(row.spend[g] + spend);
        row.count[g]++;
      }
      row.spendOnce = round2(row.spendOnce + spend);
      row.countOnce++;
    }
  }
  return [...rows.values()];
}

export interface ColourCounts {
  administration: string;
  counts: Record<Colour, number>;
  none: number;
  redInYear: number;
  escalated: number;
}

/** Monitored projects per administration by current colour, red in any quarter of the year, and escalated. */
export function coloursByAdministration(c: Consolidation): ColourCounts[] {
  const out = new Map<string, ColourCounts>();
  for (const m of c.monitoring) {
    let row = out.get(m.administration);
    if (!row) {
      row = { administration: m.administration, counts: Object.fromEntries(COLOURS.map((k) => [k, 0])) as Record<Colour, number>, none: 0, redInYear: 0, escalated: 0 };
      out.set(m.administration, row);
    }
    if (m.current) row.counts[m.current]++;
    else row.none++;
    if (redInYear(m)) row.redInYear++;
    if (m.escalate) row.escalated++;
  }
  return [...out.values()];
}

export interface QuarterColours {
  year: number;
  quarter: Quarter;
  counts: Record<Colour, number>;
}

/** Projects per colour in each quarter of the history (earlier consolidations and this one). */
export function coloursByQuarter(c: Consolidation): QuarterColours[] {
  const out = new Map<number, QuarterColours>();
  for (const h of c.history) {
    const key = h.year * 10 + h.quarter;
    let row = out.get(key);
    if (!row) {
      row = { year: h.year, quarter: h.quarter, counts: Object.fromEntries(COLOURS.map((k) => [k, 0])) as Record<Colour, number> };
      out.set(key, row);
    }
    row.counts[h.colour]++;
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

export interface Disagreement {
  administration: string;
  file: string;
  /** Table 1 row 1 and the initiatives on "Indsatser mål a-g", over the period. */
  table1: number;
  initiatives: number;
  difference: number;
}

export interface GoalReconciliation {
  /** Policy initiatives, each once, over the period. */
  initiatives: number;
  /** Table 1 row 1 (Integrationsindsatser i relation til mål i integrationspolitikken), whole municipality. */
  table1: number;
  difference: number;
  /** The statements whose Table 1 row 1 and initiatives differ (by half a krone or more). */
  disagreements: Disagreement[];
}

/** Why spend per goal and Table 1 row 1 differ: the statements where the two disagree. */
export function goalReconciliation(c: Consolidation): GoalReconciliation {
  const figures = table1Figures(c);
  const years = new Set(c.years);
  const disagreements: Disagreement[] = [];
  let initiatives = 0;
  let table1 = 0;
  c.included.forEach((inc: Included, k) => {
    const own = sumRounded(inc.submission.policyInitiatives.map((i) => spendOf(i, years)));
    const stated = sumRounded(figures[k].rows.policy);
    initiatives = round2(initiatives + own);
    table1 = round2(table1 + stated);
    if (Math.abs(stated - own) >= 0.5) disagreements.push({ administration: inc.administration, file: inc.file.name, table1: stated, initiatives: own, difference: round2(stated - own) });
  });
  return { initiatives, table1, difference: round2(table1 - initiatives), disagreements };
}
