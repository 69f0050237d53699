/**
 * The core's WorkbookReader over an .xlsx file without exceljs: only the parts reading needs (workbook, its
 * relationships, shared strings, styles, the worksheets) are unzipped, and their XML is read by a small
 * hand-written scanner. It gives exactly what XlsxWorkbookReader (exceljs) gives, including exceljs's quirks
 * (what counts as a date format, merged cells, formula results, how defined names are normalised), so either
 * reader can serve the core; test/xlsx/fastReader.test.ts holds the two to the same results.
 *
 * No Node APIs: decompression is injected (`inflateRaw`, e.g. zlib.inflateRawSync in Node); without it the
 * parts are unzipped with jszip, which works in a browser bundle.
 */
import JSZip from 'jszip';
import { cellRef as a1, columnLetter, splitSheetRef } from '../../core/cells';
import { readZipDirectory, u16, u32 } from '../../core/file/package';
import { checkSheetExtent, SHEET_LIMITS, SheetTooLargeError, type CellValue, type DefinedName, type SheetInfo, type SheetLimits, type SheetValues, type WorkbookReader } from '../../core/reader';

/**
 * Inflate raw DEFLATE data (no zlib header), e.g. Node's zlib.inflateRawSync. `size` is the size the zip
 * directory declares: an implementation should stop (throw) beyond it, so a part that lies about its size
 * cannot unpack to more than the package check allowed.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

export interface FastReaderOptions {
  /** Synchronous raw inflate; when absent, jszip unzips the parts. */
  inflateRaw?: InflateRaw;
  /**
   * Read only the sheets this accepts; the others are neither unpacked nor listed. For large workbooks of which
   * one sheet is wanted (the history in a national consolidated workbook).
   */
  onlySheets?: (name: string) => boolean;
  /** Used-range limits for the sheets read (default SHEET_LIMITS). */
  sheetLimits?: SheetLimits;
  /** Refuse to unpack a part larger than this (with onlySheets, the package check cannot know which parts are read). */
  maxPartBytes?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Zip: the central directory gives each part's offset; only the parts asked for are decompressed.

interface PartSource {
  /** Part names in the zip's order (a leading "/" removed). */
  names: string[];
  read(name: string): Promise<Uint8Array | undefined>;
}

const utf8 = new TextDecoder('utf-8');

interface RawEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** The zip's central directory by part name; throws when it is missing or damaged. */
function readCentralDirectory(bytes: Uint8Array): Map<string, RawEntry> {
  const list = readZipDirectory(bytes);
  if (!list) throw new Error('Corrupted zip: the central directory is missing or damaged');
  const entries = new Map<string, RawEntry>();
  for (const { name: stored, method, compressedSize, uncompressedSize, localOffset } of list) {
    const name = stored.startsWith('/') ? stored.slice(1) : stored;
    // A later entry with the same name replaces the earlier one (as in jszip); the order stays the first.
    if (!name.endsWith('/')) entries.set(name, { method, compressedSize, uncompressedSize, localOffset });
  }
  return entries;
}

function directSource(bytes: Uint8Array, inflateRaw: InflateRaw, maxPartBytes = Infinity): PartSource {
  const entries = readCentralDirectory(bytes);
  return {
    names: [...entries.keys()],
    async read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.uncompressedSize > maxPartBytes) throw new Error(`${name} is too large to read (${entry.uncompressedSize} bytes)`);
      const at = entry.localOffset;
      if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new Error(`Corrupted zip: bad local header for ${name}`);
      const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
      if (start + entry.compressedSize > bytes.length) throw new Error(`Corrupted zip: ${name} runs past the end of the file`);
      const data = bytes.subarray(start, start + entry.compressedSize);
      let out: Uint8Array;
      if (entry.method === 0) out = data;
      else if (entry.method === 8) out = inflateRaw(data, entry.uncompressedSize);
      else throw new Error(`Corrupted zip: unsupported compression method ${entry.method} for ${name}`);
      // As jszip: a part whose size is not the declared one is damaged (or a zip bomb lying about its size).
      if (out.length !== entry.uncompressedSize) throw new Error(`Corrupted zip: ${name} is not the size its directory declares`);
      return out;
    },
  };
}

async function jszipSource(bytes: Uint8Array): Promise<PartSource> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, JSZip.JSZipObject>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    files.set(entry.name.startsWith('/') ? entry.name.slice(1) : entry.name, entry);
  }
  return {
    names: [...files.keys()],
    async read(name) {
      const entry = files.get(name);
      return entry ? entry.async('uint8array') : undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// XML: a minimal scanner. Tags and text, entities and line ends as a conforming parser (saxes) gives them;
// CDATA is dropped, as exceljs drops it. Mismatched or unclosed tags throw.

interface XmlHandler {
  open(name: string, xml: string, attrStart: number, attrEnd: number): void;
  close(name: string): void;
  /** Raw text between tags; decode with decodeText when needed. */
  text(xml: string, start: number, end: number): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new Error(`Invalid XML: unterminated entity ${whole}`);
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    let code = NaN;
    if (/^#x[0-9a-fA-F]+$/.test(body)) code = parseInt(body.slice(2), 16);
    else if (/^#[0-9]+$/.test(body)) code = parseInt(body.slice(1), 10);
    if (!(code >= 0 && code <= 0x10ffff)) throw new Error(`Invalid XML: undefined entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

/** Text content: line ends normalised (\r\n and \r become \n), then entities decoded. */
function decodeText(xml: string, start: number, end: number): string {
  let s = xml.slice(start, end);
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return decodeEntities(s);
}

/** Attributes of a tag; values normalised as XML says (tabs and line ends become spaces) and decoded. */
function parseAttributes(xml: string, start: number, end: number): Record<string, string> {
  const out: Record<string, string> = {};
  let i = start;
  while (i < end) {
    let c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= end) throw new Error('Invalid XML: attribute without value');
    let nameEnd = eq;
    while (nameEnd > i && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    const name = xml.slice(i, nameEnd);
    let q = eq + 1;
    while (q < end && ((c = xml.charCodeAt(q)) === 32 || c === 9 || c === 10 || c === 13)) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) throw new Error('Invalid XML: unquoted attribute value');
    const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0 || close >= end) throw new Error('Invalid XML: unterminated attribute value');
    let value = xml.slice(q + 1, close);
    for (let k = 0; k < value.length; k++) {
      const d = value.charCodeAt(k);
      if (d === 9 || d === 10 || d === 13) {
        value = value.replace(/\r\n|[\t\n\r]/g, ' ');
        break;
      }
    }
    out[name] = decodeEntities(value);
    i = close + 1;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  const stack: string[] = [];
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      h.text(xml, i, n);
      break;
    }
    if (lt > i) h.text(xml, i, lt);
    const c = xml.charCodeAt(lt + 1);
    if (c === 47) {
      // </name>
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) throw new Error('Invalid XML: unterminated close tag');
      let e = gt;
      while (e > lt + 2 && isSpace(xml.charCodeAt(e - 1))) e--;
      const name = xml.slice(lt + 2, e);
      if (stack.pop() !== name) throw new Error(`Invalid XML: unexpected close tag </${name}>`);
      h.close(name);
      i = gt + 1;
      continue;
    }
    if (c === 63) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) throw new Error('Invalid XML: unterminated processing instruction');
      i = e + 2;
      continue;
    }
    if (c === 33) {
      let e: number;
      if (xml.startsWith('<!--', lt)) {
        e = xml.indexOf('-->', lt + 4);
        if (e < 0) throw new Error('Invalid XML: unterminated comment');
        i = e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        e = xml.indexOf(']]>', lt + 9);
        if (e < 0) throw new Error('Invalid XML: unterminated CDATA');
        i = e + 3;
      } else {
        const bracket = xml.indexOf('[', lt);
        const gt = xml.indexOf('>', lt);
        if (gt < 0) throw new Error('Invalid XML: unterminated declaration');
        e = bracket >= 0 && bracket < gt ? xml.indexOf(']>', bracket) : gt - 1;
        if (e < 0) throw new Error('Invalid XML: unterminated declaration');
        i = e + 2;
      }
      continue;
    }
    // <name attr="v" ...> or <name .../>
    let j = lt + 1;
    let ch = xml.charCodeAt(j);
    while (j < n && !(ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62)) ch = xml.charCodeAt(++j);
    if (j === lt + 1) throw new Error('Invalid XML: tag without a name');
    const name = xml.slice(lt + 1, j);
    let k = j;
    let quote = 0;
    for (; k < n; k++) {
      const d = xml.charCodeAt(k);
      if (quote) {
        if (d === quote) quote = 0;
      } else if (d === 34 || d === 39) quote = d;
      else if (d === 62) break;
      else if (d === 60) throw new Error('Invalid XML: "<" inside a tag');
    }
    if (k >= n) throw new Error(`Invalid XML: unterminated tag <${name}`);
    const selfClosing = xml.charCodeAt(k - 1) === 47 && k - 1 >= j;
    h.open(name, xml, j, selfClosing ? k - 1 : k);
    if (selfClosing) h.close(name);
    else stack.push(name);
    i = k + 1;
  }
  if (stack.length) throw new Error(`Invalid XML: unclosed tag <${stack[stack.length - 1]}>`);
}

// ---------------------------------------------------------------------------------------------------------
// exceljs's conventions, reproduced.

/** exceljs's built-in number formats (lib/xlsx/defaultnumformats.js, the ones with a format code). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

const dateFormats = new Map<string, boolean>();

function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let known = dateFormats.get(fmt);
  if (known === undefined) {
    known = /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
    // Asked once per cell: remembered, within bounds (a hostile file can hold many formats).
    if (dateFormats.size > 1000) dateFormats.clear();
    dateFormats.set(fmt, known);
  }
  return known;
}

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** exceljs turns a date-formatted number into a JS date; XlsxWorkbookReader turns that back into a serial. */
function dateRoundTrip(v: unknown, date1904: boolean): number {
  const ms = Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const time = Math.abs(ms) > 8.64e15 || Number.isNaN(ms) ? NaN : ms + 0;
  const days = (time - EXCEL_EPOCH) / MS_PER_DAY;
  return days < 61 ? days - 1 : days;
}

/** exceljs's xmlDecode, applied a second time to "str" values and sheet names. */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);
}

/** _x000D_-style escapes in <t> text (exceljs's TextXform). */
function decodeEscapes(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

interface Address {
  row: number | undefined;
  col: number | undefined;
  address: string;
}

/** exceljs's colCache.decodeAddress. */
function decodeAddress(value: string): Address {
  // The usual case, letters then digits (A1): the address is the text itself.
  let i = 0;
  let colNumber = 0;
  let rowNumber = 0;
  let c = value.charCodeAt(0);
  while (c >= 65 && c <= 90) {
    colNumber = colNumber * 26 + c - 64;
    c = value.charCodeAt(++i);
  }
  const letters = i;
  while (c >= 48 && c <= 57) {
    rowNumber = rowNumber * 10 + c - 48;
    c = value.charCodeAt(++i);
  }
  if (letters > 0 && i > letters && i === value.length && colNumber <= 16384) return { address: value, col: colNumber, row: rowNumber };
  return decodeAddressSlowly(value);
}

function decodeAddressSlowly(value: string): Address {
  let hasCol = false;
  let col = '';
  let colNumber: number | undefined = 0;
  let hasRow = false;
  let row = '';
  let rowNumber: number | undefined = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    if (!hasRow && char >= 65 && char <= 90) {
      hasCol = true;
      col += value[i];
      colNumber = colNumber * 26 + char - 64;
    } else if (char >= 48 && char <= 57) {
      hasRow = true;
      row += value[i];
      rowNumber = rowNumber! * 10 + char - 48;
    } else if (hasRow && hasCol && char !== 36) {
      break;
    }
  }
  if (!hasCol) colNumber = undefined;
  else if (colNumber > 16384) throw new Error(`Out of bounds. Invalid column letter: ${col}`);
  if (!hasRow) rowNumber = undefined;
  return { address: col + row, col: colNumber, row: rowNumber };
}

interface DecodedRef {
  sheetName: string | undefined;
  top?: number;
  left?: number;
  bottom?: number;
  right?: number;
  row?: number;
  col?: number;
}

/** exceljs's colCache.decodeEx (the sheet name is kept as written, '' unescaped). */
function decodeEx(value: string): DecodedRef {
  const groups = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/.exec(value)!;
  const sheetName = groups[1] || groups[2];
  const parts = groups[3].split(':');
  if (parts.length > 1) {
    const tl = decodeAddress(parts[0]);
    const br = decodeAddress(parts[1]);
    return {
      sheetName,
      top: Math.min(tl.row as number, br.row as number),
      left: Math.min(tl.col as number, br.col as number),
      bottom: Math.max(tl.row as number, br.row as number),
      right: Math.max(tl.col as number, br.col as number),
    };
  }
  if (groups[3].startsWith('#')) return { sheetName };
  const a = decodeAddress(groups[3]);
  return { sheetName, row: a.row, col: a.col };
}

/** exceljs's extractRanges: split a defined name's text into the ranges colCache can decode. */
function extractRanges(text: string): string[] {
  const valid = (r: string) => {
    try {
      decodeEx(r);
      return true;
    } catch {
      return false;
    }
  };
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const quotes = (item.match(/'/g) || []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (valid(item)) ranges.push(item);
      continue;
    }
    const even = quotes % 2 === 0;
    if (!quotesOpened && even && valid(item)) ranges.push(item);
    else if (quotesOpened && !even) {
      quotesOpened = false;
      if (valid(last + item)) ranges.push(last + item);
      last = '';
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}

function serialisedSheetName(sheetName: string | undefined): string {
  if (!sheetName) return '';
  return /^[a-zA-Z0-9]*$/.test(sheetName) ? `${sheetName}!` : `'${sheetName}'!`;
}

function shortRange(sheetName: string | undefined, top: number, left: number, bottom: number, right: number): string {
  const tl = `$${columnLetter(left)}$${top}`;
  if ((1 + bottom - top) * (1 + right - left) > 1) return `${serialisedSheetName(sheetName)}${tl}:$${columnLetter(right)}$${bottom}`;
  return `${serialisedSheetName(sheetName)}${tl}`;
}

const RANGE_REGEXP = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;

/** Cells of one name, as exceljs's CellMatrix keeps them (so the same ranges come out in the same order). */
interface MatrixCell {
  sheetName: string | undefined;
  row: number;
  col: number;
  mark?: boolean;
}

/** A name's ranges as exceljs's DefinedNames model gives them: its cells regrouped into rectangles. */
function namedRanges(rangeStrs: string[]): string[] {
  const valid = rangeStrs.filter((r) => RANGE_REGEXP.test(r.split('!').pop() || ''));
  if (valid.length === 0) return [];
  if (valid.length === 1) {
    // One rectangle comes back as itself.
    const d = decodeEx(valid[0]);
    const ok = (x: number | undefined) => typeof x === 'number' && Number.isInteger(x) && x > 0;
    if (d.top !== undefined && ok(d.top) && ok(d.left) && ok(d.bottom) && ok(d.right)) return [shortRange(d.sheetName, d.top, d.left!, d.bottom!, d.right!)];
    if (d.top === undefined && ok(d.row) && ok(d.col)) return [shortRange(d.sheetName, d.row!, d.col!, d.row!, d.col!)];
  }
  // Several ranges: rebuild exceljs's cell matrix and sweep it.
  const sheets: Record<string, MatrixCell[][]> = {};
  const at = (sheetName: string | undefined, row: number, col: number, create: boolean): MatrixCell | undefined => {
    const key = sheetName as string;
    const sheet = sheets[key] || (create ? (sheets[key] = []) : undefined);
    if (!sheet) return undefined;
    const r = sheet[row] || (create ? (sheet[row] = []) : undefined);
    if (!r) return undefined;
    return r[col] || (create ? (r[col] = { sheetName, row, col }) : undefined);
  };
  let budget = 5_000_000;
  for (const str of valid) {
    const d = decodeEx(str);
    if (d.top) {
      budget -= (d.bottom! - d.top + 1) * (d.right! - d.left! + 1);
      if (budget < 0) throw new Error('defined name too large');
      for (let row = d.top; row <= d.bottom!; row++) for (let col = d.left!; col <= d.right!; col++) at(d.sheetName, row, col, true);
    } else {
      at(d.sheetName, d.row as number, d.col as number, true);
    }
  }
  const all: MatrixCell[] = [];
  for (const key of Object.keys(sheets)) sheets[key].forEach((r) => r && r.forEach((c) => c && all.push(c)));
  for (const c of all) c.mark = true;
  const out: string[] = [];
  for (const cell of all) {
    if (!cell.mark) continue;
    cell.mark = false;
    const { sheetName } = cell;
    let top = cell.row;
    let bottom = cell.row;
    let left = cell.col;
    let right = cell.col;
    const vGrow = (yy: number): boolean => {
      const c = at(sheetName, yy, cell.col, false);
      if (!c || !c.mark) return false;
      c.mark = false;
      return true;
    };
    for (let y = cell.row - 1; vGrow(y); y--) top = y;
    for (let y = cell.row + 1; vGrow(y); y++) bottom = y;
    const hGrow = (xx: number): boolean => {
      const cells: MatrixCell[] = [];
      for (let y = top; y <= bottom; y++) {
        const c = at(sheetName, y, xx, false);
        if (c && c.mark) cells.push(c);
        else return false;
      }
      for (const c of cells) c.mark = false;
      return true;
    };
    for (let x = cell.col - 1; hGrow(x); x--) left = x;
    for (let x = cell.col + 1; hGrow(x); x++) right = x;
    out.push(shortRange(sheetName, top, left, bottom, right));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Parts.

interface WorkbookPart {
  sheets: { name: string; id: number; state: string | undefined; rId: string | undefined }[];
  definedNames: { name: string; localSheetId?: number; text: string }[];
  date1904: boolean;
}

function parseWorkbook(xml: string): WorkbookPart {
  const out: WorkbookPart = { sheets: [], definedNames: [], date1904: false };
  let name: { name: string; localSheetId?: number; text: string } | undefined;
  scanXml(xml, {
    open(tag, x, s, e) {
      if (tag === 'sheet') {
        const a = parseAttributes(x, s, e);
        if (a.name === undefined) throw new Error("Cannot read properties of undefined (reading 'replace')");
        out.sheets.push({ name: xmlDecodeAgain(a.name), id: parseInt(a.sheetId, 10), state: a.state, rId: a['r:id'] });
      } else if (tag === 'definedName') {
        const a = parseAttributes(x, s, e);
        name = { name: a.name, text: '' };
        if (a.localSheetId !== undefined) name.localSheetId = parseInt(a.localSheetId, 10);
      } else if (tag === 'workbookPr') {
        out.date1904 = parseAttributes(x, s, e).date1904 === '1';
      }
    },
    close(tag) {
      if (tag === 'definedName' && name) {
        out.definedNames.push(name);
        name = undefined;
      }
    },
    text(x, s, e) {
      if (name) name.text += decodeText(x, s, e);
    },
  });
  return out;
}

function parseRels(xml: string): Map<string, string> {
  const rels = new Map<string, string>();
  scanXml(xml, {
    open(tag, x, s, e) {
      if (tag === 'Relationship') {
        const a = parseAttributes(x, s, e);
        rels.set(a.Id, a.Target);
      }
    },
    close() {},
    text() {},
  });
  return rels;
}

/** Per cellXfs index, the number format exceljs would give the cell (undefined for none). */
function parseStyles(xml: string): (string | undefined)[] | undefined {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  scanXml(xml, {
    open(tag, x, s, e) {
      if (tag === 'numFmts') inNumFmts = true;
      else if (tag === 'numFmt' && inNumFmts) {
        const a = parseAttributes(x, s, e);
        custom.set(parseInt(a.numFmtId, 10), (a.formatCode ?? '').replace(/[\\](.)/g, '$1'));
      } else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) xfs.push(parseInt(parseAttributes(x, s, e).numFmtId, 10));
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
      else if (tag === 'numFmts') inNumFmts = false;
    },
    text() {},
  });
  if (xfs.length === 0) return undefined;
  return xfs.map((id) => (id ? custom.get(id) || BUILTIN_FORMATS[id] || undefined : undefined));
}

type SharedString = string | { richText: { text?: string }[] } | Record<string, never>;

function parseSharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  let si: SharedString | undefined;
  let depth = 0; // nesting below <si>
  let mode: 't' | 'r' | 'rPh' | undefined;
  let modeDepth = 0;
  let text: string[] | undefined; // the <t> being read
  let run: { text?: string } | undefined;
  scanXml(xml, {
    open(tag) {
      if (si === undefined) {
        if (tag === 'si') {
          si = {};
          depth = 0;
          mode = undefined;
        } else if (tag !== 'sst') throw new Error(`Unexpected xml node in parseOpen: ${JSON.stringify({ name: tag })}`);
        return;
      }
      depth++;
      if (mode === undefined) {
        if (tag !== 't' && tag !== 'r' && tag !== 'rPh') return;
        mode = tag;
        modeDepth = depth;
        if (mode === 't') text = [];
        if (mode === 'r') run = {};
      } else if (mode === 'r' && tag === 't') text = [];
    },
    close(tag) {
      if (si === undefined) return;
      if (depth === 0) {
        // </si>
        out.push(si);
        si = undefined;
        return;
      }
      if (mode === 'r' && tag === 't' && text) {
        run!.text = decodeEscapes(text.join(''));
        text = undefined;
      }
      if (depth === modeDepth) {
        if (mode === 't') si = decodeEscapes(text!.join(''));
        else if (mode === 'r') {
          if (typeof si === 'string') throw new Error("Cannot create property 'richText' on string");
          const s = si as { richText?: { text?: string }[] };
          (s.richText ||= []).push(run!);
        }
        mode = undefined;
        text = undefined;
      }
      depth--;
    },
    text(x, s, e) {
      if (text) text.push(decodeText(x, s, e));
    },
  });
  return out;
}

interface ParsedCell {
  col: number;
  value: CellValue;
  numFmt: string;
}

interface SheetContext {
  sharedStrings: SharedString[] | undefined;
  styles: (string | undefined)[] | undefined | null;
  date1904: boolean;
  limits: SheetLimits;
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String((v as { error: unknown }).error) };
    if ('richText' in v) return (v as { richText: { text?: string }[] }).richText.map((t) => t.text).join('');
  }
  return String(v);
}

/** One worksheet's cells, as exceljs's worksheet model and XlsxWorkbookReader.readSheet make them. */
function parseSheet(name: string, xml: string, ctx: SheetContext): SheetValues {
  const rows = new Map<number, Map<number, ParsedCell>>();
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  let inSheetData = false;
  let inMergeCells = false;
  let row: Map<number, ParsedCell> | undefined;
  let rowNumber = 0;
  let previousCol: number | undefined;
  // the cell being read
  let inCell = false;
  let cellRef: string | undefined;
  let cellT: string | undefined;
  let styleId: number | undefined;
  let formula: string | undefined;
  let shareType: string | undefined;
  let value: string | { richText: { text?: string }[] } | undefined;
  let current: 'f' | 'v' | 't' | undefined;
  let inRun = false;
  let runText: string[] | undefined;
  let run: { text?: string } | undefined;
  let runSub: string | undefined; // the element below <r> being read (t or rPr)

  const finishCell = () => {
    let type: 'formula' | 'value' | 'skip';
    let v: unknown = undefined;
    if (formula || shareType) {
      type = 'formula';
      if (value) {
        if (cellT === 'str') v = xmlDecodeAgain(value as string);
        else if (cellT === 'b') v = parseInt(value as string, 10) !== 0;
        else if (cellT === 'e') v = { error: value };
        else v = parseFloat(value as string);
      }
    } else if (value !== undefined) {
      type = 'value';
      if (cellT === 's') v = parseInt(value as string, 10);
      else if (cellT === 'str') v = xmlDecodeAgain(value as string);
      else if (cellT === 'inlineStr') v = value;
      else if (cellT === 'b') v = parseInt(value as string, 10) !== 0;
      else if (cellT === 'e') v = { error: value };
      else v = parseFloat(value as string);
    } else if (styleId) {
      type = 'value'; // a styled blank: exceljs keeps it as a null cell
    } else {
      return; // exceljs's "merge" cell: not added at all
    }
    // address: the column from r, else the one after the previous cell
    let col: number;
    if (cellRef !== undefined) {
      const a = decodeAddress(cellRef);
      if (!row!.has(a.col as number) && !/^[A-Z]+\d+$/.test(a.address)) throw new Error(`Invalid Address: ${a.address}`);
      col = a.col as number;
    } else if (previousCol !== undefined) {
      col = previousCol + 1;
    } else {
      throw new Error("Cannot read properties of undefined (reading 'col')");
    }
    previousCol = col;
    let numFmt: string | undefined;
    if (styleId && ctx.styles !== undefined) {
      if (ctx.styles === null) throw new Error(`Cannot read properties of undefined (reading '${styleId}')`);
      numFmt = ctx.styles[styleId];
    }
    const dateFmt = isDateFmt(numFmt);
    let out: CellValue = null;
    if (type === 'formula') {
      out = v === undefined ? null : toCellValue(dateFmt ? dateRoundTrip(v, ctx.date1904) : v);
    } else if (v !== undefined) {
      if (cellT === 's' || cellT === 'str' || cellT === 'inlineStr') {
        if (typeof v === 'number' && ctx.sharedStrings) v = ctx.sharedStrings[v];
        if (v === undefined || v === null) throw new Error("Cannot read properties of undefined (reading 'richText')");
        out = toCellValue(v);
      } else if (typeof v === 'number' && dateFmt && cellT !== 'b' && cellT !== 'e') {
        out = dateRoundTrip(v, ctx.date1904);
      } else {
        out = toCellValue(v);
      }
    }
    row!.set(col, { col, value: out, numFmt: numFmt || 'General' });
  };

  scanXml(xml, {
    open(tag, x, s, e) {
      if (inCell) {
        if (inRun) {
          if (runSub === undefined) {
            if (tag === 't') {
              runSub = 't';
              runText = [];
            } else if (tag === 'rPr') runSub = 'rPr';
          } else if (runSub === 't' && tag === 't') runText = [];
          return;
        }
        if (tag === 'f') {
          current = 'f';
          const a = parseAttributes(x, s, e);
          shareType = a.t;
        } else if (tag === 'v') current = 'v';
        else if (tag === 't') current = 't';
        else if (tag === 'r') {
          inRun = true;
          run = {};
          runSub = undefined;
        }
        return;
      }
      if (inSheetData) {
        if (tag === 'row' && !row) {
          const a = parseAttributes(x, s, e);
          rowNumber = parseInt(a.r, 10);
          if (Number.isNaN(rowNumber)) throw new Error('Invalid row number in model');
          row = new Map();
          previousCol = undefined;
        } else if (tag === 'c' && row) {
          const a = parseAttributes(x, s, e);
          inCell = true;
          cellRef = a.r;
          cellT = a.t;
          styleId = a.s ? parseInt(a.s, 10) : undefined;
          formula = undefined;
          shareType = undefined;
          value = undefined;
          current = undefined;
          inRun = false;
        }
        return;
      }
      if (tag === 'sheetData') inSheetData = true;
      else if (tag === 'mergeCells') inMergeCells = true;
      else if (tag === 'mergeCell' && inMergeCells) {
        const ref = parseAttributes(x, s, e).ref ?? '';
        const [a, b = a] = ref.split(':');
        const tl = decodeAddress(a);
        const br = decodeAddress(b);
        merges.push({
          top: Math.min(tl.row as number, br.row as number),
          left: Math.min(tl.col as number, br.col as number),
          bottom: Math.max(tl.row as number, br.row as number),
          right: Math.max(tl.col as number, br.col as number),
        });
      }
    },
    close(tag) {
      if (inCell) {
        if (inRun) {
          if (tag === 'r') {
            if (value === undefined || typeof value === 'string') {
              if (typeof value === 'string') throw new Error("Cannot create property 'richText' on string");
              value = { richText: [] };
            }
            value.richText.push(run!);
            inRun = false;
            current = undefined;
          } else if (tag === runSub) {
            if (runSub === 't') run!.text = decodeEscapes(runText!.join(''));
            runSub = undefined;
            runText = undefined;
          }
          return;
        }
        if (tag === 'c') {
          inCell = false;
          finishCell();
        } else if (tag === 'f' || tag === 'v' || tag === 'is' || tag === 't') current = undefined;
        return;
      }
      if (tag === 'row' && row) {
        if (rowNumber >= 1) rows.set(rowNumber, row);
        row = undefined;
      } else if (tag === 'sheetData') inSheetData = false;
      else if (tag === 'mergeCells') inMergeCells = false;
    },
    text(x, s, e) {
      if (!inCell) return;
      if (inRun) {
        if (runSub === 't') runText!.push(decodeText(x, s, e));
        return;
      }
      if (current === 'f') {
        formula = (formula ?? '') + decodeText(x, s, e);
      } else if (current === 'v' || current === 't') {
        if (typeof value === 'object') return;
        const t = decodeText(x, s, e);
        value = value ? value + t : t;
      }
    },
  });

  // Merged cells: only the top-left keeps its value (overlapping merges make exceljs give up).
  const slave = new Set<number>();
  merges.forEach((m, i) => {
    for (let j = 0; j < i; j++) {
      const o = merges[j];
      if (!(m.bottom < o.top || m.top > o.bottom || m.right < o.left || m.left > o.right)) throw new Error('Cannot merge already merged cells');
    }
  });
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = rows.get(r);
      if (!cells) continue;
      for (const c of cells.keys()) if (c >= m.left && c <= m.right && (r > m.top || c > m.left)) slave.add(r * 16385 + c);
    }
  }

  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const kept: { r: number; cell: ParsedCell }[] = [];
  for (const [r, cells] of rows) {
    for (const cell of cells.values()) {
      if (cell.value === null || (slave.size && slave.has(r * 16385 + cell.col))) continue;
      kept.push({ r, cell });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (cell.col < left) left = cell.col;
      if (cell.col > right) right = cell.col;
    }
  }
  if (kept.length === 0) return { name, top: 1, left: 1, values: [], numberFormats: [] };
  // Before allocating the dense grid (as XlsxWorkbookReader): one stray cell at XFD1048576 must not ask for billions.
  checkSheetExtent(name, top, left, bottom, right, a1(bottom, right), ctx.limits);
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const numberFormats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill('General'));
  for (const { r, cell } of kept) {
    values[r - top][cell.col - left] = cell.value;
    numberFormats[r - top][cell.col - left] = cell.numFmt;
  }
  return { name, top, left, values, numberFormats };
}

// ---------------------------------------------------------------------------------------------------------

const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

function checkSheetName(name: string, taken: string[]): string {
  if (name === '') throw new Error("The name can't be empty.");
  if (name === 'History') throw new Error('The name "History" is protected. Please use a different name.');
  if (/[*?:/\\[\]]/.test(name)) throw new Error(`Worksheet name ${name} cannot include any of the following characters: * ? : \\ / [ ]`);
  if (/(^')|('$)/.test(name)) throw new Error(`The first or last character of worksheet name cannot be a single quotation mark: ${name}`);
  const n = name.length > 31 ? name.substring(0, 31) : name;
  if (taken.some((t) => t.toLowerCase() === n.toLowerCase())) throw new Error(`Worksheet name already exists: ${n}`);
  return n;
}

export class FastXlsxReader implements WorkbookReader {
  private constructor(
    private readonly sheets: SheetInfo[],
    private readonly sheetValues: Map<string, SheetValues | SheetTooLargeError>,
    private readonly names: DefinedName[],
  ) {}

  /** Read a workbook; throws (like XlsxWorkbookReader.load) when it cannot be read. */
  static async load(data: Uint8Array | ArrayBuffer, options: FastReaderOptions = {}): Promise<FastXlsxReader> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const source = options.inflateRaw ? directSource(bytes, options.inflateRaw, options.maxPartBytes) : await jszipSource(bytes);
    const text = async (name: string) => {
      const b = await source.read(name);
      return b === undefined ? undefined : utf8.decode(b);
    };

    const workbookXml = await text('xl/workbook.xml');
    const workbook = workbookXml === undefined ? { sheets: [], definedNames: [], date1904: false } : parseWorkbook(workbookXml);
    const relsXml = await text('xl/_rels/workbook.xml.rels');
    const rels = relsXml === undefined ? new Map<string, string>() : parseRels(relsXml);
    const sstXml = await text('xl/sharedStrings.xml');
    const sharedStrings = sstXml === undefined ? undefined : parseSharedStrings(sstXml);
    const stylesXml = await text('xl/styles.xml');
    // undefined: no styles part (no formats); null: a styles part without cellXfs (exceljs fails on a styled cell)
    const styles = stylesXml === undefined ? undefined : (parseStyles(stylesXml) ?? null);
    const ctx: SheetContext = { sharedStrings, styles, date1904: workbook.date1904, limits: options.sheetLimits ?? SHEET_LIMITS };

    // exceljs reads every part named like a worksheet, then attaches names from workbook.xml through the rels.
    const parts = source.names.filter((n) => SHEET_PART.test(n));
    const defs = new Map<string, WorkbookPart['sheets'][number]>();
    for (const sheet of workbook.sheets) {
      const target = sheet.rId === undefined ? undefined : rels.get(sheet.rId);
      if (target === undefined) continue;
      const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      if (parts.includes(part)) defs.set(part, sheet);
    }
    // exceljs keeps its sheets in an array indexed by sheetId: a later part with the same id replaces the
    // earlier one; ids that are not positive integers are dropped; names must be valid and unique.
    const unreferenced = (xml: string) => {
      try {
        parseSheet('', xml, ctx);
      } catch (err) {
        if (!(err instanceof SheetTooLargeError)) throw err;
      }
    };
    const byId = new Map<number, { name: string; state: string; xml: string }>();
    for (const part of parts) {
      const def = defs.get(part);
      if (options.onlySheets && !(def && options.onlySheets(def.name))) continue;
      const xml = (await text(part))!;
      if (!def || !(Number.isInteger(def.id) && def.id >= 0)) {
        unreferenced(xml); // a part no sheet points at is still parsed (and its errors fail the load)
        continue;
      }
      const name = checkSheetName(def.name, [...byId.values()].map((s) => s.name));
      byId.set(def.id, { name, state: def.state || 'visible', xml });
    }
    byId.delete(0);
    const order = (id: number) => workbook.sheets.findIndex((s) => s.id === id);
    const ordered = [...byId.entries()].sort((a, b) => order(a[0]) - order(b[0]) || a[0] - b[0]).map(([, v]) => v);
    // A sheet too large to hold is refused when it is read (as XlsxWorkbookReader.readSheet refuses it).
    const sheetValues = new Map<string, SheetValues | SheetTooLargeError>();
    for (const s of ordered) {
      try {
        sheetValues.set(s.name, parseSheet(s.name, s.xml, ctx));
      } catch (err) {
        if (!(err instanceof SheetTooLargeError)) throw err;
        sheetValues.set(s.name, err);
      }
    }

    // Defined names: print areas and titles belong to the sheets; the rest as exceljs's DefinedNames model.
    const matrix: Record<string, string[]> = {};
    for (const dn of workbook.definedNames) {
      const ranges = extractRanges(dn.text);
      if (dn.name === '_xlnm.Print_Area') {
        if (dn.localSheetId !== undefined && ordered[dn.localSheetId] && ranges.length === 0) throw new Error("Cannot read properties of undefined (reading 'match')");
        continue;
      }
      if (dn.name === '_xlnm.Print_Titles') continue;
      matrix[dn.name] = ranges;
    }
    const names: DefinedName[] = [];
    for (const [name, ranges] of Object.entries(matrix)) {
      for (const range of namedRanges(ranges)) {
        const parsed = splitSheetRef(range);
        if (parsed) names.push({ name, sheet: parsed.sheet, ref: parsed.ref });
      }
    }
    return new FastXlsxReader(
      ordered.map((s) => ({ name: s.name, visible: s.state === 'visible' })),
      sheetValues,
      names,
    );
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ ...s }));
  }

  async readSheet(name: string): Promise<SheetValues> {
    const sheet = this.sheetValues.get(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    if (sheet instanceof SheetTooLargeError) throw sheet;
    return sheet;
  }

  async definedNames(): Promise<DefinedName[]> {
    return this.names.map((n) => ({ ...n }));
  }
}
