/**
 * A declarative description of a workbook to write. The core builds plans; each host renders them
 * (exceljs to .xlsx, Office.js into the open workbook). Strings are always written as text, never as formulas.
 */

export interface FormulaValue {
  /** Without the leading "=". */
  formula: string;
  /** The cached result, so readers that do not calculate (and openers before recalculation) see a value. */
  result?: string | number | boolean | null;
}

export interface DateValue {
  /** ISO date yyyy-mm-dd. */
  date: string;
}

export type PlanValue = string | number | boolean | null | FormulaValue | DateValue;

export function isFormula(v: PlanValue): v is FormulaValue {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

export function isDate(v: PlanValue): v is DateValue {
  return typeof v === 'object' && v !== null && 'date' in v;
}

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** RRGGBB */
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  border?: boolean;
  /** Effective only on protected sheets. Defaults to locked, as in Excel. */
  locked?: boolean;
}

/**
 * A rectangle of values with one style, or a style per column. Row and col are 1-based. An empty (null) cell keeps
 * its style where the style shows without a value (fill, border) or marks an input cell (unlocked); elsewhere it
 * stays a blank cell, so wide sheets with many empty cells stay small.
 */
export interface Block {
  row: number;
  col: number;
  values: PlanValue[][];
  style?: CellStyle;
  /** Merged over style for the block's column i. */
  columnStyles?: (CellStyle | undefined)[];
}

export interface ColumnPlan {
  width?: number;
  /** Style for the whole column, so cells typed later get it too (e.g. unlocked input columns). */
  style?: CellStyle;
}

export interface Validation {
  ref: string;
  kind: 'list' | 'whole' | 'decimal' | 'date' | 'textLength';
  /** For lists: a range formula such as 'Skabeloninfo'!$D$2:$D$8 (without "="). */
  list?: string;
  min?: number;
  max?: number;
  /** Refuse other values (stop) or only warn. */
  strict?: boolean;
  promptTitle?: string;
  prompt?: string;
  error?: string;
}

export interface TablePlan {
  name: string;
  /** Header row plus data rows. */
  ref: string;
  style?: string;
}

export interface TextEqualsRule {
  kind: 'textEquals';
  text: string;
  fill: string;
  fontColor?: string;
}

export interface ConditionalFormatPlan {
  ref: string;
  rules: TextEqualsRule[];
}

export interface SheetPlan {
  name: string;
  hidden?: boolean;
  tabColor?: string;
  /** Index 0 is column A. */
  columns?: (ColumnPlan | undefined)[];
  rowHeights?: Record<number, number>;
  blocks: Block[];
  merges?: string[];
  validations?: Validation[];
  frozen?: { rows: number; columns: number };
  /** Protect the sheet (no password) so locked cells, such as formulas, cannot be overwritten by mistake. */
  protect?: boolean;
  tables?: TablePlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  /** Print on A4, fitted to one page wide. */
  print?: { landscape: boolean };
}

export interface DefinedNamePlan {
  name: string;
  sheet: string;
  ref: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  definedNames: DefinedNamePlan[];
  properties?: { title?: string; creator?: string; created?: string };
}
