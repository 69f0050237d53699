/**
 * Mutations of real workbooks for fuzzing: byte flips, truncation, deleted/swapped/renamed zip entries, mutated XML
 * inside entries, and mutations by structure: changes another writer could make that must read exactly as the
 * source does (prefixes, strict namespaces, UTF-16, parts reordered, renamed or in another case, rows and cells
 * without r, CDATA), and zip structures that could mean two things (duplicated entries, a local header naming
 * another part), which must be refused. Everything is derived from (seed, index), so any case can be made again.
 */
import JSZip from 'jszip';
import { prng } from '../corpus/badFiles';
import { buildZip, dropImpliedReferences, movePart, partText, prefixSpreadsheetMl, toStrict, utf16, type ZipItem } from '../helpers/packages';

export interface Source {
  name: string;
  bytes: Uint8Array;
  /** The zip's entries as text (all parts of an .xlsx from the template are XML). */
  entries: { name: string; text: string }[];
}

export interface FuzzCase {
  index: number;
  source: string;
  /** What was done, for the failure report. */
  steps: string[];
  bytes: Uint8Array;
  /** 'same': must read exactly as the source; a code: must be refused with it; absent: any reading or finding. */
  expect?: 'same' | string;
}

/** Changes that keep a package's meaning: the case must read exactly as its source. */
const EQUIVALENT: [string, (items: ZipItem[], r: Rng) => ZipItem[]][] = [
  ['SpreadsheetML prefixed', (items, r) => {
    const prefix = pick(r, ['x', 'ns2', 's', 'main', 'q1']);
    return items.map((i) => ({ ...i, data: prefixSpreadsheetMl(text(i), prefix) }));
  }],
  ['strict namespaces', (items) => items.map((i) => ({ ...i, data: toStrict(text(i)) }))],
  ['a part as UTF-16', (items, r) => {
    const xml = items.filter((i) => /\.(xml|rels)$/.test(i.name));
    const target = pick(r, xml).name;
    const endian = pick(r, ['le', 'be'] as const);
    return items.map((i) => (i.name === target ? { ...i, data: utf16(text(i), endian) } : i));
  }],
  ['entries shuffled', (items, r) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(r, i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }],
  ['an entry name in another case', (items, r) => {
    const i = int(r, items.length);
    return items.map((item, k) => (k === i ? { ...item, name: item.name.toUpperCase() === item.name ? item.name.toLowerCase() : item.name.toUpperCase() } : item));
  }],
  ['rows and cells without r', (items) => items.map((i) => (/worksheets\/sheet\d+\.xml$/.test(i.name) ? { ...i, data: dropImpliedReferences(text(i)) } : i))],
  ['a sheet moved', (items, r) => {
    const sheets = items.filter((i) => /^xl\/worksheets\/sheet\d+\.xml$/.test(i.name));
    if (!sheets.length) return items;
    // a name no part has yet
    const to = `${pick(r, ['xl/worksheets/sheet', 'xl/Ark/Sheet Bob ', 'data/ark', 'xl/worksheets/SHEET'])}${100 + int(r, 900)}.${pick(r, ['xml', 'XML'])}`;
    return items.some((i) => i.name.toLowerCase() === to.toLowerCase()) ? items : movePart(items, pick(r, sheets).name, to);
  }],
  ['shared strings in CDATA', (items) =>
    items.map((i) =>
      i.name === 'xl/sharedStrings.xml'
        ? { ...i, data: text(i).replace(/<t(\s[^>]*)?>([^<]*)<\/t>/g, (_, a: string | undefined, t: string) => `<t${a ?? ''}><![CDATA[${t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')}]]></t>`) }
        : i,
    )],
];

/** Zip structures that could mean two things: the case must be refused with the code given. */
const AMBIGUOUS: [string, string, (items: ZipItem[], r: Rng) => ZipItem[]][] = [
  ['a part twice', 'ZIP_DUPLICATE_PART', (items, r) => {
    const copy = pick(r, items);
    const name = pick(r, [copy.name, `/${copy.name}`, copy.name.toUpperCase()]);
    return [...items, { ...copy, name, data: `${text(copy)} ` }];
  }],
  ['a local header naming another part', 'ZIP_INCONSISTENT', (items, r) => {
    const i = int(r, items.length);
    return items.map((item, k) => (k === i ? { ...item, localName: `${item.name}.anden` } : item));
  }],
];

const text = partText;

export async function loadSource(name: string, bytes: Uint8Array): Promise<Source> {
  const zip = await JSZip.loadAsync(bytes);
  const entries: { name: string; text: string }[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir) entries.push({ name: f.name, text: await f.async('string') });
  return { name, bytes, entries };
}

/** One seed per case: the run's seed and the case number, mixed. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

type Rng = () => number;
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)];

/** Tokens that stress an XML or spreadsheet parser when dropped into a part. */
const XML_TOKENS = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x1F4A9;',
  '&undefined;',
  '"',
  "'",
  ']]>',
  '<![CDATA[x]]>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
  '&e;',
  '<?xml version="1.0"?>',
  '</sheetData>',
  '<sheetData>',
  '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
  '<row r="0"><c r="A0"><v>1</v></c></row>',
  '<row r="-5"><c r="ZZZZ-5"><v>1</v></c></row>',
  '<c r="B2" t="e"><v>#REF!</v></c>',
  '<c r="B2" t="s"><v>999999</v></c>',
  '<c r="B2" t="s"><v>-1</v></c>',
  '<c r="B2" t="b"><v>2</v></c>',
  '<c r="B2" t="d"><v>not a date</v></c>',
  '<c r="B2" s="99999"><v>1</v></c>',
  '<c r="B2"><f>1/0</f><v>#DIV/0!</v></c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="B2:A1"/>',
  '<definedName name="IB_Tabel1">\'Nope\'!$A$1:$B$2</definedName>',
  '<definedName name="IB_Tabel1">#REF!</definedName>',
  '<sheet name="" sheetId="99" r:id="rId99"/>',
  '<dataValidation type="list" sqref="A1:A1048576"><formula1>"a,b"</formula1></dataValidation>',
  '1E+308',
  '-0',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '2958466',
  '\u0000',
  '\uFFFF',
  '\uD800',
  'ÆØÅ æøå',
  '=HYPERLINK("http://x","y")',
];

/** A text mutation of one XML part. */
function mutateText(r: Rng, text: string, steps: string[]): string {
  const at = int(r, text.length + 1);
  switch (int(r, 8)) {
    case 0: {
      const len = 1 + int(r, Math.min(200, text.length - at + 1));
      steps.push(`delete ${len} chars at ${at}`);
      return text.slice(0, at) + text.slice(at + len);
    }
    case 1: {
      const len = 1 + int(r, 400);
      const to = int(r, text.length + 1);
      steps.push(`copy ${len} chars from ${at} to ${to}`);
      const piece = text.slice(at, at + len);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 2:
    case 3: {
      const token = pick(r, XML_TOKENS);
      steps.push(`insert ${JSON.stringify(token.slice(0, 40))} at ${at}`);
      return text.slice(0, at) + token + text.slice(at);
    }
    case 4: {
      // Change a number (a cell value, a row number, a style or string index).
      const numbers = [...text.matchAll(/\d+(\.\d+)?/g)];
      if (!numbers.length) return text;
      const m = pick(r, numbers);
      const repl = pick(r, ['0', '-1', '1048577', '16385', '4294967296', '1e309', '0.5', String(int(r, 100000))]);
      steps.push(`number ${m[0]} at ${m.index} -> ${repl}`);
      return text.slice(0, m.index!) + repl + text.slice(m.index! + m[0].length);
    }
    case 5: {
      // Change an attribute value (cell references, types, sheet names, ids).
      const attrs = [...text.matchAll(/ (r|t|s|ref|sqref|name|state|r:id|Target|sheetId|spans)="([^"]*)"/g)];
      if (!attrs.length) return text;
      const m = pick(r, attrs);
      const repl = pick(r, ['', 'A1', 'XFD1048576', 'A1:XFD1048576', 'e', 's', 'str', 'inlineStr', 'b', 'n', 'd', 'hidden', 'veryHidden', '../../../etc/passwd', '/xl/worksheets/sheet1.xml', 'rId1', '0', '-1', 'ÆØÅ', 'x'.repeat(300)]);
      steps.push(`attribute ${m[1]}="${m[2].slice(0, 30)}" -> "${repl.slice(0, 30)}"`);
      return text.slice(0, m.index!) + ` ${m[1]}="${repl}"` + text.slice(m.index! + m[0].length);
    }
    case 6: {
      // Drop an element by its tag (a row, a cell, a defined name, a sheet).
      const tags = [...text.matchAll(/<(row|c|definedName|sheet|si|mergeCell|col|Relationship|Override|xf)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g)];
      if (!tags.length) return text;
      const m = pick(r, tags);
      steps.push(`drop <${m[1]}> at ${m.index}`);
      return text.slice(0, m.index!) + text.slice(m.index! + m[0].length);
    }
    default: {
      // Repeat a row or a shared string many times (a bigger sheet than the template has).
      const m = pick(r, [...text.matchAll(/<(row|si)\b[\s\S]*?<\/\1>/g)]);
      if (!m) return text;
      const times = 1 + int(r, 2000);
      steps.push(`repeat <${m[1]}> at ${m.index} x${times}`);
      return text.slice(0, m.index!) + m[0].repeat(times) + text.slice(m.index!);
    }
  }
}

async function rezip(entries: { name: string; text: string | Uint8Array }[], r: Rng): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.text, { date: new Date(Date.UTC(2010, 4, 12)) });
  const store = r() < 0.15;
  return zip.generateAsync({ type: 'uint8array', compression: store ? 'STORE' : 'DEFLATE', compressionOptions: { level: 1 + int(r, 9) } });
}

/** Build case `index` of a run with this seed. */
export async function makeCase(sources: Source[], seed: number, index: number): Promise<FuzzCase> {
  const r = prng(caseSeed(seed, index));
  const source = sources[int(r, sources.length)];
  const steps: string[] = [];
  const kind = int(r, 13);
  let bytes: Uint8Array;
  if (kind >= 10) {
    const items: ZipItem[] = source.entries.map((e) => ({ name: e.name, data: e.text, store: r() < 0.2 }));
    if (kind <= 11) {
      let changed = items;
      for (let n = 1 + int(r, 3); n > 0; n--) {
        const [what, change] = pick(r, EQUIVALENT);
        steps.push(what);
        changed = change(changed, r);
      }
      return { index, source: source.name, steps, bytes: buildZip(changed), expect: 'same' };
    }
    const [what, code, change] = pick(r, AMBIGUOUS);
    steps.push(what);
    return { index, source: source.name, steps, bytes: buildZip(change(items, r)), expect: code };
  }
  if (kind <= 1) {
    // Byte flips anywhere in the file (compressed data, local headers, the central directory).
    bytes = source.bytes.slice();
    const n = 1 + int(r, 16);
    for (let i = 0; i < n; i++) {
      const at = r() < 0.3 ? bytes.length - 1 - int(r, Math.min(bytes.length, 2000)) : int(r, bytes.length);
      const v = int(r, 256);
      steps.push(`byte ${at} = ${v}`);
      bytes[at] = v;
    }
  } else if (kind === 2) {
    const at = int(r, source.bytes.length);
    steps.push(`truncate to ${at}`);
    bytes = source.bytes.slice(0, at);
  } else {
    const entries: { name: string; text: string | Uint8Array }[] = source.entries.map((e) => ({ ...e }));
    const op = kind - 3;
    if (op === 0) {
      const i = int(r, entries.length);
      steps.push(`delete entry ${entries[i].name}`);
      entries.splice(i, 1);
    } else if (op === 1) {
      const i = int(r, entries.length);
      const j = int(r, entries.length);
      steps.push(`swap entries ${entries[i].name} <-> ${entries[j].name}`);
      [entries[i].text, entries[j].text] = [entries[j].text, entries[i].text];
    } else if (op === 2) {
      const i = int(r, entries.length);
      const to = pick(r, ['xl/worksheets/sheet99.xml', 'XL/WORKBOOK.XML', '../evil.xml', '/abs/path.xml', 'xl/worksheets/../sharedStrings.xml', 'xl\\worksheets\\sheet1.xml', entries[int(r, entries.length)].name]);
      steps.push(`rename entry ${entries[i].name} -> ${to}`);
      entries[i].name = to;
    } else {
      // Mutate the XML of one to three parts; the sheets and the workbook part most often.
      const n = 1 + int(r, 3);
      for (let k = 0; k < n; k++) {
        const preferred = entries.filter((e) => /worksheets|workbook\.xml$|sharedStrings|styles/.test(e.name));
        const e = r() < 0.8 && preferred.length ? pick(r, preferred) : pick(r, entries);
        const m = 1 + int(r, 4);
        const done: string[] = [];
        for (let i = 0; i < m; i++) e.text = mutateText(r, e.text as string, done);
        steps.push(...done.map((s) => `${e.name}: ${s}`));
      }
      if (r() < 0.1) {
        const e = pick(r, entries);
        steps.push(`binary garbage in ${e.name}`);
        e.text = new Uint8Array(64 + int(r, 512)).map(() => int(r, 256));
      }
    }
    bytes = await rezip(entries, r);
    if (r() < 0.1) {
      const at = int(r, bytes.length);
      steps.push(`then byte ${at} flipped`);
      bytes[at] ^= 1 << int(r, 8);
    }
  }
  return { index, source: source.name, steps, bytes };
}
