/** Reads the quarter-colour history back from a previous consolidated workbook (through any WorkbookReader). */
import { QUARTERS, type Quarter } from '../domain';
import { makeDiagnostic, type Diagnostic } from '../diagnostics';
import { WorkbookIndex } from '../parse/locate';
import { matchAdministration } from '../parse/submission';
import { cellText, readColour, readNumber } from '../parse/values';
import type { WorkbookReader } from '../reader';
import { normalizeLabel } from '../template/definition';
import type { HistoryEntry } from './colours';
import { HISTORY_HEADERS, OUTPUT, type HistoryKey } from './layout';

export interface HistoryReading {
  entries: HistoryEntry[];
  diagnostics: Diagnostic[];
}

/** The sheets a history may be on: its own sheet, and Overvågning in workbooks from before it had one. */
export const HISTORY_SHEETS: readonly string[] = [OUTPUT.history, OUTPUT.monitoring];

export function isHistorySheet(name: string): boolean {
  const n = normalizeLabel(name);
  return HISTORY_SHEETS.some((s) => normalizeLabel(s) === n);
}

export async function readHistory(reader: WorkbookReader): Promise<HistoryReading> {
  const index = await WorkbookIndex.open(reader);
  const keys = Object.keys(HISTORY_HEADERS) as HistoryKey[];
  const wanted = new Map(keys.map((k) => [normalizeLabel(HISTORY_HEADERS[k].da), k]));
  const longest = Math.max(...[...wanted.keys()].map((k) => k.length)) + 8;
  // The history's own sheet first, then Overvågning (older workbooks), then any other sheet.
  const named = HISTORY_SHEETS.flatMap((s) => index.searchOrder(s).filter((n) => normalizeLabel(n) === normalizeLabel(s)));
  const names = [...named, ...index.searchOrder(OUTPUT.history).filter((n) => !named.includes(n))];
  for (const sheet of names) {
    const grid = await index.grid(sheet);
    for (let r = grid.sheet.top; r <= grid.bottom; r++) {
      // The header row: each of the history's headers, in any column (found by the layout's headers, not by position).
      const at = new Map<HistoryKey, number>();
      for (let c = grid.sheet.left; c <= grid.right; c++) {
        const v = grid.value(r, c);
        const t = typeof v === 'string' && v.length <= longest ? cellText(v) : null;
        const key = t === null ? undefined : wanted.get(normalizeLabel(t));
        if (key && !at.has(key)) at.set(key, c);
      }
      if (at.size < keys.length) continue;
      const entries: HistoryEntry[] = [];
      for (let d = r + 1; d <= grid.bottom; d++) {
        const cell = (k: HistoryKey) => grid.value(d, at.get(k)!);
        const adminText = cellText(cell('administration'));
        const project = cellText(cell('project'));
        if (adminText === null && project === null) break;
        const year = readNumber(cell('year'));
        const quarter = readNumber(cell('quarter'));
        const colour = readColour(cell('colour'));
        const administration = matchAdministration(adminText) ?? adminText;
        if (!administration || !project || year.kind !== 'number' || quarter.kind !== 'number' || colour.kind !== 'value') continue;
        if (!(QUARTERS as readonly number[]).includes(quarter.value)) continue;
        entries.push({ administration, project, year: year.value, quarter: quarter.value as Quarter, colour: colour.value });
      }
      return { entries, diagnostics: [] };
    }
  }
  return { entries: [], diagnostics: [makeDiagnostic('PREVIOUS_NOT_CONSOLIDATED', { sheet: null, cell: null }, { sheet: OUTPUT.history, table: OUTPUT.historyTitle })] };
}
