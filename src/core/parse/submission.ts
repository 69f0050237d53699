/** Reads a filled-in budget statement through any WorkbookReader into a Submission, amounts in kr. */
import { cellRef } from '../cells';
import {
  ADMINISTRATIONS,
  GOAL_LETTERS,
  QUARTERS,
  UNITS,
  budgetYears,
  lastEndedQuarter,
  unitByCode,
  type AdministrationCode,
  type GoalLetter,
  type UnitCode,
} from '../domain';
import { makeDiagnostic, type Diagnostic } from '../diagnostics';
import type {
  Cover,
  GoalStatus,
  Initiative,
  InitiativeKind,
  MonitoredProject,
  QuarterColour,
  Submission,
  SuccessCriterion,
  Table1,
  Table1Row,
  TemplateStamp,
  UnassignedCriterion,
  YearAmount,
} from '../model';
import { isCellError, type CellError, type CellValue, type SheetGrid, type WorkbookReader } from '../reader';
import {
  ACHIEVED_BY_QUARTER,
  COVER,
  CRITERIA_AREA,
  GOALS_AREA,
  INFO,
  OTHER_AREA,
  POLICY_AREA,
  PROJECTS_AREA,
  SUPPORTED_TEMPLATE_VERSIONS,
  TABLE1,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  VERSIONS_WITHOUT_QUARTERLY_CRITERIA,
  columnId,
  columnRef,
  normalizeLabel,
  parseColumnId,
  type ColumnId,
  type ColumnKeyOf,
  type CoverFieldKey,
  type FieldRef,
  type PerYearKeyOf,
  type TableArea,
  type TableAreas,
} from '../template/definition';
import { locateArea, WorkbookIndex, type LocatedArea } from './locate';
import {
  cellText,
  firstNumberIn,
  formatDanishDate,
  isDateFormat,
  parseGoals,
  readColour,
  readDate,
  readNumber,
  readYear,
  readYesNo,
  roundKr,
  serialToIso,
  shownDecimals,
} from './values';

/** Where a table-shaped area was found: its sheet, header row and the column of each of its columns found. */
export interface AreaLayout<A extends TableArea> {
  sheet: string;
  headerRow: number;
  columns: Partial<Record<ColumnId<A>, number>>;
  headerYears: number[];
  foundBy: 'name' | 'labels';
}

/** Where each part of the submission was found, so findings can point at cells. */
export interface Layout {
  cover: Partial<Record<CoverFieldKey, { sheet: string; cell: string }>>;
  areas: { [K in keyof TableAreas]?: AreaLayout<TableAreas[K]> };
  table1?: { sheet: string; headerRow: number; labelColumn: number; yearColumns: number[]; totalColumn: number | null; rows: Partial<Record<Table1Row['key'], number>> };
  sheetOrder: string[];
}

/** The two status schema sheets share their columns. */
type InitiativeArea = typeof POLICY_AREA | typeof OTHER_AREA;

export interface ParseResult {
  submission: Submission;
  layout: Layout;
  diagnostics: Diagnostic[];
}

class Context {
  readonly diagnostics: Diagnostic[] = [];
  unitFactor = 1;

  constructor(readonly index: WorkbookIndex) {}

  at(grid: SheetGrid, row: number, col: number) {
    return { sheet: grid.name, cell: cellRef(row, col) };
  }

  private readonly reportedFormulas = new Set<string>();

  /** A cell's value; a formula that has no result and could not be computed is reported (and read as blank, never 0). */
  value(grid: SheetGrid, row: number, col: number): CellValue {
    const v = grid.value(row, col);
    if (v === null) {
      const formula = grid.uncalculatedFormula(row, col);
      const key = `${grid.name}\u0000${row}\u0000${col}`;
      if (formula !== undefined && !this.reportedFormulas.has(key)) {
        this.reportedFormulas.add(key);
        // The formula as the finding shows it: text, cut short (a file may hold one of any length).
        const shown = `=${formula.length > 100 ? `${formula.slice(0, 99)}…` : formula}`;
        this.diagnostics.push(makeDiagnostic('FORMULA_NOT_CALCULATED', this.at(grid, row, col), { formula: shown }, shown));
      }
    }
    return v;
  }

  /** A cell's value; undefined where the column is missing or the cell holds an error (which is reported). */
  private read(grid: SheetGrid, row: number, col: number | undefined): CellValue | undefined {
    if (col === undefined) return undefined;
    const v = this.value(grid, row, col);
    if (isCellError(v)) {
      this.cellError(v, grid, row, col);
      return undefined;
    }
    return v;
  }

  text(grid: SheetGrid, row: number, col: number | undefined): string | null {
    const v = this.read(grid, row, col);
    return v === undefined ? null : cellText(v);
  }

  /** A figure typed in a cell, as text and as its number (the first number in a text such as "mindst 25"); read once. */
  figure(grid: SheetGrid, row: number, col: number | undefined): { text: string | null; number: number | null } {
    const v = this.read(grid, row, col);
    return v === undefined ? { text: null, number: null } : { text: cellText(v), number: firstNumberIn(v) };
  }

  cellError(v: CellError, grid: SheetGrid, row: number, col: number): void {
    this.diagnostics.push(makeDiagnostic('CELL_ERROR', this.at(grid, row, col), { found: v.error }, v.error));
  }

  /** An amount in kr.; a unit written in the cell wins over the cover's unit. */
  amount(grid: SheetGrid, row: number, col: number | undefined, field: FieldRef): number | null {
    if (col === undefined) return null;
    const v = this.value(grid, row, col);
    const r = readNumber(v);
    if (r.kind === 'blank') return null;
    if (r.kind === 'number' && typeof v === 'number' && isDateFormat(grid.numberFormat(row, col))) {
      // A date typed into an amount cell arrives as its serial number (15-05-2010 is 40.313): not an amount.
      const iso = serialToIso(v);
      this.badValue(v, iso ? formatDanishDate(iso) : String(v), grid, row, col, 'NOT_A_NUMBER', field);
      return null;
    }
    if (r.kind === 'invalid') {
      this.badValue(v, r.text, grid, row, col, 'NOT_A_NUMBER', field);
      return null;
    }
    const factor = r.unit ? unitByCode(r.unit).factor : this.unitFactor;
    return roundKr(r.value * factor);
  }

  badValue(v: CellValue, text: string, grid: SheetGrid, row: number, col: number, code: 'NOT_A_NUMBER' | 'NOT_A_DATE' | 'NOT_A_YEAR' | 'NOT_YES_NO', field: FieldRef): void {
    if (isCellError(v)) this.cellError(v, grid, row, col);
    else this.diagnostics.push(makeDiagnostic(code, this.at(grid, row, col), { found: text, field }, text));
  }
}

export function matchAdministration(text: string | null): AdministrationCode | null {
  if (text === null) return null;
  const t = normalizeLabel(text);
  for (const a of ADMINISTRATIONS) {
    const code = a.code.toLowerCase();
    if (t === code || t.startsWith(`${code} `) || t.startsWith(`${code}-`) || t === normalizeLabel(a.name) || t.endsWith(normalizeLabel(a.name))) {
      return a.code;
    }
  }
  // "OKF"/"OEKF" for ØKF typed without Danish letters
  if (/^(okf|oekf)\b/.test(t)) return 'ØKF';
  return null;
}

export function matchUnit(text: string | null): UnitCode | null {
  if (text === null) return null;
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const exact = UNITS.find((u) => u.label === t);
  if (exact) return exact.code;
  if (/^(kr\.?|kroner|dkk)$/.test(t)) return 'kr';
  if (/^(1\.?000 ?kr\.?|t\.? ?kr\.?|tkr\.?|tusind kr\.?)$/.test(t)) return 'tkr';
  if (/^(mio\.? ?kr\.?|mill?\.? ?kr\.?|millioner kr\.?|mio\.?)$/.test(t)) return 'mkr';
  return null;
}

async function readTemplateStamp(ctx: Context): Promise<TemplateStamp> {
  const named = ctx.index.name(INFO.definedName);
  const candidates = named ? [named.sheet] : ctx.index.searchOrder(INFO.sheet).filter((s) => normalizeLabel(s) === normalizeLabel(INFO.sheet));
  const found = await ctx.index.findLabel(INFO.idLabel, candidates, 20);
  if (!found) {
    ctx.diagnostics.push(makeDiagnostic('TEMPLATE_NOT_RECOGNISED', { sheet: null, cell: null }));
    return { id: null, version: null };
  }
  const { grid, row, col } = found;
  const id = cellText(grid.value(row, col + 1));
  const versionAt = await ctx.index.findLabel(INFO.versionLabel, [grid.name], 20);
  const version = versionAt ? cellText(versionAt.grid.value(versionAt.row, versionAt.col + 1)) : null;
  if (id !== TEMPLATE_ID) {
    ctx.diagnostics.push(makeDiagnostic('TEMPLATE_ID_UNKNOWN', ctx.at(grid, row, col + 1), { found: id ?? '' }, id ?? ''));
  } else if (version === null || !SUPPORTED_TEMPLATE_VERSIONS.includes(version)) {
    const where = versionAt ? ctx.at(grid, versionAt.row, versionAt.col + 1) : { sheet: grid.name, cell: null };
    ctx.diagnostics.push(makeDiagnostic('TEMPLATE_VERSION_UNKNOWN', where, { found: version ?? '' }, version ?? ''));
  } else if (VERSIONS_WITHOUT_QUARTERLY_CRITERIA.includes(version) && versionAt) {
    ctx.diagnostics.push(makeDiagnostic('TEMPLATE_VERSION_OLDER', ctx.at(grid, versionAt.row, versionAt.col + 1), { found: version, current: TEMPLATE_VERSION }, version));
  }
  return { id, version };
}

async function readCover(ctx: Context, layout: Layout): Promise<Cover> {
  const cover: Cover = {
    administration: null,
    administrationText: null,
    firstYear: null,
    unit: null,
    unitText: null,
    contact: null,
    email: null,
    submissionDate: null,
    deadline: null,
    statusYear: null,
  };
  for (const field of COVER.fields) {
    if (field.computed) continue;
    let grid: SheetGrid | undefined;
    let row = 0;
    let col = 0;
    const named = ctx.index.name(field.definedName);
    if (named) {
      grid = await ctx.index.grid(named.sheet);
      row = named.top;
      col = named.left;
    } else {
      const found = await ctx.index.findLabel(field.label, ctx.index.searchOrder(COVER.sheet), 60);
      if (found) {
        grid = found.grid;
        row = found.row;
        col = found.col + 1;
      }
    }
    if (!grid) {
      ctx.diagnostics.push(makeDiagnostic('FIELD_MISSING', { sheet: COVER.sheet, cell: null }, { field: field.key }));
      continue;
    }
    layout.cover[field.key] = ctx.at(grid, row, col);
    const v = ctx.value(grid, row, col);
    switch (field.kind) {
      case 'administration':
        cover.administrationText = ctx.text(grid, row, col);
        cover.administration = matchAdministration(cover.administrationText);
        break;
      case 'unit':
        cover.unitText = ctx.text(grid, row, col);
        cover.unit = matchUnit(cover.unitText);
        break;
      case 'year': {
        const y = readYear(v);
        if (y.kind === 'invalid') ctx.badValue(v, y.text, grid, row, col, 'NOT_A_YEAR', { cover: field.key });
        const year = y.kind === 'year' ? y.year : null;
        if (field.key === 'firstYear') cover.firstYear = year;
        if (field.key === 'statusYear') cover.statusYear = year;
        break;
      }
      case 'date': {
        const d = readDate(v);
        if (d.kind === 'invalid') ctx.badValue(v, d.text, grid, row, col, 'NOT_A_DATE', { cover: field.key });
        const iso = d.kind === 'date' ? d.iso : null;
        if (field.key === 'submissionDate') cover.submissionDate = iso;
        if (field.key === 'deadline') cover.deadline = iso;
        break;
      }
      default: {
        const t = ctx.text(grid, row, col);
        if (field.key === 'contact') cover.contact = t;
        if (field.key === 'email') cover.email = t;
      }
    }
  }
  return cover;
}

function rowIsBlank(grid: SheetGrid, row: number, cols: number[]): boolean {
  return cols.every((c) => grid.isBlank(row, c));
}

/** Data rows of an area: every non-blank row below the header, also past the prepared rows. */
function dataRows<A extends TableArea>(area: LocatedArea<A>, def: A): number[] {
  const inputCols = def.columns
    .filter((c) => c.kind !== 'rowTotal' && c.kind !== 'fixed')
    .flatMap((c) => [...area.columns.entries()].filter(([id]) => parseColumnId(id).key === c.key).map(([, col]) => col));
  const rows: number[] = [];
  for (let r = area.headerRow + 1; r <= area.grid.bottom; r++) if (!rowIsBlank(area.grid, r, inputCols)) rows.push(r);
  return rows;
}

function recordLayout<K extends keyof TableAreas>(layout: Layout, def: TableAreas[K], area: LocatedArea<TableAreas[K]>): void {
  (layout.areas as Partial<Record<K, AreaLayout<TableAreas[K]>>>)[def.key as K] = {
    sheet: area.grid.name,
    headerRow: area.headerRow,
    columns: Object.fromEntries(area.columns) as AreaLayout<TableAreas[K]>['columns'],
    headerYears: area.headerYears,
    foundBy: area.foundBy,
  };
}

async function locate<K extends keyof TableAreas>(ctx: Context, layout: Layout, def: TableAreas[K]): Promise<LocatedArea<TableAreas[K]> | undefined> {
  const area = await locateArea(ctx.index, def);
  if (!area) {
    ctx.diagnostics.push(makeDiagnostic('AREA_MISSING', { sheet: null, cell: null }, { area: def.key }));
    return undefined;
  }
  if (area.foundBy === 'labels') {
    ctx.diagnostics.push(makeDiagnostic('AREA_FOUND_BY_LABELS', { sheet: area.grid.name, cell: cellRef(area.headerRow, area.grid.sheet.left) }, { area: def.key }));
  }
  // The required and the fixed columns must be there; a missing one is reported once here, not on every row.
  for (const col of def.columns as readonly ColumnOfArea<K>[]) {
    if (col.kind === 'rowTotal' || (!('required' in col && col.required) && col.kind !== 'fixed')) continue;
    const present = 'perYear' in col && col.perYear ? area.headerYears.length > 0 : area.columns.has(col.key as ColumnId<TableAreas[K]>);
    if (!present) {
      ctx.diagnostics.push(
        makeDiagnostic('COLUMN_MISSING', { sheet: area.grid.name, cell: cellRef(area.headerRow, area.grid.sheet.left) }, { column: columnRef(def, col.key) }),
      );
    }
  }
  recordLayout(layout, def, area);
  return area;
}

type ColumnOfArea<K extends keyof TableAreas> = TableAreas[K]['columns'][number];

/** Amounts for the years in the area's headers (what the sheet really holds); without year headers, the budget years. */
function yearAmounts<A extends TableArea>(ctx: Context, def: A, area: LocatedArea<A>, row: number, key: PerYearKeyOf<A>, budget: number[]): YearAmount[] {
  const years = area.headerYears.length ? area.headerYears : budget;
  return years.map((year) => ({ year, amount: ctx.amount(area.grid, row, area.columns.get(columnId<A>(key, year)), columnRef(def, key, year)) }));
}

async function readGoals(ctx: Context, layout: Layout): Promise<GoalStatus[]> {
  const area = await locate<'goals'>(ctx, layout, GOALS_AREA);
  const byGoal = new Map<GoalLetter, GoalStatus>();
  if (area) {
    const col = (k: ColumnId<typeof GOALS_AREA>) => area.columns.get(k);
    for (const row of dataRows(area, GOALS_AREA).concat(goalRowsByLetter(area))) {
      const letter = (cellText(area.grid.value(row, col('goal') ?? 0)) ?? '').toLowerCase().replace(/[).]$/, '');
      if (!(GOAL_LETTERS as readonly string[]).includes(letter) || byGoal.has(letter as GoalLetter)) continue;
      const yesNo = (key: 'relevant' | 'realistic'): boolean | null => {
        const c = col(key);
        if (c === undefined) return null;
        const v = ctx.value(area.grid, row, c);
        const r = readYesNo(v);
        if (r.kind === 'invalid') ctx.badValue(v, r.text, area.grid, row, c, 'NOT_YES_NO', columnRef(GOALS_AREA, key));
        return r.kind === 'value' ? r.value : null;
      };
      byGoal.set(letter as GoalLetter, {
        goal: letter as GoalLetter,
        relevant: yesNo('relevant'),
        status: ctx.text(area.grid, row, col('status')),
        realistic: yesNo('realistic'),
        neededInitiatives: ctx.text(area.grid, row, col('neededInitiatives')),
        source: { sheet: area.grid.name, row },
      });
    }
  }
  return GOAL_LETTERS.filter((g) => byGoal.has(g)).map((g) => byGoal.get(g)!);
}

/** Goal rows are recognised by their letter even when nothing else is filled in. */
function goalRowsByLetter(area: LocatedArea<typeof GOALS_AREA>): number[] {
  const c = area.columns.get('goal');
  if (c === undefined) return [];
  const rows: number[] = [];
  for (let r = area.headerRow + 1; r <= area.grid.bottom; r++) if (!area.grid.isBlank(r, c)) rows.push(r);
  return rows;
}

async function readInitiatives(ctx: Context, layout: Layout, def: InitiativeArea, kind: InitiativeKind, years: number[]): Promise<Initiative[]> {
  const area = await locate<InitiativeKind>(ctx, layout, def);
  if (!area) return [];
  return dataRows(area, def).map((row) => {
    const text = (k: Exclude<ColumnKeyOf<InitiativeArea>, 'economy'>) => ctx.text(area.grid, row, area.columns.get(k));
    const goalsText = text('goals');
    return {
      kind,
      name: text('name'),
      goals: parseGoals(goalsText).goals,
      goalsText,
      targetGroup: text('targetGroup'),
      activity: text('activity'),
      expectedResult: text('expectedResult'),
      status: text('status'),
      followUp: text('followUp'),
      economy: yearAmounts(ctx, def, area, row, 'economy', years),
      source: { sheet: area.grid.name, row },
    };
  });
}

/** The reported quarters: a 1.0 file's "Opnået til dato" is the figure at the last quarter ended by its submission. */
function legacyQuarterly(achieved: number | null, achievedText: string | null, cover: Cover): { quarterly: (number | null)[]; quarterlyText: (string | null)[] } {
  const quarterly: (number | null)[] = QUARTERS.map(() => null);
  const quarterlyText: (string | null)[] = QUARTERS.map(() => null);
  const last = cover.statusYear === null ? undefined : lastEndedQuarter(cover.statusYear, cover.submissionDate);
  if (last !== undefined) {
    quarterly[last - 1] = achieved;
    quarterlyText[last - 1] = achievedText;
  }
  return { quarterly, quarterlyText };
}

async function readProjects(ctx: Context, layout: Layout, years: number[], cover: Cover): Promise<MonitoredProject[]> {
  const area = await locate<'projects'>(ctx, layout, PROJECTS_AREA);
  if (!area) return [];
  type Key = ColumnId<typeof PROJECTS_AREA>;
  const col = (k: Key) => area.columns.get(k);
  const projects: MonitoredProject[] = [];
  for (const row of dataRows(area, PROJECTS_AREA)) {
    const text = (k: Key) => ctx.text(area.grid, row, col(k));
    const source = { sheet: area.grid.name, row };
    // Template 1.0 only: a success criterion on the project's row, continued on rows below with a blank project.
    const target = ctx.figure(area.grid, row, col('target'));
    const achieved = ctx.figure(area.grid, row, col('achieved'));
    const achievedText = achieved.text;
    const criterion: SuccessCriterion = {
      indicator: text('indicator'),
      target: target.number,
      targetText: target.text,
      ...legacyQuarterly(achieved.number, achievedText, cover),
      source,
    };
    const hasCriterion = criterion.indicator !== null || criterion.targetText !== null || achievedText !== null;
    const name = text('name');
    const funding = yearAmounts(ctx, PROJECTS_AREA, area, row, 'funding', years);
    const cofinancing = ctx.amount(area.grid, row, col('cofinancing'), columnRef(PROJECTS_AREA, 'cofinancing'));
    const ownFields = name !== null || funding.some((f) => f.amount !== null) || cofinancing !== null || text('fund') !== null;
    const previous = projects[projects.length - 1];
    if (!ownFields && previous && hasCriterion) {
      // A continuation row: one more success criterion for the project above.
      previous.criteria.push(criterion);
      continue;
    }
    const date = (k: 'start' | 'end'): string | null => {
      const c = col(k);
      if (c === undefined) return null;
      const v = ctx.value(area.grid, row, c);
      const d = readDate(v);
      if (d.kind === 'invalid') ctx.badValue(v, d.text, area.grid, row, c, 'NOT_A_DATE', columnRef(PROJECTS_AREA, k));
      return d.kind === 'date' ? d.iso : null;
    };
    const colours: QuarterColour[] = QUARTERS.map((quarter) => {
      const t = text(`q${quarter}`);
      const r = readColour(t);
      return { quarter, colour: r.kind === 'value' ? r.value : null, text: t };
    });
    const typedTotal = ctx.amount(area.grid, row, col('fundingTotal'), columnRef(PROJECTS_AREA, 'fundingTotal'));
    const given = funding.filter((f) => f.amount !== null);
    projects.push({
      name,
      fund: text('fund'),
      start: date('start'),
      end: date('end'),
      funding,
      fundingTotal: typedTotal ?? (given.length ? roundKr(given.reduce((s, f) => s + (f.amount as number), 0)) : null),
      cofinancing,
      criteria: hasCriterion ? [criterion] : [],
      colours,
      actionPlan: text('actionPlan'),
      source,
    });
  }
  return projects;
}

/** Template 1.1: the sheet Succeskriterier, one row per criterion, each naming its project. */
async function readCriteria(ctx: Context, layout: Layout, projects: MonitoredProject[], version: string | null): Promise<UnassignedCriterion[]> {
  const hasSheet = ctx.index.name(CRITERIA_AREA.definedName) !== undefined || ctx.index.sheets.some((s) => normalizeLabel(s.name) === normalizeLabel(CRITERIA_AREA.sheet));
  // A 1.0 file has no such sheet: its criteria are on the projects sheet (the info finding TEMPLATE_VERSION_OLDER says so).
  if (version !== null && VERSIONS_WITHOUT_QUARTERLY_CRITERIA.includes(version) && !hasSheet) return [];
  const area = await locate<'criteria'>(ctx, layout, CRITERIA_AREA);
  if (!area) return [];
  const byName = new Map<string, MonitoredProject>();
  for (const p of projects) if (p.name !== null && !byName.has(normalizeLabel(p.name))) byName.set(normalizeLabel(p.name), p);
  const unassigned: UnassignedCriterion[] = [];
  for (const row of dataRows(area, CRITERIA_AREA)) {
    const col = (k: ColumnId<typeof CRITERIA_AREA>) => area.columns.get(k);
    const text = (k: ColumnId<typeof CRITERIA_AREA>) => ctx.text(area.grid, row, col(k));
    const target = ctx.figure(area.grid, row, col('target'));
    const figures = ACHIEVED_BY_QUARTER.map((k) => ctx.figure(area.grid, row, col(k)));
    const criterion: SuccessCriterion = {
      indicator: text('indicator'),
      target: target.number,
      targetText: target.text,
      quarterly: figures.map((f) => f.number),
      quarterlyText: figures.map((f) => f.text),
      source: { sheet: area.grid.name, row },
    };
    const projectText = text('project');
    const project = projectText === null ? undefined : byName.get(normalizeLabel(projectText));
    if (project) project.criteria.push(criterion);
    else unassigned.push({ projectText, criterion });
  }
  return unassigned;
}

async function readTable1(ctx: Context, layout: Layout): Promise<Table1> {
  const empty: Table1 = { years: [], rows: [] };
  const named = ctx.index.name(TABLE1.definedName);
  let grid: SheetGrid | undefined;
  let headerRow = 0;
  let labelCol = 0;
  if (named) {
    grid = await ctx.index.grid(named.sheet);
    headerRow = named.top;
    labelCol = named.left;
  }
  const firstLabel = TABLE1.rows[0].label;
  if (!grid || !rowHasLabel(grid, headerRow + 1, labelCol, firstLabel)) {
    const found = await ctx.index.findLabel(firstLabel, ctx.index.searchOrder(TABLE1.sheet), 100);
    if (!found) {
      ctx.diagnostics.push(makeDiagnostic('AREA_MISSING', { sheet: null, cell: null }, { area: 'table1' }));
      return empty;
    }
    grid = found.grid;
    labelCol = found.col;
    headerRow = found.row - 1;
    while (headerRow > grid.sheet.top && headerYearColumns(grid, headerRow, labelCol).years.length === 0) headerRow--;
    if (named === undefined) {
      ctx.diagnostics.push(makeDiagnostic('AREA_FOUND_BY_LABELS', ctx.at(grid, headerRow, labelCol), { area: 'table1' }));
    }
  }
  const { years, columns, totalColumn } = headerYearColumns(grid, headerRow, labelCol);
  const rows: Table1Row[] = [];
  const rowNumbers: Partial<Record<Table1Row['key'], number>> = {};
  for (const def of TABLE1.rows) {
    let row: number | undefined;
    for (let r = headerRow + 1; r <= Math.min(grid.bottom, headerRow + 12); r++) {
      if (rowHasLabel(grid, r, labelCol, def.label)) {
        row = r;
        break;
      }
    }
    if (row === undefined) {
      ctx.diagnostics.push(makeDiagnostic('TABLE1_ROW_MISSING', { sheet: grid.name, cell: cellRef(headerRow, labelCol) }, { row: def.key }));
      continue;
    }
    rowNumbers[def.key] = row;
    const r = row;
    const decimals = (c: number | null): number | null => {
      if (c === null) return null;
      const v = grid!.value(r, c);
      return typeof v === 'number' ? shownDecimals(v, grid!.numberFormat(r, c)) : null;
    };
    rows.push({
      key: def.key,
      label: def.label,
      amounts: years.map((year, i) => ({ year, amount: ctx.amount(grid!, r, columns[i], { table1: def.key, year }) })),
      total: totalColumn === null ? null : ctx.amount(grid, r, totalColumn, { table1: def.key, year: 'total' }),
      shownDecimals: columns.map(decimals),
      totalShownDecimals: decimals(totalColumn),
      source: { sheet: grid.name, row },
    });
  }
  layout.table1 = { sheet: grid.name, headerRow, labelColumn: labelCol, yearColumns: columns, totalColumn, rows: rowNumbers };
  return { years, rows };
}

function rowHasLabel(grid: SheetGrid, row: number, col: number, label: string): boolean {
  const t = cellText(grid.value(row, col));
  return t !== null && normalizeLabel(t) === normalizeLabel(label);
}

function headerYearColumns(grid: SheetGrid, row: number, labelCol: number): { years: number[]; columns: number[]; totalColumn: number | null } {
  const years: number[] = [];
  const columns: number[] = [];
  let totalColumn: number | null = null;
  for (let c = labelCol + 1; c <= grid.right; c++) {
    const v = grid.value(row, c);
    const y = readYear(typeof v === 'string' ? v.trim() : v);
    if (y.kind === 'year') {
      years.push(y.year);
      columns.push(c);
    } else {
      const t = cellText(v);
      if (t !== null && normalizeLabel(t) === normalizeLabel(TABLE1.totalHeader) && totalColumn === null) totalColumn = c;
    }
  }
  return { years, columns, totalColumn };
}

/** Read a budget statement. Never throws for content problems: they come back as diagnostics. */
export async function readSubmission(reader: WorkbookReader): Promise<ParseResult> {
  const index = await WorkbookIndex.open(reader);
  const ctx = new Context(index);
  const layout: Layout = { cover: {}, areas: {}, sheetOrder: index.sheets.map((s) => s.name) };
  const template = await readTemplateStamp(ctx);
  const cover = await readCover(ctx, layout);
  ctx.unitFactor = cover.unit ? unitByCode(cover.unit).factor : 1;
  const table1 = await readTable1(ctx, layout);
  const years = cover.firstYear !== null ? budgetYears(cover.firstYear) : table1.years.length ? table1.years : [];
  const goals = await readGoals(ctx, layout);
  const policyInitiatives = await readInitiatives(ctx, layout, POLICY_AREA, 'policy', years);
  const otherInitiatives = await readInitiatives(ctx, layout, OTHER_AREA, 'other', years);
  const projects = await readProjects(ctx, layout, years, cover);
  const unassignedCriteria = await readCriteria(ctx, layout, projects, template.version);
  return {
    submission: { template, cover, years, goals, policyInitiatives, otherInitiatives, table1, projects, unassignedCriteria },
    layout,
    diagnostics: ctx.diagnostics,
  };
}
