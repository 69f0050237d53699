/** The typed Submission: what one administration's filled-in budget statement says, amounts in kr. */
import type { AdministrationCode, Colour, GoalLetter, Quarter, UnitCode } from './domain';
import type { ColumnOf, GOALS_AREA, POLICY_AREA, PROJECTS_AREA, TableArea, Table1RowKey } from './template/definition';

export type { Table1RowKey };

/** Where a row of the submission came from. */
export interface RowSource {
  sheet: string;
  row: number;
}

export interface YearAmount {
  year: number;
  /** In kr., whatever unit the submission used; null where the cell is blank or not a number. */
  amount: number | null;
}

export interface Cover {
  administration: AdministrationCode | null;
  /** As typed, e.g. "SOF – Socialforvaltningen". */
  administrationText: string | null;
  firstYear: number | null;
  unit: UnitCode | null;
  /** As typed, kept so an unknown unit can be reported. */
  unitText: string | null;
  contact: string | null;
  email: string | null;
  /** ISO dates (yyyy-mm-dd). */
  submissionDate: string | null;
  deadline: string | null;
  /** The year the quarterly project colours belong to. */
  statusYear: number | null;
}

/** What a cell of each input kind is read as; null where blank or unreadable. Dates are ISO (yyyy-mm-dd). */
interface KindValues {
  text: string | null;
  yesNo: boolean | null;
  date: string | null;
}

/**
 * The values of some of an area's columns, named and typed by the template definition: renaming a column there
 * renames it here, so the reader and the validator cannot drift from the template. Per-year columns are a list.
 */
export type ColumnValues<A extends TableArea, K extends ColumnOf<A>['key']> = {
  [C in Extract<ColumnOf<A>, { key: K }> as C['key']]: C extends { perYear: true }
    ? YearAmount[]
    : C['kind'] extends keyof KindValues
      ? KindValues[C['kind']]
      : never;
};

export interface GoalStatus extends ColumnValues<typeof GOALS_AREA, 'relevant' | 'status' | 'realistic' | 'neededInitiatives'> {
  goal: GoalLetter;
  source: RowSource;
}

export type InitiativeKind = 'policy' | 'other';

/** The status schema's text columns, one field each (the same on both initiative sheets). */
export type StatusSchemaTextKey = Extract<ColumnOf<typeof POLICY_AREA>, { kind: 'text' }>['key'];

/** One status schema (statusskema) row. */
export interface Initiative extends ColumnValues<typeof POLICY_AREA, StatusSchemaTextKey | 'economy'> {
  kind: InitiativeKind;
  /** Goals a–g the initiative serves, parsed from goalsText. */
  goals: GoalLetter[];
  goalsText: string | null;
  source: RowSource;
}

export interface Table1Row {
  key: Table1RowKey;
  label: string;
  amounts: YearAmount[];
  total: number | null;
  /** Decimals shown in each year cell and in the total cell, in the submission's unit (for rounding-aware checks). */
  shownDecimals: (number | null)[];
  totalShownDecimals: number | null;
  source: RowSource;
}

export interface Table1 {
  /** The years in Table 1's header, in column order. */
  years: number[];
  rows: Table1Row[];
}

export interface SuccessCriterion {
  indicator: string | null;
  target: number | null;
  targetText: string | null;
  /**
   * The figure reached by the end of each quarter K1–K4 of the status year (cumulative); null where not given.
   * A 1.0 file's one "Opnået til dato" stands at the last quarter ended by its submission date.
   */
  quarterly: (number | null)[];
  /** As typed, per quarter. */
  quarterlyText: (string | null)[];
  source: RowSource;
}

/** A row of the sheet Succeskriterier whose project is blank or not on the projects sheet. */
export interface UnassignedCriterion {
  /** The project as typed; null where blank. */
  projectText: string | null;
  criterion: SuccessCriterion;
}

export interface QuarterColour {
  quarter: Quarter;
  colour: Colour | null;
  /** As typed, kept so an unknown colour can be reported. */
  text: string | null;
}

export interface MonitoredProject extends ColumnValues<typeof PROJECTS_AREA, 'name' | 'fund' | 'start' | 'end' | 'funding' | 'actionPlan'> {
  /** Municipal co-financing over the statement's budget years in kr.: the total column where given, else the sum of the years. */
  fundingTotal: number | null;
  /** The project's own municipal co-financing over its whole period in kr. (template 1.1); null where blank or in 1.0. */
  cofinancing: number | null;
  criteria: SuccessCriterion[];
  colours: QuarterColour[];
  source: RowSource;
}

export interface TemplateStamp {
  id: string | null;
  version: string | null;
}

export interface Submission {
  template: TemplateStamp;
  cover: Cover;
  /** The budget years (from the cover's first year, else from Table 1). */
  years: number[];
  goals: GoalStatus[];
  policyInitiatives: Initiative[];
  otherInitiatives: Initiative[];
  table1: Table1;
  projects: MonitoredProject[];
  /** Success criteria whose project is blank or unknown (template 1.1). */
  unassignedCriteria: UnassignedCriterion[];
}
