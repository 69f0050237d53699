/** Checks of Table 1: row totals, the I ALT row, and each row reconciled with the sheet it summarises. */
import { cellRef } from '../../cells';
import type { Where } from '../../diagnostics';
import type { Table1Row, YearAmount } from '../../model';
import type { Findings } from '../findings';
import { show } from '../rules/define';
import { checkAmount } from './amounts';

/** Half a unit of the last decimal shown, in kr.: the most a correctly rounded total may differ. */
function tolerance(f: Findings, decimals: number | null): number {
  const d = decimals ?? 2;
  return 0.5 * 10 ** -d * f.unitFactor + 1e-6 * f.unitFactor;
}

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

export function checkTable1(f: Findings): void {
  const t1 = f.layout.table1;
  if (!t1) return;
  const rows = new Map(f.s.table1.rows.map((r) => [r.key, r]));
  const years = f.s.table1.years;
  const at = (row: Table1Row, col: number | null): Where => ({ sheet: t1.sheet, cell: col === null ? null : cellRef(row.source.row, col) });
  const figure = (kr: number) => show.amountFigure(f.amount(kr));

  for (const row of f.s.table1.rows) {
    // The I ALT row is computed; its amounts are checked by the sums below.
    if (row.key !== 'total') row.amounts.forEach((a, i) => checkAmount(f, a.amount, at(row, t1.yearColumns[i]), { table1: row.key, year: a.year }));
    if (row.total === null) continue;
    const exact = sum(row.amounts.map((a) => a.amount));
    if (Math.abs(row.total - exact) > tolerance(f, row.totalShownDecimals)) {
      f.add('T1_ROW_SUM', at(row, t1.totalColumn), { row: row.key, found: f.amount(row.total), expected: f.amount(exact) }, figure(row.total));
    }
  }

  const total = rows.get('total');
  const parts = (['policy', 'other', 'projects'] as const).map((k) => rows.get(k)).filter((r): r is Table1Row => r !== undefined);
  if (total && parts.length === 3) {
    years.forEach((year, i) => {
      const found = total.amounts[i].amount;
      if (found === null) return;
      const exact = sum(parts.map((r) => r.amounts[i].amount));
      if (Math.abs(found - exact) > tolerance(f, total.shownDecimals[i])) {
        f.add('T1_COLUMN_SUM', at(total, t1.yearColumns[i]), { year, found: f.amount(found), expected: f.amount(exact) }, figure(found));
      }
    });
    if (total.total !== null) {
      const exact = sum(parts.map((r) => r.total ?? sum(r.amounts.map((a) => a.amount))));
      if (Math.abs(total.total - exact) > tolerance(f, total.totalShownDecimals)) {
        f.add('T1_COLUMN_SUM', at(total, t1.totalColumn), { year: 'total', found: f.amount(total.total), expected: f.amount(exact) }, figure(total.total));
      }
    }
  }

  // Reconciliation: each row against the sheet it summarises.
  const yearSum = (values: YearAmount[][], year: number) => sum(values.map((v) => v.find((a) => a.year === year)?.amount ?? null));
  const sources = [
    { row: 'policy', values: f.s.policyInitiatives.map((i) => i.economy), present: f.layout.areas.policy !== undefined },
    { row: 'other', values: f.s.otherInitiatives.map((i) => i.economy), present: f.layout.areas.other !== undefined },
    // "where given": only when the projects sheet gives funding at all
    { row: 'projects', values: f.s.projects.map((p) => p.funding), present: f.s.projects.some((p) => p.funding.some((a) => a.amount !== null)) },
  ] as const;
  for (const src of sources) {
    const row = rows.get(src.row);
    if (!row || !src.present) continue;
    years.forEach((year, i) => {
      const stated = row.amounts[i].amount ?? 0;
      const exact = yearSum(src.values, year);
      if (Math.abs(stated - exact) > tolerance(f, row.shownDecimals[i])) {
        f.add('T1_RECONCILE', at(row, t1.yearColumns[i]), { row: src.row, year, found: f.amount(stated), expected: f.amount(exact) }, figure(stated));
      }
    });
  }
}
