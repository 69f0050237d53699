/** One worksheet part, written row by row from a SheetPlan. */
import { cellRef, columnLetter, parseRangeRef, rangeRef, type RangeAddress } from '../../../core/cells';
import { isoToSerial } from '../../../core/excelDates';
import { planValueAt } from '../../../core/plan/lookup';
import { headerFooterText, PAGE_MARGINS } from '../../../core/plan/print';
import { isDate, isFormula, type Block, type CellStyle, type ConditionalRule, type PlanValue, type SheetPlan, type TablePlan, type Validation } from '../../../core/plan/types';
import { asciiBytes, ByteBuilder } from './bytes';
import type { StyleSheet } from './styles';
import type { SharedStrings } from './strings';
import { escapeAttr, escapeXml, XML_HEADER } from './xml';

export interface SheetContext {
  styles: StyleSheet;
  strings: SharedStrings;
}

/** A table as the sheet writes it: the header names are what its header cells hold. */
export interface TablePart {
  id: number;
  plan: TablePlan;
  range: RangeAddress;
  columns: string[];
}

const DATE_FORMAT = 'dd-mm-yyyy';
// Excel's titles and messages in data validations are limited; longer ones make Excel repair the file.
const TITLE_MAX = 32;
const MESSAGE_MAX = 255;

const letters: string[] = [];
const letter = (col: number) => letters[col] ?? (letters[col] = columnLetter(col));

interface PreparedBlock {
  block: Block;
  /** Per column: the cell style (0: none). */
  xf: number[];
  /** Per column: the style an empty cell keeps (0: none, where the style would not show; see Block). */
  emptyXf: number[];
  dateXf: number[];
  /** Per column, the bytes after a cell's reference: for text, for a number, for a styled blank. */
  textTail: Uint8Array[];
  numberTail: Uint8Array[];
  emptyTail: Uint8Array[];
}

const styleAttr = (xf: number) => (xf ? ` s="${xf}"` : '');

/** An empty cell keeps its style only where the style shows without a value, or marks a cell for input. */
const showsEmpty = (s: CellStyle) => Boolean(s.fill || s.border || s.locked === false);

function prepare(block: Block, ctx: SheetContext): PreparedBlock {
  let width = 0;
  for (const line of block.values) width = Math.max(width, line.length);
  const styles: CellStyle[] = Array.from({ length: width }, (_, c) => ({ ...block.style, ...block.columnStyles?.[c] }));
  const xf = styles.map((s) => (Object.keys(s).length ? ctx.styles.xf(s) : 0));
  const emptyXf = styles.map((s, c) => (showsEmpty(s) ? xf[c] : 0));
  return {
    block,
    xf,
    emptyXf,
    dateXf: styles.map((s) => ctx.styles.xf(s.numberFormat ? s : { ...s, numberFormat: DATE_FORMAT })),
    textTail: xf.map((x) => asciiBytes(`"${styleAttr(x)} t="s"><v>`)),
    numberTail: xf.map((x) => asciiBytes(`"${styleAttr(x)}><v>`)),
    emptyTail: emptyXf.map((x) => asciiBytes(`"${styleAttr(x)}/>`)),
  };
}

/** Table header cells must hold their column names as text, unique within the table. */
export function tableColumns(plan: SheetPlan, range: RangeAddress): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = range.left; c <= range.right; c++) {
    const v = planValueAt(plan, range.top, c);
    let name = typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : `Kolonne ${c - range.left + 1}`;
    const base = name;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function validationXml(v: Validation): string {
  const clip = (s: string | undefined, max: number) => (s === undefined ? undefined : s.slice(0, max));
  const attrs: Record<string, string | undefined> = {
    type: v.kind,
    allowBlank: '1',
    showInputMessage: v.prompt !== undefined ? '1' : undefined,
    promptTitle: clip(v.promptTitle, TITLE_MAX),
    prompt: clip(v.prompt, MESSAGE_MAX),
    showErrorMessage: v.error !== undefined || v.strict ? '1' : undefined,
    errorStyle: v.strict ? undefined : 'warning',
    errorTitle: v.error ? 'Integrationsstatus' : undefined,
    error: clip(v.error, MESSAGE_MAX),
    sqref: v.ref,
  };
  let formulas: (string | number)[];
  if (v.kind === 'list') {
    formulas = [v.list ?? '""'];
  } else if (v.kind === 'custom') {
    formulas = [v.formula ?? 'TRUE'];
  } else if (v.kind === 'date') {
    attrs.operator = 'greaterThanOrEqual';
    formulas = [isoToSerial('1990-01-01')];
  } else if (v.min !== undefined && v.max !== undefined) {
    formulas = [v.min, v.max];
  } else if (v.max !== undefined) {
    attrs.operator = 'lessThanOrEqual';
    formulas = [v.max];
  } else {
    attrs.operator = 'greaterThanOrEqual';
    formulas = [v.min ?? (v.kind === 'textLength' ? 0 : -2147483648)];
  }
  const attrText = Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([k, value]) => ` ${k}="${escapeAttr(value!)}"`)
    .join('');
  return `<dataValidation${attrText}>${formulas.map((f, i) => `<formula${i + 1}>${escapeXml(String(f))}</formula${i + 1}>`).join('')}</dataValidation>`;
}

/**
 * The worksheet XML, in pieces. Blocks may overlap (a later block wins, as when cells are written in order); rows
 * are produced in order without holding the sheet's XML.
 */
export function* sheetXml(plan: SheetPlan, ctx: SheetContext, tables: TablePart[], selected: boolean, drawing?: string): Generator<string | Uint8Array> {
  const prepared = plan.blocks.map((b) => prepare(b, ctx));
  // Rows → the blocks that have a line there, in plan order.
  const rows = new Map<number, number[]>();
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  prepared.forEach(({ block }, i) => {
    block.values.forEach((line, r) => {
      if (line.length === 0) return;
      const row = block.row + r;
      const list = rows.get(row);
      if (list) list.push(i);
      else rows.set(row, [i]);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, block.col);
      right = Math.max(right, block.col + line.length - 1);
    });
  });
  for (const row of Object.keys(plan.rowHeights ?? {}).map(Number)) if (!rows.has(row)) rows.set(row, []);

  // Header names the tables need, written over whatever the plan has there.
  const headers = new Map<number, Map<number, string>>();
  for (const t of tables) {
    const line = headers.get(t.range.top) ?? new Map<number, string>();
    t.columns.forEach((name, i) => line.set(t.range.left + i, name));
    headers.set(t.range.top, line);
  }

  const { strings } = ctx;
  const cellXml = (ref: string, v: PlanValue | undefined, xf: number, dateXf: number, emptyXf: number): string => {
    if (v === null || v === undefined) return emptyXf ? `<c r="${ref}" s="${emptyXf}"/>` : '';
    const s = xf ? ` s="${xf}"` : '';
    switch (typeof v) {
      case 'string':
        return `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
      case 'number':
        return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
      case 'boolean':
        return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
    }
    if (isDate(v)) {
      const serial = isoToSerial(v.date);
      // A date that is not one stays as its text rather than becoming a broken number.
      return Number.isFinite(serial) ? `<c r="${ref}" s="${dateXf}"><v>${serial}</v></c>` : cellXml(ref, v.date, xf, dateXf, emptyXf);
    }
    if (isFormula(v)) {
      const f = `<f>${escapeXml(v.formula)}</f>`;
      const r = v.result;
      if (r === null || r === undefined) return `<c r="${ref}"${s}>${f}</c>`;
      if (typeof r === 'string') return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(r)}</v></c>`;
      if (typeof r === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
      return `<c r="${ref}"${s}>${f}<v>${Number.isFinite(r) ? r : 0}</v></c>`;
    }
    return '';
  };

  const fit = plan.print && plan.print.fitToWidth !== false;
  const sheetPr = plan.tabColor || fit ? `<sheetPr>${plan.tabColor ? `<tabColor rgb="FF${plan.tabColor.toUpperCase()}"/>` : ''}${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>` : '';
  const dimension = bottom ? rangeRef(top, left, bottom, right) : 'A1';
  let pane = '';
  if (plan.frozen && (plan.frozen.rows || plan.frozen.columns)) {
    const { rows: ys, columns: xs } = plan.frozen;
    const active = ys && xs ? 'bottomRight' : ys ? 'bottomLeft' : 'topRight';
    pane =
      `<pane${xs ? ` xSplit="${xs}"` : ''}${ys ? ` ySplit="${ys}"` : ''} topLeftCell="${cellRef(ys + 1, xs + 1)}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}"/>`;
  }
  yield (
    `${XML_HEADER}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `${sheetPr}<dimension ref="${dimension}"/>` +
      `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>'
  );
  const cols: string[] = [];
  plan.columns?.forEach((c, i) => {
    if (!c || (!c.width && !c.style)) return;
    const style = c.style ? ` style="${ctx.styles.xf(c.style)}"` : '';
    const width = c.width ? ` width="${c.width}" customWidth="1"` : ' width="9.140625"';
    cols.push(`<col min="${i + 1}" max="${i + 1}"${width}${style}/>`);
  });
  if (cols.length) yield `<cols>${cols.join('')}</cols>`;

  yield '<sheetData>';
  const heights = plan.rowHeights ?? {};
  // Rows as bytes: the common cells (text, whole numbers, styled blanks) from precomputed pieces.
  const out = new ByteBuilder();
  const cellStart: Uint8Array[] = []; // `<c r="` and the column letters
  const startOf = (col: number) => cellStart[col] ?? (cellStart[col] = asciiBytes(`<c r="${letter(col)}`));
  const VALUE_END = asciiBytes('</v></c>');
  const lastText: (string | undefined)[] = [];
  const lastId: number[] = [];
  const writeCell = (row: number, col: number, v: PlanValue | undefined, p: PreparedBlock, c: number) => {
    if (v === null || v === undefined) {
      if (!p.emptyXf[c]) return;
      out.bytes(startOf(col));
      out.uint(row);
      out.bytes(p.emptyTail[c]);
    } else if (typeof v === 'string') {
      out.bytes(startOf(col));
      out.uint(row);
      out.bytes(p.textTail[c]);
      // Columns repeat their text from row to row (administration, type, Ja/Nej): skip the lookup then.
      if (v !== lastText[col]) {
        lastText[col] = v;
        lastId[col] = strings.id(v);
      } else strings.reuse();
      out.uint(lastId[col]);
      out.bytes(VALUE_END);
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      out.bytes(startOf(col));
      out.uint(row);
      out.bytes(p.numberTail[c]);
      out.number(v);
      out.bytes(VALUE_END);
    } else {
      out.text(cellXml(letter(col) + row, v, p.xf[c], p.dateXf[c], p.emptyXf[c]));
    }
  };
  // For table header names over columns no block covers (made only then: it registers styles).
  let unstyled: PreparedBlock | undefined;
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const height = heights[row];
    out.text(height ? `<row r="${row}" ht="${height}" customHeight="1">` : `<row r="${row}">`);
    const blocks = rows.get(row)!;
    const names = headers.get(row);
    if (blocks.length === 1 && !names) {
      const p = prepared[blocks[0]];
      const line = p.block.values[row - p.block.row];
      for (let c = 0; c < line.length; c++) writeCell(row, p.block.col + c, line[c], p, c);
    } else {
      // Overlapping blocks or table headers: later writes win, and cells go out in column order.
      const cells = new Map<number, [PlanValue | undefined, PreparedBlock, number]>();
      for (const i of blocks) {
        const p = prepared[i];
        const line = p.block.values[row - p.block.row];
        for (let c = 0; c < line.length; c++) cells.set(p.block.col + c, [line[c], p, c]);
      }
      for (const [col, name] of names ?? []) {
        const cell = cells.get(col);
        cells.set(col, cell ? [name, cell[1], cell[2]] : [name, (unstyled ??= prepare({ row: 1, col: 1, values: [[null]] }, ctx)), 0]);
      }
      for (const col of [...cells.keys()].sort((a, b) => a - b)) {
        const [v, p, c] = cells.get(col)!;
        writeCell(row, col, v, p, c);
      }
    }
    out.text('</row>');
    if (out.full) yield out.take();
  }
  yield out.take();
  yield '</sheetData>';

  if (plan.protect) {
    yield '<sheetProtection sheet="1" formatColumns="0" formatRows="0" insertRows="0" deleteRows="0" sort="0" autoFilter="0"/>';
  }
  if (plan.merges?.length) yield `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  let priority = 1;
  const ruleXml = (rule: ConditionalRule) =>
    rule.kind === 'top'
      ? `<cfRule type="top10" dxfId="${ctx.styles.dxf(rule)}" priority="${priority++}" rank="${rule.rank}"/>`
      : `<cfRule type="cellIs" dxfId="${ctx.styles.dxf(rule)}" priority="${priority++}" operator="equal"><formula>${escapeXml(`"${rule.text.replace(/"/g, '""')}"`)}</formula></cfRule>`;
  for (const cf of plan.conditionalFormats ?? []) yield `<conditionalFormatting sqref="${cf.ref}">${cf.rules.map(ruleXml).join('')}</conditionalFormatting>`;
  if (plan.validations?.length) yield `<dataValidations count="${plan.validations.length}">${plan.validations.map(validationXml).join('')}</dataValidations>`;
  const m = PAGE_MARGINS;
  yield `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (plan.print) {
    const p = plan.print;
    const paper = p.paper === 'A3' ? 8 : 9;
    yield `<pageSetup paperSize="${paper}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ''} orientation="${p.landscape ? 'landscape' : 'portrait'}"/>`;
    const head = headerFooterText(p.header);
    const foot = headerFooterText(p.footer);
    if (head || foot) yield `<headerFooter>${head ? `<oddHeader>${escapeXml(head)}</oddHeader>` : ''}${foot ? `<oddFooter>${escapeXml(foot)}</oddFooter>` : ''}</headerFooter>`;
    // A break above each row that starts a page (ids are zero-based rows).
    if (p.breaks?.length) yield `<rowBreaks count="${p.breaks.length}" manualBreakCount="${p.breaks.length}">${p.breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
  }
  if (drawing) yield `<drawing r:id="${drawing}"/>`;
  if (tables.length) yield `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join('')}</tableParts>`;
  yield '</worksheet>';
}

/** The sheet's tables, with their ranges checked and names settled before any cell is written. */
export function planTables(plan: SheetPlan, firstId: number): TablePart[] {
  return (plan.tables ?? []).map((t, i) => {
    const range = parseRangeRef(t.ref);
    if (!range) throw new Error(`The table ${t.name} on sheet ${plan.name} has a bad range: ${t.ref}`);
    // A table needs a data row below its header.
    if (range.bottom === range.top) range.bottom++;
    return { id: firstId + i, plan: t, range, columns: tableColumns(plan, range) };
  });
}

export function tableXml(t: TablePart): string {
  const ref = rangeRef(t.range.top, t.range.left, t.range.bottom, t.range.right);
  const name = escapeAttr(t.plan.name);
  return (
    `${XML_HEADER}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${t.id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.columns.length}">${t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.plan.style ?? 'TableStyleLight9')}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    '</table>'
  );
}
