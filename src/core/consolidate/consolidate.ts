/** Consolidation: one submission per administration and period, monitoring colours, history, totals. */
import { ADMINISTRATIONS, COLOURS, findAdministration, type Colour, type GoalLetter } from '../domain';
import type { Diagnostic } from '../diagnostics';
import type { Initiative, MonitoredProject, Submission, Table1RowKey } from '../model';
import type { FileStatus } from '../validate/validate';
import { isMonitored } from '../validate/checks/projects';
import { round2 } from '../numbers';
import { assessQuarters, DEFAULT_THRESHOLDS, projectKey, type HistoryEntry, type QuarterAssessment, type Thresholds } from './colours';

export interface SubmittedFile {
  name: string;
  size: number;
  sha256: string;
  /** Last modified, ISO; breaks ties between two submissions with the same date. */
  modified?: string;
}

export interface ConsolidationInput {
  file: SubmittedFile;
  status: FileStatus;
  diagnostics: Diagnostic[];
  submission?: Submission;
}

export interface ConsolidationOptions {
  /** Leave out files with errors instead of including them marked. */
  strict?: boolean;
  thresholds?: Thresholds;
  /** Colours from the previous consolidated workbook. */
  history?: HistoryEntry[];
  previousFile?: SubmittedFile;
  generatedAt: string;
  productVersion: string;
}

export type FileOutcome = 'included' | 'unreadable' | 'left-out' | 'replaced';

export interface FileEntry {
  file: SubmittedFile;
  status: FileStatus;
  outcome: FileOutcome;
  administration: string | null;
  period: string | null;
  templateVersion: string | null;
  errors: number;
  warnings: number;
  /** For a replaced file: the file that replaced it. */
  replacedBy?: string;
  diagnostics: Diagnostic[];
}

export interface Included {
  file: SubmittedFile;
  status: FileStatus;
  errors: number;
  submission: Submission;
  /** Administration code, or the file name where the administration is unknown. */
  administration: string;
  period: string;
}

export interface ProjectMonitoring {
  administration: string;
  file: string;
  statusYear: number | null;
  project: MonitoredProject;
  quarters: QuarterAssessment[];
  current: Colour | null;
  /** Red quarters this status year plus those in the history. */
  redCount: number;
  escalate: boolean;
  /** Quarters where the reported and computed colours differ. */
  differences: QuarterAssessment[];
}

export interface Replacement {
  administration: string;
  period: string;
  kept: string;
  replaced: string;
}

export interface Consolidation {
  files: FileEntry[];
  included: Included[];
  replacements: Replacement[];
  years: number[];
  monitoring: ProjectMonitoring[];
  /** Previous history plus this year's effective colours, one entry per project, year and quarter. */
  history: HistoryEntry[];
  thresholds: Thresholds;
  generatedAt: string;
  productVersion: string;
  previousFile?: SubmittedFile;
  strict: boolean;
}

const ADMIN_ORDER = ADMINISTRATIONS.map((a) => a.code as string);

function adminRank(code: string): number {
  const i = ADMIN_ORDER.indexOf(code);
  return i < 0 ? ADMIN_ORDER.length : i;
}

function periodOf(s: Submission): string {
  return s.years.length ? `${s.years[0]}–${s.years[s.years.length - 1]}` : '–';
}

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

export function consolidate(inputs: ConsolidationInput[], options: ConsolidationOptions): Consolidation {
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

  // One submission per administration and budget period: the later one replaces the earlier, and says so.
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
    const dropped = files.find((f) => f.file === drop.file)!;
    dropped.outcome = 'replaced';
    dropped.replacedBy = keep.file.name;
  }
  const included = [...chosen.values()].sort(
    (a, b) => adminRank(a.administration) - adminRank(b.administration) || a.administration.localeCompare(b.administration) || a.period.localeCompare(b.period),
  );
  const years = [...new Set(included.flatMap((i) => [...i.submission.years, ...i.submission.table1.years]))].sort((a, b) => a - b);

  // Monitoring: this year's effective colours over the previous history.
  const history = new Map<string, HistoryEntry>();
  const historyKey = (h: { administration: string; project: string; year: number; quarter: number }) => `${projectKey(h.administration, h.project)}|${h.year}|${h.quarter}`;
  for (const h of options.history ?? []) history.set(historyKey(h), h);
  const monitoring: ProjectMonitoring[] = [];
  for (const inc of included) {
    const statusYear = inc.submission.cover.statusYear;
    for (const project of inc.submission.projects) {
      if (!isMonitored(project) || project.name === null) continue;
      const quarters = assessQuarters(project, statusYear, thresholds);
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
        redCount: 0,
        escalate: false,
        differences: quarters.filter((q) => q.reported !== null && q.computed !== null && q.reported !== q.computed),
      });
    }
  }
  const mergedHistory = [...history.values()].sort(
    (a, b) => adminRank(a.administration) - adminRank(b.administration) || byText(a.project, b.project) || a.year - b.year || a.quarter - b.quarter,
  );
  const reds = new Map<string, number>();
  for (const h of mergedHistory) {
    if (h.colour !== 'red') continue;
    const key = projectKey(h.administration, h.project);
    reds.set(key, (reds.get(key) ?? 0) + 1);
  }
  for (const m of monitoring) {
    // Red twice, in this status year or across the history, means a letter to the committee.
    m.redCount = reds.get(projectKey(m.administration, m.project.name as string)) ?? 0;
    m.escalate = m.redCount >= 2;
  }

  return {
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

// ---------------------------------------------------------------- figures the sheets and the summary share

export function sumByYear(years: number[], rows: { year: number; amount: number | null }[][]): number[] {
  // One pass over the amounts: national runs have ~100,000 rows and, over many budget periods, ~100 years.
  const sums = new Map<number, number>(years.map((y) => [y, 0]));
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const a = r[i];
      // Only a row's first amount for a year counts.
      let repeated = false;
      for (let j = 0; j < i && !repeated; j++) repeated = r[j].year === a.year;
      const sum = sums.get(a.year);
      if (!repeated && sum !== undefined) sums.set(a.year, sum + (a.amount ?? 0));
    }
  }
  return years.map((y) => round2(sums.get(y)!));
}

export { round2 };

export interface Table1Figures {
  administration: string;
  rows: Record<Table1RowKey, number[]>;
}

/** Table 1 as each administration stated it, in kr. by row and year (blank counts as 0). */
export function table1Figures(c: Consolidation): Table1Figures[] {
  return c.included.map((inc) => {
    const get = (key: Table1RowKey) => {
      const row = inc.submission.table1.rows.find((r) => r.key === key);
      return c.years.map((y) => row?.amounts.find((a) => a.year === y)?.amount ?? 0);
    };
    const [policy, other, projects] = [get('policy'), get('other'), get('projects')];
    const total = c.years.map((_, i) => round2(policy[i] + other[i] + projects[i]));
    return { administration: inc.administration, rows: { policy, other, projects, total } };
  });
}

export function municipalityTable1(figures: Table1Figures[], years: number[]): Record<Table1RowKey, number[]> {
  const keys: Table1RowKey[] = ['policy', 'other', 'projects', 'total'];
  return Object.fromEntries(keys.map((k) => [k, years.map((_, i) => round2(figures.reduce((s, f) => s + f.rows[k][i], 0)))])) as Record<Table1RowKey, number[]>;
}

export function allPolicyInitiatives(c: Consolidation): { administration: string; initiative: Initiative }[] {
  return c.included.flatMap((inc) => inc.submission.policyInitiatives.map((initiative) => ({ administration: inc.administration, initiative })));
}

/** Spend per goal and year: an initiative serving several goals counts under each (policySpendOnce counts it once). */
export function spendPerGoal(c: Consolidation): { goal: GoalLetter; byYear: number[] }[] {
  const all = allPolicyInitiatives(c);
  return (['a', 'b', 'c', 'd', 'e', 'f', 'g'] as GoalLetter[]).map((goal) => ({
    goal,
    byYear: sumByYear(
      c.years,
      all.filter((x) => x.initiative.goals.includes(goal)).map((x) => x.initiative.economy),
    ),
  }));
}

export function policySpendOnce(c: Consolidation): number[] {
  return sumByYear(c.years, allPolicyInitiatives(c).map((x) => x.initiative.economy));
}

export function colourCounts(c: Consolidation): { administration: string; counts: Record<Colour, number>; none: number }[] {
  const admins = [...new Set(c.monitoring.map((m) => m.administration))];
  return admins.map((administration) => {
    const counts = Object.fromEntries(COLOURS.map((col) => [col, 0])) as Record<Colour, number>;
    let none = 0;
    for (const m of c.monitoring.filter((x) => x.administration === administration)) {
      if (m.current) counts[m.current]++;
      else none++;
    }
    return { administration, counts, none };
  });
}

export function administrationName(code: string): string {
  return findAdministration(code)?.name ?? code;
}
