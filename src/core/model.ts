/** The typed Submission: what one administration's filled-in budget statement says, amounts in kr. */
import type { AdministrationCode, Colour, GoalLetter, Quarter, UnitCode } from './domain';

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

export interface GoalStatus {
  goal: GoalLetter;
  relevant: boolean | null;
  status: string | null;
  realistic: boolean | null;
  neededInitiatives: string | null;
  source: RowSource;
}

export type InitiativeKind = 'policy' | 'other';

/** One status schema (statusskema) row. */
export interface Initiative {
  kind: InitiativeKind;
  name: string | null;
  /** Goals a–g the initiative serves, parsed from goalsText. */
  goals: GoalLetter[];
  goalsText: string | null;
  targetGroup: string | null;
  activity: string | null;
  expectedResult: string | null;
  status: string | null;
  followUp: string | null;
  economy: YearAmount[];
  source: RowSource;
}

export type Table1RowKey = 'policy' | 'other' | 'projects' | 'total';

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
  achieved: number | null;
  achievedText: string | null;
  source: RowSource;
}

export interface QuarterColour {
  quarter: Quarter;
  colour: Colour | null;
  /** As typed, kept so an unknown colour can be reported. */
  text: string | null;
}

export interface MonitoredProject {
  name: string | null;
  fund: string | null;
  start: string | null;
  end: string | null;
  funding: YearAmount[];
  /** Municipal co-financing over the period in kr.: the total column where given, else the sum of the years. */
  fundingTotal: number | null;
  criteria: SuccessCriterion[];
  colours: QuarterColour[];
  actionPlan: string | null;
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
}
