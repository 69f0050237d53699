/** Reads the "Samlet status" table back out of the consolidated sheet plan (in the worker). */
import { OUTPUT } from '../core/consolidate/plan';
import { parseRangeRef } from '../core/cells';
import { isDate, isFormula, type PlanValue, type WorkbookPlan } from '../core/plan/types';
import type { OverviewCell, OverviewTable } from '../core/consolidate/filter';

function cellOf(v: PlanValue | undefined): OverviewCell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 'Ja' : 'Nej';
  if (isFormula(v)) return typeof v.result === 'boolean' ? String(v.result) : (v.result ?? null);
  if (isDate(v)) return v.date;
  return v;
}

/** The overview table's header and rows, read back from the plan the core built. */
export function overviewFromPlan(plan: WorkbookPlan, years: number[]): OverviewTable {
  const sheet = plan.sheets.find((s) => s.tables?.some((t) => t.name === OUTPUT.overviewTable));
  const table = sheet?.tables?.find((t) => t.name === OUTPUT.overviewTable);
  if (!sheet || !table) return { headers: [], rows: [], years, escalatedValue: OUTPUT.escalated };
  const range = parseRangeRef(table.ref);
  if (!range) return { headers: [], rows: [], years, escalatedValue: OUTPUT.escalated };
  const at = (row: number, col: number): PlanValue | undefined => {
    for (const b of sheet.blocks) {
      const r = row - b.row;
      const c = col - b.col;
      if (r >= 0 && r < b.values.length && c >= 0 && c < (b.values[r]?.length ?? 0)) return b.values[r][c];
    }
    return undefined;
  };
  const cols = Array.from({ length: range.right - range.left + 1 }, (_, i) => range.left + i);
  const headers = cols.map((c) => String(cellOf(at(range.top, c)) ?? ''));
  const rows: OverviewCell[][] = [];
  for (let r = range.top + 1; r <= range.bottom; r++) {
    const row = cols.map((c) => cellOf(at(r, c)));
    if (row.some((v) => v !== null)) rows.push(row);
  }
  return { headers, rows, years, escalatedValue: OUTPUT.escalated };
}

