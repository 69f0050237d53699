/** Builds the template workbook (blank or filled) as a sheet plan from the template definition. */
import {
  ADMINISTRATIONS,
  POLICY_GOALS,
  UNITS,
  COLOURS,
  COLOUR_LABELS,
  COLOUR_FILLS,
  administrationLabel,
  budgetYears,
  defaultDeadline,
  defaultStatusYear,
  findAdministration,
  unitByCode,
  type UnitCode,
} from '../domain';
import { absoluteRef, cellRef, columnLetter, quoteSheet, rangeRef } from '../cells';
import { formatDanishDate } from '../parse/values';
import { estimateRowHeight } from '../plan/builder';
import { BRAND, DATE_FORMAT, STYLES } from '../plan/styles';
import { isFormula, type Block, type CellStyle, type ColumnPlan, type DefinedNamePlan, type PlanValue, type SheetPlan, type Validation, type WorkbookPlan } from '../plan/types';
import {
  COVER,
  INFO,
  PROJECTS_AREA,
  TABLE1,
  TABLE_AREAS,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  YES_NO_LABELS,
  expandColumns,
  type ExpandedColumn,
  type InputKind,
  type TableArea,
  type TableAreaKey,
  type Table1InputRowKey,
} from './definition';
import type { AnyRawRow, RawValue, TemplateFill, TemplateOptions } from './fill';


/** Amount cells show whole kroner, or up to two decimals for 1.000 kr. and mio. kr. */
export function amountFormat(unit: UnitCode): string {
  return unit === 'kr' ? '#,##0' : '#,##0.0#';
}

/** List sources on the hidden info sheet: one column per list. */
const LISTS = {
  administration: { header: 'Forvaltning', items: ADMINISTRATIONS.map(administrationLabel) },
  yesNo: { header: 'Ja/Nej', items: [...YES_NO_LABELS] },
  unit: { header: 'Beløbsenhed', items: UNITS.map((u) => u.label) },
  colour: { header: 'Farve', items: COLOURS.map((c) => COLOUR_LABELS[c]) },
} as const;
type ListKey = keyof typeof LISTS;

function listFormula(key: ListKey): string {
  const col = INFO.listColumn + Object.keys(LISTS).indexOf(key);
  return `${quoteSheet(INFO.sheet)}!${absoluteRef(rangeRef(2, col, 1 + LISTS[key].items.length, col))}`;
}

/** The projects' names on the projects sheet: the list a success criterion's project is chosen from. */
function projectListFormula(): string {
  const nameCol = PROJECTS_AREA.columns.findIndex((c) => c.key === 'name') + 1;
  const header = PROJECTS_AREA.headerRow;
  return `${quoteSheet(PROJECTS_AREA.sheet)}!${absoluteRef(rangeRef(header + 1, nameCol, header + PROJECTS_AREA.inputRows, nameCol))}`;
}

function inputStyle(kind: InputKind, unit: UnitCode): CellStyle {
  const base: CellStyle = STYLES.input;
  switch (kind) {
    case 'amount':
      return { ...base, numberFormat: amountFormat(unit) };
    case 'number':
      return { ...base, numberFormat: 'General' };
    case 'date':
      return { ...base, numberFormat: DATE_FORMAT };
    case 'year':
      return { ...base, numberFormat: '0', horizontal: 'left' };
    case 'yesNo':
    case 'colour':
      return { ...base, horizontal: 'center' };
    default:
      // Text cells are formatted as text so what is typed stays text (no formulas, no auto-dates).
      return { ...base, numberFormat: '@', wrap: true };
  }
}

function validationFor(kind: InputKind, ref: string, label: string, help?: string): Validation | undefined {
  const prompt = help ? { promptTitle: label.slice(0, 32), prompt: help.slice(0, 255) } : {};
  switch (kind) {
    case 'administration':
      return { ref, kind: 'list', list: listFormula('administration'), strict: true, error: 'Vælg en forvaltning på listen.', ...prompt };
    case 'unit':
      return { ref, kind: 'list', list: listFormula('unit'), strict: true, error: 'Vælg kr., 1.000 kr. eller mio. kr.', ...prompt };
    case 'yesNo':
      return { ref, kind: 'list', list: listFormula('yesNo'), strict: true, error: 'Skriv Ja eller Nej.', ...prompt };
    case 'colour':
      return { ref, kind: 'list', list: listFormula('colour'), strict: true, error: 'Vælg grøn, gul eller rød.', ...prompt };
    case 'project':
      // Not strict: a project typed on a row below the prepared ones is not in the list, and the validator checks the name.
      return { ref, kind: 'list', list: projectListFormula(), strict: false, error: 'Vælg et projekt fra arket Monitorerede projekter.', ...prompt };
    case 'year':
      return { ref, kind: 'whole', min: 1990, max: 2200, strict: true, error: 'Skriv et årstal, fx 2011.', ...prompt };
    case 'date':
      return { ref, kind: 'date', min: 1, strict: true, error: 'Skriv en dato, fx 15-05-2010.', ...prompt };
    case 'amount':
    case 'number':
      return { ref, kind: 'decimal', min: 0, strict: false, error: 'Beløb og tal skal være 0 eller derover.', ...prompt };
    case 'goals':
      return { ref, kind: 'textLength', min: 1, max: 60, strict: false, ...prompt };
    default:
      return help ? { ref, kind: 'textLength', min: 0, max: 32767, strict: false, ...prompt } : undefined;
  }
}

function planValue(v: RawValue | undefined): PlanValue {
  if (v === undefined) return null;
  if (typeof v === 'object' && v !== null && 'date' in v) return { date: v.date };
  return v;
}

/** A cell's value as other formulas see it: a formula's cached result, else the value. */
function resultOf(v: PlanValue): PlanValue {
  return isFormula(v) ? (v.result ?? null) : v;
}

/** What Excel's SUM would give over these cells: numbers only, text ignored. */
function excelSum(values: PlanValue[]): number | '' {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : '';
}

function rowValue(row: AnyRawRow | null | undefined, col: ExpandedColumn, yearIndex: number): PlanValue {
  if (!row) return null;
  const v = row[col.key];
  if (Array.isArray(v)) return planValue(col.year !== undefined ? v[yearIndex] : v[0]);
  return planValue(v);
}

function coverSheet(opts: ResolvedOptions, fill: TemplateFill, names: DefinedNamePlan[]): SheetPlan {
  const { labelColumn: lc, valueColumn: vc, firstFieldRow } = COVER;
  const blocks: Block[] = [
    { row: 1, col: lc, values: [[COVER.title]], style: STYLES.title },
    { row: 2, col: lc, values: [[COVER.subtitle]], style: STYLES.note },
  ];
  const validations: Validation[] = [];
  const admin = opts.administration ? findAdministration(opts.administration) : undefined;
  const defaults: Record<string, PlanValue> = {
    administration: admin ? administrationLabel(admin) : null,
    firstYear: opts.firstYear,
    unit: unitByCode(opts.unit).label,
    deadline: { date: opts.deadline },
    statusYear: opts.statusYear,
  };
  const firstYearRef = cellRef(firstFieldRow + COVER.fields.findIndex((f) => f.key === 'firstYear'), vc);
  COVER.fields.forEach((field, i) => {
    const row = firstFieldRow + i;
    const ref = cellRef(row, vc);
    const given = fill.cover && field.key in fill.cover ? planValue(fill.cover[field.key]) : defaults[field.key] ?? null;
    let value: PlanValue = given;
    let style: CellStyle = inputStyle(field.kind, opts.unit);
    if (field.computed) {
      const first = typeof fill.cover?.firstYear === 'number' ? fill.cover.firstYear : opts.firstYear;
      value = { formula: `IF(${firstYearRef}="","",${firstYearRef}&"–"&(${firstYearRef}+3))`, result: `${first}–${first + 3}` };
      style = { ...STYLES.fixed, horizontal: 'left' };
    }
    blocks.push({ row, col: lc, values: [[field.label]], style: STYLES.label });
    blocks.push({ row, col: vc, values: [[value]], style });
    blocks.push({ row, col: vc + 1, values: [[field.help]], style: STYLES.hint });
    names.push({ name: field.definedName, sheet: COVER.sheet, ref });
    const v = field.computed ? undefined : validationFor(field.kind, ref, field.label, field.help);
    if (v) validations.push(v);
  });
  const guidanceRow = firstFieldRow + COVER.fields.length + 1;
  blocks.push({ row: guidanceRow, col: lc, values: [[COVER.guidanceTitle]], style: STYLES.subtitle });
  const deadlineText = formatDanishDate(opts.deadline);
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  COVER.guidance.forEach((text, i) => {
    const row = guidanceRow + 1 + i;
    blocks.push({ row, col: lc, values: [[text.replace('{deadline}', deadlineText)]], style: STYLES.paragraph });
    merges.push(rangeRef(row, lc, row, vc + 1));
    rowHeights[row] = text.length > 110 ? 45 : 30;
  });
  return {
    name: COVER.sheet,
    tabColor: BRAND,
    columns: [{ width: 3 }, { width: 32 }, { width: 36 }, { width: 60 }],
    blocks,
    merges,
    rowHeights,
    validations,
    protect: true,
    print: { landscape: false },
  };
}

function tableSheet(area: TableArea, years: number[], unit: UnitCode, rows: readonly (AnyRawRow | null)[], names: DefinedNamePlan[]): SheetPlan {
  const cols = expandColumns(area, years);
  const header = area.headerRow;
  const rowCount = Math.max(area.inputRows, rows.length);
  const lastRow = header + rowCount;
  const amountCols = (key: string) => cols.map((c, i) => ({ c, i })).filter(({ c }) => c.key === key && c.perYear);
  const values: PlanValue[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const raw = rows[r];
    const excelRow = header + 1 + r;
    const yearIndex = new Map<ExpandedColumn, number>();
    cols.forEach((c) => c.year !== undefined && yearIndex.set(c, years.indexOf(c.year)));
    const line = cols.map((c) => rowValue(raw, c, yearIndex.get(c) ?? 0));
    cols.forEach((c, i) => {
      if (c.kind !== 'rowTotal') return;
      const parts = amountCols(c.totalOf!);
      const from = cellRef(excelRow, parts[0].i + 1);
      const to = cellRef(excelRow, parts[parts.length - 1].i + 1);
      line[i] = { formula: `IF(COUNT(${from}:${to})=0,"",SUM(${from}:${to}))`, result: excelSum(parts.map((p) => line[p.i])) };
    });
    values.push(line);
  }
  if (area.key === 'goals') {
    // Goal letter and text are fixed rows, one per goal.
    POLICY_GOALS.forEach((g, r) => {
      values[r][0] = g.letter;
      values[r][1] = g.text;
    });
  }
  const columnStyles = cols.map((c) => (c.kind === 'fixed' || c.kind === 'rowTotal' ? { ...STYLES.fixed, numberFormat: c.kind === 'rowTotal' ? amountFormat(unit) : undefined } : inputStyle(c.kind, unit)));
  const validations = cols
    .map((c, i) => validationFor(c.kind, rangeRef(header + 1, i + 1, lastRow, i + 1), c.label, c.help))
    .filter((v): v is Validation => v !== undefined);
  names.push({ name: area.definedName, sheet: area.sheet, ref: rangeRef(header, 1, lastRow, cols.length) });
  const columns: ColumnPlan[] = cols.map((c, i) => ({
    width: c.width,
    // Input columns stay unlocked below the prepared rows, so rows typed further down can be filled in.
    style: c.kind === 'fixed' || c.kind === 'rowTotal' ? undefined : { ...columnStyles[i], fill: undefined, border: undefined },
  }));
  const colourCols = cols.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'colour');
  const rowHeights: Record<number, number> = { 2: 45, [header]: 60 };
  values.forEach((line, r) => {
    const h = estimateRowHeight(line, cols.map((c) => c.width), columnStyles.map((st) => st.wrap === true));
    if (h) rowHeights[header + 1 + r] = h;
  });
  return {
    name: area.sheet,
    columns,
    blocks: [
      { row: 1, col: 1, values: [[area.title]], style: STYLES.title },
      { row: 2, col: 1, values: [[area.hint]], style: STYLES.hint },
      { row: header, col: 1, values: [cols.map((c) => c.label)], style: STYLES.header },
      { row: header + 1, col: 1, values, columnStyles },
    ],
    merges: [rangeRef(2, 1, 2, Math.min(cols.length, 6))],
    rowHeights,
    validations,
    frozen: { rows: header, columns: area.key === 'goals' ? 2 : 1 },
    protect: true,
    print: { landscape: true },
    conditionalFormats: colourCols.length
      ? [
          {
            ref: rangeRef(header + 1, colourCols[0].i + 1, lastRow, colourCols[colourCols.length - 1].i + 1),
            rules: COLOURS.map((c) => ({ kind: 'textEquals' as const, text: COLOUR_LABELS[c], fill: COLOUR_FILLS[c] })),
          },
        ]
      : undefined,
  };
}

function table1Sheet(years: number[], unit: UnitCode, fill: TemplateFill, names: DefinedNamePlan[]): SheetPlan {
  const h = TABLE1.headerRow;
  const lastCol = 2 + years.length;
  const inputRows = TABLE1.rows.filter((r) => !r.computed);
  const grid: PlanValue[][] = inputRows.map((r) => {
    const typed = fill.table1?.[r.key as Table1InputRowKey] ?? [];
    const line: PlanValue[] = [r.label, ...years.map((_, i) => planValue(typed[i]))];
    const from = cellRef(h + 1 + inputRows.indexOf(r), 2);
    const to = cellRef(h + 1 + inputRows.indexOf(r), lastCol - 1);
    line.push({ formula: `SUM(${from}:${to})`, result: excelSum(line.slice(1)) || 0 });
    return line;
  });
  const totalRow = h + 1 + inputRows.length;
  const totalLine: PlanValue[] = [TABLE1.rows[TABLE1.rows.length - 1].label];
  for (let c = 2; c <= lastCol; c++) {
    const col = columnLetter(c);
    totalLine.push({ formula: `SUM(${col}${h + 1}:${col}${totalRow - 1})`, result: excelSum(grid.map((line) => resultOf(line[c - 1]))) || 0 });
  }
  const amount = amountFormat(unit);
  names.push({ name: TABLE1.definedName, sheet: TABLE1.sheet, ref: rangeRef(h, 1, totalRow, lastCol) });
  return {
    name: TABLE1.sheet,
    columns: [{ width: TABLE1.labelWidth }, ...years.map(() => ({ width: TABLE1.yearWidth })), { width: TABLE1.yearWidth + 2 }],
    blocks: [
      { row: 1, col: 1, values: [[TABLE1.title]], style: STYLES.title },
      { row: 2, col: 1, values: [[TABLE1.hint]], style: STYLES.hint },
      { row: 3, col: 1, values: [[{ formula: `"Beløb i "&${quoteSheet(COVER.sheet)}!${absoluteRef(cellRef(COVER.firstFieldRow + COVER.fields.findIndex((f) => f.key === 'unit'), COVER.valueColumn))}`, result: `Beløb i ${unitByCode(unit).label}` }]], style: STYLES.caption },
      { row: h, col: 1, values: [[TABLE1.labelHeader, ...years, TABLE1.totalHeader]], style: { ...STYLES.header, horizontal: 'center' }, columnStyles: [{ horizontal: 'left' }] },
      {
        row: h + 1,
        col: 1,
        values: grid,
        columnStyles: [{ ...STYLES.fixed }, ...years.map(() => ({ ...inputStyle('amount', unit) })), { ...STYLES.fixed, bold: true, numberFormat: amount }],
      },
      { row: totalRow, col: 1, values: [totalLine], style: { ...STYLES.fixed, bold: true, numberFormat: amount } },
    ],
    merges: [rangeRef(2, 1, 2, lastCol)],
    rowHeights: { 2: 30, [h]: 20 },
    validations: [{ ref: rangeRef(h + 1, 2, totalRow - 1, lastCol - 1), kind: 'decimal', min: 0, strict: false, error: 'Beløb skal være 0 eller derover.' }],
    protect: true,
    print: { landscape: true },
  };
}

function infoSheet(names: DefinedNamePlan[]): SheetPlan {
  const blocks: Block[] = [
    { row: 1, col: 1, values: [[INFO.idLabel, TEMPLATE_ID], [INFO.versionLabel, TEMPLATE_VERSION]] },
    { row: 4, col: 1, values: [['Listerne til højre bruges af skabelonens rullemenuer.']], style: STYLES.caption },
  ];
  Object.values(LISTS).forEach((list, i) => {
    blocks.push({ row: 1, col: INFO.listColumn + i, values: [[list.header], ...list.items.map((item) => [item])] });
  });
  names.push({ name: INFO.definedName, sheet: INFO.sheet, ref: 'A1:B2' });
  return { name: INFO.sheet, hidden: true, columns: [{ width: 18 }, { width: 24 }], blocks, protect: true };
}

/** Every option decided; only the administration may stay open (the user picks it in the template). */
type ResolvedOptions = Required<Omit<TemplateOptions, 'administration'>> & Pick<TemplateOptions, 'administration'>;

function resolveOptions(opts: TemplateOptions): ResolvedOptions {
  return {
    firstYear: opts.firstYear,
    unit: opts.unit ?? 'kr',
    administration: opts.administration,
    deadline: opts.deadline ?? defaultDeadline(opts.firstYear),
    statusYear: opts.statusYear ?? defaultStatusYear(opts.firstYear),
  };
}

/** The budget statement template as a plan; with a fill, the same template with its input cells filled in. */
export function buildTemplatePlan(options: TemplateOptions, fill: TemplateFill = {}): WorkbookPlan {
  const opts = resolveOptions(options);
  const years = budgetYears(opts.firstYear);
  const names: DefinedNamePlan[] = [];
  const goalRows = POLICY_GOALS.map((g) => fill.goals?.[g.letter] ?? null);
  const areaRows: Record<TableAreaKey, readonly (AnyRawRow | null)[]> = {
    goals: goalRows,
    policy: fill.policy ?? [],
    other: fill.other ?? [],
    projects: fill.projects ?? [],
    criteria: fill.criteria ?? [],
  };
  const [goals, policy, other, projects, criteria] = TABLE_AREAS.map((area) => tableSheet(area, years, opts.unit, areaRows[area.key], names));
  const sheets = [coverSheet(opts, fill, names), goals, policy, other, table1Sheet(years, opts.unit, fill, names), projects, criteria, infoSheet(names)];
  return {
    sheets,
    definedNames: names,
    properties: { title: COVER.title, creator: 'Integrationsstatus' },
  };
}

