/** What goes into the template's input cells, keyed by the template definition's field and column keys. */
import type { GoalLetter, UnitCode, AdministrationCode } from '../domain';
import type { ColumnOf, CoverFieldKey, CRITERIA_AREA, GOALS_AREA, OTHER_AREA, POLICY_AREA, PROJECTS_AREA, Table1InputRowKey, TableArea } from './definition';

/** A value as a person typed it: text stays text (so "12,30" can be tested), dates are ISO. */
export type RawValue = string | number | boolean | null | { date: string };

/** The columns a person types into (not the fixed goal texts, not the computed row totals). */
export type InputColumnOf<A extends TableArea> = Exclude<ColumnOf<A>, { kind: 'fixed' | 'rowTotal' }>;

/** One row of a table area: a value per input column key; per-year columns take one value per budget year. */
export type RawRow<A extends TableArea> = {
  [C in InputColumnOf<A> as C['key']]?: C extends { perYear: true } ? RawValue[] : RawValue;
};

/** A row of any area, as the template writer walks the columns of each. */
export type AnyRawRow = { readonly [key: string]: RawValue | RawValue[] | undefined };

export interface TemplateFill {
  cover?: Partial<Record<CoverFieldKey, RawValue>>;
  goals?: Partial<Record<GoalLetter, RawRow<typeof GOALS_AREA>>>;
  /** null leaves a blank row, as people do. */
  policy?: (RawRow<typeof POLICY_AREA> | null)[];
  other?: (RawRow<typeof OTHER_AREA> | null)[];
  projects?: (RawRow<typeof PROJECTS_AREA> | null)[];
  /** Template 1.1: one row per success criterion, naming its project. */
  criteria?: (RawRow<typeof CRITERIA_AREA> | null)[];
  table1?: Partial<Record<Table1InputRowKey, RawValue[]>>;
}

export interface TemplateOptions {
  firstYear: number;
  /** Pre-selected amount unit; also decides how amount cells are formatted. Default kr. */
  unit?: UnitCode;
  administration?: AdministrationCode;
  /** ISO date; default 15 May the year before the first budget year. */
  deadline?: string;
  /** Default: the last full year before the statement is written (first budget year - 2). */
  statusYear?: number;
}
