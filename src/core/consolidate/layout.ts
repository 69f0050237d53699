/**
 * The consolidated workbook's lists, defined once: every column by key with its header (Danish and English), width,
 * format and value. The sheet plan, the Office host's filters and slicers, the filter rules, the task pane's result list
 * and the history reader all address columns through this module, never by position or by a header typed again.
 * Values are read one row record at a time, so rows can be produced (and later streamed) one by one.
 */
import { ADMINISTRATIONS, COLOUR_LABELS, GOAL_LETTERS, QUARTERS, administrationLabel, findAdministration, type Colour, type GoalLetter, type Quarter } from '../domain';
import type { Diagnostic, Lang } from '../diagnostics';
import { round2 } from '../numbers';
import type { Initiative, MonitoredProject, YearAmount } from '../model';
import { STYLES } from '../plan/styles';
import type { CellStyle, PlanValue } from '../plan/types';
import { latestColoured, progressAt, type HistoryEntry } from './colours';
import { monitoringTotal } from '../monitoring';
import { show } from '../validate/rules/define';
import type { Consolidation, FileEntry, Included, ProjectMonitoring } from './consolidate';

/** Sheet and table names, and the fixed texts the lists hold. */
export const OUTPUT = {
  overviewSheet: 'Overblik',
  overview: 'Samlet status',
  economy: 'Økonomi',
  goals: 'Mål a–g',
  goalStatus: 'Målstatus',
  monitoring: 'Overvågning',
  history: 'Kvartalshistorik',
  findings: 'Valideringsfejl',
  files: 'Filer',
  about: 'Om',
  letters: 'Breve til fagudvalg',
  newlyRed: 'Nye røde',
  periods: 'Perioder',
  newlyRedTable: 'NyeRoede',
  /** Table names (the Office host filters the overview table; slicers use it). */
  overviewTable: 'SamletStatus',
  projectsTable: 'Projekter',
  goalStatusTable: 'Maalstatus',
  historyTable: 'Kvartalsfarver',
  findingsTable: 'Valideringsfejl',
  filesTable: 'IndlaesteFiler',
  historyTitle: 'Kvartalsfarver (historik)',
  escalated: 'Ja – brev til fagudvalg',
  notEscalated: 'Nej',
  notMonitored: 'Ikke monitoreret',
  yes: 'Ja',
  no: 'Nej',
  workbookTitle: 'Samlet status for integrationsindsatsen',
} as const;

export const KIND_LABELS = { policy: 'Indsats – politikkens mål', other: 'Indsats – øvrige mål', project: 'Projekt' } as const;

export type Header = Record<Lang, string>;

export interface LayoutColumn<R, K extends string = string> {
  key: K;
  header: Header;
  width: number;
  style: CellStyle;
  value: (row: R) => PlanValue;
  /** A key column: the table's leading columns, printed alone where all columns would print too small. */
  printed?: boolean;
}

const h = (da: string, en: string): Header => ({ da, en });

/** How a quarter is written: "K1 2009" in Danish, "Q1 2009" in English. */
export const QUARTER_PREFIX: Header = { da: 'K', en: 'Q' };

/** A family of columns (one per year, goal or quarter): its header is the base and the member, e.g. "Økonomi 2011". */
const member = (base: Header, suffix: string | number): Header => ({ da: `${base.da} ${suffix}`, en: `${base.en} ${suffix}` });

// ------------------------------------------------------------------------------------------ shared values

const adminLabels = new Map<string, string>();
/** "SOF – Socialforvaltningen"; an administration the product does not know keeps its text (e.g. a file name). */
export function adminLabel(code: string): string {
  let label = adminLabels.get(code);
  if (label === undefined) {
    const a = findAdministration(code);
    label = a ? administrationLabel(a) : code;
    adminLabels.set(code, label);
  }
  return label;
}

export const colourLabel = (c: Colour | null | undefined): string | null => (c ? COLOUR_LABELS[c] : null);
const yesNo = (v: boolean): string => (v ? OUTPUT.yes : OUTPUT.no);

/** A year's amount: the first given for that year (a repeated year is ignored, as in the sums). */
function amountIn(amounts: readonly YearAmount[], year: number): number | null {
  for (const a of amounts) if (a.year === year) return a.amount ?? null;
  return null;
}

/**
 * The amounts of the consolidation's years added up in year order (each year's first amount, as amountIn reads it);
 * null where none is given. One pass over the row's amounts, not one per year: a stress run spans about a hundred years.
 */
function amountTotal(amounts: readonly YearAmount[], years: ReadonlySet<number>): number | null {
  const firsts: YearAmount[] = [];
  for (const a of amounts) if (years.has(a.year) && !firsts.some((f) => f.year === a.year)) firsts.push(a);
  firsts.sort((a, b) => a.year - b.year);
  let sum = 0;
  let given = false;
  for (const a of firsts) {
    const amount = a.amount ?? null;
    if (amount !== null) {
      sum += amount;
      given = true;
    }
  }
  return given ? round2(sum) : null;
}

/** "Borgere nået: mål 25; K1 4, K2 9": each criterion's target and its figures for the quarters that have any. */
export function criteriaText(p: MonitoredProject): string | null {
  const parts = p.criteria.map((c) => {
    const figures = c.quarterly.flatMap((v, i) => (v === null ? [] : [`K${i + 1} ${formatFigure(v)}`]));
    return `${c.indicator ?? 'Succeskriterie'}: mål ${c.target === null ? '–' : formatFigure(c.target)}${figures.length ? `; ${figures.join(', ')}` : '; intet opnået angivet'}`;
  });
  return parts.length ? parts.join(' | ') : null;
}

// One formatter, made once: toLocaleString with options builds a new one per call (a third of a small run's formatting).
const FIGURE_FORMAT = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

export function formatFigure(n: number): string {
  return FIGURE_FORMAT.format(n);
}

/** A project is "red in the year" when any quarter of its status year is red. */
export function redInYear(m: ProjectMonitoring): boolean {
  return m.quarters.some((q) => q.effective === 'red');
}

export function fileStatusText(inc: { status: string; errors: number }): string {
  return inc.status === 'valid' ? 'gyldig' : `ugyldig (${inc.errors} fejl)`;
}

/** What became of a file in the consolidation, in words. */
export function fileOutcomeText(f: FileEntry): string {
  switch (f.outcome) {
    case 'unreadable':
      return 'kan ikke læses';
    case 'left-out':
      return 'udeladt (fejl)';
    case 'replaced':
      return `erstattet af ${f.replacedBy}`;
    case 'other-period':
      return `udeladt: budgetperiode ${f.period}`;
    case 'compared':
      return `sammenlignet: budgetperiode ${f.period} (arket Perioder)`;
    default:
      return f.status === 'valid' ? 'medtaget' : `medtaget med ${f.errors} fejl`;
  }
}

const period = (p: { start: string | null; end: string | null }, which: 'start' | 'end'): PlanValue => (p[which] ? { date: p[which] } : null);

// ------------------------------------------------------------------------------------------ Samlet status

/** One row of "Samlet status": an initiative or a project of one administration's statement. */
export type OverviewRow =
  | { inc: Included; initiative: Initiative; project?: undefined; monitoring?: undefined }
  | { inc: Included; initiative?: undefined; project: MonitoredProject; monitoring: ProjectMonitoring | undefined };

export const OVERVIEW_HEADERS = {
  name: h('Navn', 'Name'),
  administration: h('Forvaltning', 'Administration'),
  kind: h('Type', 'Type'),
  goals: h('Mål', 'Goals'),
  economyTotal: h('Økonomi i alt', 'Economy total'),
  currentColour: h('Aktuel farve', 'Current colour'),
  redInYear: h('Rød i året', 'Red this year'),
  redQuarters: h('Antal røde kvartaler', 'Red quarters'),
  escalation: h('Eskalering', 'Escalation'),
  fileStatus: h('Filstatus', 'File status'),
  economy: h('Økonomi', 'Economy'),
  goal: h('Mål', 'Goal'),
  targetGroup: h('Målgruppe', 'Target group'),
  activity: h('Aktivitet', 'Activity'),
  expectedResult: h('Forventet resultat', 'Expected result'),
  status: h('Status', 'Status'),
  followUp: h('Opfølgning', 'Follow-up'),
  fund: h('Pulje/fond', 'Fund'),
  projectStart: h('Projektstart', 'Project start'),
  projectEnd: h('Projektslut', 'Project end'),
  cofinancing: h('Kommunal medfinansiering, projektperioden', 'Municipal co-financing, project period'),
  criteria: h('Succeskriterier (mål; opnået pr. kvartal)', 'Success criteria (target; achieved per quarter)'),
  actionPlan: h('Handlingsplan', 'Action plan'),
  quarterColour: h('Farve', 'Colour'),
  statusYear: h('Statusår', 'Status year'),
  budgetPeriod: h('Budgetperiode', 'Budget period'),
  file: h('Fil', 'File'),
  sheet: h('Ark', 'Sheet'),
  row: h('Række', 'Row'),
};

type OverviewFamily = 'economy' | 'goal' | 'quarterColour';
export type OverviewKey = Exclude<keyof typeof OVERVIEW_HEADERS, OverviewFamily> | `economy:${number}` | `goal:${GoalLetter}` | `quarterColour:${Quarter}`;

/** The header of a column of "Samlet status" (a family member's key is "family:member", e.g. "goal:a"). */
export function overviewHeader(key: OverviewKey, lang: Lang = 'da'): string {
  const [base, m] = key.split(':') as [keyof typeof OVERVIEW_HEADERS, string | undefined];
  const header = OVERVIEW_HEADERS[base];
  if (m === undefined) return header[lang];
  return member(header, base === 'quarterColour' ? `${QUARTER_PREFIX[lang]}${m}` : m)[lang];
}

/** The columns of "Samlet status", key columns first. */
export function overviewColumns(years: readonly number[]): LayoutColumn<OverviewRow, OverviewKey>[] {
  type C = LayoutColumn<OverviewRow, OverviewKey>;
  const col = (key: OverviewKey, width: number, style: CellStyle, value: C['value'], printed = false): C => ({ key, header: { da: overviewHeader(key, 'da'), en: overviewHeader(key, 'en') }, width, style, value, printed });
  const amounts = (r: OverviewRow) => (r.initiative ? r.initiative.economy : r.project.funding);
  const monitored = (r: OverviewRow, f: (m: ProjectMonitoring) => PlanValue): PlanValue => (r.monitoring ? f(r.monitoring) : null);
  const initiative = (f: (i: Initiative) => PlanValue) => (r: OverviewRow) => (r.initiative ? f(r.initiative) : null);
  const project = (f: (p: MonitoredProject) => PlanValue) => (r: OverviewRow) => (r.project ? f(r.project) : null);
  const yearSet = new Set(years);
  return [
    col('name', 30, STYLES.text, (r) => (r.initiative ? r.initiative.name : r.project.name), true),
    col('administration', 24, STYLES.text, (r) => adminLabel(r.inc.administration), true),
    col('kind', 15, STYLES.text, (r) => KIND_LABELS[r.initiative ? r.initiative.kind : 'project'], true),
    col('goals', 10, STYLES.text, initiative((i) => (i.kind === 'policy' ? i.goals.join(', ') || null : i.goalsText)), true),
    col('economyTotal', 14, STYLES.krBold, (r) => amountTotal(amounts(r), yearSet), true),
    col('currentColour', 8, STYLES.centre, (r) => monitored(r, (m) => colourLabel(m.current)), true),
    col('redInYear', 7, STYLES.centre, (r) => monitored(r, (m) => yesNo(redInYear(m))), true),
    col('redQuarters', 8, STYLES.integer, (r) => monitored(r, (m) => m.redCount), true),
    col('escalation', 15, STYLES.text, (r) => (r.project ? (r.monitoring ? (r.monitoring.escalate ? OUTPUT.escalated : OUTPUT.notEscalated) : OUTPUT.notMonitored) : null), true),
    col('fileStatus', 13, STYLES.text, (r) => fileStatusText(r.inc), true),
    ...years.map((y) => col(`economy:${y}`, 14, STYLES.kr, (r) => amountIn(amounts(r), y))),
    ...GOAL_LETTERS.map((g) => col(`goal:${g}`, 6, STYLES.centre, (r) => yesNo(r.initiative?.kind === 'policy' && r.initiative.goals.includes(g)))),
    col('targetGroup', 24, STYLES.text, initiative((i) => i.targetGroup)),
    col('activity', 30, STYLES.text, initiative((i) => i.activity)),
    col('expectedResult', 30, STYLES.text, initiative((i) => i.expectedResult)),
    col('status', 30, STYLES.text, initiative((i) => i.status)),
    col('followUp', 24, STYLES.text, initiative((i) => i.followUp)),
    col('fund', 20, STYLES.text, project((p) => p.fund)),
    col('projectStart', 11, STYLES.date, project((p) => period(p, 'start'))),
    col('projectEnd', 11, STYLES.date, project((p) => period(p, 'end'))),
    col('cofinancing', 15, STYLES.kr, project(monitoringTotal)),
    col('criteria', 34, STYLES.text, project(criteriaText)),
    col('actionPlan', 28, STYLES.text, project((p) => p.actionPlan)),
    ...QUARTERS.map((q) => col(`quarterColour:${q}`, 7, STYLES.centre, (r) => monitored(r, (m) => colourLabel(m.quarters[q - 1]?.effective)))),
    col('statusYear', 8, STYLES.integer, (r) => (r.project ? (r.monitoring?.statusYear ?? r.inc.submission.cover.statusYear) : null)),
    col('budgetPeriod', 11, STYLES.text, (r) => r.inc.period),
    col('file', 28, STYLES.text, (r) => r.inc.file.name),
    col('sheet', 16, STYLES.text, (r) => (r.initiative ? r.initiative.source.sheet : r.project.source.sheet)),
    col('row', 7, STYLES.integer, (r) => (r.initiative ? r.initiative.source.row : r.project.source.row)),
  ];
}

/** The rows of "Samlet status", one at a time: each administration's initiatives, then its projects. */
export function* overviewRows(c: Consolidation): Generator<OverviewRow> {
  const monitoringOf = new Map(c.monitoring.map((m) => [m.project, m]));
  for (const inc of c.included) {
    for (const initiative of inc.submission.policyInitiatives) yield { inc, initiative };
    for (const initiative of inc.submission.otherInitiatives) yield { inc, initiative };
    for (const project of inc.submission.projects) yield { inc, project, monitoring: monitoringOf.get(project) };
  }
}

/**
 * The fixed texts the columns of "Samlet status" hold, with their English: the workbook is Danish, the pane shows
 * a cell in the pane's language. Built from the same constants the values come from, so a new text cannot be
 * written into the workbook without its English here (test/taskpane/resultRows.test.ts checks every text the
 * examples' overview holds).
 */
const OVERVIEW_TEXTS: ReadonlyMap<string, Header> = new Map<string, Header>(
  [
    ...(Object.keys(COLOUR_LABELS) as Colour[]).map((c) => h(COLOUR_LABELS[c], c)),
    h(KIND_LABELS.policy, 'Initiative – policy goals'),
    h(KIND_LABELS.other, 'Initiative – other goals'),
    h(KIND_LABELS.project, 'Project'),
    h(OUTPUT.escalated, 'Yes – letter to the committee'),
    h(OUTPUT.notMonitored, 'Not monitored'),
    h(OUTPUT.yes, 'Yes'),
    h(OUTPUT.no, 'No'),
  ].map((t) => [t.da, t]),
);

/** A cell of "Samlet status" as the pane shows it: fixed texts in the language, anything else as written. */
export function overviewText(value: string | number | null, lang: Lang): string {
  if (value === null) return '';
  const text = String(value);
  return OVERVIEW_TEXTS.get(text)?.[lang] ?? text;
}

/** The administration code of a "Forvaltning" cell ("SOF – Socialforvaltningen" → "SOF"); an unknown text as it is. */
export function administrationCodeOf(label: string): string {
  for (const a of ADMINISTRATIONS) if (adminLabel(a.code) === label) return a.code;
  return label;
}

// ------------------------------------------------------------------------------------------ Overvågning (projects)

export const PROJECT_HEADERS = {
  project: h('Projekt', 'Project'),
  administration: h('Forvaltning', 'Administration'),
  fund: h('Pulje/fond', 'Fund'),
  start: h('Start', 'Start'),
  end: h('Slut', 'End'),
  cofinancing: h('Kommunal medfinansiering, projektperioden', 'Municipal co-financing, project period'),
  statusYear: h('Statusår', 'Status year'),
  currentColour: h('Aktuel farve', 'Current colour'),
  redInYear: h('Rød i året', 'Red this year'),
  redQuarters: h('Antal røde kvartaler', 'Red quarters'),
  escalation: h('Eskalering', 'Escalation'),
  progress: h('Fremdrift', 'Progress'),
  criteria: h('Succeskriterier (mål; opnået pr. kvartal)', 'Success criteria (target; achieved per quarter)'),
  computed: h('beregnet', 'computed'),
  differences: h('Afvigelser (indberettet/beregnet)', 'Differences (reported/computed)'),
  actionPlan: h('Handlingsplan', 'Action plan'),
  file: h('Fil', 'File'),
};

export type ProjectKey = Exclude<keyof typeof PROJECT_HEADERS, 'computed'> | `quarter:${Quarter}` | `computed:${Quarter}`;

/** A quarter's colour is headed "K1"; the colour computed from the success criteria "K1 beregnet". */
export function projectHeader(key: ProjectKey, lang: Lang = 'da'): string {
  const [base, m] = key.split(':') as [keyof typeof PROJECT_HEADERS | 'quarter', string | undefined];
  if (m === undefined) return PROJECT_HEADERS[base as keyof typeof PROJECT_HEADERS][lang];
  return base === 'quarter' ? `${QUARTER_PREFIX[lang]}${m}` : `${QUARTER_PREFIX[lang]}${m} ${PROJECT_HEADERS.computed[lang]}`;
}

export function projectColumns(): LayoutColumn<ProjectMonitoring, ProjectKey>[] {
  type C = LayoutColumn<ProjectMonitoring, ProjectKey>;
  const col = (key: ProjectKey, width: number, style: CellStyle, value: C['value'], printed = false): C => ({ key, header: { da: projectHeader(key, 'da'), en: projectHeader(key, 'en') }, width, style, value, printed });
  return [
    col('project', 26, STYLES.text, (m) => m.project.name, true),
    col('administration', 22, STYLES.text, (m) => adminLabel(m.administration), true),
    col('fund', 16, STYLES.text, (m) => m.project.fund, true),
    col('cofinancing', 13, STYLES.kr, (m) => monitoringTotal(m.project), true),
    col('statusYear', 7, STYLES.integer, (m) => m.statusYear, true),
    ...QUARTERS.map((q) => col(`quarter:${q}`, 5, STYLES.centre, (m) => colourLabel(m.quarters[q - 1]?.effective), true)),
    col('currentColour', 8, STYLES.centre, (m) => colourLabel(m.current), true),
    col('redInYear', 7, STYLES.centre, (m) => yesNo(redInYear(m)), true),
    col('redQuarters', 8, STYLES.integer, (m) => m.redCount, true),
    col('escalation', 14, STYLES.text, (m) => (m.escalate ? OUTPUT.escalated : OUTPUT.notEscalated), true),
    col('start', 11, STYLES.date, (m) => period(m.project, 'start')),
    col('end', 11, STYLES.date, (m) => period(m.project, 'end')),
    col('progress', 9, STYLES.percent, (m) => {
      // At the last ended quarter with figures: never a quarter still running.
      const last = [...m.quarters].reverse().find((q) => q.ended && progressAt(m.project, q.quarter) !== undefined);
      return last ? round2(progressAt(m.project, last.quarter)!) : null;
    }),
    col('criteria', 34, STYLES.text, (m) => criteriaText(m.project)),
    ...QUARTERS.map((q) => col(`computed:${q}`, 9, STYLES.centre, (m) => colourLabel(m.quarters[q - 1]?.computed))),
    col('differences', 30, STYLES.text, (m) => m.differences.map((q) => `K${q.quarter}: indberettet ${colourLabel(q.reported)}, beregnet ${colourLabel(q.computed)}`).join('; ') || null),
    col('actionPlan', 30, STYLES.text, (m) => m.project.actionPlan),
    col('file', 28, STYLES.text, (m) => m.file),
  ];
}

// ------------------------------------------------------------------------------------------ Nye røde

export const NEWLY_RED_HEADERS = {
  project: h('Projekt', 'Project'),
  administration: h('Forvaltning', 'Administration'),
  fund: h('Pulje/fond', 'Fund'),
  quarter: h('Rød i kvartal', 'Red in quarter'),
  redQuarters: h('Antal røde kvartaler', 'Red quarters'),
  escalation: h('Eskalering', 'Escalation'),
  actionPlan: h('Handlingsplan', 'Action plan'),
  file: h('Fil', 'File'),
};

export type NewlyRedKey = keyof typeof NEWLY_RED_HEADERS;

/** The latest quarter with a colour ("K2 2009"): the one a newly red project went red in. */
export function latestQuarterText(m: ProjectMonitoring): string | null {
  const latest = latestColoured(m.quarters);
  return latest ? show.quarter({ quarter: latest.quarter, year: m.statusYear }) : null;
}

export function newlyRedColumns(): LayoutColumn<ProjectMonitoring, NewlyRedKey>[] {
  const col = (key: NewlyRedKey, width: number, style: CellStyle, value: (m: ProjectMonitoring) => PlanValue, printed = true): LayoutColumn<ProjectMonitoring, NewlyRedKey> => ({ key, header: { ...NEWLY_RED_HEADERS[key] }, width, style, value, printed });
  return [
    col('project', 28, STYLES.text, (m) => m.project.name),
    col('administration', 26, STYLES.text, (m) => adminLabel(m.administration)),
    col('fund', 20, STYLES.text, (m) => m.project.fund),
    col('quarter', 10, STYLES.centre, latestQuarterText),
    col('redQuarters', 9, STYLES.integer, (m) => m.redCount),
    col('escalation', 16, STYLES.text, (m) => (m.escalate ? OUTPUT.escalated : OUTPUT.notEscalated)),
    col('actionPlan', 40, STYLES.paragraph, (m) => m.project.actionPlan, false),
    col('file', 28, STYLES.text, (m) => m.file, false),
  ];
}

// ------------------------------------------------------------------------------------------ Kvartalshistorik

/** The history's headers are also how a later consolidation finds it again (history.ts): keep them stable. */
export const HISTORY_HEADERS = {
  administration: h('Forvaltning', 'Administration'),
  project: h('Projekt', 'Project'),
  year: h('År', 'Year'),
  quarter: h('Kvartal', 'Quarter'),
  colour: h('Farve', 'Colour'),
};

export type HistoryKey = keyof typeof HISTORY_HEADERS;

export function historyColumns(): LayoutColumn<HistoryEntry, HistoryKey>[] {
  const col = (key: HistoryKey, width: number, style: CellStyle, value: (e: HistoryEntry) => PlanValue): LayoutColumn<HistoryEntry, HistoryKey> => ({ key, header: { ...HISTORY_HEADERS[key] }, width, style, value, printed: true });
  return [
    col('administration', 30, STYLES.text, (e) => adminLabel(e.administration)),
    col('project', 34, STYLES.text, (e) => e.project),
    col('year', 7, STYLES.integer, (e) => e.year),
    col('quarter', 8, STYLES.integer, (e) => e.quarter),
    col('colour', 8, STYLES.centre, (e) => COLOUR_LABELS[e.colour]),
  ];
}

// ------------------------------------------------------------------------------------------ Målstatus

/** One administration's status on one goal (the "Mål a-g" sheet of its statement) and its initiatives for it. */
export interface GoalStatusRow {
  inc: Included;
  goal: GoalLetter;
}

export const GOAL_STATUS_HEADERS = {
  administration: h('Forvaltning', 'Administration'),
  goal: h('Mål', 'Goal'),
  relevant: h('Relevant', 'Relevant'),
  count: h('Antal indsatser', 'Initiatives'),
  spend: h('Udgift i alt', 'Spend, total'),
  realistic: h('Realistisk', 'Realistic'),
  status: h('Status for målopfyldelse', 'Status of goal attainment'),
  neededInitiatives: h('Nødvendige initiativer', 'Initiatives needed'),
};

export type GoalStatusKey = keyof typeof GOAL_STATUS_HEADERS;

export function goalStatusColumns(years: readonly number[]): LayoutColumn<GoalStatusRow, GoalStatusKey>[] {
  const col = (key: GoalStatusKey, width: number, style: CellStyle, value: (r: GoalStatusRow) => PlanValue, printed = true): LayoutColumn<GoalStatusRow, GoalStatusKey> => ({ key, header: { ...GOAL_STATUS_HEADERS[key] }, width, style, value, printed });
  const status = (r: GoalStatusRow) => r.inc.submission.goals.find((g) => g.goal === r.goal);
  const serving = (r: GoalStatusRow) => r.inc.submission.policyInitiatives.filter((i) => i.goals.includes(r.goal));
  const optionalYesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? null : yesNo(v));
  const yearSet = new Set(years);
  return [
    col('administration', 26, STYLES.text, (r) => adminLabel(r.inc.administration)),
    col('goal', 7, STYLES.text, (r) => `Mål ${r.goal}`),
    col('relevant', 9, STYLES.centre, (r) => optionalYesNo(status(r)?.relevant)),
    col('count', 9, STYLES.integer, (r) => serving(r).length),
    col('spend', 15, STYLES.kr, (r) => round2(serving(r).reduce((s, i) => s + (amountTotal(i.economy, yearSet) ?? 0), 0))),
    col('realistic', 9, STYLES.centre, (r) => optionalYesNo(status(r)?.realistic)),
    col('status', 40, STYLES.text, (r) => status(r)?.status ?? null),
    col('neededInitiatives', 32, STYLES.text, (r) => status(r)?.neededInitiatives ?? null),
  ];
}

export function* goalStatusRows(c: Consolidation): Generator<GoalStatusRow> {
  for (const inc of c.included) for (const goal of GOAL_LETTERS) yield { inc, goal };
}

// ------------------------------------------------------------------------------------------ Valideringsfejl

export interface FindingRow {
  file: FileEntry;
  diagnostic: Diagnostic;
  /** The finding in Danish (diagnosticMessage). */
  message: string;
}

export const FINDING_HEADERS = {
  file: h('Fil', 'File'),
  administration: h('Forvaltning', 'Administration'),
  severity: h('Alvor', 'Severity'),
  sheet: h('Ark', 'Sheet'),
  cell: h('Celle', 'Cell'),
  message: h('Meddelelse', 'Message'),
  code: h('Kode', 'Code'),
  fileStatus: h('Filstatus', 'File status'),
  value: h('Fundet værdi', 'Value found'),
};

export type FindingKey = keyof typeof FINDING_HEADERS;

const SEVERITY_TEXT = { error: 'fejl', warning: 'advarsel', info: 'bemærkning' } as const;

export function findingColumns(): LayoutColumn<FindingRow, FindingKey>[] {
  const col = (key: FindingKey, width: number, value: (r: FindingRow) => PlanValue, printed = false): LayoutColumn<FindingRow, FindingKey> => ({ key, header: { ...FINDING_HEADERS[key] }, width, style: STYLES.text, value, printed });
  return [
    col('file', 28, (r) => r.file.file.name, true),
    col('administration', 24, (r) => (r.file.administration ? adminLabel(r.file.administration) : null), true),
    col('severity', 10, (r) => SEVERITY_TEXT[r.diagnostic.severity], true),
    col('sheet', 16, (r) => r.diagnostic.sheet, true),
    col('cell', 7, (r) => r.diagnostic.cell, true),
    col('message', 60, (r) => r.message, true),
    col('code', 22, (r) => r.diagnostic.code),
    col('fileStatus', 18, (r) => fileOutcomeText(r.file)),
    col('value', 20, (r) => r.diagnostic.value ?? null),
  ];
}

// ------------------------------------------------------------------------------------------ Filer

export const FILE_HEADERS = {
  file: h('Fil', 'File'),
  administration: h('Forvaltning', 'Administration'),
  period: h('Budgetperiode', 'Budget period'),
  result: h('Resultat', 'Result'),
  errors: h('Fejl', 'Errors'),
  warnings: h('Advarsler', 'Warnings'),
  templateVersion: h('Skabelonversion', 'Template version'),
  size: h('Størrelse (byte)', 'Size (bytes)'),
  sha256: h('SHA-256', 'SHA-256'),
};

export type FileKey = keyof typeof FILE_HEADERS;

export function fileColumns(): LayoutColumn<FileEntry, FileKey>[] {
  const col = (key: FileKey, width: number, style: CellStyle, value: (f: FileEntry) => PlanValue, printed = false): LayoutColumn<FileEntry, FileKey> => ({ key, header: { ...FILE_HEADERS[key] }, width, style, value, printed });
  return [
    col('file', 32, STYLES.text, (f) => f.file.name, true),
    col('administration', 26, STYLES.text, (f) => (f.administration ? adminLabel(f.administration) : null), true),
    col('period', 12, STYLES.text, (f) => f.period, true),
    col('result', 26, STYLES.text, fileOutcomeText, true),
    col('errors', 7, STYLES.integer, (f) => f.errors, true),
    col('warnings', 10, STYLES.integer, (f) => f.warnings, true),
    col('templateVersion', 11, STYLES.text, (f) => f.templateVersion, true),
    col('size', 12, STYLES.integer, (f) => f.file.size),
    col('sha256', 66, STYLES.text, (f) => f.file.sha256),
  ];
}

// ------------------------------------------------------------------------------------------ by key

/** A column's position (1 is the first) among `columns`, by its key. */
export function columnNumber<K extends string>(columns: readonly LayoutColumn<never, K>[], key: K): number {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i + 1;
}

/** The key of the column a header names (as written in the workbook), if any. */
export function keyOfHeader<K extends string>(columns: readonly LayoutColumn<never, K>[], header: string): K | undefined {
  return columns.find((c) => c.header.da === header)?.key;
}

/** A row record's cells, in column order. */
export function rowValues<R>(columns: readonly LayoutColumn<R>[], row: R): PlanValue[] {
  return columns.map((c) => c.value(row));
}
