/** The rule engine: every rule of the budget statement, as findings that point at cells. */
import { cellRef, parseRangeRef } from '../cells';
import {
  ADMINISTRATION_CODES,
  MONITORING_THRESHOLD_KR,
  QUARTERS,
  budgetYears,
  unitByCode,
  type GoalLetter,
  type Quarter,
} from '../domain';
import { makeDiagnostic, type Diagnostic, type Params } from '../diagnostics';
import type { Initiative, MonitoredProject, Submission, Table1Row } from '../model';
import type { Layout, ParseResult } from '../parse/submission';
import { parseGoals } from '../parse/values';
import { COVER, GOALS_AREA, OTHER_AREA, POLICY_AREA, PROJECTS_AREA, SHEET_ORDER, TABLE1, type TableArea } from '../template/definition';

export interface ValidationOptions {
  /** Overrides the deadline written on the cover (ISO date). */
  deadline?: string;
}

type Where = { sheet: string | null; cell: string | null };

class Findings {
  readonly list: Diagnostic[] = [];
  deadline?: string;

  constructor(
    readonly s: Submission,
    readonly layout: Layout,
  ) {}

  add(code: string, where: Where, params: Params = {}, value?: string | number | null): void {
    this.list.push(makeDiagnostic(code, where, params, value === null || value === undefined ? undefined : String(value)));
  }

  get unitFactor(): number {
    return this.s.cover.unit ? unitByCode(this.s.cover.unit).factor : 1;
  }

  get unitLabel(): string {
    return this.s.cover.unit ? unitByCode(this.s.cover.unit).label : 'kr.';
  }

  /** An amount in kr. shown in the submission's own unit, Danish style: "3,8 mio. kr.". */
  shown(kr: number): string {
    return `${formatNumber(kr / this.unitFactor)} ${this.unitLabel}`;
  }

  cover(key: string): Where {
    return this.layout.cover[key as keyof Layout['cover']] ?? { sheet: COVER.sheet, cell: null };
  }

  /** The cell of a column in an area's row (per-year columns as "key:year"). */
  at(area: TableArea, columnKey: string, row: number): Where {
    const a = this.layout.areas[area.key];
    if (!a) return { sheet: area.sheet, cell: null };
    const col = a.columns[columnKey];
    return { sheet: a.sheet, cell: col === undefined ? null : cellRef(row, col) };
  }
}

export function formatNumber(n: number): string {
  return n.toLocaleString('da-DK', { maximumFractionDigits: 6 });
}

const danishDate = (iso: string) => iso.split('-').reverse().join('-');

// ---------------------------------------------------------------- cover

function checkCover(f: Findings): void {
  const c = f.s.cover;
  if (c.administration === null) {
    if (c.administrationText === null) f.add('COVER_ADMIN_MISSING', f.cover('administration'));
    else f.add('COVER_ADMIN_UNKNOWN', f.cover('administration'), { found: c.administrationText, known: ADMINISTRATION_CODES.join(', ') }, c.administrationText);
  }
  if (c.firstYear === null) {
    f.add('COVER_FIRST_YEAR_MISSING', f.cover('firstYear'));
  } else {
    const expected = budgetYears(c.firstYear);
    const span = (ys: number[]) => (ys.length ? ys.join(', ') : '–');
    const t1 = f.layout.table1;
    if (t1 && f.s.table1.years.join() !== expected.join()) {
      f.add('COVER_YEARS_MISMATCH', { sheet: t1.sheet, cell: cellRef(t1.headerRow, t1.yearColumns[0] ?? t1.labelColumn + 1) }, { area: TABLE1.title, found: span(f.s.table1.years), expected: span(expected) });
    }
    for (const area of [POLICY_AREA, OTHER_AREA, PROJECTS_AREA]) {
      const a = f.layout.areas[area.key];
      if (a && a.headerYears.length && a.headerYears.join() !== expected.join()) {
        const firstYearCol = Math.min(...Object.entries(a.columns).filter(([k]) => k.includes(':')).map(([, col]) => col));
        f.add('COVER_YEARS_MISMATCH', { sheet: a.sheet, cell: cellRef(a.headerRow, firstYearCol) }, { area: a.sheet, found: span(a.headerYears), expected: span(expected) });
      }
    }
  }
  if (c.unit === null) {
    if (c.unitText === null) f.add('COVER_UNIT_MISSING', f.cover('unit'));
    else f.add('COVER_UNIT_UNKNOWN', f.cover('unit'), { found: c.unitText }, c.unitText);
  }
  if (c.contact === null) f.add('COVER_CONTACT_MISSING', f.cover('contact'));
  if (c.submissionDate === null) f.add('COVER_DATE_MISSING', f.cover('submissionDate'));
  const deadline = f.deadline ?? c.deadline;
  if (c.submissionDate !== null && deadline && c.submissionDate > deadline) {
    f.add('COVER_AFTER_DEADLINE', f.cover('submissionDate'), { found: danishDate(c.submissionDate), deadline: danishDate(deadline) }, danishDate(c.submissionDate));
  }
  if (c.statusYear === null && f.s.projects.some((p) => isMonitored(p))) f.add('COVER_STATUS_YEAR_MISSING', f.cover('statusYear'));
}

// ---------------------------------------------------------------- goals a–g

function checkGoals(f: Findings): void {
  for (const g of f.s.goals) {
    const row = g.source.row;
    if (g.relevant === null) {
      f.add('GOAL_RELEVANT_MISSING', f.at(GOALS_AREA, 'relevant', row), { goal: g.goal });
      continue;
    }
    if (!g.relevant) continue;
    if (g.status === null) f.add('GOAL_STATUS_MISSING', f.at(GOALS_AREA, 'status', row), { goal: g.goal });
    if (g.realistic === null) f.add('GOAL_REALISTIC_MISSING', f.at(GOALS_AREA, 'realistic', row), { goal: g.goal });
    if (g.realistic === false && g.neededInitiatives === null) f.add('GOAL_NEEDED_MISSING', f.at(GOALS_AREA, 'neededInitiatives', row), { goal: g.goal });
  }
  const notRelevant = new Set<GoalLetter>(f.s.goals.filter((g) => g.relevant === false).map((g) => g.goal));
  for (const i of f.s.policyInitiatives) {
    for (const goal of i.goals) {
      if (notRelevant.has(goal)) f.add('GOAL_NOT_RELEVANT_USED', f.at(POLICY_AREA, 'goals', i.source.row), { name: i.name ?? '', goal }, i.goalsText);
    }
  }
}

// ---------------------------------------------------------------- initiatives

const REQUIRED_TEXT: readonly (keyof Initiative & string)[] = ['name', 'targetGroup', 'activity', 'expectedResult', 'status', 'followUp'];

function header(area: TableArea, key: string): string {
  return area.columns.find((c) => c.key === key)!.header.replace(' {year}', '');
}

/** Amount checks shared by initiatives and projects: not negative, and not in a unit that looks wrong. */
function checkAmount(f: Findings, kr: number | null, where: Where, field: string): void {
  if (kr === null) return;
  if (kr < 0) {
    f.add('AMOUNT_NEGATIVE', where, { found: f.shown(kr), field }, formatNumber(kr / f.unitFactor));
  } else if ((kr > 0 && kr < 1_000) || kr >= 1_000_000_000) {
    // 12,3 typed with the unit kr. (meant mio.), or 4.500.000.000 (meant kr. with the unit mio.).
    f.add('AMOUNT_UNIT_SUSPECT', where, { found: formatNumber(kr / f.unitFactor), unit: f.unitLabel, kr: formatNumber(kr), field }, formatNumber(kr / f.unitFactor));
  }
}

function checkInitiatives(f: Findings, area: TableArea, list: Initiative[]): void {
  const seen = new Map<string, number>();
  for (const i of list) {
    const row = i.source.row;
    const name = i.name ?? `række ${row}`;
    for (const key of REQUIRED_TEXT) {
      // A missing column is reported once (COLUMN_MISSING), not on every row.
      const hasColumn = f.layout.areas[area.key]?.columns[key] !== undefined;
      if (i[key] === null && hasColumn) f.add('INIT_FIELD_MISSING', f.at(area, key, row), { field: header(area, key), name });
    }
    if (i.economy.length && i.economy.every((e) => e.amount === null)) {
      f.add('INIT_FIELD_MISSING', f.at(area, `economy:${i.economy[0].year}`, row), { field: 'Økonomi', name });
    }
    for (const e of i.economy) checkAmount(f, e.amount, f.at(area, `economy:${e.year}`, row), `Økonomi ${e.year}`);
    if (area === POLICY_AREA) {
      const goals = parseGoals(i.goalsText);
      if (i.goalsText === null) f.add('INIT_GOAL_MISSING', f.at(area, 'goals', row), { name });
      else if (goals.invalid.length) f.add('INIT_GOAL_INVALID', f.at(area, 'goals', row), { found: goals.invalid.join(', '), name }, i.goalsText);
    } else if (i.goalsText !== null) {
      const goals = parseGoals(i.goalsText);
      if (goals.goals.length && !goals.invalid.length) {
        f.add('OTHER_GOAL_IS_POLICY', f.at(area, 'goals', row), { name, found: goals.goals.join(', '), sheet: POLICY_AREA.sheet }, i.goalsText);
      }
    }
    if (i.name !== null) {
      const key = i.name.toLowerCase().replace(/\s+/g, ' ').trim();
      const first = seen.get(key);
      if (first !== undefined) f.add('INIT_DUPLICATE_NAME', f.at(area, 'name', row), { name: i.name, other: first }, i.name);
      else seen.set(key, row);
    }
  }
}

// ---------------------------------------------------------------- Table 1

/** Half a unit of the last decimal shown, in kr.: the most a correctly rounded total may differ. */
function tolerance(f: Findings, decimals: number | null): number {
  const d = decimals ?? 2;
  return 0.5 * 10 ** -d * f.unitFactor + 1e-6 * f.unitFactor;
}

function checkTable1(f: Findings): void {
  const t1 = f.layout.table1;
  if (!t1) return;
  const rows = new Map(f.s.table1.rows.map((r) => [r.key, r]));
  const years = f.s.table1.years;
  const at = (row: Table1Row, col: number | null): Where => ({ sheet: t1.sheet, cell: col === null ? null : cellRef(row.source.row, col) });
  const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

  for (const row of f.s.table1.rows) {
    // The I ALT row is computed; its amounts are checked by the sums below.
    if (row.key !== 'total') row.amounts.forEach((a, i) => checkAmount(f, a.amount, at(row, t1.yearColumns[i]), `${row.label} ${a.year}`));
    if (row.total === null) continue;
    const exact = sum(row.amounts.map((a) => a.amount));
    if (Math.abs(row.total - exact) > tolerance(f, row.totalShownDecimals)) {
      f.add('T1_ROW_SUM', at(row, t1.totalColumn), { row: row.label, found: f.shown(row.total), expected: f.shown(exact) }, formatNumber(row.total / f.unitFactor));
    }
  }

  const total = rows.get('total');
  const parts = (['policy', 'other', 'projects'] as const).map((k) => rows.get(k)).filter((r): r is Table1Row => r !== undefined);
  if (total && parts.length === 3) {
    years.forEach((year, i) => {
      const found = total.amounts[i].amount;
      if (found === null) return;
      const exact = sum(parts.map((r) => r.amounts[i].amount));
      if (Math.abs(found - exact) > tolerance(f, total.shownDecimals[i])) {
        f.add('T1_COLUMN_SUM', at(total, t1.yearColumns[i]), { year, found: f.shown(found), expected: f.shown(exact) }, formatNumber(found / f.unitFactor));
      }
    });
    if (total.total !== null) {
      const exact = sum(parts.map((r) => r.total ?? sum(r.amounts.map((a) => a.amount))));
      if (Math.abs(total.total - exact) > tolerance(f, total.totalShownDecimals)) {
        f.add('T1_COLUMN_SUM', at(total, t1.totalColumn), { year: TABLE1.totalHeader, found: f.shown(total.total), expected: f.shown(exact) }, formatNumber(total.total / f.unitFactor));
      }
    }
  }

  // Reconciliation: each row against the sheet it summarises.
  const yearSum = (values: { year: number; amount: number | null }[][], year: number) => sum(values.map((v) => v.find((a) => a.year === year)?.amount ?? null));
  const sources: { key: 'policy' | 'other' | 'projects'; source: string; values: { year: number; amount: number | null }[][]; present: boolean }[] = [
    { key: 'policy', source: `indsatserne på arket ${POLICY_AREA.sheet}`, values: f.s.policyInitiatives.map((i) => i.economy), present: f.layout.areas.policy !== undefined },
    { key: 'other', source: `indsatserne på arket ${OTHER_AREA.sheet}`, values: f.s.otherInitiatives.map((i) => i.economy), present: f.layout.areas.other !== undefined },
    {
      key: 'projects',
      source: `projekternes kommunale medfinansiering på arket ${PROJECTS_AREA.sheet}`,
      values: f.s.projects.map((p) => p.funding),
      // "where given": only when the projects sheet gives funding at all
      present: f.s.projects.some((p) => p.funding.some((a) => a.amount !== null)),
    },
  ];
  for (const src of sources) {
    const row = rows.get(src.key);
    if (!row || !src.present) continue;
    years.forEach((year, i) => {
      const stated = row.amounts[i].amount ?? 0;
      const exact = yearSum(src.values, year);
      if (Math.abs(stated - exact) > tolerance(f, row.shownDecimals[i])) {
        f.add('T1_RECONCILE', at(row, t1.yearColumns[i]), { row: row.label, year, found: f.shown(stated), source: src.source, expected: f.shown(exact) }, formatNumber(stated / f.unitFactor));
      }
    });
  }
}

// ---------------------------------------------------------------- monitored projects

export function isMonitored(p: MonitoredProject): boolean {
  return p.fundingTotal !== null && p.fundingTotal >= MONITORING_THRESHOLD_KR;
}

export function quarterLabel(q: Quarter, year: number | null): string {
  return year === null ? `K${q}` : `K${q} ${year}`;
}

/** The quarters of the status year the project ran in that had ended by the submission date. */
export function reportedQuarters(p: MonitoredProject, statusYear: number | null, submitted: string | null): Quarter[] {
  if (statusYear === null || p.start === null || p.end === null || p.start > p.end) return [];
  return QUARTERS.filter((q) => {
    const first = `${statusYear}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const last = `${statusYear}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
    const overlaps = p.start! <= last && p.end! >= first;
    return overlaps && (submitted === null || last <= submitted);
  });
}

function checkProjects(f: Findings): void {
  const statusYear = f.s.cover.statusYear;
  for (const p of f.s.projects) {
    const row = p.source.row;
    const name = p.name ?? `række ${row}`;
    const at = (key: string, r = row) => f.at(PROJECTS_AREA, key, r);
    if (p.name === null) f.add('PROJ_NAME_MISSING', at('name'));
    for (const a of p.funding) checkAmount(f, a.amount, at(`funding:${a.year}`), `Kommunal medfinansiering ${a.year}`);
    if (p.start !== null && p.end !== null && p.start > p.end) {
      f.add('PROJ_PERIOD_ORDER', at('start'), { name, start: danishDate(p.start), end: danishDate(p.end) }, danishDate(p.start));
    }
    p.colours.forEach((c) => {
      if (c.text !== null && c.colour === null) f.add('PROJ_COLOUR_INVALID', at(`q${c.quarter}`), { found: c.text, quarter: quarterLabel(c.quarter, statusYear) }, c.text);
    });
    if (p.fundingTotal === null) {
      f.add('PROJ_FUNDING_MISSING', at(`funding:${p.funding[0]?.year}`), { name });
      continue;
    }
    if (!isMonitored(p)) {
      f.add('PROJ_NOT_MONITORED', at('name'), { name, kr: formatNumber(p.fundingTotal) });
      continue;
    }
    if (p.start === null || p.end === null) f.add('PROJ_PERIOD_MISSING', at(p.start === null ? 'start' : 'end'), { name });
    const complete = p.criteria.filter((c) => c.indicator !== null || c.target !== null);
    if (complete.length === 0) f.add('PROJ_CRITERIA_MISSING', at('indicator'), { name });
    for (const c of complete) {
      if (c.target === null) f.add('PROJ_TARGET_MISSING', at('target', c.source.row), { name, indicator: c.indicator ?? '' });
    }
    for (const q of reportedQuarters(p, statusYear, f.s.cover.submissionDate)) {
      if (p.colours[q - 1].text === null) f.add('PROJ_COLOUR_MISSING', at(`q${q}`), { name, quarter: quarterLabel(q, statusYear) });
    }
    const red = p.colours.find((c) => c.colour === 'red');
    if (red && p.actionPlan === null) f.add('PROJ_RED_NO_ACTION_PLAN', at('actionPlan'), { name, quarter: quarterLabel(red.quarter, statusYear) });
  }
}

// ---------------------------------------------------------------- order and entry point

/** Findings about the whole file first, then by sheet order, row and column: the same for the same file every time. */
export function sortDiagnostics(list: Diagnostic[], sheetOrder: readonly string[]): Diagnostic[] {
  const order = (sheet: string | null) => {
    if (sheet === null) return -1;
    const i = sheetOrder.indexOf(sheet);
    if (i >= 0) return i;
    const j = SHEET_ORDER.indexOf(sheet);
    return j >= 0 ? 1000 + j : 2000;
  };
  const pos = (d: Diagnostic) => {
    const r = d.cell ? parseRangeRef(d.cell) : undefined;
    return r ? [r.top, r.left] : [0, 0];
  };
  return list
    .map((d, i) => ({ d, i, o: order(d.sheet), p: pos(d) }))
    .sort((a, b) => a.o - b.o || (a.d.sheet ?? '').localeCompare(b.d.sheet ?? '') || a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.d);
}

/** All findings for one read workbook: what reading noticed plus every rule. */
export function validate(parsed: ParseResult, options: ValidationOptions = {}): Diagnostic[] {
  const f = new Findings(parsed.submission, parsed.layout);
  f.deadline = options.deadline;
  checkCover(f);
  checkGoals(f);
  checkInitiatives(f, POLICY_AREA, parsed.submission.policyInitiatives);
  checkInitiatives(f, OTHER_AREA, parsed.submission.otherInitiatives);
  checkTable1(f);
  checkProjects(f);
  return sortDiagnostics([...parsed.diagnostics, ...f.list], parsed.layout.sheetOrder);
}

export type FileStatus = 'valid' | 'invalid' | 'unreadable';

export function statusOf(diagnostics: Diagnostic[], unreadable: boolean): FileStatus {
  if (unreadable) return 'unreadable';
  return diagnostics.some((d) => d.severity === 'error') ? 'invalid' : 'valid';
}
