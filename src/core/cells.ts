/** A1 addresses: column letters, cell and range references (1-based rows and columns). */

export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeRef(top: number, left: number, bottom: number, right: number): string {
  const a = cellRef(top, left);
  const b = cellRef(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

export function absoluteRef(ref: string): string {
  return ref
    .split(':')
    .map((part) => {
      const m = /^([A-Z]+)(\d+)$/i.exec(part);
      return m ? `$${m[1].toUpperCase()}$${m[2]}` : part;
    })
    .join(':');
}

export interface CellAddress {
  row: number;
  col: number;
}

export interface RangeAddress {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseCellRef(ref: string): CellAddress | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function parseRangeRef(ref: string): RangeAddress | undefined {
  const [a, b = a] = ref.split(':');
  const start = parseCellRef(a);
  const end = parseCellRef(b);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Quote a sheet name for use in a formula or defined name: 'Mål a-g'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Split "'Mål a-g'!$A$3:$F$10" into sheet and range; undefined for anything else (constants, formulas). */
export function splitSheetRef(formula: string): { sheet: string; ref: string } | undefined {
  const text = formula.trim().replace(/^=/, '');
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(text);
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, ref: m[3].replace(/\$/g, '').toUpperCase() };
}
