/**
 * Filtering the consolidated "Samlet status" table: the criteria managers choose, and the rules the Office host
 * applies in Excel and the task pane's result list applies in a plain browser. Columns are addressed by their layout key.
 */
import { COLOUR_LABELS, GOAL_LETTERS, type Colour, type GoalLetter } from '../domain';
import { OUTPUT, overviewHeader, type OverviewKey } from './layout';

/** Criteria left out are not filtered on. */
export interface FilterCriteria {
  /** Labels as in the Forvaltning column, e.g. "SOF – Socialforvaltningen". */
  administrations?: string[];
  /** Rows serving every goal chosen. */
  goals?: GoalLetter[];
  /** The current colour. */
  colours?: Colour[];
  /** Projects red in at least one quarter of the status year. */
  redInYear?: boolean;
  /** Rows whose budget period includes this year. */
  year?: number;
  escalatedOnly?: boolean;
}

export type OverviewCell = string | number | null;

/** "Samlet status" as rows of cells, with the layout key of each column. */
export interface OverviewTable {
  keys: OverviewKey[];
  rows: OverviewCell[][];
  /** Budget years in the consolidation. */
  years: number[];
}

/** Does a budget period such as "2011–2014" include the year? */
export function periodIncludes(period: string, year: number): boolean {
  const m = /^(\d{4})\D+(\d{4})$/.exec(period.trim());
  return m ? Number(m[1]) <= year && year <= Number(m[2]) : period.trim() === String(year);
}

/**
 * Each criterion as "this column shows one of these texts" (the year as a test of the budget period): what the
 * Office host turns into values filters on the table's columns, by header.
 */
export interface ColumnCriterion {
  key: OverviewKey;
  /** The header of the column in the workbook. */
  header: string;
  values?: string[];
  test?: (text: string) => boolean;
}

export function columnCriteria(criteria: FilterCriteria): ColumnCriterion[] {
  const out: ColumnCriterion[] = [];
  const on = (key: OverviewKey, values?: string[], test?: (t: string) => boolean) => out.push({ key, header: overviewHeader(key), values, test });
  if (criteria.administrations?.length) on('administration', criteria.administrations);
  for (const g of criteria.goals ?? []) if (GOAL_LETTERS.includes(g)) on(`goal:${g}`, [OUTPUT.yes]);
  if (criteria.colours?.length) on('currentColour', criteria.colours.map((c) => COLOUR_LABELS[c]));
  if (criteria.redInYear) on('redInYear', [OUTPUT.yes]);
  if (criteria.year !== undefined) {
    const year = criteria.year;
    on('budgetPeriod', undefined, (t) => periodIncludes(t, year));
  }
  if (criteria.escalatedOnly) on('escalation', [OUTPUT.escalated]);
  return out;
}

/** The rows the criteria let through, by the rules OfficeHost.applyFilter applies in Excel. */
export function filterOverview(table: OverviewTable, criteria: FilterCriteria): OverviewCell[][] {
  const checks = columnCriteria(criteria).map((c) => ({ ...c, index: table.keys.indexOf(c.key) }));
  return table.rows.filter((row) =>
    checks.every((c) => {
      const text = c.index < 0 ? '' : String(row[c.index] ?? '');
      return c.values ? c.values.includes(text) : c.test!(text);
    }),
  );
}
