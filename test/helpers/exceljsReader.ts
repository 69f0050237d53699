/** The core's WorkbookReader over an .xlsx file, through exceljs (Node and browser). */
import ExcelJS from 'exceljs';
import { cellRef, splitSheetRef } from '../../src/core/cells';
import { checkSheetExtent, type CellValue, type DefinedName, type SheetInfo, type SheetValues, type WorkbookReader } from '../../src/core/reader';

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** exceljs gives date cells as JS dates; the core (like Office.js) works with Excel serial numbers. */
function dateToSerial(d: Date): number {
  const days = (d.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
  return days < 61 ? days - 1 : days;
}

function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ('text' in v && 'hyperlink' in v) {
      const text = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof text === 'string' ? text : toCellValue(text as ExcelJS.CellValue);
    }
  }
  return String(v);
}

export class XlsxWorkbookReader implements WorkbookReader {
  private constructor(private readonly wb: ExcelJS.Workbook) {}

  /** Load a workbook for reading. Data validations are skipped: whole-column rules can make exceljs hang. */
  static async load(data: Uint8Array | ArrayBuffer): Promise<XlsxWorkbookReader> {
    const wb = new ExcelJS.Workbook();
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'drawing', 'legacyDrawing'] } as ExcelJS.XlsxReadOptions);
    return new XlsxWorkbookReader(wb);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.wb.worksheets.map((ws) => ({ name: ws.name, visible: ws.state === 'visible' || ws.state === undefined }));
  }

  async readSheet(name: string): Promise<SheetValues> {
    const ws = this.wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet named ${name}`);
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const cells: { r: number; c: number; v: CellValue; f: string }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        // exceljs drops falsy formula results (0, false, "") from cell.value; cell.result keeps them.
        const v = cell.type === ExcelJS.ValueType.Formula ? toCellValue(cell.result as ExcelJS.CellValue) : toCellValue(cell.value);
        if (v === null) return;
        cells.push({ r, c, v, f: cell.numFmt || 'General' });
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      });
    });
    if (cells.length === 0) return { name, top: 1, left: 1, values: [], numberFormats: [] };
    // Before allocating the dense grid: one stray cell at XFD1048576 must not ask for billions of cells.
    checkSheetExtent(name, top, left, bottom, right, cellRef(bottom, right));
    const height = bottom - top + 1;
    const width = right - left + 1;
    const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
    const numberFormats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill('General'));
    for (const { r, c, v, f } of cells) {
      values[r - top][c - left] = v;
      numberFormats[r - top][c - left] = f;
    }
    return { name, top, left, values, numberFormats };
  }

  async definedNames(): Promise<DefinedName[]> {
    const out: DefinedName[] = [];
    for (const { name, ranges } of this.wb.definedNames.model) {
      for (const range of ranges) {
        const parsed = splitSheetRef(range);
        if (parsed) out.push({ name, sheet: parsed.sheet, ref: parsed.ref });
      }
    }
    return out;
  }
}
