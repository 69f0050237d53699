/**
 * The reader behind one small interface for the contract tests: a workbook's sheets, names and cells, or the
 * finding that stopped it. (Kept apart so the same tests can be pointed at another reader, e.g. an older one.)
 */
import type { CellValue, DefinedName } from '../../src/core/reader';
import { openWorkbookBytes, readFailure } from '../../src/hosts/xlsx/bytes';
import { NODE_IO } from '../../src/hosts/xlsx/files';
import { DEFAULT_LIMITS, type PackageLimits } from '../../src/hosts/xlsx/read/package';

export { readSubmissionBytes } from '../../src/hosts/xlsx/files';
export { DEFAULT_LIMITS };

export interface SheetSnapshot {
  name: string;
  visible: boolean;
  top: number;
  left: number;
  values: CellValue[][];
  numberFormats: string[][];
}

export type Reading = { status: 'read'; sheets: SheetSnapshot[]; names: DefinedName[] } | { status: 'unreadable'; code: string; value?: string };

export async function readWorkbook(bytes: Uint8Array, options: { limits?: PackageLimits; clock?: () => number } = {}): Promise<Reading> {
  const opening = openWorkbookBytes(bytes, { ...NODE_IO, ...options });
  if (!opening.ok) return { status: 'unreadable', code: opening.diagnostic.code, value: opening.diagnostic.value };
  try {
    const sheets: SheetSnapshot[] = [];
    for (const s of await opening.reader.listSheets()) {
      const v = await opening.reader.readSheet(s.name);
      sheets.push({ name: s.name, visible: s.visible, top: v.top, left: v.left, values: v.values, numberFormats: v.numberFormats });
    }
    return { status: 'read', sheets, names: await opening.reader.definedNames() };
  } catch (err) {
    const d = readFailure(err);
    return { status: 'unreadable', code: d.code, value: d.value };
  }
}

/** The value and number format of one cell (A1) of a sheet read. */
export function cell(reading: Reading, sheet: string, ref: string): { value: CellValue; format: string } {
  if (reading.status !== 'read') throw new Error(`not read: ${reading.code} ${reading.value ?? ''}`);
  const s = reading.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]) - s.top;
  const c = col - s.left;
  return { value: s.values[r]?.[c] ?? null, format: s.numberFormats[r]?.[c] ?? 'General' };
}
