/** The one style palette of every workbook the product writes (template and consolidated workbook alike). */
import type { CellStyle } from './types';

export const BRAND = '00586F';
const GREY_TEXT = '595959';

/** Fills: table headers, cells the user does not type in, and cells the user fills in. */
export const FILLS = { header: 'DDEBF7', fixed: 'EDEDED', input: 'FFF2CC', example: 'E2EFDA' } as const;

export const DATE_FORMAT = 'dd-mm-yyyy';

/** Amounts in millions, for overviews: 194.235.000 shows as "194,2 mio." (the cell keeps kroner). */
export const MILLIONS_FORMAT = '#,##0.0,," mio."';

/** Chart fills: the monitoring colours strong enough to tell apart in a chart and on paper. */
export const CHART_COLOURS = { green: '63A845', yellow: 'F2C22E', red: 'D64541' } as const;

/** Chart fills for series that are administrations or goals, in order (the house colour first). */
export const CHART_PALETTE = ['00586F', '5B9BD5', 'ED7D31', 'A5A5A5', '70AD47', '8064A2', 'C0504D', '4BACC6', '9E480E', '264478', '636363', '997300'] as const;

/** The biggest figure of a column, marked (a light orange fill). */
export const HIGHLIGHT_FILL = 'FCE4D6';

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
  millions: { numberFormat: MILLIONS_FORMAT, vertical: 'top' },
  integer: { numberFormat: '0', vertical: 'top' },
  date: { numberFormat: DATE_FORMAT, vertical: 'top' },
  percent: { numberFormat: '0%', vertical: 'top' },
  centre: { horizontal: 'center', vertical: 'top' },
  /** A template cell the user does not type in: goal texts, computed totals (locked on the protected sheet). */
  fixed: { fill: FILLS.fixed, wrap: true, vertical: 'top', border: true, locked: true },
  /** A template cell the user fills in (unlocked on the protected sheet): a clear yellow, as the cover's legend says. */
  input: { fill: FILLS.input, border: true, locked: false, vertical: 'top' },
  /** A value of the template's worked example (the Eksempel sheet). */
  example: { fill: FILLS.example, italic: true, border: true, wrap: true, vertical: 'top' },
} as const satisfies Record<string, CellStyle>;
