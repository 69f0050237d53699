/**
 * A defined name's formula as the areas it refers to: `'Mål a-g'!$A$3:$F$10` is one area, a union
 * `Ark!$A$1:$A$3,Ark!$D$5` two. Names that hold anything else (constants, formulas, #REF!, 3-D or external
 * references, whole rows or columns) refer to no area. Linear in the formula's length; nothing is expanded.
 */
import { rangeRef } from '../../../core/cells';

export interface NameArea {
  sheet: string;
  /** A1 range without $ signs, top-left first ("A3:F10", or "C4" for one cell). */
  ref: string;
}

const AREA = /^(?:'((?:[^']|'')+)'|([^'!:\s[\]]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function column(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

/** The pieces of a union, split at commas outside quotes and parentheses. */
function unionPieces(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 40) depth++;
    else if (c === 41) depth--;
    else if (c === 44 && depth === 0) {
      pieces.push(text.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(text.slice(from));
  return pieces;
}

export function nameAreas(formula: string): NameArea[] {
  const text = formula.trim().replace(/^=/, '');
  const areas: NameArea[] = [];
  for (const piece of unionPieces(text)) {
    const m = AREA.exec(piece.trim());
    if (!m) return [];
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const c1 = column(m[3]);
    const r1 = Number(m[4]);
    const c2 = m[5] === undefined ? c1 : column(m[5]);
    const r2 = m[6] === undefined ? r1 : Number(m[6]);
    if (Math.max(c1, c2) > MAX_COL || Math.max(r1, r2) > MAX_ROW || Math.min(r1, r2) < 1) return [];
    areas.push({ sheet, ref: rangeRef(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)) });
  }
  return areas;
}
