/** Reading a sheet plan's cells back (table header names, chart labels and caches), as a renderer writes them. */
import { parseRangeRef } from '../cells';
import { isDate, isFormula, isRowStream, type PlanValue, type SheetPlan } from './types';

/** The value written at a cell: blocks may overlap, and a later block wins, as when cells are written in order. */
export function planValueAt(plan: SheetPlan, row: number, col: number): PlanValue | undefined {
  let found: PlanValue | undefined;
  for (const b of plan.blocks) {
    const at = row - b.row;
    let line: PlanValue[] | undefined;
    if (!isRowStream(b.values)) line = b.values[at];
    else if (at >= 0 && at < b.values.count && col >= b.col && col < b.col + b.values.width) {
      // Made up to the row asked for: lookups are for headers and chart labels, which no source holds.
      let k = 0;
      for (const made of b.values.rows()) if (k++ === at) {
        line = made;
        break;
      }
    }
    if (line && col >= b.col && col < b.col + line.length) found = line[col - b.col];
  }
  return found;
}

/** What a reader shows in a cell without calculating: a formula's cached result, a date as ISO text. */
export function shownValue(v: PlanValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (isFormula(v)) return v.result ?? null;
  if (isDate(v)) return v.date;
  return v;
}

/** The cells of a one-row or one-column range, in order, as shown. */
export function planRangeValues(plan: SheetPlan, ref: string): (string | number | boolean | null)[] {
  const r = parseRangeRef(ref);
  if (!r) throw new Error(`bad range ${ref} on ${plan.name}`);
  const out: (string | number | boolean | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(shownValue(planValueAt(plan, row, col)));
  return out;
}
