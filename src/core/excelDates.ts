/**
 * Excel serial dates, in one place: serial ↔ ISO date, the 1900 and 1904 date systems, Excel's 1900 leap-year
 * bug, and the one rule for "does this number format show a date or a time".
 */

/** Serial 0 in the 1900 system is 1900-01-00, i.e. 1899-12-31; from serial 61 on, a plain count from 1899-12-30. */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Days between the two systems' day 0: a 1904-system serial plus this is the same day in the 1900 system. */
export const DAYS_1904_TO_1900 = 1462;
/** 9999-12-31, the last day Excel shows. */
export const MAX_SERIAL = 2_958_465;
/** The fictitious 29 February 1900 that Excel (like Lotus 1-2-3) counts. */
export const LEAP_BUG_SERIAL = 60;

/**
 * The calendar day of a 1900-system serial, as yyyy-mm-dd (the time of day is dropped). Serials 1–59 are
 * 1900-01-01 to 1900-02-28, 60 is Excel's 29 February 1900 that never was (undefined), from 61 on 1900-03-01 and later.
 */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return undefined;
  const day = Math.floor(serial);
  if (day === LEAP_BUG_SERIAL) return undefined;
  const ms = EPOCH_1900_MS + (day < LEAP_BUG_SERIAL ? day + 1 : day) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The 1900-system serial of a calendar day (yyyy-mm-dd); NaN for text that is not one. */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  return daySerial(Number(m[1]), Number(m[2]), Number(m[3]));
}

function daySerial(y: number, mo: number, d: number): number {
  const ms = Date.UTC(y, mo - 1, d);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return NaN;
  const days = (ms - EPOCH_1900_MS) / DAY_MS;
  // Before 1 March 1900 Excel's count is one lower than a plain count (it has a 29 February 1900 in between).
  return days < 61 ? days - 1 : days;
}

/**
 * The 1900-system serial of an ISO 8601 date-time as a `t="d"` cell holds it: `2010-05-15`,
 * `2010-05-15T13:45:00(.000)(Z|+01:00)` or a time alone (`13:45:00`, `T13:45`). A time zone is ignored (Excel
 * has none: the time is taken as written). Undefined for anything else.
 */
export function isoDateTimeToSerial(text: string): number | undefined {
  const m = /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:(?:^|T|\s)(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  let serial = 0;
  if (m[1] !== undefined) {
    serial = daySerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!Number.isFinite(serial)) return undefined;
  }
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const min = Number(m[5]);
    const s = Number(m[6] ?? 0) + (m[7] ? Number(`0.${m[7]}`) : 0);
    if (h > 24 || min > 59 || s >= 61) return undefined;
    serial += (h * 3600 + min * 60 + s) / 86_400;
  }
  return serial;
}

/** A serial of a workbook in the 1904 date system, as the same day and time in the 1900 system. */
export function serial1904To1900(serial: number): number {
  return serial + DAYS_1904_TO_1900;
}

// ---------------------------------------------------------------------------------------------------------
// Number formats

export type DateFormatKind = 'date' | 'time';

type Token = 'date' | 'm' | 'time' | 'h' | 's';

/**
 * What a number format shows: a date (with or without a time), only a time or duration, or neither (undefined).
 * The first section decides (as Excel and openpyxl do). Quoted text, escaped characters (`\x`), padding and
 * fill characters (`_x`, `*x`), "General" and bracketed colours, locales and conditions are not codes; the
 * elapsed-time codes `[h]`, `[mm]`, `[ss]` are. Codes are case-insensitive (LibreOffice writes `DD.MM.YYYY`,
 * `HH:MM`). `m` is a minute after an hour or before a second, else a month.
 */
export function dateFormatKind(format: string): DateFormatKind | undefined {
  let known = kinds.get(format);
  if (known === undefined) {
    known = classify(format);
    // Asked for every cell read; a workbook has a handful of formats (bounded for hostile ones).
    if (kinds.size > 1000) kinds.clear();
    kinds.set(format, known);
  }
  return known === 'none' ? undefined : known;
}

/** Does this number format show a date or a time (so a number in such a cell is a serial date)? */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && format !== '' && dateFormatKind(format) !== undefined;
}

const kinds = new Map<string, DateFormatKind | 'none'>();

function classify(format: string): DateFormatKind | 'none' {
  const tokens: Token[] = [];
  const n = format.length;
  for (let i = 0; i < n; i++) {
    const c = format.charCodeAt(i);
    if (c === 59) break; // ';': only the first section
    if (c === 34) {
      // "literal text"
      const close = format.indexOf('"', i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === 92 || c === 95 || c === 42) {
      i++; // \x escaped, _x padding, *x fill: the next character is not a code
    } else if (c === 91) {
      const close = format.indexOf(']', i + 1);
      if (close < 0) break;
      const inside = format.slice(i + 1, close).toLowerCase();
      if (/^h+$/.test(inside)) tokens.push('h');
      else if (/^m+$/.test(inside)) tokens.push('time');
      else if (/^s+$/.test(inside)) tokens.push('s');
      i = close;
    } else {
      const lower = c | 0x20;
      if (lower === 103 && format.slice(i, i + 7).toLowerCase() === 'general') {
        i += 6;
        continue;
      }
      if (lower === 101 && (format[i + 1] === '+' || format[i + 1] === '-')) {
        i++; // E+00: an exponent
        continue;
      }
      if (lower === 97 && /^(am\/pm|a\/p)/i.test(format.slice(i, i + 5))) {
        tokens.push('time');
        i += format[i + 1] === '/' ? 2 : 4;
        continue;
      }
      let token: Token | undefined;
      if (lower === 121 || lower === 100 || lower === 101 || lower === 103) token = 'date'; // y d e(ra year) g(era)
      else if (lower === 109) token = 'm';
      else if (lower === 104) token = 'h';
      else if (lower === 115) token = 's';
      if (token === undefined) continue;
      // A run of the same letter is one code (yyyy, mmmm).
      while (i + 1 < n && (format.charCodeAt(i + 1) | 0x20) === lower) i++;
      tokens.push(token);
    }
  }
  let date = false;
  let time = false;
  tokens.forEach((t, k) => {
    if (t === 'date') date = true;
    else if (t === 'h' || t === 's' || t === 'time') time = true;
    else if (tokens[k - 1] === 'h' || tokens[k + 1] === 's') time = true; // m as minutes
    else date = true; // m as month
  });
  return date ? 'date' : time ? 'time' : 'none';
}
