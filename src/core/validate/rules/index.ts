/**
 * The rule catalogue: every finding the product can report, grouped by area, one declaration per code.
 *
 * Adding a rule:
 *  1. Declare it in the area's file here (`rules/<area>.ts`): `MY_CODE: rule({ severity, params, da, en })`.
 *     Parameters are data (`param.text`, `param.amount`, `param.field`, …); each language writes its own
 *     sentence from them. A new area gets a file of its own, spread into CATALOGUE below.
 *  2. Report it where the check belongs (`validate/checks/<area>.ts` for the rules of a read statement):
 *     `f.add('MY_CODE', where, params, value)`. A misspelt code or a missing parameter does not compile.
 *  3. Give it a break-and-fix case in `test/core/rules/<area>.cases.ts`: a statement that breaks it (with the
 *     findings expected) and the same statement fixed; statements are built in memory, so a case takes
 *     milliseconds. A code without a case does not compile; a new area's cases file is added to CASES in
 *     test/core/rules/rules.test.ts. The catalogue test also wants both languages and no Danish in English.
 *  4. `npm run rules-table` prints the README's table of codes (test/readme.test.ts holds the README to it).
 */
import { AMOUNT_RULES } from './amounts';
import { COVER_RULES } from './cover';
import type { ParamValues, Rule } from './define';
import { FILE_RULES } from './file';
import { GOAL_RULES } from './goals';
import { INITIATIVE_RULES } from './initiatives';
import { PREVIOUS_RULES } from './previous';
import { PROJECT_RULES } from './projects';
import { READING_RULES } from './reading';
import { TABLE1_RULES } from './table1';
import { TEMPLATE_RULES } from './template';

export type { Lang, Severity } from './define';

/** The areas, in the order the README lists them. */
export const AREAS = {
  file: FILE_RULES,
  template: TEMPLATE_RULES,
  reading: READING_RULES,
  cover: COVER_RULES,
  goals: GOAL_RULES,
  initiatives: INITIATIVE_RULES,
  amounts: AMOUNT_RULES,
  table1: TABLE1_RULES,
  projects: PROJECT_RULES,
  previous: PREVIOUS_RULES,
} as const;

export type Area = keyof typeof AREAS;

export const CATALOGUE = {
  ...FILE_RULES,
  ...TEMPLATE_RULES,
  ...READING_RULES,
  ...COVER_RULES,
  ...GOAL_RULES,
  ...INITIATIVE_RULES,
  ...AMOUNT_RULES,
  ...TABLE1_RULES,
  ...PROJECT_RULES,
  ...PREVIOUS_RULES,
};

type Catalogue = typeof CATALOGUE;
export type Code = keyof Catalogue;
export type CodeOf<A extends Area> = keyof (typeof AREAS)[A] & Code;
/** The parameters a code declares ({} for none). */
export type DeclaredParams<C extends Code> = Catalogue[C] extends Rule<infer S> ? ParamValues<S> : never;

/** The parameters of a code's findings; a code without parameters takes none. */
export type ParamsOf<C extends Code> = Catalogue[C] extends Rule<infer S> ? (keyof S extends never ? Record<string, never> : ParamValues<S>) : never;

/** Codes that mean the file could not be read at all. */
export type UnreadableCode = keyof typeof FILE_RULES;

export const CODES = Object.keys(CATALOGUE) as Code[];

export function ruleOf(code: Code): Rule {
  return CATALOGUE[code] as Rule;
}
