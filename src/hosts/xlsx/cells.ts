/**
 * The troubleshooting view of any .xlsx: every cell of every sheet as the reader reads it (what the product
 * sees in the file), with its type and number format. Blank cells are left out; a date is its 1900-system serial.
 */
import { cellRef } from '../../core/cells';
import type { Diagnostic } from '../../core/diagnostics';
import { isDateFormat } from '../../core/excelDates';
import { isCellError } from '../../core/reader';
import { openWorkbookBytes, readFailure, type ReadOptions } from './bytes';
import type { SheetState } from './read/workbookPart';

export type CellType = 'number' | 'string' | 'boolean' | 'date' | 'error';

export interface InspectedCell {
  ref: string;
  type: CellType;
  value: number | string | boolean;
  format: string;
}

export interface InspectedSheet {
  name: string;
  state: SheetState;
  cells: InspectedCell[];
}

export interface WorkbookCells {
  status: 'read' | 'unreadable';
  diagnostics: Diagnostic[];
  sheets: InspectedSheet[];
}

/** Every sheet's cells, row by row; a sheet that cannot be read makes the file unreadable (with the sheets before it). */
export async function workbookCells(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookCells> {
  const opening = openWorkbookBytes(bytes, options);
  if (!opening.ok) return { status: 'unreadable', diagnostics: [opening.diagnostic], sheets: [] };
  const sheets: InspectedSheet[] = [];
  for (const info of await opening.reader.listSheetStates()) {
    const cells: InspectedCell[] = [];
    try {
      const sheet = await opening.reader.readSheet(info.name);
      sheet.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          const format = sheet.numberFormats[r][c];
          const ref = cellRef(sheet.top + r, sheet.left + c);
          if (isCellError(v)) cells.push({ ref, type: 'error', value: v.error, format });
          else if (typeof v === 'number') cells.push({ ref, type: isDateFormat(format) ? 'date' : 'number', value: v, format });
          else cells.push({ ref, type: typeof v === 'boolean' ? 'boolean' : 'string', value: v, format });
        }),
      );
    } catch (err) {
      return { status: 'unreadable', diagnostics: [readFailure(err)], sheets };
    }
    sheets.push({ name: info.name, state: info.state, cells });
  }
  return { status: 'read', diagnostics: [], sheets };
}
