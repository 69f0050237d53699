/** Reads the "Samlet status" table back out of the consolidated sheet plan (in the worker), each column by its layout key. */
import { keyOfHeader, OUTPUT, overviewColumns, type OverviewKey } from '../core/consolidate/layout';
import type { OverviewCell, OverviewTable } from '../core/consolidate/filter';
import { parseRangeRef } from '../core/cells';
import { planValueAt, shownValue } from '../core/plan/lookup';
import { blockRows, type WorkbookPlan } from '../core/plan/types';

function cellOf(v: ReturnType<typeof shownValue>): OverviewCell {
  return typeof v === 'boolean' ? (v ? OUTPUT.yes : OUTPUT.no) : v;
}

/** The overview table's rows, read back from the plan the core built; columns the layout does not know are left out. */
export function overviewFromPlan(plan: WorkbookPlan, years: number[]): OverviewTable {
  const empty: OverviewTable = { keys: [], rows: [], years };
  const sheet = plan.sheets.find((s) => s.tables?.some((t) => t.name === OUTPUT.overviewTable));
  const table = sheet?.tables?.find((t) => t.name === OUTPUT.overviewTable);
  const range = table && parseRangeRef(table.ref);
  if (!sheet || !range) return empty;
  const layout = overviewColumns(years);
  const columns: { key: OverviewKey; col: number }[] = [];
  for (let col = range.left; col <= range.right; col++) {
    const key = keyOfHeader(layout, String(shownValue(planValueAt(sheet, range.top, col)) ?? ''));
    if (key) columns.push({ key, col });
  }
  // The table's rows are one block below its header: read them from it, not cell by cell.
  const body = sheet.blocks.find((b) => b.row === range.top + 1 && b.col === range.left);
  const rows: OverviewCell[][] = [];
  for (const line of body ? blockRows(body) : []) {
    const row = columns.map(({ col }) => cellOf(shownValue(line[col - range.left])));
    if (row.some((v) => v !== null)) rows.push(row);
  }
  return { keys: columns.map((c) => c.key), rows, years };
}
