/** The one style palette of every workbook the product writes (template and consolidated workbook alike). */
import type { CellStyle } from './types';

export const BRAND = '00586F';
const GREY_TEXT = '595959';

/** Fills: table headers, cells the user does not type in, and cells the user fills in. */
export const FILLS = { header: 'DDEBF7', fixed: 'F2F2F2', input: 'FFFDE7' } as const;

export const DATE_FORMAT = 'dd-mm-yyyy';

export const STYLES = {
  title: { bold: true, fontSize: 14, fontColor: BRAND },
  subtitle: { bold: true, fontSize: 12, fontColor: BRAND },
  note: { italic: true, fontColor: GREY_TEXT },
  /** A note over several lines: a sheet's hint under its title. */
  hint: { italic: true, fontColor: GREY_TEXT, wrap: true, vertical: 'top' },
  header: { bold: true, fill: FILLS.header, wrap: true, vertical: 'top', border: true },
  /** A line under a table's title ("Beløb i kr."). */
  caption: { italic: true },
  /** A label in front of its value (cover fields, key–value lines). */
  label: { bold: true, vertical: 'top' },
  /** Wrapped running text (guidance). */
  paragraph: { wrap: true, vertical: 'top' },
  /** Text from a submission: always text, never a formula, wrapped. */
  text: { numberFormat: '@', wrap: true, vertical: 'top' },
  plain: { vertical: 'top' },
  kr: { numberFormat: '#,##0 "kr."', vertical: 'top' },
  krBold: { numberFormat: '#,##0 "kr."', vertical: 'top', bold: true },
  integer: { numberFormat: '0', vertical: 'top' },
  date: { numberFormat: DATE_FORMAT, vertical: 'top' },
  percent: { numberFormat: '0%', vertical: 'top' },
  centre: { horizontal: 'center', vertical: 'top' },
  /** A template cell the user does not type in: goal texts, computed totals (locked on the protected sheet). */
  fixed: { fill: FILLS.fixed, wrap: true, vertical: 'top', border: true, locked: true },
  /** A template cell the user fills in (unlocked on the protected sheet). */
  input: { fill: FILLS.input, border: true, locked: false, vertical: 'top' },
} as const satisfies Record<string, CellStyle>;
