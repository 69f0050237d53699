/** Reads the quarter-colour history back from a previous consolidated workbook (through any WorkbookReader). */
import { QUARTERS, type Quarter } from '../domain';
import { makeDiagnostic, type Diagnostic } from '../diagnostics';
import { WorkbookIndex } from '../parse/locate';
import { matchAdministration } from '../parse/submission';
import { cellText, readColour, readNumber } from '../parse/values';
import type { WorkbookReader } from '../reader';
import { normalizeLabel } from '../template/definition';
import type { HistoryEntry } from './colours';
import { OUTPUT } from './plan';

export interface HistoryReading {
  entries: HistoryEntry[];
  diagnostics: Diagnostic[];
}

export async function readHistory(reader: WorkbookReader): Promise<HistoryReading> {
  const index = await WorkbookIndex.open(reader);
  const wanted = OUTPUT.historyHeaders.map(normalizeLabel);
  for (const sheet of index.searchOrder(OUTPUT.monitoring)) {
    const grid = await index.grid(sheet);
    for (let r = grid.sheet.top; r <= grid.bottom; r++) {
      const row = wanted.map((_, i) => cellText(grid.value(r, grid.sheet.left + i)));
      if (!row.every((t, i) => t !== null && normalizeLabel(t) === wanted[i])) continue;
      const entries: HistoryEntry[] = [];
      for (let d = r + 1; d <= grid.bottom; d++) {
        const at = (i: number) => grid.value(d, grid.sheet.left + i);
        const adminText = cellText(at(0));
        const project = cellText(at(1));
        if (adminText === null && project === null) break;
        const year = readNumber(at(2));
        const quarter = readNumber(at(3));
        const colour = readColour(at(4));
        const administration = matchAdministration(adminText) ?? adminText;
        if (!administration || !project || year.kind !== 'number' || quarter.kind !== 'number' || colour.kind !== 'value') continue;
        if (!(QUARTERS as readonly number[]).includes(quarter.value)) continue;
        entries.push({ administration, project, year: year.value, quarter: quarter.value as Quarter, colour: colour.value });
      }
      return { entries, diagnostics: [] };
    }
  }
  return { entries: [], diagnostics: [makeDiagnostic('PREVIOUS_NOT_CONSOLIDATED', { sheet: null, cell: null }, { sheet: OUTPUT.monitoring, table: OUTPUT.historyTitle })] };
}
