/**
 * Print setup for a sheet: A4 landscape fitted to the page width only where the text then stays at 8 pt or more;
 * otherwise the key columns on A4, or A3; header rows repeated on every page, a header and a footer.
 */
import { rangeRef } from '../cells';
import type { HeaderFooterPart, HeaderFooterPlan, PrintPlan } from './types';

/** The smallest text a printed page may have. */
export const MIN_PRINT_FONT_PT = 8;
/** The workbook's body text (Calibri 11). */
export const BODY_FONT_PT = 11;

/** Left and right page margins (inches) the writers set, so the printable width is known. */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

const PAPER_POINTS = { A4: { long: 841.89, short: 595.28 }, A3: { long: 1190.55, short: 841.89 } } as const;

/** Points a column of this width (Excel's characters of Calibri 11: 7 pixels each, 0.75 pt a pixel) takes. */
export function columnPoints(width: number): number {
  return width * 5.25;
}

/**
 * Where Calibri (or its metric twin Carlito) is missing, LibreOffice measures column widths in the digits of the font
 * it substitutes (DejaVu Sans): a third wider. The print choice must keep text at 8 pt there too.
 */
export const SUBSTITUTE_WIDTH_FACTOR = 4 / 3;

export function printableWidth(paper: 'A4' | 'A3', landscape: boolean): number {
  const p = PAPER_POINTS[paper];
  return (landscape ? p.long : p.short) - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72;
}


/**
 * The scale fitting `widths` to the page width, as Excel sets it (whole percent, never above 100 %): the text shown
 * in `smallestFont` then prints at scale × smallestFont.
 */
export function fitScale(widths: readonly number[], paper: 'A4' | 'A3', landscape: boolean): number {
  const total = widths.reduce((s, w) => s + columnPoints(w), 0);
  return total === 0 ? 1 : Math.min(100, Math.floor((printableWidth(paper, landscape) / total) * 100)) / 100;
}

export interface PrintChoice {
  paper: 'A4' | 'A3';
  /** How many leading columns are printed (all, or the key columns). */
  columns: number;
  /** Fitted to the page width; false where not even the key columns fit on A3 (then printed at 100 %, pages across). */
  fitToWidth: boolean;
}

/**
 * The first that keeps the smallest text at 8 pt or more (also with a substituted font, SUBSTITUTE_WIDTH_FACTOR): all
 * columns on A4; the key columns (the leading `keyColumns`) on A4; all on A3; the key columns on A3; else the key
 * columns at full size over several pages.
 */
export function choosePrint(widths: readonly number[], keyColumns: number, smallestFont = BODY_FONT_PT, landscape = true): PrintChoice {
  const wider = widths.map((w) => w * SUBSTITUTE_WIDTH_FACTOR);
  const fits = (columns: number, paper: 'A4' | 'A3') => fitScale(wider.slice(0, columns), paper, landscape) * smallestFont >= MIN_PRINT_FONT_PT;
  const all = widths.length;
  const key = Math.max(1, Math.min(keyColumns, all));
  const options: PrintChoice[] = [
    { paper: 'A4', columns: all, fitToWidth: true },
    { paper: 'A4', columns: key, fitToWidth: true },
    { paper: 'A3', columns: all, fitToWidth: true },
    { paper: 'A3', columns: key, fitToWidth: true },
  ];
  return options.find((o) => fits(o.columns, o.paper)) ?? { paper: 'A4', columns: key, fitToWidth: false };
}

export interface PrintOptions {
  /** Column widths of the sheet, column A first. */
  widths: readonly number[];
  /** The leading columns that matter most (printed alone where all would be too small). */
  keyColumns?: number;
  /** The last row with content. */
  lastRow: number;
  /** A table's header row, repeated on every page. */
  headerRow?: number;
  smallestFont?: number;
  /** Rows that start a new page (a section with its chart starts one, so neither is cut). */
  breaks?: readonly number[];
  header: HeaderFooterPlan;
  footer: HeaderFooterPlan;
}

/** The print plan of a sheet, chosen by choosePrint. */
export function printPlan(o: PrintOptions): PrintPlan {
  const choice = choosePrint(o.widths, o.keyColumns ?? o.widths.length, o.smallestFont);
  const breaks = o.breaks ?? [];
  return {
    landscape: true,
    paper: choice.paper,
    fitToWidth: choice.fitToWidth,
    ...(choice.columns < o.widths.length ? { area: rangeRef(1, 1, Math.max(1, o.lastRow), choice.columns) } : {}),
    ...(o.headerRow ? { titleRows: { first: o.headerRow, last: o.headerRow } } : {}),
    ...(breaks.length ? { breaks: [...breaks] } : {}),
    header: o.header,
    footer: o.footer,
  };
}

/**
 * A header or footer section in Excel's codes (the same in SpreadsheetML and Office.js): "&P" page, "&N" pages,
 * "&A" sheet; a literal "&" is doubled.
 */
export function headerFooterCode(parts: readonly HeaderFooterPart[] | undefined): string {
  if (!parts) return '';
  return parts.map((p) => (typeof p === 'string' ? p.replace(/&/g, '&&') : { page: '&P', pages: '&N', sheet: '&A' }[p.field])).join('');
}

/** A whole header or footer: "&L…&C…&R…" (the sections given). */
export function headerFooterText(plan: HeaderFooterPlan | undefined): string {
  if (!plan) return '';
  return (['left', 'center', 'right'] as const)
    .filter((side) => plan[side]?.length)
    .map((side) => `&${side[0].toUpperCase()}${headerFooterCode(plan[side])}`)
    .join('');
}
