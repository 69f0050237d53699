/**
 * A declarative description of a workbook to write. The core builds plans; each host renders them (the streaming
 * .xlsx writer to a file, Office.js into the open workbook). Strings are always written as text, never as formulas.
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
  kind: 'list' | 'whole' | 'decimal' | 'date' | 'textLength' | 'custom';
  /** For lists: a range formula such as 'Skabeloninfo'!$D$2:$D$8 (without "="). */
  list?: string;
  /** For custom: a formula true for a valid value, written for the range's top-left cell (without "="). */
  formula?: string;
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

/** The largest value(s) of the range stand out (e.g. the administration spending most on a goal). */
export interface TopRule {
  kind: 'top';
  rank: number;
  fill: string;
  fontColor?: string;
}

export type ConditionalRule = TextEqualsRule | TopRule;

export interface ConditionalFormatPlan {
  ref: string;
  rules: ConditionalRule[];
}

/** Text in a page header or footer, or a field filled in when printing (page number, page count, sheet name). */
export type HeaderFooterPart = string | { field: 'page' | 'pages' | 'sheet' };

export interface HeaderFooterPlan {
  left?: HeaderFooterPart[];
  center?: HeaderFooterPart[];
  right?: HeaderFooterPart[];
}

export interface PrintPlan {
  landscape: boolean;
  /** A4 where left out. */
  paper?: 'A4' | 'A3';
  /** Fit the printed columns to one page wide (pages run down as needed); true where left out. */
  fitToWidth?: boolean;
  /** The cells printed (e.g. a table's key columns); the whole sheet where left out. */
  area?: string;
  /** Rows repeated at the top of every printed page (a table's header), 1-based. */
  titleRows?: { first: number; last: number };
  /** Rows that start a new page (so a section and its chart stay on one page). */
  breaks?: number[];
  header?: HeaderFooterPlan;
  footer?: HeaderFooterPlan;
}

export interface ChartSeriesPlan {
  /** The cell holding the series' name. */
  name: string;
  /** The cells holding its values, one per category (a row or a column). */
  values: string;
  /** RRGGBB; the host's palette where left out. */
  colour?: string;
}

/**
 * A native chart over cells of its own sheet (so it follows when a user edits them): the categories are cells holding
 * text, each series a row or column of numbers beside them.
 */
export interface ChartPlan {
  /** Vertical bars, side by side or stacked. */
  stacked: boolean;
  title: string;
  categories: string;
  series: ChartSeriesPlan[];
  /** The cells the chart covers. */
  anchor: string;
  /** Number format of the value axis (Excel's codes). */
  valueFormat?: string;
  /** Distance between the value axis' gridlines (e.g. 1 for counts, so no half projects are shown). */
  majorUnit?: number;
  /** Point size of the chart's text; the smallest text on the sheet, so print scaling is chosen with it. */
  fontSize: number;
}

/** A slicer for an Excel table, placed over cells kept free for it. */
export interface SlicerPlan {
  table: string;
  /** The table column's header. */
  column: string;
  caption: string;
  /** The cells it covers (on the sheet that holds it). */
  cells: string;
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
  print?: PrintPlan;
  charts?: ChartPlan[];
  /**
   * Slicers, rendered by Office.js (ExcelApi 1.10). The .xlsx writer leaves them out: the file format has them only
   * as Office 2010+ extensions that other readers ignore; the tables' own filters serve there.
   */
  slicers?: SlicerPlan[];
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
