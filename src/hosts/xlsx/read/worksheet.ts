/**
 * One worksheet part as the core's SheetValues: every cell's value (formulas as their cached result, dates as
 * 1900-system serials) and number format, laid out over the used range. Rows and cells without `r` follow the
 * previous one; merged cells keep only their top-left value. Linear in the part (merges by a sweep, not pairwise).
 * Rows as writers write them are read by a pass of their own, the rest by the general XML scanner (same result).
 */
import { cellRef } from '../../../core/cells';
import { isoDateTimeToSerial, serial1904To1900, type DateFormatKind } from '../../../core/excelDates';
import { checkSheetExtent, type CellValue, type SheetLimits, type SheetValues, type UncalculatedFormula } from '../../../core/reader';
import type { ReadBudget } from './budget';
import { decodeEscapes } from './sharedStrings';
import { decodeCdata, decodeText, isSpreadsheetNs, scanXml } from './xml';

export interface CellFormat {
  code: string;
  kind: DateFormatKind | undefined;
}

export interface SheetContext {
  name: string;
  /** The shared strings, unpacked when a cell first needs them. */
  strings: () => string[];
  /** The number format of a cell style (cellXfs index). */
  format: (style: number) => CellFormat;
  date1904: boolean;
  limits: SheetLimits;
  budget: ReadBudget;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** The format a `t="d"` cell gets when its style shows no date, so it stays a date for the core. */
const ISO_DATE_FORMAT = 'yyyy-mm-dd';
const ISO_DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

class SheetError extends Error {}

/** Column and row of an A1 reference; throws for anything that is not a cell of a sheet. */
function decodeRef(ref: string, at: string): { row: number; col: number } {
  let i = 0;
  let col = 0;
  let row = 0;
  let c = ref.charCodeAt(0);
  while (i < 3 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
    col = col * 26 + (c | 0x20) - 96;
    c = ref.charCodeAt(++i);
  }
  const letters = i;
  while (c >= 48 && c <= 57 && i - letters < 8) {
    row = row * 10 + c - 48;
    c = ref.charCodeAt(++i);
  }
  if (letters === 0 || i === letters || i !== ref.length || col > MAX_COL || row < 1 || row > MAX_ROW) {
    throw new SheetError(`the cell reference "${ref.slice(0, 20)}" ${at} is not a cell`);
  }
  return { row, col };
}

/** An xsd:double as written in <v>; undefined for text that is not one (NaN, INF, hex). */
function parseDouble(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // digits, + - . e E and the whitespace XML allows around a value
    if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 101 || c === 69 || c === 32 || c === 9 || c === 10 || c === 13)) return undefined;
  }
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function parseWorksheet(xml: string, ctx: SheetContext): SheetValues {
  // The cells read, column by column in parallel arrays (no object per cell).
  const rows: number[] = [];
  const cols: number[] = [];
  const values: CellValue[] = [];
  const formats: string[] = [];
  const merges: number[] = []; // top, left, bottom, right per merge

  let depth = 0;
  let inSheetData = false;
  let inMergeCells = false;
  let rowNumber = 0;
  let previousCol = 0;
  // the cell being read
  let inCell = false;
  let cellAt = 0; // depth of <c>
  let ref: string | undefined;
  let type: string | undefined;
  let style = 0;
  let vText: string | undefined;
  let isText: string | undefined;
  let fText: string | undefined;
  let vSeen = false; // a <v>, even an empty one
  let collect: 'v' | 'is' | 'f' | undefined;
  const uncalculated: UncalculatedFormula[] = [];
  const uncalculatedAt: number[] = []; // each one's index in rows and cols
  let inRun = false;
  let inPhonetic = false;

  const where = () => `on the sheet "${ctx.name}"`;

  const finishCell = () => {
    let row = rowNumber;
    let col: number;
    if (ref !== undefined) {
      const a = decodeRef(ref, where());
      row = a.row;
      col = a.col;
    } else {
      col = previousCol + 1;
      if (col > MAX_COL) throw new SheetError(`a row ${where()} has more than ${MAX_COL} cells`);
    }
    previousCol = col;
    if (vText === undefined && isText === undefined) {
      // A blank cell, styled or not; or a formula a program wrote without its result: the core computes or reports it.
      // An empty <v> is a cached empty text only where the cell says its result is text (t="str", as Excel writes
      // IF(…,"",…)); openpyxl writes <v></v> for every formula whose result it does not know.
      if (fText === undefined || (vSeen && type === 'str')) return;
      uncalculated.push({ row, col, formula: fText.trim() });
      uncalculatedAt.push(rows.length);
      rows.push(row);
      cols.push(col);
      values.push(null);
      formats.push(ctx.format(style).code);
      return;
    }
    const format = ctx.format(style);
    let code = format.code;
    let value: CellValue;
    switch (type) {
      case undefined:
      case 'n': {
        const n = vText === undefined ? undefined : parseDouble(vText);
        if (n === undefined) value = vText ?? isText ?? null;
        else value = format.kind === 'date' && ctx.date1904 ? serial1904To1900(n) : n;
        break;
      }
      case 's': {
        const index = vText === undefined ? NaN : Number(vText);
        const strings = ctx.strings();
        if (!Number.isInteger(index) || index < 0 || index >= strings.length) {
          throw new SheetError(`the cell ${cellRef(row, col)} ${where()} refers to shared string ${String(vText).slice(0, 20)}, which the workbook does not have`);
        }
        value = strings[index];
        break;
      }
      case 'str':
        value = decodeEscapes(vText ?? isText ?? '');
        break;
      case 'inlineStr':
        value = decodeEscapes(isText ?? vText ?? '');
        break;
      case 'b': {
        const b = (vText ?? '').trim();
        value = b === '1' || b === 'true' ? true : b === '0' || b === 'false' ? false : (vText ?? '');
        break;
      }
      case 'e':
        value = { error: (vText ?? '').trim() };
        break;
      case 'd': {
        const serial = vText === undefined ? undefined : isoDateTimeToSerial(vText);
        if (serial === undefined) value = vText ?? '';
        else {
          value = serial;
          if (format.kind === undefined) code = Number.isInteger(serial) ? ISO_DATE_FORMAT : ISO_DATE_TIME_FORMAT;
        }
        break;
      }
      default:
        throw new SheetError(`the cell ${cellRef(row, col)} ${where()} has an unknown type "${type.slice(0, 20)}"`);
    }
    rows.push(row);
    cols.push(col);
    values.push(value);
    formats.push(code);
  };

  /** A row opens: its number from `r`, or the one after the previous. */
  const openRow = (r: string | undefined) => {
    if (r === undefined) rowNumber++;
    else {
      rowNumber = Number(r);
      if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROW) throw new SheetError(`a row number "${r.slice(0, 20)}" ${where()} is not a row`);
    }
    previousCol = 0;
  };
  /** A cell opens (its text comes later). */
  const openCell = (r: string | undefined, t: string | undefined, s: string | undefined) => {
    if (rowNumber === 0) rowNumber = 1;
    ref = r;
    type = t === undefined ? undefined : t.trim();
    style = s === undefined ? 0 : Number(s);
    vText = undefined;
    isText = undefined;
    fText = undefined;
    vSeen = false;
  };

  // The rows and cells as writers write them are read by a pass of their own (fastSheetData), the rest of the part
  // by the general scanner. Where the pass meets anything else, or anything fails, the whole part is read again by
  // the general scanner alone: both ways give the same cells, and every error is the general scanner's.
  let sheetDataSeen = 0;
  let done = false;
  const split = splitSheetData(xml);
  if (split) {
    try {
      const value = (v: string | undefined) => {
        vSeen = true;
        if (v !== undefined) vText = vText === undefined ? v : vText + v;
      };
      const formula = (f: string | undefined) => {
        fText = (fText ?? '') + (f ?? '');
      };
      if (fastSheetData(xml, split.contentStart, split.contentEnd, { openRow, openCell, value, formula, closeCell: finishCell }, ctx.budget.checkTime)) {
        scanSheet(xml.slice(0, split.tagStart) + '<sheetData/>' + xml.slice(split.contentEnd + SHEET_DATA_CLOSE.length));
        // The rows read were those of the sheet's one sheetData (not of one nested elsewhere, nor one of two).
        done = sheetDataSeen === 1;
      }
    } catch {
      // read again below
    }
    if (!done) {
      rows.length = cols.length = values.length = formats.length = merges.length = uncalculated.length = uncalculatedAt.length = 0;
      rowNumber = previousCol = depth = sheetDataSeen = 0;
      inSheetData = inMergeCells = inCell = false;
    }
  }
  if (!done) scanSheet(xml);

  function scanSheet(text: string) {
    scanXml(
      text,
      {
        open(ns, local, a) {
          depth++;
          if (!isSpreadsheetNs(ns)) return;
          if (inCell) {
            if (local === 'v' && depth === cellAt + 1) {
              collect = 'v';
              vSeen = true;
            } else if (local === 'f' && depth === cellAt + 1) {
              fText ??= '';
              collect = 'f';
            }
            else if (local === 'is' && depth === cellAt + 1) isText ??= '';
            else if (local === 'r' && depth === cellAt + 2) inRun = true;
            else if (local === 'rPh' && depth === cellAt + 2) inPhonetic = true;
            else if (local === 't' && !inPhonetic && (depth === cellAt + 2 || (inRun && depth === cellAt + 3))) collect = 'is';
            return;
          }
          if (inSheetData) {
            if (local === 'row' && depth === 3) openRow(a.get('r'));
            else if (local === 'c' && depth === 4) {
              inCell = true;
              cellAt = depth;
              openCell(a.get('r'), a.get('t'), a.get('s'));
              collect = undefined;
              inRun = false;
              inPhonetic = false;
            }
            return;
          }
          if (depth === 2) {
            if (local === 'sheetData') {
              inSheetData = true;
              sheetDataSeen++;
            } else if (local === 'mergeCells') inMergeCells = true;
          } else if (inMergeCells && depth === 3 && local === 'mergeCell') {
            const range = (a.get('ref') ?? '').trim().split(':');
            if (range.length > 2) return;
            try {
              const tl = decodeRef(range[0], where());
              const br = range.length === 2 ? decodeRef(range[1], where()) : tl;
              merges.push(Math.min(tl.row, br.row), Math.min(tl.col, br.col), Math.max(tl.row, br.row), Math.max(tl.col, br.col));
            } catch {
              // A merge that names no cells merges nothing (Excel drops it when it repairs the file).
            }
          }
        },
        close(_ns, local) {
          if (inCell) {
            if (depth === cellAt) {
              inCell = false;
              finishCell();
            } else if (collect && (local === 'v' || local === 't' || local === 'f')) collect = undefined;
            else if (local === 'r' && depth === cellAt + 2) inRun = false;
            else if (local === 'rPh' && depth === cellAt + 2) inPhonetic = false;
          } else if (depth === 2) {
            inSheetData = false;
            inMergeCells = false;
          }
          depth--;
        },
        text(x, s, e, cdata) {
          if (collect === undefined) return;
          const t = cdata ? decodeCdata(x, s, e) : decodeText(x, s, e);
          if (collect === 'v') vText = vText === undefined ? t : vText + t;
          else if (collect === 'f') fText += t;
          else isText += t;
        },
      },
      ctx.budget.checkTime,
    );
  }

  const hidden = merges.length ? hiddenByMerges(rows, cols, merges) : undefined;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (let k = 0; k < rows.length; k++) {
    if (hidden?.[k]) continue;
    const r = rows[k];
    const c = cols[k];
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  if (bottom === 0) return { name: ctx.name, top: 1, left: 1, values: [], numberFormats: [] };
  const formulas = uncalculated.length ? { uncalculated: uncalculated.filter((_, k) => !hidden?.[uncalculatedAt[k]]) } : {};
  // Before the dense grid is allocated: one stray cell at XFD1048576 must not ask for billions.
  checkSheetExtent(ctx.name, top, left, bottom, right, cellRef(bottom, right), ctx.limits);
  const height = bottom - top + 1;
  const width = right - left + 1;
  ctx.budget.spendCells(height * width);
  const grid: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const numberFormats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill('General'));
  // A cell given twice keeps the later value (as Excel, when it repairs such a file).
  for (let k = 0; k < rows.length; k++) {
    if (hidden?.[k]) continue;
    grid[rows[k] - top][cols[k] - left] = values[k];
    numberFormats[rows[k] - top][cols[k] - left] = formats[k];
  }
  return { name: ctx.name, top, left, values: grid, numberFormats, ...formulas };
}

const SHEET_DATA_OPEN = '<sheetData>';
const SHEET_DATA_CLOSE = '</sheetData>';

/**
 * Where the rows are: the first `<sheetData>` and the `</sheetData>` after it, where nothing before them can hide a
 * tag (no comment, CDATA section or processing instruction after the XML declaration) and no other element of that
 * name can be. Undefined otherwise.
 */
function splitSheetData(xml: string): { tagStart: number; contentStart: number; contentEnd: number } | undefined {
  const tagStart = xml.indexOf(SHEET_DATA_OPEN);
  if (tagStart < 0) return undefined;
  const declarationEnd = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  if (declarationEnd < 2 && xml.startsWith('<?xml')) return undefined;
  // Searched backwards from the tag: only the few hundred characters before it.
  if (xml.lastIndexOf('<!', tagStart) >= declarationEnd || xml.lastIndexOf('<?', tagStart) >= declarationEnd) return undefined;
  const contentStart = tagStart + SHEET_DATA_OPEN.length;
  const contentEnd = xml.indexOf(SHEET_DATA_CLOSE, contentStart);
  if (contentEnd < 0) return undefined;
  // No other sheetData, prefixed or not, before or after: so when the general scanner reports the one element in
  // what is left (the part with <sheetData/> in place of these), it is this one, a real tag.
  if (xml.indexOf('sheetData') !== tagStart + 1 || xml.indexOf('sheetData', contentEnd + SHEET_DATA_CLOSE.length) >= 0) return undefined;
  return { tagStart, contentStart, contentEnd };
}

const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The attributes simpleTag found in the tag last read. */
const attrs = { r: undefined as string | undefined, s: undefined as string | undefined, t: undefined as string | undefined };
/**
 * The end (">") of the tag whose name ends at `from`, and its `r`, `s` and `t` attributes (the first of each, as
 * the general scanner takes them). Undefined for anything the pass leaves to the general scanner: a namespace
 * declaration, a value with a reference or a white-space character that would be normalised, single quotes, "<".
 */
function simpleTag(xml: string, from: number, end: number): number | undefined {
  attrs.r = attrs.s = attrs.t = undefined;
  let i = from;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (isSpaceCode(c)) c = xml.charCodeAt(++i);
    if (c === 62) return i;
    if (c === 47) return xml.charCodeAt(i + 1) === 62 ? i + 1 : undefined;
    if (i >= end || i === from) return undefined; // attributes are separated from the name and each other by space
    const nameStart = i;
    while (i < end && c !== 61 && !isSpaceCode(c) && c !== 62 && c !== 60 && c !== 34 && c !== 39) c = xml.charCodeAt(++i);
    if (c !== 61 || xml.charCodeAt(i + 1) !== 34) return undefined;
    const name = i - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
    if (xml.startsWith('xmlns', nameStart)) return undefined;
    const valueStart = i + 2;
    const close = xml.indexOf('"', valueStart);
    if (close < 0 || close >= end) return undefined;
    for (let k = valueStart; k < close; k++) {
      const v = xml.charCodeAt(k);
      if (v === 38 || v === 60 || v === 9 || v === 10 || v === 13) return undefined;
    }
    if (name === 114) attrs.r ??= xml.slice(valueStart, close);
    else if (name === 115) attrs.s ??= xml.slice(valueStart, close);
    else if (name === 116) attrs.t ??= xml.slice(valueStart, close);
    i = close + 1;
    // The next must be space, ">" or "/>".
    const after = xml.charCodeAt(i);
    if (!(isSpaceCode(after) || after === 62 || after === 47)) return undefined;
  }
}

/** Does a tag named `name` (without "<") start at i, its name ending there (space, ">" or "/")? */
function tagAt(xml: string, i: number, name: string): boolean {
  if (!xml.startsWith(name, i + 1)) return false;
  const c = xml.charCodeAt(i + 1 + name.length);
  return isSpaceCode(c) || c === 62 || c === 47;
}

/** What fastSheetData reports, in the order of the part. */
interface RowsHandler {
  openRow(r: string | undefined): void;
  openCell(r: string | undefined, t: string | undefined, s: string | undefined): void;
  /** A `<v>` and its decoded text (undefined where empty: the general scanner reports no text then). */
  value(text: string | undefined): void;
  /** An `<f>` and its decoded text (undefined where empty). */
  formula(text: string | undefined): void;
  closeCell(): void;
}

/**
 * The content of sheetData as writers write it, row by row: `<row …>` holding `<c …>` cells with `<v>` values
 * and `<f>` formulas, white space between. Returns false, having stopped, at anything else (an inline string, a
 * prefix, a comment, an extension): the caller then reads the whole part with the general scanner. The value text
 * is decoded as the general scanner decodes it.
 */
function fastSheetData(xml: string, start: number, end: number, h: RowsHandler, tick: () => void): boolean {
  let i = start;
  let tags = 0;
  const skipSpace = () => {
    while (i < end && isSpaceCode(xml.charCodeAt(i))) i++;
  };
  for (;;) {
    skipSpace();
    if (i >= end) return true;
    if (!tagAt(xml, i, 'row')) return false;
    const rowEnd = simpleTag(xml, i + 4, end);
    if (rowEnd === undefined) return false;
    if ((++tags & 0xfff) === 0) tick();
    h.openRow(attrs.r);
    i = rowEnd + 1;
    if (xml.charCodeAt(rowEnd - 1) === 47) continue;
    for (;;) {
      skipSpace();
      if (xml.startsWith('</row>', i)) {
        i += 6;
        break;
      }
      if (!tagAt(xml, i, 'c')) return false;
      const cellEnd = simpleTag(xml, i + 2, end);
      if (cellEnd === undefined) return false;
      if ((++tags & 0xfff) === 0) tick();
      h.openCell(attrs.r, attrs.t, attrs.s);
      i = cellEnd + 1;
      if (xml.charCodeAt(cellEnd - 1) !== 47) {
        for (;;) {
          skipSpace();
          if (xml.startsWith('</c>', i)) {
            i += 4;
            break;
          }
          if (xml.startsWith('<v>', i)) {
            const close = xml.indexOf('</v>', i + 3);
            if (close < 0 || close > end) return false;
            const lt = xml.indexOf('<', i + 3);
            if (lt !== close) return false;
            // Empty content gives no text, as in the general scanner.
            h.value(close > i + 3 ? decodeText(xml, i + 3, close) : undefined);
            i = close + 4;
          } else if (tagAt(xml, i, 'f')) {
            const fEnd = simpleTag(xml, i + 2, end);
            if (fEnd === undefined) return false;
            i = fEnd + 1;
            if (xml.charCodeAt(fEnd - 1) === 47) h.formula(undefined);
            else {
              const close = xml.indexOf('</f>', i);
              if (close < 0 || close > end || xml.indexOf('<', i) !== close) return false;
              h.formula(close > i ? decodeText(xml, i, close) : undefined);
              i = close + 4;
            }
          } else return false;
        }
      }
      h.closeCell();
    }
  }
}

/** Per-column cover counts of the merges over the row being swept (a Fenwick tree), left all zero after each sheet. */
const coverTree = new Int32Array(MAX_COL + 2);

/**
 * Which cells lie in a merged range other than at its top-left. A sweep over the rows with a Fenwick tree of
 * per-column cover counts: O((cells + merges) log) however the merges overlap, never merges × merges.
 */
function hiddenByMerges(rows: number[], cols: number[], merges: number[]): Uint8Array {
  const count = merges.length / 4;
  const byTop = Array.from({ length: count }, (_, i) => i).sort((a, b) => merges[a * 4] - merges[b * 4]);
  const byBottom = Array.from({ length: count }, (_, i) => i).sort((a, b) => merges[a * 4 + 2] - merges[b * 4 + 2]);
  const topLefts = new Map<number, number>();
  for (let m = 0; m < count; m++) {
    const key = merges[m * 4] * (MAX_COL + 1) + merges[m * 4 + 1];
    topLefts.set(key, (topLefts.get(key) ?? 0) + 1);
  }
  const tree = coverTree;
  const add = (col: number, delta: number) => {
    for (let i = col; i <= MAX_COL + 1; i += i & -i) tree[i] += delta;
  };
  const cover = (col: number) => {
    let sum = 0;
    for (let i = col; i > 0; i -= i & -i) sum += tree[i];
    return sum;
  };
  // Cells come in row order from every writer seen; sort only when they do not.
  let sorted = true;
  for (let k = 1; k < rows.length && sorted; k++) sorted = rows[k - 1] <= rows[k];
  const order = sorted ? undefined : Array.from({ length: rows.length }, (_, i) => i).sort((a, b) => rows[a] - rows[b]);
  const firstTop = merges[byTop[0] * 4];
  const hidden = new Uint8Array(rows.length);
  let nextTop = 0;
  let nextBottom = 0;
  const active = new Uint8Array(count);
  for (let o = 0; o < rows.length; o++) {
    const k = order ? order[o] : o;
    const r = rows[k];
    if (r < firstTop) continue;
    for (; nextTop < count && merges[byTop[nextTop] * 4] <= r; nextTop++) {
      const m = byTop[nextTop] * 4;
      add(merges[m + 1], 1);
      add(merges[m + 3] + 1, -1);
      active[byTop[nextTop]] = 1;
    }
    for (; nextBottom < count && merges[byBottom[nextBottom] * 4 + 2] < r; nextBottom++) {
      const m = byBottom[nextBottom] * 4;
      add(merges[m + 1], -1);
      add(merges[m + 3] + 1, 1);
      active[byBottom[nextBottom]] = 0;
    }
    if (nextBottom === count) break; // every merge lies above the remaining cells
    const c = cols[k];
    const covering = cover(c);
    if (covering > 0 && covering > (topLefts.get(r * (MAX_COL + 1) + c) ?? 0)) hidden[k] = 1;
  }
  // The tree is shared between sheets: take out what is still in it.
  for (let m = 0; m < count; m++) {
    if (!active[m]) continue;
    add(merges[m * 4 + 1], -1);
    add(merges[m * 4 + 3] + 1, 1);
  }
  return hidden;
}

export { SheetError };
