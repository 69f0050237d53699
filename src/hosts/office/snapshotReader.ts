/**
 * Reads the open workbook for the core, only as far as the core needs it: sheet and defined names first, then the
 * sheets that hold the template's areas, in row chunks whose answers stay under Excel's 5 MB response limit. The
 * add-in's own consolidated sheets are never read; another sheet is read only when the core asks for it.
 */
import { parseRangeRef, rangeRef, splitSheetRef } from '../../core/cells';
import { checkSheetExtent, SheetTooLargeError, type CellValue, type DefinedName, type SheetInfo, type SheetValues, type WorkbookReader } from '../../core/reader';
import { COVER, INFO, normalizeLabel, SHEET_ORDER, TABLE1, TABLE_AREAS } from '../../core/template/definition';
import { markedSheets } from './markers';
import { EXCEL_PAYLOAD_LIMIT, jsonBytes, MAX_RESPONSE_BYTES } from './payload';

/** Excel.run, as the host has it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The template's defined names and sheet names, from its definition. */
const TEMPLATE_NAMES = new Set([INFO.definedName, TABLE1.definedName, ...COVER.fields.map((f) => f.definedName), ...TABLE_AREAS.map((a) => a.definedName)].map((n) => n.toLowerCase()));
const TEMPLATE_SHEETS = new Set(SHEET_ORDER.map(normalizeLabel));

/** A first guess at the answer's bytes per cell (value, value type, number format); what comes back corrects it. */
const FIRST_BYTES_PER_CELL = 48;
/** An empty cell's answer: "", "Empty" and "General" with their quotes and commas. */
const MIN_BYTES_PER_CELL = 24;

type SheetRead = SheetValues | SheetTooLargeError;

/** An edit Excel reported (worksheet change event): the sheet's id and the changed cells, e.g. "C12" or "B3:D5". */
export interface Edit {
  worksheetId: string;
  address: string;
}

/** What an edit asked of the reader: "reread" (these areas, in one sync), "ignored" (not the template's cells), or "stale" (read the workbook again). */
export type EditOutcome = { kind: 'reread'; areas: string[] } | { kind: 'ignored' } | { kind: 'stale' };

type Rect = { top: number; left: number; bottom: number; right: number };
const overlaps = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
/** More cells than this in one edit outside the template's areas (a pasted block, a deleted column): read the sheet again. */
const MAX_LOOSE_EDIT_CELLS = 10_000;

/** The workbook as the core reads it: names from the first sync, sheets read once, on first use if not before. */
export class OfficeWorkbookReader implements WorkbookReader {
  private readonly reads = new Map<string, Promise<SheetRead>>();

  constructor(
    private readonly run: ExcelRun,
    private readonly sheets: SheetInfo[],
    private readonly names: DefinedName[],
    read: Map<string, SheetRead>,
    private readonly budget: number,
    /** Sheet names by Excel's id (what change events name a sheet by). */
    private readonly sheetIds: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const [name, values] of read) this.reads.set(name, Promise.resolve(values));
  }

  /**
   * Bring the sheets read so far up to date after edits: each template area an edit touches is read again whole (its
   * totals may have been recomputed), all in one sync; an edit elsewhere on a sheet already read is read as it is.
   * Edits to sheets never read (the add-in's consolidated sheets, the user's own) cost nothing. A sheet the reader
   * does not know (added since), an edit of whole rows or columns, or more than fits one answer: "stale".
   */
  async applyEdits(edits: readonly Edit[]): Promise<EditOutcome> {
    const targets: { sheet: string; rect: Rect }[] = [];
    for (const edit of edits) {
      const sheet = this.sheetIds.get(edit.worksheetId);
      if (sheet === undefined) return { kind: 'stale' };
      if (!this.reads.has(sheet)) continue;
      const rect = parseRangeRef(edit.address.slice(edit.address.lastIndexOf('!') + 1).replace(/\$/g, ''));
      if (!rect) return { kind: 'stale' };
      const areas = this.names
        .filter((n) => n.sheet === sheet && TEMPLATE_NAMES.has(n.name.toLowerCase()))
        .map((n) => parseRangeRef(n.ref))
        .filter((r): r is Rect => !!r && overlaps(r, rect));
      if (!areas.length && (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > MAX_LOOSE_EDIT_CELLS) return { kind: 'stale' };
      for (const area of areas.length ? areas : [rect]) {
        if (!targets.some((t) => t.sheet === sheet && t.rect.top <= area.top && t.rect.left <= area.left && t.rect.bottom >= area.bottom && t.rect.right >= area.right)) targets.push({ sheet, rect: area });
      }
    }
    if (!targets.length) return { kind: 'ignored' };
    const cells = targets.reduce((n, t) => n + (t.rect.bottom - t.rect.top + 1) * (t.rect.right - t.rect.left + 1), 0);
    if (cells * FIRST_BYTES_PER_CELL > this.budget) return { kind: 'stale' };
    const answers = await this.run(async (context) => {
      const ranges = targets.map((t) => {
        const range = context.workbook.worksheets
          .getItem(t.sheet)
          .getRangeByIndexes(t.rect.top - 1, t.rect.left - 1, t.rect.bottom - t.rect.top + 1, t.rect.right - t.rect.left + 1)
          .untrack();
        range.load('values,valueTypes,numberFormat');
        return range;
      });
      await context.sync();
      return ranges.map((range) => ({
        values: range.values.map((row, r) => row.map((v, k) => cellValue(v, String(range.valueTypes[r][k])))),
        formats: range.numberFormat.map((row) => (row as unknown[]).map((f) => (typeof f === 'string' ? f : 'General'))),
      }));
    });
    for (let i = 0; i < targets.length; i++) {
      const { sheet, rect } = targets[i];
      const before = await this.reads.get(sheet)!;
      if (before instanceof SheetTooLargeError) continue;
      this.reads.set(sheet, Promise.resolve(patched(before, rect, answers[i].values, answers[i].formats)));
    }
    return { kind: 'reread', areas: targets.map((t) => `${t.sheet}!${rangeRef(t.rect.top, t.rect.left, t.rect.bottom, t.rect.right)}`) };
  }

  listSheets(): Promise<SheetInfo[]> {
    return Promise.resolve(this.sheets);
  }

  definedNames(): Promise<DefinedName[]> {
    return Promise.resolve(this.names);
  }

  async readSheet(name: string): Promise<SheetValues> {
    if (!this.sheets.some((s) => s.name === name)) throw new Error(`no sheet named ${name}`);
    let read = this.reads.get(name);
    if (!read) {
      read = this.run(async (context) => (await readSheets(context, [name], this.budget)).get(name)!);
      this.reads.set(name, read);
    }
    const values = await read;
    // A sheet too large to hold is refused here, as the file readers do.
    if (values instanceof SheetTooLargeError) throw values;
    return values;
  }
}

/**
 * Open the workbook for reading: one sync for the sheet and defined names, one for the extents of the sheets that
 * hold the template's names (or carry its sheet names), then one per chunk of their values.
 */
export async function openWorkbook(run: ExcelRun, budget = MAX_RESPONSE_BYTES): Promise<OfficeWorkbookReader> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility,items/id');
    const names = context.workbook.names;
    names.load('items/name,items/type,items/formula');
    await context.sync();

    const ours = markedSheets(names.items);
    const sheets: SheetInfo[] = worksheets.items.filter((ws) => !ours.has(ws.name)).map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' }));
    const defined: DefinedName[] = [];
    for (const n of names.items) {
      if (n.type !== 'Range') continue;
      const target = splitSheetRef(n.formula);
      if (target) defined.push({ name: n.name, sheet: target.sheet, ref: target.ref });
    }
    const holding = new Set(defined.filter((d) => TEMPLATE_NAMES.has(d.name.toLowerCase())).map((d) => d.sheet));
    const wanted = sheets.map((s) => s.name).filter((s) => holding.has(s) || TEMPLATE_SHEETS.has(normalizeLabel(s)));
    const read = await readSheets(context, wanted, budget);
    return new OfficeWorkbookReader(run, sheets, defined, read, budget, new Map(worksheets.items.map((ws) => [ws.id, ws.name])));
  });
}

/** "'Mål a-g'!B3:F10" → top-left row and column (1-based). */
export function addressOrigin(address: string): { top: number; left: number } {
  const ref = address.slice(address.lastIndexOf('!') + 1).split(':')[0].replace(/\$/g, '');
  const m = /^([A-Z]+)(\d+)$/i.exec(ref);
  if (!m) return { top: 1, left: 1 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { top: Number(m[2]), left: col };
}

/** Office.js gives every cell a value; "" is empty, and error cells are told apart from text by their value type. */
function cellValue(v: unknown, type: string): CellValue {
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (type === 'Error') return { error: String(v) };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Trim trailing empty rows and columns, as the exceljs reader's used range has none. */
function trimmed(name: string, top: number, left: number, values: CellValue[][], formats: string[][]): SheetValues {
  let bottom = values.length - 1;
  while (bottom >= 0 && values[bottom].every((v) => v === null)) bottom--;
  let firstRow = 0;
  while (firstRow <= bottom && values[firstRow].every((v) => v === null)) firstRow++;
  if (bottom < firstRow) return { name, top: 1, left: 1, values: [], numberFormats: [] };
  const rows = values.slice(firstRow, bottom + 1);
  const fmts = formats.slice(firstRow, bottom + 1);
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  let right = width - 1;
  while (right >= 0 && rows.every((r) => r[right] === null || r[right] === undefined)) right--;
  let firstCol = 0;
  while (firstCol <= right && rows.every((r) => r[firstCol] === null || r[firstCol] === undefined)) firstCol++;
  return {
    name,
    top: top + firstRow,
    left: left + firstCol,
    values: rows.map((r) => r.slice(firstCol, right + 1)),
    numberFormats: fmts.map((r) => r.slice(firstCol, right + 1).map((f) => f || 'General')),
  };
}

/** A sheet's values with a block of cells replaced (the sheet grows to hold it), trimmed again. */
function patched(sheet: SheetValues, at: Rect, values: CellValue[][], formats: string[][]): SheetValues {
  const empty = sheet.values.length === 0;
  const top = empty ? at.top : Math.min(sheet.top, at.top);
  const left = empty ? at.left : Math.min(sheet.left, at.left);
  const width = (empty ? at.right : Math.max(sheet.left + Math.max(0, ...sheet.values.map((r) => r.length)) - 1, at.right)) - left + 1;
  const bottom = empty ? at.bottom : Math.max(sheet.top + sheet.values.length - 1, at.bottom);
  const grid: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(width).fill(null));
  const fmts: string[][] = Array.from({ length: bottom - top + 1 }, () => new Array<string>(width).fill('General'));
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      grid[sheet.top - top + r][sheet.left - left + c] = v;
      fmts[sheet.top - top + r][sheet.left - left + c] = sheet.numberFormats[r]?.[c] ?? 'General';
    }),
  );
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      grid[at.top - top + r][at.left - left + c] = v;
      fmts[at.top - top + r][at.left - left + c] = formats[r]?.[c] ?? 'General';
    }),
  );
  return trimmed(sheet.name, top, left, grid, fmts);
}

/** Rows [top, top + rows) × columns [left, left + cols) of one sheet, 1-based. */
interface Chunk {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface Grid {
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** The used range's bottom-right cell, A1 style. */
  last: string;
  values: CellValue[][];
  formats: string[][];
}

const errorCode = (err: unknown) => (err as { code?: string } | null)?.code;

/**
 * The used ranges of these sheets: one sync for their extents, then their values in chunks of rows, as many per
 * sync as fit the response budget. How many bytes a cell takes is learnt from each answer; an answer Excel refuses
 * as too large is asked for again in smaller chunks.
 */
async function readSheets(context: Excel.RequestContext, names: string[], budget: number): Promise<Map<string, SheetRead>> {
  const out = new Map<string, SheetRead>();
  if (!names.length) return out;
  const extents = names.map((name) => {
    // Untracked: read once, never used after the sync, so Excel need not keep it.
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).untrack();
    range.load('address,rowCount,columnCount');
    return { name, range };
  });
  await context.sync();

  const grids = new Map<string, Grid>();
  const queue: Chunk[] = [];
  for (const { name, range } of extents) {
    if (range.isNullObject) {
      out.set(name, { name, top: 1, left: 1, values: [], numberFormats: [] });
      continue;
    }
    const { top, left } = addressOrigin(range.address);
    const last = range.address.slice(range.address.lastIndexOf('!') + 1).split(':').pop()!.replace(/\$/g, '');
    try {
      checkSheetExtent(name, top, left, top + range.rowCount - 1, left + range.columnCount - 1, last);
    } catch (err) {
      if (!(err instanceof SheetTooLargeError)) throw err;
      out.set(name, err);
      continue;
    }
    grids.set(name, { top, left, rows: range.rowCount, cols: range.columnCount, last, values: [], formats: [] });
    queue.push({ sheet: name, top, left, rows: range.rowCount, cols: range.columnCount });
  }

  // Bytes per cell of each sheet's answers: guessed first, then learnt from what comes back.
  const density = new Map<string, number>();
  const perCell = (sheet: string) => density.get(sheet) ?? FIRST_BYTES_PER_CELL;
  while (queue.length) {
    // As many chunks as the budget holds; the chunk that does not fit is cut by rows.
    const group: Chunk[] = [];
    let bytes = 0;
    while (queue.length) {
      const next = queue[0];
      const rowBytes = next.cols * perCell(next.sheet);
      const fit = Math.floor((budget - bytes) / rowBytes);
      if (fit >= next.rows) {
        group.push(queue.shift()!);
        bytes += next.rows * rowBytes;
        continue;
      }
      if (fit >= 1 || !group.length) {
        const take = Math.max(1, fit);
        group.push({ ...next, rows: take });
        queue[0] = { ...next, top: next.top + take, rows: next.rows - take };
        bytes += take * rowBytes;
      }
      break;
    }
    const sheets = new Map<string, Excel.Worksheet>();
    const ranges = group.map((c) => {
      let ws = sheets.get(c.sheet);
      if (!ws) {
        ws = context.workbook.worksheets.getItem(c.sheet);
        sheets.set(c.sheet, ws);
      }
      const range = ws.getRangeByIndexes(c.top - 1, c.left - 1, c.rows, c.cols).untrack();
      range.load('values,valueTypes,numberFormat');
      return range;
    });
    try {
      // One sync per chunk of values: the count grows with the data read, never with the sheets' other rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      if (errorCode(err) !== 'ResponsePayloadSizeLimitExceeded') throw err;
      const single = group.length === 1 && group[0].rows === 1 ? grids.get(group[0].sheet) : undefined;
      if (single) {
        // Even one row is more than Excel will send at once: the sheet is refused as too large.
        const sheet = group[0].sheet;
        out.set(sheet, new SheetTooLargeError(sheet, single.rows, single.cols, single.last));
        grids.delete(sheet);
        for (let i = queue.length - 1; i >= 0; i--) if (queue[i].sheet === sheet) queue.splice(i, 1);
      } else {
        queue.unshift(...group);
      }
      // The answer was over Excel's limit where it was guessed at `bytes`: guess at least that ratio higher.
      const factor = Math.max(2, (EXCEL_PAYLOAD_LIMIT / bytes) * 1.5);
      for (const c of group) density.set(c.sheet, Math.ceil(perCell(c.sheet) * factor));
      continue;
    }
    group.forEach((c, i) => {
      const range = ranges[i];
      const grid = grids.get(c.sheet);
      if (!grid) return;
      range.values.forEach((row, r) => {
        grid.values.push(row.map((v, k) => cellValue(v, String(range.valueTypes[r][k]))));
        grid.formats.push((range.numberFormat[r] as unknown[]).map((f) => (typeof f === 'string' ? f : 'General')));
      });
      // What this sheet's cells took, with room for denser rows to come; a refused answer corrects a low guess.
      const answered = jsonBytes(range.values) + jsonBytes(range.valueTypes) + jsonBytes(range.numberFormat);
      density.set(c.sheet, Math.max(MIN_BYTES_PER_CELL, Math.ceil((answered / (c.rows * c.cols)) * 1.5)));
    });
  }
  for (const [name, grid] of grids) out.set(name, trimmed(name, grid.top, grid.left, grid.values, grid.formats));
  return out;
}
