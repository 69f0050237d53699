/** Checks of the two status schema sheets: the fields the template marks required, goals, amounts and repeated names. */
import { columnRef, OTHER_AREA, POLICY_AREA } from '../../template/definition';
import type { Initiative, StatusSchemaTextKey } from '../../model';
import { parseGoals } from '../../parse/values';
import type { Findings } from '../findings';
import { checkAmount } from './amounts';

type InitiativeArea = typeof POLICY_AREA | typeof OTHER_AREA;

export function checkInitiatives(f: Findings, area: InitiativeArea, list: Initiative[]): void {
  const found = f.layout.areas[area.key];
  const seen = new Map<string, number>();
  for (const i of list) {
    const row = i.source.row;
    const initiative = { name: i.name, row };
    for (const column of area.columns) {
      if (!('required' in column && column.required)) continue;
      if (column.kind === 'text') {
        // A missing column is reported once (COLUMN_MISSING), not on every row.
        if (i[column.key as StatusSchemaTextKey] === null && found?.columns[column.key] !== undefined) {
          f.add('INIT_FIELD_MISSING', f.at(area, column.key, row), { field: columnRef(area, column.key), initiative });
        }
      } else if (column.kind === 'amount') {
        if (i.economy.length && i.economy.every((e) => e.amount === null)) {
          f.add('INIT_FIELD_MISSING', f.at(area, column.key, row, i.economy[0].year), { field: columnRef(area, column.key), initiative });
        }
      } else if (column.kind === 'goals' && i.goalsText === null) {
        f.add('INIT_GOAL_MISSING', f.at(area, column.key, row), { initiative });
      }
    }
    for (const e of i.economy) checkAmount(f, e.amount, f.at(area, 'economy', row, e.year), columnRef(area, 'economy', e.year));
    if (i.goalsText !== null) {
      const goals = parseGoals(i.goalsText);
      if (area === POLICY_AREA) {
        if (goals.invalid.length) f.add('INIT_GOAL_INVALID', f.at(area, 'goals', row), { found: goals.invalid, initiative }, i.goalsText);
      } else if (goals.goals.length && !goals.invalid.length) {
        f.add('OTHER_GOAL_IS_POLICY', f.at(area, 'goals', row), { initiative, goals: goals.goals }, i.goalsText);
      }
    }
    if (i.name !== null) {
      // (a long name, often one shared string in many rows, is compared as written: no per-row work on its length)
      const key = i.name.length > 256 ? i.name : i.name.toLowerCase().replace(/\s+/g, ' ').trim();
      const first = seen.get(key);
      if (first !== undefined) f.add('INIT_DUPLICATE_NAME', f.at(area, 'name', row), { name: i.name, otherRow: first }, i.name);
      else seen.set(key, row);
    }
  }
}
