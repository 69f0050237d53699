/**
 * Filtering the consolidated "Samlet status" table: the criteria managers choose, and the same rules for the
 * Office host (which filters the table in Excel) and for the grid the task pane shows in a plain browser.
 */
import { COLOUR_LABELS, GOAL_LETTERS, type Colour, type GoalLetter } from '../domain';

/** Criteria left out are not filtered on. */
export interface FilterCriteria {
  /** Labels as in the Forvaltning column, e.g. "SOF – Socialforvaltningen". */
  administrations?: string[];
  /** Rows serving every goal chosen. */
  goals?: GoalLetter[];
  colours?: Colour[];
  /** Rows whose budget period includes this year. */
  year?: number;
  escalatedOnly?: boolean;
}

export type OverviewCell = string | number | null;

export interface OverviewTable {
  headers: string[];
  rows: OverviewCell[][];
  /** Budget years in the consolidation. */
  years: number[];
  /** The Eskalering column's text for an escalated project (OUTPUT.escalated). */
  escalatedValue: string;
}

/** Does a budget period such as "2011–2014" include the year? */
export function periodIncludes(period: string, year: number): boolean {
  const m = /^(\d{4})\D+(\d{4})$/.exec(period.trim());
  return m ? Number(m[1]) <= year && year <= Number(m[2]) : period.trim() === String(year);
}

/** The rows the criteria let through, by the rules OfficeHost.applyFilter applies in Excel. */
export function filterOverview(table: OverviewTable, criteria: FilterCriteria): OverviewCell[][] {
  const index = (header: string) => table.headers.indexOf(header);
  const text = (row: OverviewCell[], header: string) => {
    const i = index(header);
    return i < 0 ? '' : String(row[i] ?? '');
  };
  return table.rows.filter((row) => {
    if (criteria.administrations?.length && !criteria.administrations.includes(text(row, 'Forvaltning'))) return false;
    for (const g of criteria.goals ?? []) if (GOAL_LETTERS.includes(g) && text(row, `Mål ${g}`) !== 'Ja') return false;
    if (criteria.colours?.length && !criteria.colours.some((c) => COLOUR_LABELS[c] === text(row, 'Aktuel farve'))) return false;
    if (criteria.year !== undefined && !periodIncludes(text(row, 'Budgetperiode'), criteria.year)) return false;
    if (criteria.escalatedOnly && text(row, 'Eskalering') !== table.escalatedValue) return false;
    return true;
  });
}
