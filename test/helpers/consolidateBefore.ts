/** The consolidation as it was before the Consolidator (all inputs at once, every submission held): the oracle it is checked against. */
import { ADMINISTRATIONS, GOAL_LETTERS, quarterEnded, type GoalLetter, type Quarter } from '../../src/core/domain';
import { isMonitored } from '../../src/core/monitoring';
import { round2 } from '../../src/core/numbers';
import { assessQuarters, DEFAULT_THRESHOLDS, projectKey, type HistoryEntry, type QuarterAssessment } from '../../src/core/consolidate/colours';

import { choosePeriod, periodOf, type Consolidation, type ConsolidationInput, type ConsolidationOptions, type FileEntry, type Included, type PeriodFigures, type ProjectMonitoring, type Replacement } from '../../src/core/consolidate/consolidate';

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

/** The same order as localeCompare's, from one collator: a national history sorts 100,000 entries. */
const byText = new Intl.Collator().compare;

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

  // Monitoring: this year's effective colours over the previous history.
  const history = new Map<string, HistoryEntry>();
  const historyKey = (h: { administration: string; project: string; year: number; quarter: number }) => `${projectKey(h.administration, h.project)}|${h.year}|${h.quarter}`;
  const today = options.generatedAt.slice(0, 10);
  // A quarter that had not ended by today is no history (earlier versions wrote colours for such quarters).
  for (const h of options.history ?? []) if (quarterEnded(h.year, h.quarter, today)) history.set(historyKey(h), h);
  const previousRed = new Set([...history].filter(([, h]) => h.colour === 'red').map(([key]) => key));
  const monitoring: ProjectMonitoring[] = [];
  for (const inc of included) {
    const statusYear = inc.submission.cover.statusYear;
    const submitted = inc.submission.cover.submissionDate;
    const asOf = submitted !== null && submitted < today ? submitted : today;
    for (const project of inc.submission.projects) {
      if (!isMonitored(project) || project.name === null) continue;
      const quarters = assessQuarters(project, statusYear, asOf, thresholds);
      if (statusYear !== null) {
        for (const q of quarters) {
          const entry = { administration: inc.administration, project: project.name, year: statusYear, quarter: q.quarter };
          if (q.effective) history.set(historyKey(entry), { ...entry, colour: q.effective });
          else history.delete(historyKey(entry));
        }
      }
      monitoring.push({
        administration: inc.administration,
        file: inc.file.name,
        statusYear,
        project,
        quarters,
        current: [...quarters].reverse().find((q) => q.effective !== null)?.effective ?? null,
        asOf,
        redCount: 0,
        redQuarters: [],
        escalate: false,
        newlyRed: newlyRed(quarters, (q) => previousRed.has(historyKey({ administration: inc.administration, project: project.name!, year: statusYear ?? 0, quarter: q }))),
        differences: quarters.filter((q) => q.reported !== null && q.computed !== null && q.reported !== q.computed),
      });
    }
  }
  const mergedHistory = [...history.values()].sort(
    (a, b) => adminRank(a.administration) - adminRank(b.administration) || byText(a.project, b.project) || a.year - b.year || a.quarter - b.quarter,
  );
  const reds = new Map<string, { year: number; quarter: Quarter }[]>();
  for (const h of mergedHistory) {
    if (h.colour !== 'red') continue;
    const key = projectKey(h.administration, h.project);
    reds.set(key, [...(reds.get(key) ?? []), { year: h.year, quarter: h.quarter }]);
  }
  for (const m of monitoring) {
    // Red twice, in this status year or across the history, means a letter to the committee.
    m.redQuarters = reds.get(projectKey(m.administration, m.project.name as string)) ?? [];
    m.redCount = m.redQuarters.length;
    m.escalate = m.redCount >= 2;
  }

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

/** Red in the latest quarter with a colour, where that quarter was not red in the previous consolidated workbook. */
function newlyRed(quarters: QuarterAssessment[], wasKnown: (q: Quarter) => boolean): boolean {
  const latest = [...quarters].reverse().find((q) => q.effective !== null);
  return latest !== undefined && latest.effective === 'red' && !wasKnown(latest.quarter);
}

