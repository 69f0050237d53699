/** Reads the open workbook into the core's WorkbookReader in three syncs, whatever its size. */
import { splitSheetRef } from '../../core/cells';
import { checkSheetExtent, SheetTooLargeError, type CellValue, type DefinedName, type SheetInfo, type SheetValues, type WorkbookReader } from '../../core/reader';

/** A finished read of the workbook: sheets, used ranges and defined names, answered from memory. */
export class SnapshotReader implements WorkbookReader {
  constructor(
    private readonly sheets: SheetInfo[],
    private readonly values: Map<string, SheetValues | SheetTooLargeError>,
    private readonly names: DefinedName[],
  ) {}

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets;
  }

  async readSheet(name: string): Promise<SheetValues> {
    const v = this.values.get(name);
    if (!v) throw new Error(`no sheet named ${name}`);
    // A sheet too large to hold is refused here, as the file readers do.
    if (v instanceof SheetTooLargeError) throw v;
    return v;
  }

  async definedNames(): Promise<DefinedName[]> {
    return this.names;
  }
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
  const width = Math.max(...rows.map((r) => r.length));
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

/** Three syncs whatever the workbook's size: names; used-range extents; the values of every sheet within the limits. */
export async function readSnapshot(context: Excel.RequestContext): Promise<SnapshotReader> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/type,items/formula');
  await context.sync();

  const extents = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('address,rowCount,columnCount');
    return { ws, range };
  });
  await context.sync();

  const values = new Map<string, SheetValues | SheetTooLargeError>();
  const used: { ws: Excel.Worksheet; range: Excel.Range }[] = [];
  for (const { ws, range } of extents) {
    if (range.isNullObject) {
      values.set(ws.name, { name: ws.name, top: 1, left: 1, values: [], numberFormats: [] });
      continue;
    }
    const { top, left } = addressOrigin(range.address);
    const last = range.address.slice(range.address.lastIndexOf('!') + 1).split(':').pop()!.replace(/\$/g, '');
    try {
      checkSheetExtent(ws.name, top, left, top + range.rowCount - 1, left + range.columnCount - 1, last);
    } catch (err) {
      if (!(err instanceof SheetTooLargeError)) throw err;
      values.set(ws.name, err);
      continue;
    }
    range.load('values,valueTypes,numberFormat');
    used.push({ ws, range });
  }
  await context.sync();

  const sheets: SheetInfo[] = worksheets.items.map((ws) => ({ name: ws.name, visible: ws.visibility === 'Visible' }));
  for (const { ws, range } of used) {
    const { top, left } = addressOrigin(range.address);
    const cells = range.values.map((row, r) => row.map((v, c) => cellValue(v, String(range.valueTypes[r][c]))));
    const formats = (range.numberFormat as unknown[][]).map((row) => row.map((f) => (typeof f === 'string' ? f : 'General')));
    values.set(ws.name, trimmed(ws.name, top, left, cells, formats));
  }
  const defined: DefinedName[] = [];
  for (const n of names.items) {
    if (n.type !== 'Range') continue;
    const target = splitSheetRef(n.formula);
    if (target) defined.push({ name: n.name, sheet: target.sheet, ref: target.ref });
  }
  return new SnapshotReader(sheets, values, defined);
}
