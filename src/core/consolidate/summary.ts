/** The consolidation in numbers, for `consolidate --json` and for tests. */
import { diagnosticMessage, type Lang } from '../diagnostics';
import type { Table1RowKey } from '../model';
import { sumRounded } from '../numbers';
import { colourCounts, municipalityTable1, table1Figures, type Consolidation } from './consolidate';
import { latestQuarterText, redInYear } from './layout';

type ByRow = Record<Table1RowKey, { byYear: Record<string, number>; total: number }>;

function byRow(years: number[], rows: Record<Table1RowKey, number[]>): ByRow {
  const out = {} as ByRow;
  for (const key of Object.keys(rows) as Table1RowKey[]) {
    out[key] = { byYear: Object.fromEntries(years.map((y, i) => [String(y), rows[key][i]])), total: sumRounded(rows[key]) };
  }
  return out;
}

export function consolidationSummary(c: Consolidation, lang: Lang = 'da') {
  const figures = table1Figures(c);
  const colours = colourCounts(c);
  const sum = (k: 'green' | 'yellow' | 'red') => colours.reduce((s, x) => s + x.counts[k], 0);
  return {
    administrations: c.included.map((i) => ({ administration: i.administration, period: i.period, file: i.file.name, status: i.status, errors: i.errors })),
    years: c.years,
    table1: {
      unit: 'kr.',
      byAdministration: Object.fromEntries(figures.map((f) => [f.administration, byRow(c.years, f.rows)])),
      municipality: byRow(c.years, municipalityTable1(figures, c.years)),
    },
    initiatives: {
      policy: c.included.reduce((s, i) => s + i.submission.policyInitiatives.length, 0),
      other: c.included.reduce((s, i) => s + i.submission.otherInitiatives.length, 0),
    },
    projects: {
      monitored: c.monitoring.length,
      green: sum('green'),
      yellow: sum('yellow'),
      red: sum('red'),
      withoutColour: colours.reduce((s, x) => s + x.none, 0),
      /** Red in at least one quarter of the status year. */
      redInYear: c.monitoring.filter(redInYear).length,
    },
    period: c.period,
    periods: c.periods,
    leftOutPeriods: c.leftOutPeriods,
    escalations: c.monitoring.filter((m) => m.escalate).map((m) => ({ administration: m.administration, project: m.project.name, redCount: m.redCount })),
    /** Red in the latest quarter and not before (seed 003: told before publication). */
    newlyRed: c.monitoring.filter((m) => m.newlyRed).map((m) => ({ administration: m.administration, project: m.project.name, quarter: latestQuarterText(m) })),
    replaced: c.replacements,
    skipped: c.files
      .filter((f) => f.outcome === 'unreadable' || f.outcome === 'left-out')
      .map((f) => ({ file: f.file.name, outcome: f.outcome, reason: f.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnosticMessage(d, lang))[0] ?? null })),
  };
}
