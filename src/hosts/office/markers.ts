/** How the add-in recognises the sheets it wrote: workbook-level names pointing at them, so a renamed sheet is still found. */
import { splitSheetRef } from '../../core/cells';

/** Names "Integrationsstatus_1", "Integrationsstatus_2", … mark the consolidated sheets the add-in wrote. */
export const MARKER_PREFIX = 'Integrationsstatus_';

/** The sheets the marker names among these point at. */
export function markedSheets(names: { name: string; formula: string }[]): Set<string> {
  const sheets = new Set<string>();
  for (const n of names) {
    if (!n.name.startsWith(MARKER_PREFIX)) continue;
    const target = splitSheetRef(n.formula);
    if (target) sheets.add(target.sheet);
  }
  return sheets;
}
