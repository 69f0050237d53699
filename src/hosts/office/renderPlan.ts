/**
 * Renders a core WorkbookPlan into the open workbook through Office.js: values as 2D arrays per block,
 * formats, widths, merges, dropdowns, conditional formats, tables, frozen panes and protection.
 * Writes are queued and sent in batches kept under ~4 MB (Excel on the web refuses requests over 5 MB).
 */
import { absoluteRef, quoteSheet } from '../../core/cells';
import { isoToSerial } from '../../core/parse/values';
import { isDate, isFormula, type Block, type CellStyle, type PlanValue, type SheetPlan, type WorkbookPlan } from '../../core/plan/types';
import type { Features } from './requirements';

export const MAX_REQUEST_BYTES = 4_000_000;
/** What each queued call adds to a request besides its data. */
const STEP_OVERHEAD = 64;

/** One piece of queued work and roughly how many bytes it adds to the request. */
interface Step {
  bytes: number;
  queue: () => void;
}

export interface RenderOptions {
  features: Features;
  /** The name each plan sheet gets in the workbook (e.g. a temporary name while replacing). */
  sheetName?: (planName: string) => string;
  maxRequestBytes?: number;
}

/** Excel column width in points for a width given in characters (Calibri 11). */
export function widthInPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

function cellFormat(v: PlanValue, style: CellStyle | undefined): string {
  // A string stays a string: in a General cell Excel would turn "=…" into a formula, "1.0" into 1, "15-05-2010" into a date.
  if (typeof v === 'string') return '@';
  if (isDate(v)) return style?.numberFormat && style.numberFormat !== '@' ? style.numberFormat : 'dd-mm-yyyy';
  if (isFormula(v)) return style?.numberFormat && style.numberFormat !== '@' ? style.numberFormat : 'General';
  return style?.numberFormat ?? 'General';
}

function cellInput(v: PlanValue): string | number | boolean {
  if (v === null) return '';
  if (isFormula(v)) return `=${v.formula}`;
  if (isDate(v)) return isoToSerial(v.date);
  return v;
}

function applyFormat(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize) f.font.size = style.fontSize;
  if (style.fontColor) f.font.color = `#${style.fontColor}`;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.wrap) f.wrapText = true;
  if (style.horizontal) f.horizontalAlignment = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[style.horizontal];
  if (style.vertical) f.verticalAlignment = ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as const)[style.vertical];
  if (style.locked === false) f.protection.locked = false;
}

function sizeOf(x: unknown): number {
  return JSON.stringify(x).length;
}

/** Steps for one block: rows in chunks small enough for one request each, then the formats. */
function blockSteps(ws: () => Excel.Worksheet, block: Block, maxBytes: number): Step[] {
  const steps: Step[] = [];
  const width = Math.max(...block.values.map((r) => r.length));
  const styleAt = (c: number): CellStyle | undefined => (block.columnStyles?.[c] ? { ...block.style, ...block.columnStyles[c] } : block.style);
  let start = 0;
  while (start < block.values.length) {
    let bytes = 0;
    let end = start;
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    while (end < block.values.length) {
      const row = block.values[end];
      const v = Array.from({ length: width }, (_, c) => cellInput(row[c] ?? null));
      const f = Array.from({ length: width }, (_, c) => cellFormat(row[c] ?? null, styleAt(c)));
      const rowBytes = sizeOf(v) + sizeOf(f);
      // A chunk takes under half a request, so two fit in one with room for the formats around them.
      if (values.length > 0 && bytes + rowBytes > maxBytes * 0.45) break;
      values.push(v);
      formats.push(f);
      bytes += rowBytes;
      end++;
    }
    const top = block.row - 1 + start;
    steps.push({
      bytes,
      queue: () => {
        const range = ws().getRangeByIndexes(top, block.col - 1, values.length, width);
        // The text format goes first, so text that starts with "=" stays text.
        range.numberFormat = formats;
        range.values = values;
      },
    });
    start = end;
  }
  const rows = block.values.length;
  if (block.style) steps.push({ bytes: 200, queue: () => applyFormat(ws().getRangeByIndexes(block.row - 1, block.col - 1, rows, width), block.style!) });
  block.columnStyles?.forEach((s, c) => {
    if (s) steps.push({ bytes: 200, queue: () => applyFormat(ws().getRangeByIndexes(block.row - 1, block.col - 1 + c, rows, 1), s) });
  });
  return steps;
}

function validationRule(v: NonNullable<SheetPlan['validations']>[number]): Excel.DataValidationRule {
  const between = v.min !== undefined && v.max !== undefined;
  const basic = { formula1: v.min ?? v.max ?? 0, formula2: v.max, operator: (between ? 'Between' : v.min !== undefined ? 'GreaterThanOrEqualTo' : 'LessThanOrEqualTo') as Excel.DataValidationOperator };
  switch (v.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: `=${v.list}` } };
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

function sheetSteps(plan: SheetPlan, name: string, context: Excel.RequestContext, o: Required<RenderOptions>): Step[] {
  const ws = () => context.workbook.worksheets.getItem(name);
  const steps: Step[] = [{ bytes: 200, queue: () => context.workbook.worksheets.add(name) }];
  plan.columns?.forEach((c, i) => {
    if (c?.width) steps.push({ bytes: 100, queue: () => (ws().getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = widthInPoints(c.width!)) });
    if (c?.style?.locked === false) steps.push({ bytes: 100, queue: () => (ws().getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.protection.locked = false) });
  });
  for (const block of plan.blocks) steps.push(...blockSteps(ws, block, o.maxRequestBytes));
  const heights = Object.entries(plan.rowHeights ?? {});
  for (const [row, h] of heights) steps.push({ bytes: 100, queue: () => (ws().getRangeByIndexes(Number(row) - 1, 0, 1, 1).format.rowHeight = h) });
  for (const ref of plan.merges ?? []) steps.push({ bytes: 100, queue: () => ws().getRange(ref).merge(false) });
  if (o.features.dataValidation) {
    for (const v of plan.validations ?? []) {
      steps.push({
        bytes: 400,
        queue: () => {
          const dv = ws().getRange(v.ref).dataValidation;
          dv.rule = validationRule(v);
          if (v.error) dv.errorAlert = { showAlert: true, style: v.strict ? 'Stop' : 'Warning', title: 'Integrationsstatus', message: v.error };
          if (v.prompt) dv.prompt = { showPrompt: true, title: v.promptTitle ?? '', message: v.prompt };
        },
      });
    }
  }
  for (const cf of plan.conditionalFormats ?? []) {
    for (const rule of cf.rules) {
      steps.push({
        bytes: 300,
        queue: () => {
          const format = ws().getRange(cf.ref).conditionalFormats.add('CellValue');
          format.cellValue.format.fill.color = `#${rule.fill}`;
          if (rule.fontColor) format.cellValue.format.font.color = `#${rule.fontColor}`;
          format.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
        },
      });
    }
  }
  for (const t of plan.tables ?? []) {
    steps.push({
      bytes: 300,
      queue: () => {
        const table = ws().tables.add(`${quoteSheet(name)}!${t.ref}`, true);
        table.name = t.name;
        if (t.style) table.style = t.style;
      },
    });
  }
  if (plan.frozen && (plan.frozen.rows || plan.frozen.columns)) {
    const { rows, columns } = plan.frozen;
    steps.push({
      bytes: 100,
      queue: () => (columns ? ws().freezePanes.freezeAt(ws().getRangeByIndexes(0, 0, Math.max(rows, 1), columns)) : ws().freezePanes.freezeRows(rows)),
    });
  }
  if (plan.tabColor) steps.push({ bytes: 100, queue: () => (ws().tabColor = `#${plan.tabColor}`) });
  if (plan.hidden) steps.push({ bytes: 100, queue: () => (ws().visibility = 'Hidden') });
  if (plan.protect) steps.push({ bytes: 200, queue: () => ws().protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowInsertRows: true, allowDeleteRows: true, allowSort: true, allowAutoFilter: true }) });
  return steps;
}

/** Queue the steps and sync whenever the next step would take the request over the limit. */
async function runInBatches(context: Excel.RequestContext, steps: Step[], maxBytes: number, suspendScreen: boolean): Promise<void> {
  let pending = 0;
  const begin = () => {
    context.application.suspendApiCalculationUntilNextSync();
    if (suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
  };
  begin();
  for (const step of steps) {
    if (pending > 0 && pending + step.bytes + STEP_OVERHEAD > maxBytes) {
      // One sync per ~4 MB is how large writes stay under Excel's request limit; the count does not grow with rows otherwise.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      pending = 0;
      begin();
    }
    step.queue();
    pending += step.bytes + STEP_OVERHEAD;
  }
  await context.sync();
}

/** Write every sheet of the plan (under the names given) and the plan's defined names. */
export async function renderPlan(context: Excel.RequestContext, plan: WorkbookPlan, options: RenderOptions): Promise<Map<string, string>> {
  const o: Required<RenderOptions> = { sheetName: (n) => n, maxRequestBytes: MAX_REQUEST_BYTES, ...options };
  const names = new Map(plan.sheets.map((s) => [s.name, o.sheetName(s.name)]));
  const steps = plan.sheets.flatMap((s) => sheetSteps(s, names.get(s.name)!, context, o));
  for (const n of plan.definedNames) {
    steps.push({ bytes: 200, queue: () => context.workbook.names.add(n.name, `=${quoteSheet(names.get(n.sheet) ?? n.sheet)}!${absoluteRef(n.ref)}`) });
  }
  await runInBatches(context, steps, o.maxRequestBytes, o.features.suspendScreenUpdating);
  return names;
}

