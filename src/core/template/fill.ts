/** What goes into the template's input cells, keyed by the template definition's field and column keys. */
import type { GoalLetter, UnitCode, AdministrationCode } from '../domain';
import type { Table1RowKey } from '../model';
import type { CoverFieldKey } from './definition';

/** A value as a person typed it: text stays text (so "12,30" can be tested), dates are ISO. */
export type RawValue = string | number | boolean | null | { date: string };

/** One row of a table area: a value per column key; per-year columns take one value per budget year. */
export type RawRow = Record<string, RawValue | RawValue[]>;

export interface TemplateFill {
  cover?: Partial<Record<CoverFieldKey, RawValue>>;
  goals?: Partial<Record<GoalLetter, RawRow>>;
  /** null leaves a blank row, as people do. */
  policy?: (RawRow | null)[];
  other?: (RawRow | null)[];
  projects?: (RawRow | null)[];
  table1?: Partial<Record<Exclude<Table1RowKey, 'total'>, RawValue[]>>;
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
