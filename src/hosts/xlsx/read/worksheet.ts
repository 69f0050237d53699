/**
 * One worksheet part as the core's SheetValues: every cell's value (formulas as their cached result, dates as
 * 1900-system serials) and number format, laid out over the used range. Rows and cells without `r` follow the
 * previous one; merged cells keep only their top-left value. Linear in the part (merges by a sweep, not pairwise).
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

  scanXml(
    xml,
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
          if (local === 'row' && depth === 3) {
            const r = a.get('r');
            if (r === undefined) rowNumber++;
            else {
              rowNumber = Number(r);
              if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROW) throw new SheetError(`a row number "${r.slice(0, 20)}" ${where()} is not a row`);
            }
            previousCol = 0;
          } else if (local === 'c' && depth === 4) {
            if (rowNumber === 0) rowNumber = 1;
            inCell = true;
            cellAt = depth;
            ref = a.get('r');
            type = a.get('t');
            if (type !== undefined) type = type.trim();
            const s = a.get('s');
            style = s === undefined ? 0 : Number(s);
            vText = undefined;
            isText = undefined;
            fText = undefined;
            vSeen = false;
            collect = undefined;
            inRun = false;
            inPhonetic = false;
          }
          return;
        }
        if (depth === 2) {
          if (local === 'sheetData') inSheetData = true;
          else if (local === 'mergeCells') inMergeCells = true;
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
