/** Findings as data: a stable code, a severity, where (sheet, cell), what was found and typed parameters. Never an exception. */
import { CATALOGUE, type Code, type ParamsOf } from './validate/rules';
import { render, type Lang, type Rule, type Severity } from './validate/rules/define';

export type { Code, Lang, ParamsOf, Severity };

export interface Where {
  sheet: string | null;
  /** A1 cell or range; null for findings about the whole file or sheet. */
  cell: string | null;
}

/** One finding of one code: its parameters are the ones that code declares. */
export interface DiagnosticOf<C extends Code> extends Where {
  code: C;
  severity: Severity;
  /** The value found, as text. */
  value?: string;
  params: ParamsOf<C>;
}

/** Any finding: a union over the codes, so checking `code` narrows `params`. */
export type Diagnostic = { [C in Code]: DiagnosticOf<C> }[Code];

/** The parameters argument, then the value found: parameters required where the code declares any, else optional. */
export type ParamsArgs<C extends Code, V = string> = ParamsOf<C> extends Record<string, never> ? [params?: ParamsOf<C>, value?: V] : [params: ParamsOf<C>, value?: V];

export function makeDiagnostic<C extends Code>(code: C, where: Where, ...[params, value]: ParamsArgs<C>): Diagnostic {
  // Text from a cell can be a megabyte, and a file can repeat it in every finding: findings quote the start of it.
  const d = { code, severity: CATALOGUE[code].severity, sheet: where.sheet, cell: where.cell, params: quoted(params ?? {}) } as DiagnosticOf<C>;
  if (value !== undefined) d.value = quote(value);
  return d as Diagnostic;
}

/** Text quoted in a finding: at most QUOTE_MAX characters, cut with an ellipsis. */
const QUOTE_MAX = 500;
function quote(text: string): string {
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}

/** The parameters with every text in them (also in a list or a subject) quoted. */
function quoted<P>(params: P, depth = 0): P {
  if (typeof params === 'string') return quote(params) as P;
  if (depth > 2 || params === null || typeof params !== 'object') return params;
  if (Array.isArray(params)) return params.map((p: unknown) => quoted(p, depth + 1)) as P;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = quoted(value, depth + 1);
  return out as P;
}

export function diagnosticMessage(d: Diagnostic, lang: Lang = 'da'): string {
  // A finding from elsewhere (an older worker, a file) may carry a code this version does not know.
  const rule = (CATALOGUE as Partial<Record<string, Rule>>)[d.code];
  return rule ? render(rule, lang, d.params) : d.code;
}
