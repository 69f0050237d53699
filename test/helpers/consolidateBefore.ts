/**
 * The choice of statements as it was before the Consolidator (all inputs at once, every submission held), with the
 * monitoring it feeds unchanged: the oracle the Consolidator is checked against.
 */
import { ADMINISTRATIONS, GOAL_LETTERS, type GoalLetter } from '../../src/core/domain';
import { round2 } from '../../src/core/numbers';
import { DEFAULT_THRESHOLDS } from '../../src/core/consolidate/colours';

import { choosePeriod, monitorProjects, periodOf, type Consolidation, type ConsolidationInput, type ConsolidationOptions, type FileEntry, type Included, type PeriodFigures, type Replacement } from '../../src/core/consolidate/consolidate';

const ADMIN_ORDER = ADMINISTRATIONS.map((a) => a.code as string);

function adminRank(code: string): number {
  const i = ADMIN_ORDER.indexOf(code);
  return i < 0 ? ADMIN_ORDER.length : i;
}

const firstYearOf = (period: string) => Number(period.slice(0, 4));

/** Later wins: by submission date, then file time, then file name (so the choice never depends on input order). */
function isLater(a: Included, b: Included): boolean {
  const key = (x: Included) => [x.submission.cover.submissionDate ?? '', x.file.modified ?? '', x.file.name];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] > kb[i];
  return false;
}


export function consolidateBefore(inputs: ConsolidationInput[], options: ConsolidationOptions): Consolidation {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const strict = options.strict ?? false;
  const files: FileEntry[] = [];
  const candidates: Included[] = [];
  const sorted = [...inputs].sort((a, b) => a.file.name.localeCompare(b.file.name) || a.file.sha256.localeCompare(b.file.sha256));

  for (const input of sorted) {
    const errors = input.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = input.diagnostics.filter((d) => d.severity === 'warning').length;
    const s = input.submission;
    const entry: FileEntry = {
      file: input.file,
      status: input.status,
      outcome: 'included',
      administration: s?.cover.administration ?? null,
      period: s ? periodOf(s) : null,
      templateVersion: s?.template.version ?? null,
      errors,
      warnings,
      diagnostics: input.diagnostics,
    };
    files.push(entry);
    if (input.status === 'unreadable' || !s) {
      entry.outcome = 'unreadable';
      continue;
    }
    if (strict && input.status === 'invalid') {
      entry.outcome = 'left-out';
      continue;
    }
    candidates.push({ file: input.file, status: input.status, errors, submission: s, administration: s.cover.administration ?? input.file.name, period: periodOf(s) });
  }

  // One budget period at a time (or every one, labelled): statements of other periods are left out and listed.
  const periods = [...new Set(candidates.map((c) => c.period))].sort((a, b) => firstYearOf(a) - firstYearOf(b) || a.localeCompare(b));
  const comparing = options.period === 'all';
  const wanted = typeof options.period === 'number' ? options.period : undefined;
  // No statement of the period asked for: nothing is included, and the caller says which periods there are.
  const period = choosePeriod(periods, wanted) ?? (wanted === undefined ? '–' : String(wanted));
  const leftOutPeriods = new Map<string, string[]>();
  const inPeriod = candidates.filter((c) => {
    if (c.period === period || c.period === '–') return true;
    if (!comparing) leftOutPeriods.set(c.period, [...(leftOutPeriods.get(c.period) ?? []), c.file.name]);
    const entry = files.find((f) => f.file === c.file)!;
    entry.outcome = comparing ? 'compared' : 'other-period';
    return false;
  });

  // One submission per administration and budget period: the later one replaces the earlier, and says so.
  const { chosen: included, replacements } = onePerAdministration(inPeriod, files);
  const comparison = comparing ? periods.filter((p) => p !== '–').map((p) => periodFigures(p, onePerAdministration(candidates.filter((c) => c.period === p), []).chosen)) : undefined;
  const years = [...new Set(included.flatMap((i) => [...i.submission.years, ...i.submission.table1.years]))].sort((a, b) => a - b);

  const { monitoring, history: mergedHistory } = monitorProjects(included, options, thresholds);

  return {
    period,
    ...(comparison ? { comparison } : {}),
    periods,
    leftOutPeriods: [...leftOutPeriods].map(([p, names]) => ({ period: p, files: names })),
    files,
    included,
    replacements,
    years,
    monitoring,
    history: mergedHistory,
    thresholds,
    generatedAt: options.generatedAt,
    productVersion: options.productVersion,
    previousFile: options.previousFile,
    strict,
  };
}

/** The later of two statements of an administration and period replaces the earlier (marked on its file entry). */
function onePerAdministration(candidates: Included[], files: FileEntry[]): { chosen: Included[]; replacements: Replacement[] } {
  const chosen = new Map<string, Included>();
  const replacements: Replacement[] = [];
  for (const c of candidates) {
    const key = `${c.administration}|${c.period}`;
    const other = chosen.get(key);
    if (!other) {
      chosen.set(key, c);
      continue;
    }
    const [keep, drop] = isLater(c, other) ? [c, other] : [other, c];
    chosen.set(key, keep);
    replacements.push({ administration: c.administration, period: c.period, kept: keep.file.name, replaced: drop.file.name });
    const dropped = files.find((f) => f.file === drop.file);
    if (dropped) {
      dropped.outcome = 'replaced';
      dropped.replacedBy = keep.file.name;
    }
  }
  const sorted = [...chosen.values()].sort(
    (a, b) => adminRank(a.administration) - adminRank(b.administration) || a.administration.localeCompare(b.administration) || a.period.localeCompare(b.period),
  );
  return { chosen: sorted, replacements };
}

/** A period's figures per administration, each over the statement's own budget years only. */
function periodFigures(period: string, statements: Included[]): PeriodFigures {
  const sumOver = (amounts: { year: number; amount: number | null }[], years: number[]) => round2(years.reduce((s, y) => s + (amounts.find((a) => a.year === y)?.amount ?? 0), 0));
  return {
    period,
    administrations: statements.map((inc) => {
      const years = inc.submission.years;
      const table1Total = round2(inc.submission.table1.rows.filter((r) => r.key !== 'total').reduce((s, r) => s + sumOver(r.amounts, years), 0));
      const goals = Object.fromEntries(
        GOAL_LETTERS.map((g) => [g, round2(inc.submission.policyInitiatives.filter((i) => i.goals.includes(g)).reduce((s, i) => s + sumOver(i.economy, years), 0))]),
      ) as Record<GoalLetter, number>;
      return { administration: inc.administration, file: inc.file.name, table1Total, goals };
    }),
  };
}
