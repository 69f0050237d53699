/**
 * Renders a core WorkbookPlan into the open workbook through Office.js: values as 2D arrays, formats per run of
 * equally styled columns, row heights by autofit per block (or per run of equal heights), widths, merges, dropdowns,
 * conditional formats, tables, frozen panes and protection. Every queued step carries an upper bound of the bytes it
 * adds to the request (UTF-8 JSON with Office.js's per-object cost), and steps are sent in batches under the budget.
 */
import { absoluteRef, parseRangeRef, quoteSheet } from '../../core/cells';
import { isoToSerial } from '../../core/parse/values';
import { planRangeValues } from '../../core/plan/lookup';
import { headerFooterCode, PAGE_MARGINS } from '../../core/plan/print';
import {
  blockRowCount,
  blockRows,
  blockWidth,
  isDate,
  isFormula,
  type Block,
  type CellStyle,
  type ChartPlan,
  type ConditionalRule,
  type HeaderFooterPlan,
  type PlanValue,
  type PrintPlan,
  type SheetPlan,
  type WorkbookPlan,
} from '../../core/plan/types';
import { jsonBytes, MAX_REQUEST_BYTES, REQUEST_COST as COST, utf8Bytes } from './payload';
import type { Features } from './requirements';

export { MAX_REQUEST_BYTES };

/**
 * Office.js cuts a values or number-format write of more cells than this into pieces of its own, each costing three
 * more objects per property; writing at most this many cells per range is cheaper.
 */
const CELLS_PER_WRITE = 1500;

export interface RenderOptions {
  features: Features;
  /** The name each plan sheet gets in the workbook (e.g. a temporary name while replacing). */
  sheetName?: (planName: string) => string;
  /** The request budget of one sync (bytes, an upper bound of the real request). */
  maxRequestBytes?: number;
}

/**
 * The objects of one request. Worksheet and range proxies are made once per request and reused; none is kept
 * across a sync (a sheet from worksheets.add() is only valid in the request that made it).
 */
class Batch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly ranges = new Map<string, Excel.Range>();

  constructor(private readonly context: Excel.RequestContext) {}

  addSheet(name: string): void {
    this.sheets.set(name, this.context.workbook.worksheets.add(name));
  }

  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  /** Rows and columns 0-based. Untracked: it is only used in this request. */
  range(sheet: string, row: number, col: number, rows: number, cols: number): Excel.Range {
    const key = `${sheet}\u0000${row},${col},${rows},${cols}`;
    let range = this.ranges.get(key);
    if (!range) {
      range = this.sheet(sheet).getRangeByIndexes(row, col, rows, cols).untrack();
      this.ranges.set(key, range);
    }
    return range;
  }

  address(sheet: string, ref: string): Excel.Range {
    return this.sheet(sheet).getRange(ref).untrack();
  }

  /** After a sync: the next request makes its own objects. */
  clear(): void {
    this.sheets.clear();
    this.ranges.clear();
  }
}

/** One piece of queued work and an upper bound of the bytes it adds to the request. */
interface Step {
  bytes: number;
  queue: (batch: Batch) => void;
}

/** Excel column width in points for a width given in characters (Calibri 11). */
export function widthInPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

/**
 * The number format a cell is written with; null leaves the cell as it is (General: every sheet written is new).
 * An empty cell keeps its column's format only where it is an input cell, as in the .xlsx writer.
 */
function cellFormat(v: PlanValue, style: CellStyle | undefined): string | null {
  // A string stays a string: in a General cell Excel would turn "=…" into a formula, "1.0" into 1, "15-05-2010" into a date.
  if (typeof v === 'string') return '@';
  let format: string | undefined;
  if (isDate(v)) format = style?.numberFormat && style.numberFormat !== '@' ? style.numberFormat : 'dd-mm-yyyy';
  else if (isFormula(v)) format = style?.numberFormat !== '@' ? style?.numberFormat : undefined;
  else if (v !== null || style?.locked === false) format = style?.numberFormat;
  return format && format !== 'General' ? format : null;
}

function cellInput(v: PlanValue): string | number | boolean {
  if (v === null) return '';
  if (isFormula(v)) return `=${v.formula}`;
  if (isDate(v)) return isoToSerial(v.date);
  return v;
}

/** The format properties a style sets, in the order they are sent; numberFormat goes with the values. */
function formatSettings(style: CellStyle): [group: 'format' | 'font' | 'fill' | 'protection', property: string, value: string | number | boolean][] {
  const out: [('format' | 'font' | 'fill' | 'protection'), string, string | number | boolean][] = [];
  if (style.bold !== undefined) out.push(['font', 'bold', style.bold]);
  if (style.italic !== undefined) out.push(['font', 'italic', style.italic]);
  if (style.fontSize) out.push(['font', 'size', style.fontSize]);
  if (style.fontColor) out.push(['font', 'color', `#${style.fontColor}`]);
  if (style.fill) out.push(['fill', 'color', `#${style.fill}`]);
  if (style.wrap) out.push(['format', 'wrapText', true]);
  if (style.horizontal) out.push(['format', 'horizontalAlignment', ({ left: 'Left', center: 'Center', right: 'Right' } as const)[style.horizontal]]);
  if (style.vertical) out.push(['format', 'verticalAlignment', ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as const)[style.vertical]]);
  if (style.locked === false) out.push(['protection', 'locked', false]);
  return out;
}

/** A step that applies a style to a range: one object per group used, one action per property. */
function formatStep(range: (b: Batch) => Excel.Range, style: CellStyle): Step | undefined {
  const settings = formatSettings(style);
  if (!settings.length) return undefined;
  const groups = new Set(settings.map(([g]) => g)).size;
  let bytes = COST.range + COST.object * (1 + groups);
  for (const [, property, value] of settings) bytes += COST.action + property.length + jsonBytes(value);
  return {
    bytes,
    queue: (b) => {
      const format = range(b).format;
      for (const [group, property, value] of settings) {
        const target = group === 'format' ? format : format[group];
        (target as unknown as Record<string, unknown>)[property] = value;
      }
    },
  };
}

/** Runs of equal neighbours: [start, length, value] for each run where key(value) repeats. */
function runs<T>(items: T[], key: (item: T) => string): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (let i = 0; i < items.length; ) {
    let j = i + 1;
    const k = key(items[i]);
    while (j < items.length && key(items[j]) === k) j++;
    out.push([i, j - i, items[i]]);
    i = j;
  }
  return out;
}

/** The style of the block's column c (the block style with the column's own over it). */
function columnStyle(block: Block, c: number): CellStyle | undefined {
  const own = block.columnStyles?.[c];
  return own ? { ...block.style, ...own } : block.style;
}

/**
 * Steps for one block's values: rectangles of at most CELLS_PER_WRITE cells and a quarter of the budget, number
 * formats first (so text that starts with "=" stays text), then the values. A row too large on its own is cut by columns.
 * Made as they are sent: a block with a row stream has its rows made a request's worth at a time, never all held.
 */
function* valueSteps(sheet: string, block: Block, maxBytes: number): Generator<Step> {
  const steps: Step[] = [];
  const width = blockWidth(block);
  if (width === 0) return;
  const styles = Array.from({ length: width }, (_, c) => columnStyle(block, c));
  const cap = Math.floor(maxBytes / 4);
  const fixed = COST.range + 2 * COST.action;
  // Pending rectangle: rows [top, top + values.length) × columns [left, left + w).
  let values: (string | number | boolean)[][] = [];
  let formats: (string | null)[][] = [];
  let bytes = 0;
  let top = 0;
  let left = 0;
  const flush = () => {
    if (!values.length) return;
    const v = values;
    // All General (null): nothing to send, the sheet is new.
    const f = formats.some((line) => line.some((x) => x !== null)) ? formats : undefined;
    const row = block.row - 1 + top;
    const col = block.col - 1 + left;
    steps.push({
      bytes: fixed + bytes,
      queue: (b) => {
        const range = b.range(sheet, row, col, v.length, v[0].length);
        if (f) range.numberFormat = f;
        range.values = v;
      },
    });
    values = [];
    formats = [];
    bytes = 0;
  };
  let r = -1;
  for (const planRow of blockRows(block)) {
    r++;
    const inputs = Array.from({ length: width }, (_, c) => cellInput(planRow[c] ?? null));
    const fmts = Array.from({ length: width }, (_, c) => cellFormat(planRow[c] ?? null, styles[c]));
    const cells = inputs.map((v, c) => jsonBytes(v) + jsonBytes(fmts[c]) + 2);
    const rowBytes = cells.reduce((a, b) => a + b, 4);
    if (rowBytes > cap || width > CELLS_PER_WRITE) {
      // A row on its own would be too large: write it in column pieces.
      flush();
      let start = 0;
      while (start < width) {
        let end = start;
        let pieceBytes = 4;
        while (end < width && end - start < CELLS_PER_WRITE && (end === start || pieceBytes + cells[end] <= cap)) pieceBytes += cells[end++];
        values = [inputs.slice(start, end)];
        formats = [fmts.slice(start, end)];
        bytes = pieceBytes;
        top = r;
        left = start;
        flush();
        start = end;
      }
      yield* steps.splice(0);
      continue;
    }
    if (values.length && ((values.length + 1) * width > CELLS_PER_WRITE || bytes + rowBytes > cap)) flush();
    yield* steps.splice(0);
    if (!values.length) {
      top = r;
      left = 0;
    }
    values.push(inputs);
    formats.push(fmts);
    bytes += rowBytes;
  }
  flush();
  yield* steps;
}

/** Format steps for a block: one per run of neighbouring columns with the same style, over all the block's rows. */
function blockFormatSteps(sheet: string, block: Block): Step[] {
  const width = blockWidth(block);
  const rows = blockRowCount(block);
  if (!width || !rows) return [];
  const styles = Array.from({ length: width }, (_, c) => columnStyle(block, c) ?? {});
  const steps: Step[] = [];
  for (const [start, count, style] of runs(styles, (s) => JSON.stringify(formatSettings(s)))) {
    const step = formatStep((b) => b.range(sheet, block.row - 1, block.col - 1 + start, rows, count), style);
    if (step) steps.push(step);
  }
  return steps;
}

function isWrapped(block: Block): boolean {
  const width = blockWidth(block);
  for (let c = 0; c < width; c++) if (columnStyle(block, c)?.wrap) return true;
  return false;
}

/**
 * Row heights without a step per row: Excel measures the rows of each block of wrapped text itself (autofit, once per
 * block); the heights of other rows (titles, notes, headers) are set per run of rows with the same height.
 */
function rowHeightSteps(sheet: string, plan: SheetPlan): Step[] {
  const steps: Step[] = [];
  // Row spans autofitted per block (not a set of rows: a list may have hundreds of thousands).
  const autofittedBlocks: [number, number][] = [];
  const isAutofitted = (row: number) => autofittedBlocks.some(([first, last]) => row >= first && row <= last);
  for (const block of plan.blocks) {
    const rows = blockRowCount(block);
    if (rows < 2 || !isWrapped(block)) continue;
    autofittedBlocks.push([block.row, block.row + rows - 1]);
    const cols = blockWidth(block);
    steps.push({ bytes: COST.range + COST.object + COST.action, queue: (b) => b.range(sheet, block.row - 1, block.col - 1, rows, cols).format.autofitRows() });
  }
  const explicit = Object.entries(plan.rowHeights ?? {})
    .map(([row, height]) => ({ row: Number(row), height }))
    .filter((h) => !isAutofitted(h.row))
    .sort((a, b) => a.row - b.row);
  // Neighbouring rows with the same height form one range.
  for (let i = 0; i < explicit.length; ) {
    let j = i + 1;
    while (j < explicit.length && explicit[j].row === explicit[j - 1].row + 1 && explicit[j].height === explicit[i].height) j++;
    const { row, height } = explicit[i];
    const count = j - i;
    steps.push({ bytes: COST.range + COST.object + COST.action + 12, queue: (b) => (b.range(sheet, row - 1, 0, count, 1).format.rowHeight = height) });
    i = j;
  }
  return steps;
}

/** Column widths and whole-column styles, one step per run of neighbouring columns that share them. */
function columnSteps(sheet: string, plan: SheetPlan): Step[] {
  const steps: Step[] = [];
  const columns = plan.columns ?? [];
  const columnStep = (start: number, count: number, bytes: number, apply: (format: Excel.RangeFormat) => void): Step => ({
    bytes: 2 * COST.range + COST.object * 2 + bytes,
    queue: (b) => apply(b.range(sheet, 0, start, 1, count).getEntireColumn().untrack().format),
  });
  for (const [start, count, c] of runs(columns, (c) => String(c?.width ?? ''))) {
    const width = c?.width;
    if (width) steps.push(columnStep(start, count, COST.action + 8, (f) => (f.columnWidth = widthInPoints(width))));
  }
  for (const [start, count, c] of runs(columns, (c) => String(c?.style?.locked === false))) {
    if (c?.style?.locked === false) steps.push(columnStep(start, count, COST.object + COST.action + 8, (f) => (f.protection.locked = false)));
  }
  return steps;
}

function validationRule(v: NonNullable<SheetPlan['validations']>[number]): Excel.DataValidationRule {
  const between = v.min !== undefined && v.max !== undefined;
  const basic = { formula1: v.min ?? v.max ?? 0, formula2: v.max, operator: (between ? 'Between' : v.min !== undefined ? 'GreaterThanOrEqualTo' : 'LessThanOrEqualTo') as Excel.DataValidationOperator };
  switch (v.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: `=${v.list}` } };
    case 'custom':
      return { custom: { formula: `=${v.formula ?? 'TRUE'}` } };
    case 'whole':
      return { wholeNumber: basic };
    case 'decimal':
      return { decimal: basic };
    case 'textLength':
      return { textLength: basic };
    case 'date':
      return { date: { formula1: '1990-01-01', operator: 'GreaterThanOrEqualTo' } };
  }
}

function* sheetSteps(plan: SheetPlan, name: string, o: Required<RenderOptions>): Generator<Step> {
  yield { bytes: COST.sheet + COST.action + utf8Bytes(name), queue: (b) => b.addSheet(name) };
  yield* columnSteps(name, plan);
  // Values are made and sent a request at a time (a block with a row stream is never held whole).
  for (const block of plan.blocks) yield* valueSteps(name, block, o.maxRequestBytes);
  const steps: Step[] = [];
  for (const block of plan.blocks) steps.push(...blockFormatSteps(name, block));
  steps.push(...rowHeightSteps(name, plan));
  for (const ref of plan.merges ?? []) steps.push({ bytes: COST.range + COST.action + ref.length, queue: (b) => b.address(name, ref).merge(false) });
  if (o.features.dataValidation) {
    for (const v of plan.validations ?? []) {
      const rule = validationRule(v);
      const errorAlert = v.error ? { showAlert: true, style: v.strict ? 'Stop' : 'Warning', title: 'Integrationsstatus', message: v.error } : undefined;
      const prompt = v.prompt ? { showPrompt: true, title: v.promptTitle ?? '', message: v.prompt } : undefined;
      steps.push({
        bytes: COST.range + COST.object + 3 * COST.action + v.ref.length + jsonBytes([rule, errorAlert, prompt]),
        queue: (b) => {
          const dv = b.address(name, v.ref).dataValidation;
          dv.rule = rule;
          if (errorAlert) dv.errorAlert = errorAlert as Excel.DataValidationErrorAlert;
          if (prompt) dv.prompt = prompt;
        },
      });
    }
  }
  for (const cf of plan.conditionalFormats ?? []) for (const rule of cf.rules) steps.push(conditionalStep(name, cf.ref, rule));
  for (const t of plan.tables ?? []) {
    steps.push({
      bytes: COST.sheet + 2 * COST.object + 3 * COST.action + utf8Bytes(name + t.ref + t.name + (t.style ?? '')) + 20,
      queue: (b) => {
        const table = b.sheet(name).tables.add(`${quoteSheet(name)}!${t.ref}`, true);
        table.name = t.name;
        if (t.style) table.style = t.style;
      },
    });
  }
  if (plan.frozen && (plan.frozen.rows || plan.frozen.columns)) {
    const { rows, columns } = plan.frozen;
    steps.push({
      bytes: COST.range + COST.object + COST.action + 20,
      queue: (b) => (columns ? b.sheet(name).freezePanes.freezeAt(b.range(name, 0, 0, Math.max(rows, 1), columns)) : b.sheet(name).freezePanes.freezeRows(rows)),
    });
  }
  for (const chart of plan.charts ?? []) steps.push(chartStep(name, plan, chart, o.features));
  if (plan.print && o.features.pageLayout) steps.push(...printSteps(name, plan.print));
  if (plan.tabColor) {
    const colour = `#${plan.tabColor}`;
    steps.push({ bytes: COST.action + 10, queue: (b) => (b.sheet(name).tabColor = colour) });
  }
  if (plan.hidden) steps.push({ bytes: COST.action + 10, queue: (b) => (b.sheet(name).visibility = 'Hidden') });
  if (plan.protect) {
    const options = { allowFormatColumns: true, allowFormatRows: true, allowInsertRows: true, allowDeleteRows: true, allowSort: true, allowAutoFilter: true };
    steps.push({ bytes: COST.object + COST.action + jsonBytes(options), queue: (b) => b.sheet(name).protection.protect(options) });
  }
  yield* steps;
}

function conditionalStep(sheet: string, ref: string, rule: ConditionalRule): Step {
  const criteria: Excel.ConditionalTopBottomRule | Excel.ConditionalCellValueRule =
    rule.kind === 'top' ? { rank: rule.rank, type: 'TopItems' } : { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
  return {
    bytes: COST.range + 6 * COST.object + 4 * COST.action + ref.length + jsonBytes(criteria) + 40,
    queue: (b) => {
      const added = b.address(sheet, ref).conditionalFormats.add(rule.kind === 'top' ? 'TopBottom' : 'CellValue');
      const format = rule.kind === 'top' ? added.topBottom : added.cellValue;
      format.format.fill.color = `#${rule.fill}`;
      if (rule.fontColor) format.format.font.color = `#${rule.fontColor}`;
      if ('rank' in criteria) added.topBottom.rule = criteria;
      else added.cellValue.rule = criteria;
    },
  };
}

/**
 * A chart over the plan's cells, as the .xlsx writer draws it: the first series made with the chart, the others added,
 * each with its name (the text of its name cell), values, categories and fill.
 */
function chartStep(sheet: string, plan: SheetPlan, chart: ChartPlan, features: Features): Step {
  const names = chart.series.map((s) => String(planRangeValues(plan, s.name)[0] ?? ''));
  const [start, end = start] = chart.anchor.split(':');
  const bytes =
    COST.sheet +
    COST.range * (2 + 2 * chart.series.length) +
    COST.object * (6 + 4 * chart.series.length) +
    COST.action * (8 + 5 * chart.series.length) +
    utf8Bytes(chart.title + chart.anchor + names.join('') + chart.categories + chart.series.map((s) => s.values).join('')) +
    200;
  return {
    bytes,
    queue: (b) => {
      const first = chart.series[0];
      const values = parseRangeRef(first.values)!;
      const seriesBy = values.top === values.bottom ? 'Rows' : 'Columns';
      const made = b.sheet(sheet).charts.add(chart.stacked ? 'ColumnStacked' : 'ColumnClustered', b.address(sheet, first.values), seriesBy);
      made.title.text = chart.title;
      made.title.format.font.size = chart.fontSize + 2;
      made.format.font.size = chart.fontSize;
      made.legend.position = 'Bottom';
      made.setPosition(start, end);
      if (chart.majorUnit) made.axes.valueAxis.majorUnit = chart.majorUnit;
      if (chart.valueFormat && features.chartNumberFormat) made.axes.valueAxis.numberFormat = chart.valueFormat;
      chart.series.forEach((s, i) => {
        const series = i === 0 ? made.series.getItemAt(0) : made.series.add(names[i]);
        if (i === 0) series.name = names[0];
        else series.setValues(b.address(sheet, s.values));
        series.setXAxisValues(b.address(sheet, chart.categories));
        if (s.colour) series.format.fill.setSolidColor(`#${s.colour}`);
      });
    },
  };
}

/** Page setup (ExcelApi 1.9): paper, orientation, margins, fit to width, print area and titles, header, footer, breaks. */
function printSteps(sheet: string, print: PrintPlan): Step[] {
  const header = headerFooterSections(print.header);
  const footer = headerFooterSections(print.footer);
  const fit = print.fitToWidth !== false;
  const steps: Step[] = [
    {
      bytes: COST.sheet + 4 * COST.object + 16 * COST.action + jsonBytes([header, footer, print.area ?? '']) + 200,
      queue: (b) => {
        const layout = b.sheet(sheet).pageLayout;
        layout.orientation = print.landscape ? 'Landscape' : 'Portrait';
        layout.paperSize = print.paper ?? 'A4';
        layout.setPrintMargins('Inches', { ...PAGE_MARGINS });
        if (fit) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (print.area) layout.setPrintArea(print.area);
        if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
        const all = layout.headersFooters.defaultForAllPages;
        if (header.left) all.leftHeader = header.left;
        if (header.center) all.centerHeader = header.center;
        if (header.right) all.rightHeader = header.right;
        if (footer.left) all.leftFooter = footer.left;
        if (footer.center) all.centerFooter = footer.center;
        if (footer.right) all.rightFooter = footer.right;
      },
    },
  ];
  for (const row of print.breaks ?? []) {
    steps.push({ bytes: COST.sheet + COST.object + COST.action + 20, queue: (b) => b.sheet(sheet).horizontalPageBreaks.add(`A${row}`) });
  }
  return steps;
}

function headerFooterSections(plan: HeaderFooterPlan | undefined): { left?: string; center?: string; right?: string } {
  if (!plan) return {};
  const out: { left?: string; center?: string; right?: string } = {};
  for (const side of ['left', 'center', 'right'] as const) if (plan[side]?.length) out[side] = headerFooterCode(plan[side]);
  return out;
}

/**
 * Queue the steps and sync whenever the next would take the request over the budget. Calculation is suspended in
 * every request; screen updating once per write (suspending it again after each sync makes Excel flicker).
 */
async function runInBatches(context: Excel.RequestContext, steps: Iterable<Step>, maxBytes: number, suspendScreen: boolean): Promise<void> {
  const batch = new Batch(context);
  const opening = COST.object * 2 + COST.action * 2 + 200;
  let pending = 0;
  const begin = () => {
    context.application.suspendApiCalculationUntilNextSync();
    pending = opening;
  };
  begin();
  if (suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
  for (const step of steps) {
    if (pending > opening && pending + step.bytes > maxBytes) {
      // One sync per budget's worth of steps: the number of syncs grows with the data, never with rows as such.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      batch.clear();
      begin();
    }
    step.queue(batch);
    pending += step.bytes;
  }
  await context.sync();
}

/** Write every sheet of the plan (under the names given) and the plan's defined names. */
export async function renderPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: RenderOptions): Promise<Map<string, string>> {
  const o: Required<RenderOptions> = { sheetName: (n) => n, maxRequestBytes: MAX_REQUEST_BYTES, ...options };
  const names = new Map(plan.sheets.map((s) => [s.name, o.sheetName(s.name)]));
  function* steps(): Generator<Step> {
    for (const s of plan.sheets) yield* sheetSteps(s, names.get(s.name)!, o);
    for (const n of plan.definedNames) {
      const formula = `=${quoteSheet(names.get(n.sheet) ?? n.sheet)}!${absoluteRef(n.ref)}`;
      yield { bytes: COST.object + COST.action + utf8Bytes(n.name + formula) + 10, queue: () => context.workbook.names.add(n.name, formula) };
    }
  }
  await runInBatches(context, steps(), o.maxRequestBytes, o.features.suspendScreenUpdating);
  return names;
}
