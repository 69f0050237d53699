/**
 * Text for a terminal. A file name or a cell value can hold characters that a terminal obeys instead of showing:
 * control characters (C0, DEL, C1: escape sequences that move the cursor, retitle the window or set the clipboard,
 * and line breaks that would start a line of their own, such as a forged "x.xlsx: gyldig") and bidi controls that
 * reorder what is shown. Those are printed escaped (\n, \x1b, \u202e); everything else is printed as it is.
 * Backslashes are left alone so Windows paths read as usual: the escaping makes output safe, not reversible.
 */

/** C0 and DEL and C1; the Arabic letter mark, LRM/RLM, line and paragraph separators, embeddings and overrides,
 *  isolates, and the deprecated format characters that change shaping and symmetric swapping. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u206f]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** One line of text with every unsafe character escaped: the result never holds a line break or a control. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Lines for stdout or stderr: each made safe, then joined by the only line breaks the output holds. */
export function textLines(lines: readonly string[]): string {
  return lines.length ? `${lines.map(terminalSafe).join('\n')}\n` : '';
}
