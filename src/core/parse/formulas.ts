/**
 * Computes formulas that a program wrote without a cached result (openpyxl, scripts), so their cells are read as
 * Excel would show them, never as blank or 0. Only what the template's own formulas use is known: numbers, text,
 * cell and range references (on any sheet), + - * / & and comparisons, SUM, COUNT, IF, AND, OR. Anything else is
 * not computed and the cell is reported.
 */
import { columnNumber } from '../cells';
import { isCellError, type CellValue } from '../reader';

/** A formula's value: a cell value, or the cells of a range (only as a function argument). */
type Value = CellValue | { range: CellValue[] };

const isRange = (v: Value): v is { range: CellValue[] } => typeof v === 'object' && v !== null && 'range' in v;

/** The cells a formula refers to, read through the workbook; a referred formula cell is computed first. */
export interface FormulaCells {
  /** The sheet's used range clipped by the caller; undefined for a sheet that does not exist. */
  cells(sheet: string, top: number, left: number, bottom: number, right: number): CellValue[] | undefined;
}

export class FormulaNotSupported extends Error {}

/** Excel's own limits on a formula: longer or deeper ones come from no spreadsheet and are not computed. */
const MAX_FORMULA_LENGTH = 8192;
const MAX_NESTING = 64;

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet: string | undefined; from: [number, number]; to: [number, number] }
  | { t: 'fn'; v: string }
  | { t: 'op'; v: string };

const REF = /^(?:'((?:[^']|'')+)'!|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/;

function tokenize(formula: string): Token[] {
  if (formula.length > MAX_FORMULA_LENGTH) throw new FormulaNotSupported('a formula longer than Excel allows');
  const out: Token[] = [];
  let s = formula.trim().replace(/^=/, '');
  while (s.length) {
    const space = /^\s+/.exec(s);
    if (space) {
      s = s.slice(space[0].length);
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s);
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      s = s.slice(num[0].length);
      continue;
    }
    if (s[0] === '"') {
      const m = /^"((?:[^"]|"")*)"/.exec(s);
      if (!m) throw new FormulaNotSupported('unterminated text');
      out.push({ t: 'str', v: m[1].replace(/""/g, '"') });
      s = s.slice(m[0].length);
      continue;
    }
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(s);
    if (fn) {
      out.push({ t: 'fn', v: fn[1].toUpperCase() });
      s = s.slice(fn[1].length);
      continue;
    }
    const ref = REF.exec(s);
    if (ref) {
      const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2];
      const from: [number, number] = [Number(ref[4]), columnNumber(ref[3])];
      const to: [number, number] = ref[5] ? [Number(ref[6]), columnNumber(ref[5])] : from;
      out.push({ t: 'ref', sheet, from, to });
      s = s.slice(ref[0].length);
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/&=<>(),])/.exec(s);
    if (!op) throw new FormulaNotSupported(`unknown text at "${s.slice(0, 10)}"`);
    out.push({ t: 'op', v: op[1] });
    s = s.slice(op[1].length);
  }
  return out;
}

const FUNCTIONS = new Set(['SUM', 'COUNT', 'IF', 'AND', 'OR']);

/** The sheets a formula refers to (other than its own), so the caller can read them first. */
export function referredSheets(formula: string): string[] {
  return [...new Set(tokenize(formula).flatMap((t) => (t.t === 'ref' && t.sheet !== undefined ? [t.sheet] : [])))];
}

const numberOf = (v: CellValue): number => {
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isCellError(v)) throw new FormulaNotSupported(v.error);
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new FormulaNotSupported('#VALUE!');
  return n;
};
const textOf = (v: CellValue): string => (v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : isCellError(v) ? '' : String(v));
const truthOf = (v: CellValue): boolean => (typeof v === 'string' ? v.toUpperCase() === 'TRUE' : numberOf(v) !== 0);
const single = (v: Value): CellValue => {
  if (isRange(v)) {
    if (v.range.length === 1) return v.range[0];
    throw new FormulaNotSupported('a range where one value belongs');
  }
  return v;
};

/** Evaluates one formula (with or without "=") on a sheet; throws FormulaNotSupported for what it does not know. */
export function evaluateFormula(formula: string, sheet: string, cells: FormulaCells): CellValue {
  const tokens = tokenize(formula);
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const isOp = (v: string) => peek()?.t === 'op' && (peek() as { v: string }).v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaNotSupported(`expected ${v}`);
    i++;
  };
  const compare = (): Value => {
    if (++depth > MAX_NESTING) throw new FormulaNotSupported('nested deeper than Excel allows');
    let left = concat();
    while (['=', '<>', '<', '>', '<=', '>='].some(isOp)) {
      const op = (tokens[i++] as { v: string }).v;
      const a = single(left);
      const b = single(concat());
      const both = typeof a === 'string' || typeof b === 'string' ? [textOf(a).toLowerCase(), textOf(b).toLowerCase()] : [numberOf(a), numberOf(b)];
      const [x, y] = both as [string | number, string | number];
      left = op === '=' ? x === y : op === '<>' ? x !== y : op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
    }
    depth--;
    return left;
  };
  const concat = (): Value => {
    let left = additive();
    while (isOp('&')) {
      i++;
      left = textOf(single(left)) + textOf(single(additive()));
    }
    return left;
  };
  const additive = (): Value => {
    let left = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[i++] as { v: string }).v;
      const b = numberOf(single(multiplicative()));
      left = op === '+' ? numberOf(single(left)) + b : numberOf(single(left)) - b;
    }
    return left;
  };
  const multiplicative = (): Value => {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[i++] as { v: string }).v;
      const b = numberOf(single(unary()));
      if (op === '/' && b === 0) throw new FormulaNotSupported('#DIV/0!');
      left = op === '*' ? numberOf(single(left)) * b : numberOf(single(left)) / b;
    }
    return left;
  };
  const unary = (): Value => {
    if (isOp('-') || isOp('+')) {
      // "- - -…" nests like brackets do.
      if (++depth > MAX_NESTING) throw new FormulaNotSupported('nested deeper than Excel allows');
      const minus = isOp('-');
      i++;
      const v = numberOf(single(unary()));
      depth--;
      return minus ? -v : v;
    }
    return primary();
  };
  const args = (): Value[] => {
    const list: Value[] = [];
    expect('(');
    if (isOp(')')) {
      i++;
      return list;
    }
    for (;;) {
      list.push(compare());
      if (isOp(',')) i++;
      else break;
    }
    expect(')');
    return list;
  };
  const flat = (list: Value[]): CellValue[] => list.flatMap((v) => (isRange(v) ? v.range : [v]));
  const primary = (): Value => {
    const t = tokens[i++];
    if (!t) throw new FormulaNotSupported('formula ends too early');
    if (t.t === 'num' || t.t === 'str') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = compare();
      expect(')');
      return v;
    }
    if (t.t === 'ref') {
      const values = cells.cells(t.sheet ?? sheet, Math.min(t.from[0], t.to[0]), Math.min(t.from[1], t.to[1]), Math.max(t.from[0], t.to[0]), Math.max(t.from[1], t.to[1]));
      if (!values) throw new FormulaNotSupported(`#REF! (${t.sheet})`);
      return { range: values };
    }
    if (t.t === 'fn') {
      if (!FUNCTIONS.has(t.v)) throw new FormulaNotSupported(`the function ${t.v}`);
      if (t.v === 'IF') {
        const [test, then = true, otherwise = false] = args();
        return truthOf(single(test)) ? single(then) : single(otherwise);
      }
      const list = args();
      // Direct arguments count as typed; cells of a range only when they hold numbers (Excel's SUM and COUNT).
      const direct = list.filter((v): v is CellValue => !isRange(v));
      const inRanges = flat(list.filter(isRange));
      for (const v of inRanges) if (isCellError(v)) throw new FormulaNotSupported(v.error);
      const numbers = [...direct.map(numberOf), ...inRanges.filter((v): v is number => typeof v === 'number')];
      if (t.v === 'SUM') return numbers.reduce((a, b) => a + b, 0);
      if (t.v === 'COUNT') return numbers.length;
      const truths = [...direct.map(truthOf), ...inRanges.filter((v) => typeof v === 'number' || typeof v === 'boolean').map(truthOf)];
      return t.v === 'AND' ? truths.every(Boolean) : truths.some(Boolean);
    }
    throw new FormulaNotSupported(`unexpected ${(t as { v: string }).v}`);
  };
  const result = single(compare());
  if (i < tokens.length) throw new FormulaNotSupported('text after the formula');
  return result;
}
