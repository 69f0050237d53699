/** Turning what people type into cells (Danish numbers, dates, Ja/Nej, goal letters, colours) into values. */
import { GOAL_LETTERS, type Colour, type GoalLetter, type UnitCode } from '../domain';
import { serialToIso } from '../excelDates';
import { isCellError, type CellValue } from '../reader';

// Serial dates and date formats live in one module; re-exported for the parsers that read cells.
export { isDateFormat, isoToSerial, serialToIso } from '../excelDates';

export function cellText(v: CellValue): string | null {
  if (v === null || isCellError(v)) return null;
  if (typeof v === 'string') return v.length < LONG_TEXT ? cleanText(v) : cleanLongText(v);
  if (typeof v === 'boolean') return v ? 'Ja' : 'Nej';
  return String(v);
}

function cleanText(v: string): string | null {
  const t = v.replace(/\r\n?/g, '\n').trim();
  return t === '' ? null : t;
}

/**
 * A long text is cleaned once and the same result given back: one shared string may fill thousands of cells, and
 * every step after this (labels, names) then meets the same string, not a fresh copy (per-cell work stays O(1)).
 */
const LONG_TEXT = 256;
const longTexts = new Map<string, string | null>();
let longTextChars = 0;

function cleanLongText(v: string): string | null {
  let t = longTexts.get(v);
  if (t === undefined) {
    t = cleanText(v);
    if (longTextChars > 64 * 1024 * 1024) {
      longTexts.clear();
      longTextChars = 0;
    }
    longTextChars += v.length;
  } else {
    // Found under an equal text of an earlier reading: keep this reading's string as the key, so the next cells
    // with it compare by reference instead of character by character.
    longTexts.delete(v);
  }
  longTexts.set(v, t);
  return t;
}

/** Typed fields (numbers, dates, goal letters, colours, Ja/Nej) are short: longer text is not parsed, only reported. */
const MAX_FIELD_TEXT = 200;

// ---------------------------------------------------------------- amounts

export interface ParsedNumber {
  value: number;
  /** A unit written in the cell itself ("1.234.567 kr.", "12,3 mio."), which wins over the cover's unit. */
  unit?: UnitCode;
}

const UNIT_SUFFIXES: { re: RegExp; unit: UnitCode }[] = [
  { re: /\s*(?:mio\.?|mill?\.?|millioner)\s*(?:kr\.?|dkk)?$/i, unit: 'mkr' },
  { re: /\s*(?:t\.?\s?kr\.?|tkr\.?|1\.000\s*kr\.?|tusind\s*kr\.?)$/i, unit: 'tkr' },
  { re: /\s*(?:kr\.?|dkk|,-)$/i, unit: 'kr' },
];

/**
 * Parse a number as Danes and others type it. Danish: "," decimal, "." thousands ("1.234.567,5").
 * A single "." followed by other than exactly three digits is read as a decimal point ("12.30");
 * "1.234" is one thousand two hundred and thirty-four. Returns undefined for anything else.
 */
export function parseNumberText(text: string): ParsedNumber | undefined {
  if (text.length > MAX_FIELD_TEXT) return undefined;
  let t = text.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').trim();
  let unit: UnitCode | undefined;
  for (const s of UNIT_SUFFIXES) {
    if (s.re.test(t)) {
      unit = s.unit;
      t = t.replace(s.re, '').trim();
      break;
    }
  }
  const prefix = /^(?:kr\.?|dkk)\s*/i;
  if (prefix.test(t)) {
    unit = unit ?? 'kr';
    t = t.replace(prefix, '');
  }
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (/^[-\u2212]/.test(t)) {
    negative = true;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) {
    t = t.slice(1).trim();
  }
  // digit groups separated by spaces: "1 234 567"
  if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(t)) t = t.replace(/ /g, '');
  let normalized: string | undefined;
  if (/^\d+$/.test(t)) normalized = t;
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normalized = t.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(t)) normalized = t.replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) normalized = t.replace(/,/g, '');
  else if (/^\d*\.\d+$/.test(t)) normalized = t;
  else if (/^,\d+$/.test(t)) normalized = `0.${t.slice(1)}`;
  if (normalized === undefined) return undefined;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return undefined;
  return { value: negative ? -value : value, unit };
}

export type NumberReading =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; unit?: UnitCode }
  | { kind: 'invalid'; text: string };

export function readNumber(v: CellValue): NumberReading {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'invalid', text: String(v) };
  if (isCellError(v)) return { kind: 'invalid', text: v.error };
  if (typeof v === 'boolean') return { kind: 'invalid', text: v ? 'TRUE' : 'FALSE' };
  if (v.trim() === '') return { kind: 'blank' };
  const p = parseNumberText(v);
  return p ? { kind: 'number', value: p.value, unit: p.unit } : { kind: 'invalid', text: v };
}

/** Kroner to øre precision, so 12,3 mio. is 12.300.000 and not 12.300.000,000000002. */
export function roundKr(kr: number): number {
  return Math.round(kr * 100) / 100;
}

/** The first number in a text such as "mindst 25 borgere" or "75 pct.". */
export function firstNumberIn(v: CellValue): number | null {
  const r = readNumber(v);
  if (r.kind === 'number') return r.value;
  if (typeof v !== 'string') return null;
  const m = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?/.exec(v);
  if (!m) return null;
  const p = parseNumberText(m[0]);
  return p ? p.value : null;
}

/**
 * How many decimals a number shows under a number format: at least the format's required zeros,
 * at most zeros plus optional digits; "General" shows the value's own decimals.
 */
export function shownDecimals(value: number, numberFormat: string): number {
  const own = valueDecimals(value);
  const section = (numberFormat || 'General').split(';')[0].replace(/"[^"]*"|\\./g, '');
  if (/^general$/i.test(section.trim()) || section.trim() === '@') return own;
  const m = /\.([0#?]+)/.exec(section);
  if (!m) return /[0#?]/.test(section) ? 0 : own;
  const min = (m[1].match(/0/g) || []).length;
  const max = m[1].length;
  return Math.min(Math.max(own, min), max);
}

function valueDecimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const s = Number(value.toPrecision(12)).toString();
  const exp = /e-(\d+)$/.exec(s);
  if (exp) return Math.min(10, Number(exp[1]));
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(10, s.length - dot - 1);
}

// ---------------------------------------------------------------- dates and years

const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 100) y += 2000;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export type DateReading = { kind: 'blank' } | { kind: 'date'; iso: string } | { kind: 'invalid'; text: string };

/** Dates as serial numbers (what both hosts deliver for date cells) or typed as text: 15-05-2010, 15.5.2010, 2010-05-15, 15. maj 2010. */
export function readDate(v: CellValue): DateReading {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'number') {
    const iso = serialToIso(v);
    return iso ? { kind: 'date', iso } : { kind: 'invalid', text: String(v) };
  }
  const text = cellText(v);
  if (text === null) return isCellError(v) ? { kind: 'invalid', text: v.error } : { kind: 'blank' };
  if (text.length > MAX_FIELD_TEXT) return { kind: 'invalid', text };
  const t = text.toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/.exec(t);
  if (m) return wrapDate(isoDate(Number(m[1]), Number(m[2]), Number(m[3])), text);
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$/.exec(t);
  if (m) return wrapDate(isoDate(Number(m[3]), Number(m[2]), Number(m[1])), text);
  m = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS_DA.findIndex((name) => name.startsWith(m![2]) && m![2].length >= 3);
    if (month >= 0) return wrapDate(isoDate(Number(m[3]), month + 1, Number(m[1])), text);
  }
  return { kind: 'invalid', text };
}

function wrapDate(iso: string | undefined, text: string): DateReading {
  return iso ? { kind: 'date', iso } : { kind: 'invalid', text };
}

export function formatDanishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTHS_DA[m - 1]} ${y}`;
}

export type YearReading = { kind: 'blank' } | { kind: 'year'; year: number } | { kind: 'invalid'; text: string };

export function readYear(v: CellValue): YearReading {
  const n = readNumber(v);
  if (n.kind === 'blank') return n;
  if (n.kind === 'number' && Number.isInteger(n.value) && n.value >= 1990 && n.value <= 2200) return { kind: 'year', year: n.value };
  return { kind: 'invalid', text: n.kind === 'invalid' ? n.text : String(n.value) };
}

// ---------------------------------------------------------------- choices

export type ChoiceReading<T> = { kind: 'blank' } | { kind: 'value'; value: T } | { kind: 'invalid'; text: string };

export function readYesNo(v: CellValue): ChoiceReading<boolean> {
  if (typeof v === 'boolean') return { kind: 'value', value: v };
  const t = cellText(v);
  if (t === null) return isCellError(v) ? { kind: 'invalid', text: v.error } : { kind: 'blank' };
  if (t.length > MAX_FIELD_TEXT) return { kind: 'invalid', text: t };
  const k = t.toLowerCase().replace(/[.!]$/, '');
  if (['ja', 'j', 'yes', 'y', 'x'].includes(k)) return { kind: 'value', value: true };
  if (['nej', 'n', 'no'].includes(k)) return { kind: 'value', value: false };
  return { kind: 'invalid', text: t };
}

/** A Map: the key is text from the file ("constructor" is no colour). */
const COLOUR_WORDS = new Map<string, Colour>([
  ['grøn', 'green'], ['groen', 'green'], ['green', 'green'], ['grønt', 'green'],
  ['gul', 'yellow'], ['yellow', 'yellow'], ['gult', 'yellow'],
  ['rød', 'red'], ['roed', 'red'], ['red', 'red'], ['rødt', 'red'],
]);

export function readColour(v: CellValue): ChoiceReading<Colour> {
  const t = cellText(v);
  if (t === null) return isCellError(v) ? { kind: 'invalid', text: (v as { error: string }).error } : { kind: 'blank' };
  if (t.length > MAX_FIELD_TEXT) return { kind: 'invalid', text: t };
  const c = COLOUR_WORDS.get(t.toLowerCase().normalize('NFC'));
  return c ? { kind: 'value', value: c } : { kind: 'invalid', text: t };
}

export interface GoalsReading {
  goals: GoalLetter[];
  /** Parts that are not goals a–g ("h", "1", "beskæftigelse"). */
  invalid: string[];
}

/**
 * Goal letters as people type them: "a", "A", "a, c", "a;c", "a og c", "a/c", "a) og c)", "mål a",
 * and ranges "a-c" (= a, b, c). Anything that is not a letter a–g is returned as invalid.
 */
export function parseGoals(text: string | null): GoalsReading {
  if (text === null) return { goals: [], invalid: [] };
  if (text.length > MAX_FIELD_TEXT) return { goals: [], invalid: [text] };
  const found = new Set<GoalLetter>();
  const invalid: string[] = [];
  const cleaned = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\b(?:mål|maal|goals?|og|and|samt)\b/g, ' ');
  for (const raw of cleaned.split(/[\s,;/&+]+/)) {
    const token = raw.replace(/^[(]/, '').replace(/[).:]+$/, '');
    if (token === '') continue;
    const range = /^([a-z])\)?-([a-z])$/.exec(token);
    if (range && isGoal(range[1]) && isGoal(range[2]) && range[1] <= range[2]) {
      for (const g of GOAL_LETTERS) if (g >= range[1] && g <= range[2]) found.add(g);
    } else if (isGoal(token)) {
      found.add(token);
    } else {
      invalid.push(raw.trim());
    }
  }
  return { goals: GOAL_LETTERS.filter((g) => found.has(g)), invalid };
}

function isGoal(s: string): s is GoalLetter {
  return (GOAL_LETTERS as readonly string[]).includes(s);
}
