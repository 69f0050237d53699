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
}

export interface DefinedName {
  name: string;
  sheet: string;
  /** A1 range without $ signs, e.g. "A4:L54". */
  ref: string;
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
    this.right = sheet.left + Math.max(0, ...sheet.values.map((r) => r.length)) - 1;
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

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }
}
