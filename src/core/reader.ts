/** The one interface every host (xlsx file, live Excel workbook) gives the core to read a workbook. */

/** A cell's value as both hosts can deliver it: formulas as their cached results, dates as Excel serial numbers. */
export type CellValue = string | number | boolean | null | CellError;

export interface CellError {
  error: string;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export interface SheetInfo {
  name: string;
  visible: boolean;
}

/** The used range of a sheet: values[0][0] is the cell at (top, left), 1-based. */
export interface SheetValues {
  name: string;
  top: number;
  left: number;
  values: CellValue[][];
  /** Number formats in the same shape as values ("General" where none is set). */
  numberFormats: string[][];
  /**
   * Formulas written without a cached result (by a program that does not calculate), their cells blank in values.
   * The core computes them where it can and reports them where it cannot: such a cell is never read as 0.
   */
  uncalculated?: UncalculatedFormula[];
}

/** One number per cell of a sheet (a row holds at most 16,384 columns), for maps keyed by cell. */
export function cellKey(row: number, col: number): number {
  return row * 16_385 + col;
}

/** A formula cell without a cached result; formula without "=", empty for a shared formula's dependent cell. */
export interface UncalculatedFormula {
  row: number;
  col: number;
  formula: string;
}

export interface DefinedName {
  name: string;
  sheet: string;
  /** A1 range without $ signs, e.g. "A4:L54". */
  ref: string;
}

/**
 * The largest used range a reader hands to the core. A sheet is delivered as a dense grid, so one cell far
 * away (XFD1048576) in a tiny file would otherwise ask for 17 billion cells. The template uses about 60 rows.
 */
export const SHEET_LIMITS = { maxRows: 50_000, maxCells: 2_000_000 } as const;

/** Thrown by a reader for a sheet whose used range is over SHEET_LIMITS; the host reports it as FILE_SHEET_TOO_LARGE. */
export class SheetTooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly rows: number,
    readonly columns: number,
    /** The bottom-right cell of the used range, A1 style. */
    readonly cell: string,
  ) {
    super(`the sheet ${sheet} uses ${rows} rows and ${columns} columns (up to ${cell})`);
    this.name = 'SheetTooLargeError';
  }
}

export interface SheetLimits {
  maxRows: number;
  maxCells: number;
}

/** Readers call this with the used range before building the grid. */
export function checkSheetExtent(sheet: string, top: number, left: number, bottom: number, right: number, cell: string, limits: SheetLimits = SHEET_LIMITS): void {
  const rows = bottom - top + 1;
  const columns = right - left + 1;
  if (rows > limits.maxRows || rows * columns > limits.maxCells) throw new SheetTooLargeError(sheet, rows, columns, cell);
}

export interface WorkbookReader {
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string): Promise<SheetValues>;
  definedNames(): Promise<DefinedName[]>;
}

/** Random access into a sheet's used range by absolute 1-based row and column. */
export class SheetGrid {
  readonly bottom: number;
  readonly right: number;

  constructor(readonly sheet: SheetValues) {
    this.bottom = sheet.top + sheet.values.length - 1;
    // A loop, not Math.max(...rows): spreading a very tall sheet overflows the call stack.
    let width = 0;
    for (const r of sheet.values) if (r.length > width) width = r.length;
    this.right = sheet.left + width - 1;
  }

  get name(): string {
    return this.sheet.name;
  }

  value(row: number, col: number): CellValue {
    const r = this.sheet.values[row - this.sheet.top];
    if (!r) return null;
    const v = r[col - this.sheet.left];
    return v === undefined ? null : v;
  }

  numberFormat(row: number, col: number): string {
    const r = this.sheet.numberFormats[row - this.sheet.top];
    return (r && r[col - this.sheet.left]) || 'General';
  }

  /** The formula of a cell that holds one without a result (and could not be computed); undefined otherwise. */
  uncalculatedFormula(row: number, col: number): string | undefined {
    return this.uncalculated?.get(cellKey(row, col));
  }

  private uncalculated?: Map<number, string>;

  /** A computed formula's result goes into the grid; a formula not computed is remembered for the findings. */
  setCalculated(row: number, col: number, value: CellValue | undefined, formula: string): void {
    if (value !== undefined) {
      const r = this.sheet.values[row - this.sheet.top];
      if (r && col >= this.sheet.left && col - this.sheet.left < r.length) r[col - this.sheet.left] = value;
      return;
    }
    (this.uncalculated ??= new Map()).set(cellKey(row, col), formula);
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }
}
