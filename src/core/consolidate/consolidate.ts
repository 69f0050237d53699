/** Consolidation: one submission per administration and period, monitoring colours, history, totals. */
import { ADMINISTRATIONS, COLOURS, GOAL_LETTERS, findAdministration, quarterEnded, type Colour, type GoalLetter, type Quarter } from '../domain';
import type { Diagnostic } from '../diagnostics';
import type { Initiative, MonitoredProject, Submission, Table1RowKey } from '../model';
import type { FileStatus } from '../validate/validate';
import { isMonitored } from '../monitoring';
import { round2 } from '../numbers';
import { assessQuarters, DEFAULT_THRESHOLDS, latestColoured, projectKey, type HistoryEntry, type QuarterAssessment, type Thresholds } from './colours';

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
  /**
   * The budget period to consolidate, by any of its years (2011 picks 2011–2014); 'all' keeps every period, each
   * labelled. Default: the latest period among the inputs. Periods are never added together.
   */
  period?: number | 'all';
}

export type FileOutcome = 'included' | 'unreadable' | 'left-out' | 'replaced' | 'other-period' | 'compared';

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
  /** The date the quarters were judged by: the submission date, never after the consolidation. */
  asOf: string;
  /** Red quarters this status year plus those in the history. */
  redCount: number;
  /** Every red quarter, this statement's and the history's, in time order. */
  redQuarters: { year: number; quarter: Quarter }[];
  escalate: boolean;
  /**
   * Red in the latest ended quarter, and not already red for that quarter in the previous consolidated workbook:
   * the project and its fund holder are told before publication (seed 003, step 1).
   */
  newlyRed: boolean;
  /** Quarters where the reported and computed colours differ. */
  differences: QuarterAssessment[];
}

export interface Replacement {
  administration: string;
  period: string;
  kept: string;
  replaced: string;
}

/** Statements of a budget period other than the one consolidated. */
export interface LeftOutPeriod {
  period: string;
  files: string[];
}

/** One budget period's figures for the comparison of periods (--period all): per administration, never added across periods. */
export interface PeriodFigures {
  period: string;
  administrations: {
    administration: string;
    file: string;
    /** Table 1, I ALT over the statement's own budget years. */
    table1Total: number;
    /** The policy initiatives' spend over the period, per goal (an initiative counts under each goal it serves). */
    goals: Record<GoalLetter, number>;
  }[];
}

export interface Consolidation {
  /** The budget period consolidated ("2011–2014"); with --period all the latest, the others compared on their own. */
  period: string;
  /** With --period all: every period's figures, oldest first, for the comparison sheet Perioder. */
  comparison?: PeriodFigures[];
  /** Every budget period among the readable inputs, oldest first. */
  periods: string[];
  leftOutPeriods: LeftOutPeriod[];
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

export function periodOf(s: Submission): string {
  return s.years.length ? `${s.years[0]}–${s.years[s.years.length - 1]}` : '–';
}

const firstYearOf = (period: string) => Number(period.slice(0, 4));
const lastYearOf = (period: string) => Number(period.slice(-4));

const holds = (period: string, year: number) => firstYearOf(period) <= year && year <= lastYearOf(period);

/**
 * Whether period a is a better choice than b: the one starting in the year asked for (budget periods roll yearly, so
 * 2011 means 2011–2014 even beside 2008–2011), else the latest; equal first years by their text.
 */
function isBetterChoice(a: string, b: string, wanted: number | undefined): boolean {
  const startsAsked = (p: string) => (wanted !== undefined && firstYearOf(p) === wanted ? 1 : 0);
  return startsAsked(a) - startsAsked(b) > 0 || (startsAsked(a) === startsAsked(b) && (firstYearOf(a) > firstYearOf(b) || (firstYearOf(a) === firstYearOf(b) && a.localeCompare(b) < 0)));
}

/** The period asked for among those found: a year picks the period starting in it, else the latest holding it; default the latest. */
export function choosePeriod(periods: readonly string[], wanted: number | undefined): string | undefined {
  const known = periods.filter((p) => p !== '–' && (wanted === undefined || holds(p, wanted)));
  if (!known.length) return wanted === undefined ? periods[0] : undefined;
  return known.reduce((best, p) => (isBetterChoice(p, best, wanted) ? p : best));
}

/** What decides which of two statements of an administration and period is the later: never the submission itself. */
interface Statement {
  file: SubmittedFile;
  status: FileStatus;
  errors: number;
  /** Administration code, or the file name where the administration is unknown. */
  administration: string;
  period: string;
  submissionDate: string;
  /** Where the file stands among the inputs as given: the last tie-break of the file order. */
  index: number;
  entry: FileEntry;
  /** With --period all: the statement's own figures for the comparison of periods. */
  figures?: Omit<PeriodFigures['administrations'][number], 'administration' | 'file'>;
}

/** Later wins: by submission date, then file time, then file name (so the choice never depends on input order). */
function isLater(a: Statement, b: Statement): boolean {
  const key = (x: Statement) => [x.submissionDate, x.file.modified ?? '', x.file.name];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] > kb[i];
  return false;
}

/** The file order: by name, then content hash, then as given. Findings, replacements and lists follow it. */
function fileOrder(a: { file: SubmittedFile; index: number }, b: { file: SubmittedFile; index: number }): number {
  return a.file.name.localeCompare(b.file.name) || a.file.sha256.localeCompare(b.file.sha256) || a.index - b.index;
}

/** The order of budget periods: by first year, then as text. */
const periodOrder = (a: string, b: string) => firstYearOf(a) - firstYearOf(b) || a.localeCompare(b);

/** A period written as two four-digit years: only such periods can be ranked while the files arrive. */
const rankable = (period: string) => /^\d{4}–\d{4}$/.test(period);

/** The same order as localeCompare's, from one collator: a national history sorts 100,000 entries. */
const byText = new Intl.Collator().compare;

/** Consolidates files given all at once: the same as feeding them one at a time, in this order, to a Consolidator. */
export function consolidate(inputs: ConsolidationInput[], options: ConsolidationOptions): Consolidation {
  const consolidator = new Consolidator(options);
  for (const input of inputs) consolidator.add(input);
  return consolidator.finish();
}

/**
 * Takes files one at a time, in any order, and keeps full submissions only where the output needs them: the
 * period that will be consolidated (the best seen so far), one statement per administration. Of every other
 * statement it keeps what decides replacements, the lists of periods left out and the comparison of periods.
 * The result is the same whatever order the files arrive in, as long as each carries its place among the inputs.
 */
export class Consolidator {
  private readonly statements: Statement[] = [];
  private readonly entries: { entry: FileEntry; file: SubmittedFile; index: number }[] = [];
  /** The full submissions kept: per administration and period, the later statement's, of the periods held. */
  private readonly held = new Map<string, { statement: Statement; submission: Submission }>();
  /** The rankable period whose submissions are held (the best so far); unrankable ones ('–') are always held. */
  private bestPeriod: string | undefined;
  private readonly comparing: boolean;
  private readonly wanted: number | undefined;
  private added = 0;

  constructor(private readonly options: ConsolidationOptions) {
    this.comparing = options.period === 'all';
    this.wanted = typeof options.period === 'number' ? options.period : undefined;
  }

  /** One file's result; `index` is its place among the inputs as given (default: the order of adding). */
  add(input: ConsolidationInput, index = this.added): void {
    this.added++;
    let errors = 0;
    let warnings = 0;
    for (const d of input.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
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
    this.entries.push({ entry, file: input.file, index });
    if (input.status === 'unreadable' || !s) {
      entry.outcome = 'unreadable';
      return;
    }
    if (this.options.strict && input.status === 'invalid') {
      entry.outcome = 'left-out';
      return;
    }
    const period = periodOf(s);
    const statement: Statement = {
      file: input.file,
      status: input.status,
      errors,
      administration: s.cover.administration ?? input.file.name,
      period,
      submissionDate: s.cover.submissionDate ?? '',
      index,
      entry,
      ...(this.comparing ? { figures: statementFigures(s) } : {}),
    };
    this.statements.push(statement);
    if (rankable(period) && this.isBetterPeriod(period)) {
      // A better period: the submissions of the one held so far are no longer needed.
      if (this.bestPeriod !== undefined) for (const [key, h] of this.held) if (h.statement.period === this.bestPeriod) this.held.delete(key);
      this.bestPeriod = period;
    }
    if (rankable(period) && period !== this.bestPeriod) return;
    const key = `${statement.administration}|${period}`;
    const other = this.held.get(key);
    if (!other || isLater(statement, other.statement) || (!isLater(other.statement, statement) && fileOrder(statement, other.statement) < 0)) {
      this.held.set(key, { statement, submission: s });
    }
  }

  /** How many full submissions are kept now: at most one per administration of the period held (and of '–'). */
  get heldSubmissions(): number {
    return this.held.size;
  }

  /** Whether a period would be consolidated rather than the best so far (the same choice as choosePeriod). */
  private isBetterPeriod(period: string): boolean {
    if (this.wanted !== undefined && !holds(period, this.wanted)) return false;
    return this.bestPeriod === undefined || isBetterChoice(period, this.bestPeriod, this.wanted);
  }

  finish(): Consolidation {
    const options = this.options;
    const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    const strict = options.strict ?? false;
    const entries = [...this.entries].sort(fileOrder);
    const files = entries.map((e) => e.entry);
    // A file is found by its identity, the first entry for it in file order (as when the same input is given twice).
    const entryOf = new Map<SubmittedFile, FileEntry>();
    for (const e of entries) if (!entryOf.has(e.file)) entryOf.set(e.file, e.entry);
    const candidates = [...this.statements].sort(fileOrder);

    // One budget period at a time (or every one, labelled): statements of other periods are left out and listed.
    const periods = [...new Set(candidates.map((c) => c.period))].sort(periodOrder);
    const comparing = this.comparing;
    const wanted = this.wanted;
    // No statement of the period asked for: nothing is included, and the caller says which periods there are.
    const period = choosePeriod(periods, wanted) ?? (wanted === undefined ? '–' : String(wanted));
    if (rankable(period) && period !== this.bestPeriod && candidates.some((c) => c.period === period)) {
      throw new Error(`Consolidation: the statements of ${period} were not kept`);
    }
    const leftOutPeriods = new Map<string, string[]>();
    const inPeriod = candidates.filter((c) => {
      if (c.period === period || c.period === '–') return true;
      if (!comparing) leftOutPeriods.set(c.period, [...(leftOutPeriods.get(c.period) ?? []), c.file.name]);
      entryOf.get(c.file)!.outcome = comparing ? 'compared' : 'other-period';
      return false;
    });

    // One submission per administration and budget period: the later one replaces the earlier, and says so.
    const { chosen, replacements } = onePerAdministration(inPeriod, entryOf);
    const included = chosen.map((c): Included => {
      const held = this.held.get(`${c.administration}|${c.period}`);
      if (held?.statement !== c) throw new Error(`Consolidation: the statement ${c.file.name} was not kept`);
      return { file: c.file, status: c.status, errors: c.errors, submission: held.submission, administration: c.administration, period: c.period };
    });
    const comparison = comparing
      ? periods.filter((p) => p !== '–').map((p) => periodFigures(p, onePerAdministration(candidates.filter((c) => c.period === p), new Map()).chosen))
      : undefined;
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
}

/** Monitoring: the included statements' effective colours over the previous history, and who is red twice. */
export function monitorProjects(included: Included[], options: ConsolidationOptions, thresholds: Thresholds): { monitoring: ProjectMonitoring[]; history: HistoryEntry[] } {
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
      const latest = latestColoured(quarters);
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
        current: latest?.effective ?? null,
        asOf,
        redCount: 0,
        redQuarters: [],
        escalate: false,
        newlyRed: newlyRed(latest, (q) => previousRed.has(historyKey({ administration: inc.administration, project: project.name!, year: statusYear ?? 0, quarter: q }))),
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
  return { monitoring, history: mergedHistory };
}

/** The later of two statements of an administration and period replaces the earlier (marked on its file entry). */
function onePerAdministration(candidates: Statement[], entryOf: Map<SubmittedFile, FileEntry>): { chosen: Statement[]; replacements: Replacement[] } {
  const chosen = new Map<string, Statement>();
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
    const dropped = entryOf.get(drop.file);
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

/** A statement's figures for the comparison of periods, over its own budget years only. */
function statementFigures(s: Submission): NonNullable<Statement['figures']> {
  const sumOver = (amounts: { year: number; amount: number | null }[], years: number[]) => round2(years.reduce((sum, y) => sum + (amounts.find((a) => a.year === y)?.amount ?? 0), 0));
  const years = s.years;
  const table1Total = round2(s.table1.rows.filter((r) => r.key !== 'total').reduce((sum, r) => sum + sumOver(r.amounts, years), 0));
  const goals = Object.fromEntries(
    GOAL_LETTERS.map((g) => [g, round2(s.policyInitiatives.filter((i) => i.goals.includes(g)).reduce((sum, i) => sum + sumOver(i.economy, years), 0))]),
  ) as Record<GoalLetter, number>;
  return { table1Total, goals };
}

/** A period's figures per administration. */
function periodFigures(period: string, statements: Statement[]): PeriodFigures {
  return { period, administrations: statements.map((c) => ({ administration: c.administration, file: c.file.name, ...c.figures! })) };
}

/** Red in the latest quarter with a colour, where that quarter was not red in the previous consolidated workbook. */
function newlyRed(latest: QuarterAssessment | undefined, wasKnown: (q: Quarter) => boolean): boolean {
  return latest !== undefined && latest.effective === 'red' && !wasKnown(latest.quarter);
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
