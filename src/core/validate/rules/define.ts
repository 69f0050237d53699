/**
 * How a rule is declared: a severity, typed parameters (data: numbers, years, keys, names as typed) and one
 * sentence per language composed from them. The catalogue (index.ts) derives the codes and their parameter types.
 */
import { unitByCode, type GoalLetter, type Quarter, type UnitCode } from '../../domain';
import { fieldLabel, type AreaColumnRef, type FieldRef } from '../../template/definition';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'da' | 'en';

/** A parameter's type, carried by an example value (for the README table and the catalogue tests). */
export interface Param<T> {
  readonly example: T;
  /** Every value worth rendering in tests, for parameters with a closed set of values. */
  readonly samples?: readonly T[];
  /** For free text the user typed or the file holds: the value that shows as "{name}" in the README table. */
  readonly placeholder?: (name: string) => T;
}

export type ParamSchema = { readonly [name: string]: Param<unknown> };
export type ParamValues<S extends ParamSchema> = { -readonly [K in keyof S]: S[K] extends Param<infer T> ? T : never };
export type Message<P> = string | ((params: P) => string);

export interface Rule<S extends ParamSchema = ParamSchema> {
  readonly severity: Severity;
  readonly params: S;
  readonly da: Message<ParamValues<S>>;
  readonly en: Message<ParamValues<S>>;
  /** Example values where the parameters' own examples would read oddly together (a size and its limit). */
  readonly example?: Partial<ParamValues<S>>;
}

/** One rule: `rule({ severity, params: { name: param.text }, da: (p) => …, en: (p) => … })`. */
export function rule<const S extends ParamSchema = Record<never, never>>(def: {
  severity: Severity;
  params?: S;
  da: Message<ParamValues<S>>;
  en: Message<ParamValues<S>>;
  example?: Partial<ParamValues<S>>;
}): Rule<S> {
  return { severity: def.severity, params: def.params ?? ({} as S), da: def.da, en: def.en, ...(def.example ? { example: def.example } : {}) };
}

/** A rule's message in one language with the given parameters. */
export function render(rule: Rule, lang: Lang, params: unknown): string {
  const message = rule[lang] as Message<unknown>;
  const text = typeof message === 'string' ? message : message(params);
  // "… 750.000 kr.." — an abbreviation at the end of a sentence keeps one full stop.
  return text.replace(/\.\.(?=\s|$)/g, '.');
}

/** Example parameters of a rule: free text as "{name}" when asked for placeholders, everything else by example. */
export function exampleParams(rule: Rule, placeholders = false): Record<string, unknown> {
  const own = (rule.example ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(rule.params).map(([name, p]) => [name, placeholders && p.placeholder ? p.placeholder(name) : name in own ? own[name] : p.example]),
  );
}

const of = <T>(example: T, samples?: readonly T[]): Param<T> => (samples ? { example, samples } : { example });
const oneOf = <const T extends string>(values: readonly T[]): Param<T> => ({ example: values[0], samples: values });

/** An amount in kr. and the unit the submission shows it in. */
export interface Amount {
  kr: number;
  unit: UnitCode;
}

/** Who a finding is about: the name typed, or its row when the name is blank. */
export interface Subject {
  name: string | null;
  row: number;
}

/** A quarter of the status year (the year unknown when the cover does not give it). */
export interface QuarterOfYear {
  quarter: Quarter;
  year: number | null;
}

/** The parameter types rules use. */
export const param = {
  /** Text as typed by the user or found in the file (a name, a value, a part of the zip). */
  text: { example: 'lilla', placeholder: (name) => `{${name}}` } as Param<string>,
  /** Several parts of what was typed ("h, 1"). */
  texts: of<string[]>(['h', '1']),
  /** A whole number shown as is (counts and limits of the zip). */
  integer: of(10_001),
  /** A whole number shown with thousands separators ("50.001"). */
  count: of(50_001),
  /** A row number of the sheet. */
  row: of(12),
  year: of(2011),
  /** A budget year, or the total column ("I alt"). */
  yearOrTotal: of<number | 'total'>(2011, [2011, 'total']),
  years: of<number[]>([2012, 2013, 2014, 2015], [[2012, 2013, 2014, 2015], []]),
  /** A size in bytes ("12,3 MB"). */
  bytes: of(12_897_484),
  amount: of<Amount>({ kr: 3_900_000, unit: 'mkr' }, [{ kr: 3_900_000, unit: 'mkr' }, { kr: 750_000, unit: 'kr' }, { kr: -12_500, unit: 'tkr' }]),
  /** An amount in kr. */
  kr: of(99_999),
  /** An ISO date (yyyy-mm-dd). */
  date: of('2010-05-16'),
  goal: of<GoalLetter>('b'),
  goals: of<GoalLetter[]>(['a', 'c']),
  subject: { example: { name: 'Lektiecafé', row: 12 }, samples: [{ name: 'Lektiecafé', row: 12 }, { name: null, row: 12 }], placeholder: (name) => ({ name: `{${name}}`, row: 12 }) } as Param<Subject>,
  quarter: of<QuarterOfYear>({ quarter: 2, year: 2009 }, [{ quarter: 2, year: 2009 }, { quarter: 4, year: null }]),
  field: of<FieldRef>({ area: 'policy', column: 'economy', year: 2011 }, [
    { area: 'policy', column: 'economy', year: 2011 },
    { area: 'goals', column: 'relevant' },
    { cover: 'submissionDate' },
    { table1: 'projects', year: 'total' },
  ]),
  column: of<AreaColumnRef>({ area: 'policy', column: 'activity' }),
  oneOf,
} as const;

// ---------------------------------------------------------------- rendering typed values (the same in both languages)

// Made once: toLocaleString with options builds a new formatter per call, and every finding and figure passes here.
const NUMBER_FORMAT = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 6 });

export function formatNumber(n: number): string {
  return NUMBER_FORMAT.format(n);
}

export const show = {
  count: (n: number): string => n.toLocaleString('da-DK'),
  number: formatNumber,
  /** "3,8 mio. kr.": an amount in the submission's own unit. */
  amount: (a: Amount): string => `${formatNumber(a.kr / unitByCode(a.unit).factor)} ${unitByCode(a.unit).label}`,
  /** The amount's figure in its unit, without the unit ("3,8"). */
  amountFigure: (a: Amount): string => formatNumber(a.kr / unitByCode(a.unit).factor),
  unit: (a: Amount): string => unitByCode(a.unit).label,
  /** "16-05-2010" */
  date: (iso: string): string => iso.split('-').reverse().join('-'),
  years: (years: readonly number[]): string => (years.length ? years.join(', ') : '–'),
  list: (items: readonly string[]): string => items.join(', '),
  /** "K2 2009" as the template's colour columns name it; "Q2 2009" in English. */
  quarter: (q: QuarterOfYear, lang: Lang = 'da'): string => {
    const name = `${lang === 'en' ? 'Q' : 'K'}${q.quarter}`;
    return q.year === null ? name : `${name} ${q.year}`;
  },
  field: fieldLabel,
  bytes: (n: number): string => {
    if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
    if (n >= 1024) return `${(n / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} KB`;
    return `${n} byte`;
  },
};

/** The subject's name, or its row in the language of the message. */
export function subject(s: Subject, lang: Lang): string {
  return s.name ?? (lang === 'da' ? `række ${s.row}` : `row ${s.row}`);
}
