/** The shared-string table: each item's text, plain or in rich-text runs (phonetic runs left out). */
import { decodeCdata, decodeText, isSpreadsheetNs, scanXml } from './xml';

/** `_x000D_`-style escapes of characters XML cannot hold (ST_Xstring); `_x005F_` escapes the underscore itself. */
export function decodeEscapes(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Every <si> in order: the text of its <t> and of the <t> in its runs, joined (a run may come after plain text);
 * an empty <si/> is "".
 */
export function parseSharedStrings(xml: string, tick: () => void): string[] {
  const out: string[] = [];
  let depth = 0; // below <sst>: 1 is <si>
  let inRun = false;
  let collecting = false;
  let pieces: string[] = [];
  scanXml(
    xml,
    {
      open(ns, local) {
        depth++;
        if (!isSpreadsheetNs(ns)) return;
        if (depth === 2 && local === 'si') pieces = [];
        else if (depth === 3 && local === 'r') inRun = true;
        else if ((depth === 3 && local === 't') || (depth === 4 && inRun && local === 't')) collecting = true;
      },
      close(ns, local) {
        if (depth === 2 && local === 'si' && isSpreadsheetNs(ns)) out.push(decodeEscapes(pieces.length === 1 ? pieces[0] : pieces.join('')));
        else if (depth === 3 && local === 'r') inRun = false;
        if (collecting && local === 't') collecting = false;
        depth--;
      },
      text(x, s, e, cdata) {
        if (collecting) pieces.push(cdata ? decodeCdata(x, s, e) : decodeText(x, s, e));
      },
    },
    tick,
  );
  return out;
}
