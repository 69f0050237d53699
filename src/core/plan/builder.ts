/** Lays out a sheet plan top to bottom: titles, notes and tables, keeping track of the next free row. */
import { rangeRef } from '../cells';
import { printPlan, type PrintOptions } from './print';
import { STYLES } from './styles';
import { isRowStream, type Block, type CellStyle, type ChartPlan, type ConditionalFormatPlan, type PlanValue, type RowStream, type SheetPlan, type SlicerPlan, type TablePlan } from './types';

const LINE_HEIGHT = 15;

/** Excel holds at most 32,767 characters in a cell; longer text is cut, and says so, rather than refused by Excel. */
export const MAX_CELL_TEXT = 32_767;
const CUT_MARK = ' […]';

export function fitCellText(v: PlanValue): PlanValue {
  return typeof v === 'string' && v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT - CUT_MARK.length) + CUT_MARK : v;
}

/**
 * The height a row of wrapped text needs, estimated from text length and column widths (a character is about
 * one width unit). Readers that do not re-measure rows (LibreOffice, Excel for generated files) then show it all.
 */
export function estimateRowHeight(values: PlanValue[], widths: number[], wraps: boolean[]): number | undefined {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!wraps[i] || typeof v !== 'string') continue;
    const perLine = Math.max(4, Math.floor((widths[i] ?? 10) * 1.15) - 1);
    // Lines of each paragraph (between line breaks), counted without splitting the text.
    let needed = 0;
    for (let start = 0; ; ) {
      const end = v.indexOf('\n', start);
      const length = (end < 0 ? v.length : end) - start;
      needed += Math.max(1, Math.ceil(length / perLine));
      if (end < 0) break;
      start = end + 1;
    }
    if (needed > lines) lines = needed;
  }
  return lines > 1 ? Math.min(409, lines * LINE_HEIGHT + 3) : undefined;
}

const tooLong = (v: PlanValue) => typeof v === 'string' && v.length > MAX_CELL_TEXT;
/** A row copied only where a text has to be cut: national sheets have hundreds of thousands of rows. */
const fitRow = (r: PlanValue[]) => (r.some(tooLong) ? r.map(fitCellText) : r);

export interface Column {
  header: string;
  width: number;
  style: CellStyle;
}

export interface TableOptions {
  /** Make it an Excel table (autofilter, banding) with this name. */
  excelTable?: string;
  /** Column numbers (1 is column A) and their rules, over the data rows. */
  conditionalFormats?: { columns: number[]; rules: ConditionalFormatPlan['rules'] }[];
  /** Rows below the data (totals), in bold; not part of an Excel table. */
  totals?: PlanValue[][];
}

export type SheetPrint = Omit<PrintOptions, 'widths' | 'lastRow' | 'breaks'>;

export class SheetBuilder {
  private row = 1;
  private readonly plan: SheetPlan;
  private printing?: SheetPrint;
  private readonly notes: { row: number; first: number; last: number; text: string }[] = [];
  private readonly pageStarts: number[] = [];

  constructor(name: string, tabColor?: string) {
    this.plan = { name, tabColor, blocks: [], columns: [], merges: [], tables: [], conditionalFormats: [], rowHeights: {}, print: { landscape: true } };
  }

  get nextRow(): number {
    return this.row;
  }

  title(text: string): this {
    return this.line(text, STYLES.title);
  }

  subtitle(text: string): this {
    this.skip();
    return this.line(text, STYLES.subtitle);
  }

  /** A wrapped note merged over `span` columns; its height follows the text once the widths are known (build). */
  note(text: string, span = 8): this {
    this.plan.merges!.push(rangeRef(this.row, 1, this.row, span));
    this.notes.push({ row: this.row, first: 1, last: span, text });
    return this.line(text, STYLES.hint);
  }

  /** Wrapped text merged over columns first…last of a row, its height following the text once the widths are known. */
  mergedText(row: number, first: number, last: number, text: string, style: CellStyle): this {
    this.plan.merges!.push(rangeRef(row, first, row, last));
    this.notes.push({ row, first, last, text });
    return this.block(row, first, [[text]], { ...style, wrap: true });
  }

  /** Values placed at a cell (not advancing the next row): beside a table, or overlapping (a later block wins). */
  block(row: number, col: number, values: PlanValue[][], style: CellStyle): this {
    this.plan.blocks.push({ row, col, values, style });
    return this;
  }

  merge(ref: string): this {
    this.plan.merges!.push(ref);
    return this;
  }

  line(text: PlanValue, style: CellStyle): this {
    this.plan.blocks.push({ row: this.row, col: 1, values: [[text]], style });
    this.row++;
    return this;
  }

  skip(n = 1): this {
    this.row += n;
    return this;
  }

  /** Key–value lines: the label in column A, the value in B merged across the next columns so it has room. */
  pairs(pairs: [string, PlanValue][], valueStyle: CellStyle = STYLES.text, span = 6): this {
    if (!pairs.length) return this;
    this.plan.blocks.push({ row: this.row, col: 1, values: pairs.map(([k]) => [k]), style: STYLES.label });
    this.plan.blocks.push({ row: this.row, col: 2, values: pairs.map(([, v]) => [v]), style: valueStyle });
    pairs.forEach((_, i) => this.plan.merges!.push(rangeRef(this.row + i, 2, this.row + i, 1 + span)));
    this.row += pairs.length;
    return this;
  }

  /**
   * A header row and data rows; widths are the widest asked for any table in that column. Returns the header row.
   * Rows from a stream stay a stream: they are made (cut to Excel's length, heights estimated) as the host writes.
   */
  table(columns: Column[], rows: PlanValue[][] | RowStream, options: TableOptions = {}): number {
    const header = this.row;
    columns.forEach((c, i) => {
      const current = this.plan.columns![i]?.width ?? 0;
      this.plan.columns![i] = { width: Math.max(current, c.width) };
    });
    // Headers are bold (wider letters): estimated on narrower columns.
    this.plan.rowHeights![header] = estimateRowHeight(columns.map((c) => c.header), columns.map((c) => c.width * 0.85), columns.map(() => true)) ?? 18;
    this.plan.blocks.push({ row: header, col: 1, values: [columns.map((c) => c.header)], style: STYLES.header });
    const count = isRowStream(rows) ? rows.count : rows.length;
    const widths = columns.map((c) => c.width);
    const wraps = columns.map((c) => c.style.wrap === true);
    const columnStyles = columns.map((c) => c.style);
    if (isRowStream(rows)) {
      if (count) {
        const source: RowStream = {
          count,
          width: Math.max(rows.width, columns.length),
          *rows() {
            for (const r of rows.rows()) yield fitRow(r);
          },
          height: (values) => estimateRowHeight(values, widths, wraps),
        };
        this.plan.blocks.push({ row: header + 1, col: 1, values: source, columnStyles });
      }
    } else if (count) {
      const block: Block = { row: header + 1, col: 1, values: rows.map(fitRow), columnStyles };
      this.plan.blocks.push(block);
      rows.forEach((r, i) => {
        const h = estimateRowHeight(r, widths, wraps);
        if (h) this.plan.rowHeights![header + 1 + i] = h;
      });
    }
    let last = header + Math.max(count, 1);
    if (options.totals?.length) {
      const totalsRow = header + count + 1;
      this.plan.blocks.push({ row: totalsRow, col: 1, values: options.totals, columnStyles: columns.map((c) => ({ ...c.style, bold: true })) });
      last = totalsRow + options.totals.length - 1;
    }
    const dataLast = header + Math.max(count, 1);
    if (options.excelTable) {
      const table: TablePlan = { name: options.excelTable, ref: rangeRef(header, 1, dataLast, columns.length), style: 'TableStyleLight9' };
      this.plan.tables!.push(table);
    }
    for (const cf of options.conditionalFormats ?? []) {
      for (const col of cf.columns) this.plan.conditionalFormats!.push({ ref: rangeRef(header + 1, col, dataLast, col), rules: cf.rules });
    }
    this.row = last + 1;
    return header;
  }

  freeze(rows: number, columns = 0): this {
    this.plan.frozen = { rows, columns };
    return this;
  }

  /** Continue at this row (never upwards): a section that sits beside a chart ends below it. */
  moveTo(row: number): this {
    this.row = Math.max(this.row, row);
    return this;
  }

  /** Set a column's width (1 is column A), at least as wide as any table asked for. */
  width(col: number, width: number): this {
    this.plan.columns![col - 1] = { width: Math.max(this.plan.columns![col - 1]?.width ?? 0, width) };
    return this;
  }

  chart(chart: ChartPlan): this {
    (this.plan.charts ??= []).push(chart);
    return this;
  }

  slicer(slicer: SlicerPlan): this {
    (this.plan.slicers ??= []).push(slicer);
    return this;
  }

  /**
   * Start a new printed page at the next row, so a section and the chart beside it are never cut. A fixed break, not
   * one reckoned from row heights: readers scale the page differently (a substituted font is wider), so a reckoned
   * break would fall elsewhere in one of them.
   */
  newPage(): this {
    if (this.row > 1) this.pageStarts.push(this.row);
    return this;
  }

  /** Print setup, chosen when the sheet is built (from its final widths and length). */
  print(options: SheetPrint): this {
    this.printing = options;
    return this;
  }

  build(): SheetPlan {
    for (const n of this.notes) {
      let width = 0;
      for (let c = n.first; c <= n.last; c++) width += this.plan.columns![c - 1]?.width ?? 8.43;
      // Running text over merged cells: estimated on the wide side (readers substitute wider fonts for Calibri).
      const height = estimateRowHeight([n.text], [width * 0.8], [true]) ?? 15;
      this.plan.rowHeights![n.row] = Math.max(this.plan.rowHeights![n.row] ?? 0, n.first === 1 && n.last > 1 ? Math.max(30, height) : height);
    }
    if (this.printing) {
      const widths = Array.from({ length: this.plan.columns!.length }, (_, i) => this.plan.columns![i]?.width ?? 8.43);
      const charts = (this.plan.charts ?? []).map((c) => c.fontSize);
      const smallestFont = Math.min(this.printing.smallestFont ?? 11, ...charts);
      this.plan.print = printPlan({ ...this.printing, smallestFont, widths, lastRow: this.row - 1, breaks: this.pageStarts });
    }
    return this.plan;
  }
}
