/** Lays out a sheet plan top to bottom: titles, notes and tables, keeping track of the next free row. */
import { rangeRef } from '../cells';
import { STYLES } from './styles';
import type { Block, CellStyle, ConditionalFormatPlan, PlanValue, SheetPlan, TablePlan } from './types';

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

export interface Column {
  header: string;
  width: number;
  style: CellStyle;
}

export interface TableOptions {
  /** Make it an Excel table (autofilter, banding) with this name. */
  excelTable?: string;
  conditionalFormats?: { columns: number[]; rules: ConditionalFormatPlan['rules'] }[];
}

export class SheetBuilder {
  private row = 1;
  private readonly plan: SheetPlan;

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

  note(text: string, span = 8): this {
    this.plan.merges!.push(rangeRef(this.row, 1, this.row, span));
    this.plan.rowHeights![this.row] = 30;
    return this.line(text, STYLES.hint);
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

  /** A header row and data rows; widths are the widest asked for any table in that column. Returns the header row. */
  table(columns: Column[], rows: PlanValue[][], options: TableOptions = {}): number {
    const header = this.row;
    columns.forEach((c, i) => {
      const current = this.plan.columns![i]?.width ?? 0;
      this.plan.columns![i] = { width: Math.max(current, c.width) };
    });
    this.plan.rowHeights![header] = estimateRowHeight(columns.map((c) => c.header), columns.map((c) => c.width), columns.map(() => true)) ?? 18;
    this.plan.blocks.push({ row: header, col: 1, values: [columns.map((c) => c.header)], style: STYLES.header });
    if (rows.length) {
      // Rows are copied only where a text has to be cut: national sheets have hundreds of thousands of rows.
      const tooLong = (v: PlanValue) => typeof v === 'string' && v.length > MAX_CELL_TEXT;
      const values = rows.map((r) => (r.some(tooLong) ? r.map(fitCellText) : r));
      const block: Block = { row: header + 1, col: 1, values, columnStyles: columns.map((c) => c.style) };
      this.plan.blocks.push(block);
      const widths = columns.map((c) => c.width);
      const wraps = columns.map((c) => c.style.wrap === true);
      rows.forEach((r, i) => {
        const h = estimateRowHeight(r, widths, wraps);
        if (h) this.plan.rowHeights![header + 1 + i] = h;
      });
    }
    const last = header + Math.max(rows.length, 1);
    if (options.excelTable) {
      const table: TablePlan = { name: options.excelTable, ref: rangeRef(header, 1, last, columns.length), style: 'TableStyleLight9' };
      this.plan.tables!.push(table);
    }
    for (const cf of options.conditionalFormats ?? []) {
      for (const col of cf.columns) this.plan.conditionalFormats!.push({ ref: rangeRef(header + 1, col, last, col), rules: cf.rules });
    }
    this.row = last + 1;
    return header;
  }

  freeze(rows: number, columns = 0): this {
    this.plan.frozen = { rows, columns };
    return this;
  }

  build(): SheetPlan {
    return this.plan;
  }
}
