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
import { planRangeValues } from '../plan/lookup';
import { BRAND, DATE_FORMAT, FILLS, STYLES } from '../plan/styles';
import { blockRowCount, isFormula, type Block, type CellStyle, type ColumnPlan, type DefinedNamePlan, type PlanValue, type SheetPlan, type Validation, type WorkbookPlan } from '../plan/types';
import {
  AREA_BY_KEY,
  COVER,
  EXAMPLE,
  INFO,
  INPUT_RULES,
  PROJECTS_AREA,
  TABLE1,
  TABLE_AREAS,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  YES_NO_LABELS,
  expandColumns,
  type ColumnDef,
  type ExpandedColumn,
  type InputKind,
  type TableArea,
  type TableAreaKey,
  type Table1InputRowKey,
  type Table1RowDef,
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

/** The longest goals text the cell accepts, and the characters it may hold: the letters a-g, separators, "og", "mål". */
const GOALS_MAX_LENGTH = 60;
const GOALS_CHARACTERS = 'abcdefg ,;/-().oglmå';

/**
 * Excel's own check of an input range: the input message (the column's help, or its kind's) and the alert for a wrong
 * value. Every input cell gets one, over the prepared rows only (never a whole column: some readers expand those).
 */
function validationFor(kind: InputKind, ref: string, label: string, help?: string): Validation | undefined {
  if (kind === 'fixed' || kind === 'rowTotal') return undefined;
  const rule = INPUT_RULES[kind];
  const common = {
    ref,
    promptTitle: label.slice(0, 32),
    prompt: (help ?? rule.prompt).slice(0, 255),
    ...(rule.alert ? { strict: rule.alert.style === 'stop', error: rule.alert.message } : { strict: false }),
  };
  switch (kind) {
    case 'administration':
    case 'unit':
    case 'yesNo':
    case 'colour':
      return { ...common, kind: 'list', list: listFormula(kind) };
    case 'project':
      return { ...common, kind: 'list', list: projectListFormula() };
    case 'year':
      return { ...common, kind: 'whole', min: 1990, max: 2200 };
    case 'date':
      return { ...common, kind: 'date', min: 1 };
    case 'amount':
    case 'number':
      return { ...common, kind: 'decimal', min: 0 };
    case 'goals': {
      // Every character one the reader accepts in a list of goals ("a", "a, c", "a og c", "mål b", "a-c"): what
      // reaches the reader is then at most a letter out of order, which it reports itself.
      const cell = ref.split(':')[0];
      const chars = GOALS_CHARACTERS.replace(/"/g, '""');
      return {
        ...common,
        kind: 'custom',
        // Padded with spaces: LibreOffice's FIND of an empty text (MID past the end) is an error, Excel's is 1.
        formula: `AND(LEN(${cell})<=${GOALS_MAX_LENGTH},SUMPRODUCT(--ISERROR(FIND(MID(LOWER(${cell})&REPT(" ",${GOALS_MAX_LENGTH}),ROW($A$1:$A$${GOALS_MAX_LENGTH}),1),"${chars}")))=0)`,
      };
    }
    case 'text':
      return { ...common, kind: 'textLength', min: 0, max: 32767 };
  }
}

/** Characters of bold 11 pt text that fit a column of this width (a width unit is about one such character). */
const boldCharsPerLine = (width: number) => Math.floor(width * 1.05) - 1;

/** Words of a header that no line break may split: the column is made wide enough for the longest. */
function headerWidth(header: string, width: number): number {
  const longest = Math.max(...header.split(/\s+/).map((w) => w.length));
  return Math.max(width, Math.ceil((longest + 2) / 1.05));
}

/** The lines a header takes when wrapped at spaces only, as Excel and LibreOffice wrap it. */
function wrappedLines(text: string, width: number): number {
  const perLine = boldCharsPerLine(width);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (used === 0) used = word.length;
    else if (used + 1 + word.length <= perLine) used += 1 + word.length;
    else {
      lines++;
      used = word.length;
    }
  }
  return lines;
}

/** A header row tall enough for its most wrapped header. */
function headerHeight(headers: string[], widths: number[]): number {
  return Math.max(...headers.map((h, i) => wrappedLines(h, widths[i]))) * 15 + 6;
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

const COVER_WIDTHS = [3, 32, 36, 60];
/** The guidance runs over the label, value and help columns. */
const COVER_TEXT_WIDTH = COVER_WIDTHS[1] + COVER_WIDTHS[2] + COVER_WIDTHS[3];

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
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  // The legend: what the colours mean, each shown in its own colour.
  const legendRow = firstFieldRow + COVER.fields.length + 1;
  blocks.push({ row: legendRow, col: lc, values: [[COVER.legendTitle]], style: STYLES.subtitle });
  const swatch = { input: STYLES.input, fixed: STYLES.fixed, example: STYLES.example } as const;
  COVER.legend.forEach((entry, i) => {
    const row = legendRow + 1 + i;
    blocks.push({ row, col: lc, values: [[entry.swatch]], style: { ...swatch[entry.style], locked: true, wrap: false } });
    blocks.push({ row, col: vc, values: [[entry.text]], style: STYLES.paragraph });
    merges.push(rangeRef(row, vc, row, vc + 1));
    rowHeights[row] = estimateRowHeight([entry.text], [COVER_WIDTHS[vc - 1] + COVER_WIDTHS[vc]], [true]) ?? 16;
  });
  const guidanceRow = legendRow + COVER.legend.length + 2;
  blocks.push({ row: guidanceRow, col: lc, values: [[COVER.guidanceTitle]], style: STYLES.subtitle });
  const deadlineText = formatDanishDate(opts.deadline);
  COVER.guidance.forEach((text, i) => {
    const row = guidanceRow + 1 + i;
    blocks.push({ row, col: lc, values: [[text.replace('{deadline}', deadlineText)]], style: STYLES.paragraph });
    merges.push(rangeRef(row, lc, row, vc + 1));
    rowHeights[row] = (estimateRowHeight([text], [COVER_TEXT_WIDTH], [true]) ?? 15) + 6;
  });
  return {
    name: COVER.sheet,
    tabColor: BRAND,
    columns: COVER_WIDTHS.map((width) => ({ width })),
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
  const widths = cols.map((c) => headerWidth(c.label, c.width));
  const columns: ColumnPlan[] = cols.map((c, i) => ({
    width: widths[i],
    // Input columns stay unlocked below the prepared rows, so rows typed further down can be filled in.
    style: c.kind === 'fixed' || c.kind === 'rowTotal' ? undefined : { ...columnStyles[i], fill: undefined, border: undefined },
  }));
  const colourCols = cols.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'colour');
  const rowHeights: Record<number, number> = { 2: 45, [header]: headerHeight(cols.map((c) => c.label), widths) };
  values.forEach((line, r) => {
    const h = estimateRowHeight(line, widths, columnStyles.map((st) => st.wrap === true));
    if (h) rowHeights[header + 1 + r] = h;
  });
  return {
    name: area.sheet,
    columns,
    blocks: [
      { row: 1, col: 1, values: [[area.title]], style: STYLES.title },
      { row: 2, col: 1, values: [[`${area.hint} ${EXAMPLE.seeExample}`]], style: STYLES.hint },
      { row: header, col: 1, values: [cols.map((c) => c.label)], style: STYLES.header },
      { row: header + 1, col: 1, values, columnStyles },
    ],
    merges: [rangeRef(2, 1, 2, Math.min(cols.length, 6))],
    rowHeights,
    validations,
    frozen: { rows: header, columns: area.key === 'goals' ? 2 : 1 },
    protect: true,
    print: { landscape: true, titleRows: { first: header, last: header } },
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

/**
 * Table 1's cell for a row and budget year: the sum of that year's column on the area's sheet, from its first input
 * row to the sheet's last row (rows typed below the prepared ones count, as the reader reads them), with the result
 * Excel would show (SUM ignores text) cached for readers that do not calculate.
 */
function table1Sum(sumOf: NonNullable<Table1RowDef['sumOf']>, year: number, years: number[], sheets: ReadonlyMap<string, SheetPlan>): PlanValue {
  const area = AREA_BY_KEY[sumOf.area];
  const col = expandColumns(area, years).findIndex((c) => c.key === sumOf.column && c.year === year) + 1;
  const plan = sheets.get(area.sheet)!;
  const data = plan.blocks.find((b) => b.row === area.headerRow + 1)!;
  const shown = planRangeValues(plan, rangeRef(data.row, col, data.row + blockRowCount(data) - 1, col));
  const ref = `${absoluteRef(cellRef(area.headerRow + 1, col))}:${absoluteRef(cellRef(EXCEL_MAX_ROW, col))}`;
  return { formula: `SUM(${quoteSheet(area.sheet)}!${ref})`, result: excelSum(shown) || 0 };
}

/** The last row of a sheet (Excel 2007 and later, LibreOffice 3.3 and later). */
const EXCEL_MAX_ROW = 1_048_576;

function table1Sheet(years: number[], unit: UnitCode, fill: TemplateFill, names: DefinedNamePlan[], sheets: ReadonlyMap<string, SheetPlan>): SheetPlan {
  const h = TABLE1.headerRow;
  const lastCol = 2 + years.length;
  const inputRows = TABLE1.rows.filter((r) => !r.computed);
  const grid: PlanValue[][] = inputRows.map((r) => {
    // A fill's Table 1 is typed over the formulas (a statement whose sums were overwritten by hand).
    const typed = fill.table1?.[r.key as Table1InputRowKey];
    const line: PlanValue[] = [r.label, ...years.map((year, i) => (typed ? planValue(typed[i]) : r.sumOf ? table1Sum(r.sumOf, year, years, sheets) : null))];
    const from = cellRef(h + 1 + inputRows.indexOf(r), 2);
    const to = cellRef(h + 1 + inputRows.indexOf(r), lastCol - 1);
    line.push({ formula: `SUM(${from}:${to})`, result: excelSum(line.slice(1).map(resultOf)) || 0 });
    return line;
  });
  const totalRow = h + 1 + inputRows.length;
  const totalLine: PlanValue[] = [TABLE1.rows[TABLE1.rows.length - 1].label];
  for (let c = 2; c <= lastCol; c++) {
    const col = columnLetter(c);
    totalLine.push({ formula: `SUM(${col}${h + 1}:${col}${totalRow - 1})`, result: excelSum(grid.map((line) => resultOf(line[c - 1]))) || 0 });
  }
  const amount = amountFormat(unit);
  // A label longer than its column wraps: its row is made tall enough.
  const table1RowHeights: Record<number, number> = {};
  TABLE1.rows.forEach((r, i) => {
    const height = estimateRowHeight([r.label], [TABLE1.labelWidth], [true]);
    if (height) table1RowHeights[h + 1 + i] = height;
  });
  names.push({ name: TABLE1.definedName, sheet: TABLE1.sheet, ref: rangeRef(h, 1, totalRow, lastCol) });
  return {
    name: TABLE1.sheet,
    columns: [{ width: TABLE1.labelWidth }, ...years.map(() => ({ width: TABLE1.yearWidth })), { width: TABLE1.yearWidth + 2 }],
    blocks: [
      { row: 1, col: 1, values: [[TABLE1.title]], style: STYLES.title },
      { row: 2, col: 1, values: [[`${TABLE1.hint} ${TABLE1.formulaHint} ${EXAMPLE.seeExample}`]], style: STYLES.hint },
      { row: 3, col: 1, values: [[{ formula: `"Beløb i "&${quoteSheet(COVER.sheet)}!${absoluteRef(cellRef(COVER.firstFieldRow + COVER.fields.findIndex((f) => f.key === 'unit'), COVER.valueColumn))}`, result: `Beløb i ${unitByCode(unit).label}` }]], style: STYLES.caption },
      { row: h, col: 1, values: [[TABLE1.labelHeader, ...years, TABLE1.totalHeader]], style: { ...STYLES.header, horizontal: 'center' }, columnStyles: [{ horizontal: 'left' }] },
      {
        row: h + 1,
        col: 1,
        values: grid,
        columnStyles: [{ ...STYLES.fixed }, ...years.map(() => ({ ...STYLES.fixed, numberFormat: amount })), { ...STYLES.fixed, bold: true, numberFormat: amount }],
      },
      { row: totalRow, col: 1, values: [totalLine], style: { ...STYLES.fixed, bold: true, numberFormat: amount } },
    ],
    merges: [rangeRef(2, 1, 2, lastCol)],
    rowHeights: { 2: 45, [h]: 20, ...table1RowHeights },
    protect: true,
    print: { landscape: true },
  };
}

/**
 * The worked example: for each sheet, one filled-in row shown field by field (label, example, what to type), so the
 * example is readable at any width and is never taken for a row of the statement (the reader does not read this sheet).
 */
function exampleSheet(opts: ResolvedOptions, years: number[]): SheetPlan {
  const widths = [34, 46, 64];
  const blocks: Block[] = [
    { row: 1, col: 1, values: [[EXAMPLE.title]], style: STYLES.title },
    { row: 2, col: 1, values: [[EXAMPLE.hint]], style: STYLES.hint },
  ];
  const rowHeights: Record<number, number> = { 2: 30 };
  const merges = [rangeRef(2, 1, 2, 3)];
  let row = 4;
  const section = (title: string, lines: [label: string, example: PlanValue, help: string][]) => {
    blocks.push({ row, col: 1, values: [[title]], style: STYLES.subtitle });
    blocks.push({ row: row + 1, col: 1, values: [[...EXAMPLE.headers]], style: STYLES.header });
    rowHeights[row] = 20;
    const first = row + 2;
    blocks.push({
      row: first,
      col: 1,
      values: lines.map(([label, example, help]) => [label, example, help]),
      columnStyles: [{ ...STYLES.label, border: true, wrap: true }, { ...STYLES.example, horizontal: 'left' }, { ...STYLES.hint, border: true }],
    });
    lines.forEach((line, i) => {
      const h = estimateRowHeight(line, widths, [true, true, true]);
      if (h) rowHeights[first + i] = h;
    });
    row = first + lines.length + 1;
  };
  const fieldExample = (v: ColumnDef['example'], yearIndex: number): PlanValue => (Array.isArray(v) ? v[yearIndex] : (v as PlanValue | undefined)) ?? null;
  section(
    COVER.sheet,
    COVER.fields.map((f) => [f.label, f.key === 'firstYear' ? opts.firstYear : f.key === 'period' ? `${opts.firstYear}–${opts.firstYear + 3}` : f.example ?? null, f.help]),
  );
  for (const area of TABLE_AREAS) {
    const cols = expandColumns(area, years);
    const lines = cols.map((c): [string, PlanValue, string] => {
      const yearIndex = c.year === undefined ? 0 : years.indexOf(c.year);
      if (c.kind === 'rowTotal') {
        const parts = (area.columns as readonly ColumnDef[]).find((x) => x.key === c.totalOf)?.example;
        return [c.label, Array.isArray(parts) ? parts.reduce((a: number, b: number) => a + b, 0) : null, c.help ?? ''];
      }
      return [c.label, fieldExample(c.example, yearIndex), c.help ?? (c.kind === 'fixed' ? EXAMPLE.fixedHelp : INPUT_RULES[c.kind].prompt)];
    });
    section(area.sheet, lines);
  }
  section(
    TABLE1.sheet,
    TABLE1.rows.map((r) => [r.label, EXAMPLE.computed, r.sumOf ? `${EXAMPLE.table1Help} ${AREA_BY_KEY[r.sumOf.area].sheet}.` : EXAMPLE.totalHelp]),
  );
  return {
    name: EXAMPLE.sheet,
    tabColor: FILLS.example,
    columns: widths.map((width) => ({ width })),
    blocks,
    merges,
    rowHeights,
    protect: true,
    print: { landscape: false },
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
  const byName = new Map([goals, policy, other, projects].map((p) => [p.name, p]));
  const table1 = table1Sheet(years, opts.unit, fill, names, byName);
  const sheets = [coverSheet(opts, fill, names), goals, policy, other, table1, projects, criteria, infoSheet(names), exampleSheet(opts, years)];
  return {
    sheets,
    definedNames: names,
    properties: { title: COVER.title, creator: 'Integrationsstatus' },
  };
}

