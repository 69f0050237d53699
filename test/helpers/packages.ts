/**
 * Packages built part by part, for the reader's contract tests: a zip writer with full control (stored or
 * deflated parts, duplicate names, a local header that names another part, two entries sharing one stream, a
 * wrong CRC) and the transformations other writers' files show, applied to real workbooks: SpreadsheetML with
 * a prefix (.NET's OpenXML SDK, ClosedXML), strict namespaces (ISO 29500), parts under other names (Numbers,
 * Google Sheets), UTF-16 parts, rows and cells without `r`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipItem {
  name: string;
  data: string | Uint8Array;
  /** Stored instead of deflated. */
  store?: boolean;
  /** The name in the local header, when it should differ from the central directory's. */
  localName?: string;
  /** A CRC-32 other than the data's. */
  crc?: number;
  /** The central entry points at this earlier item's local header and data instead of its own. */
  sameDataAs?: number;
}

const encoder = new TextEncoder();
const bytesOf = (d: string | Uint8Array) => (typeof d === 'string' ? encoder.encode(d) : d);

/** A zip file of these items, in this order (names UTF-8, flagged as such). */
export function buildZip(items: ZipItem[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  const records: { crc: number; csize: number; size: number; method: number }[] = [];
  let offset = 0;
  items.forEach((item) => {
    const raw = bytesOf(item.data);
    const method = item.store ? 0 : 8;
    const data = item.store ? raw : deflateRawSync(raw);
    const crc = item.crc ?? zlibCrc32(raw);
    const localName = Buffer.from(item.localName ?? item.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(localName.length, 26);
    records.push({ crc, csize: data.length, size: raw.length, method });
    if (item.sameDataAs !== undefined) {
      offsets.push(offsets[item.sameDataAs]);
      return;
    }
    offsets.push(offset);
    locals.push(header, localName, Buffer.from(data));
    offset += header.length + localName.length + data.length;
  });
  items.forEach((item, i) => {
    const r = records[item.sameDataAs ?? i];
    const name = Buffer.from(item.name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(r.method, 10);
    c.writeUInt32LE(item.sameDataAs !== undefined ? r.crc : records[i].crc, 16);
    c.writeUInt32LE(r.csize, 20);
    c.writeUInt32LE(r.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offsets[i], 42);
    centrals.push(c, name);
  });
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, central, end]));
}

/** The parts of a zip as text (every part of a workbook is XML), read independently of the reader under test. */
export function readParts(bytes: Uint8Array): ZipItem[] {
  const b = Buffer.from(bytes);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const items: ZipItem[] = [];
  for (let n = 0; n < count; n++) {
    const method = b.readUInt16LE(p + 10);
    const csize = b.readUInt32LE(p + 20);
    const nameLength = b.readUInt16LE(p + 28);
    const skip = nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    const name = b.toString('utf8', p + 46, p + 46 + nameLength);
    const local = b.readUInt32LE(p + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + csize);
    items.push({ name, data: (method === 8 ? inflateRawSync(data) : data).toString('utf8') });
    p += 46 + skip;
  }
  return items;
}

export const partsOf = (file: string): ZipItem[] => readParts(new Uint8Array(readFileSync(file)));

/** A part's text (UTF-8, or UTF-16 by its byte-order mark). */
export function partText(item: ZipItem): string {
  if (typeof item.data === 'string') return item.data;
  const [a, b] = item.data;
  return new TextDecoder(a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : 'utf-8').decode(item.data);
}
const text = partText;

/** Change the parts' text (each part's XML through `edit`; `name` tells which part). */
export function mapParts(items: ZipItem[], edit: (xml: string, name: string) => string | Uint8Array): ZipItem[] {
  return items.map((item) => ({ ...item, data: edit(text(item), item.name) }));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** SpreadsheetML with every element prefixed (`<x:c>`), as .NET writers produce it. */
export function prefixSpreadsheetMl(xml: string, prefix: string): string {
  const ns = [MAIN, 'http://purl.oclc.org/ooxml/spreadsheetml/main'].find((uri) => xml.includes(`xmlns="${uri}"`));
  if (!ns) return xml;
  return xml.replace(`xmlns="${ns}"`, `xmlns:${prefix}="${ns}"`).replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`);
}

/** The relationships prefix (`r:id`) renamed, as some writers do. */
export function renameRelationshipPrefix(xml: string, prefix: string): string {
  return xml
    .replace(/xmlns:r="(http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships)"/g, `xmlns:${prefix}="$1"`)
    .replace(/ r:(id|embed|pict)=/g, ` ${prefix}:$1=`);
}

/** Strict Open XML (ISO/IEC 29500 strict): the purl.oclc.org namespaces and relationship types. */
export function toStrict(xml: string): string {
  return xml
    .split('http://schemas.openxmlformats.org/spreadsheetml/2006/main')
    .join('http://purl.oclc.org/ooxml/spreadsheetml/main')
    .split('http://schemas.openxmlformats.org/officeDocument/2006/relationships')
    .join('http://purl.oclc.org/ooxml/officeDocument/relationships')
    .replace('<workbook ', '<workbook conformance="strict" ');
}

/** A part as UTF-16 with a byte-order mark (and its declaration saying so). */
export function utf16(xml: string, endian: 'le' | 'be'): Uint8Array {
  const declared = xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
  const out = new Uint8Array(2 + declared.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < declared.length; i++) {
    const c = declared.charCodeAt(i);
    out[2 + i * 2 + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 + i * 2 + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** Rows and cells without `r` wherever they follow on from the previous one (as Google Sheets and others write). */
export function dropImpliedReferences(xml: string): string {
  let previousRow = 0;
  return xml.replace(/<row\b([^>]*?)(\/?)>([\s\S]*?)(<\/row>|(?=<row\b)|(?=<\/sheetData>))/g, (whole, attrs: string, selfClosing: string, body: string, end: string) => {
    const r = /\sr="(\d+)"/.exec(attrs);
    const row = r ? Number(r[1]) : previousRow + 1;
    const rowAttrs = row === previousRow + 1 ? attrs.replace(/\sr="\d+"/, '') : attrs;
    previousRow = row;
    if (selfClosing) return `<row${rowAttrs}/>`;
    let previousCol = 0;
    const cells = body.replace(/<c\b([^>]*?)\sr="([A-Z]+)(\d+)"/g, (cell, before: string, letters: string) => {
      let col = 0;
      for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
      const keep = col !== previousCol + 1;
      previousCol = col;
      return keep ? cell : `<c${before}`;
    });
    return `<row${rowAttrs}>${cells}${end}`;
  });
}

/** Every relationship target written as an absolute part name ("/xl/worksheets/sheet1.xml"). */
function absoluteTargets(items: ZipItem[]): ZipItem[] {
  return items.map((item) => {
    // (part names compare without case: a relationships part may have been renamed in capitals)
    const m = /^(.*?)_rels\/[^/]*\.rels$/i.exec(item.name);
    if (!m) return item;
    const folder = m[1];
    return {
      ...item,
      data: text(item).replace(/<Relationship\b[^>]*>/g, (rel) =>
        /TargetMode="External"/.test(rel) ? rel : rel.replace(/Target="([^"]*)"/, (_, t: string) => `Target="${t.startsWith('/') ? t : path.posix.normalize(`/${folder}${t}`)}"`),
      ),
    };
  });
}

/**
 * Move a part and point every relationship and content-type override at its new name (percent-encoded, as a
 * URI); its own relationships part moves with it.
 */
export function movePart(items: ZipItem[], from: string, to: string): ZipItem[] {
  const relsOf = (p: string) => p.replace(/([^/]*)$/, '_rels/$1.rels');
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return absoluteTargets(items).map((item) => {
    if (same(item.name, from)) return { ...item, name: to };
    if (same(item.name, relsOf(from))) return { ...item, name: relsOf(to) };
    if (!/\.rels$/i.test(item.name) && !same(item.name, '[Content_Types].xml')) return item;
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return { ...item, data: text(item).replace(new RegExp(`(Target|PartName)="/${escaped}"`, 'gi'), (_, attr: string) => `${attr}="/${encodeURI(to)}"`) };
  });
}

// ---------------------------------------------------------------------------------------------------------
// A small workbook written part by part, as a valid package (content types, relationships).

export const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  state?: string;
  /** The inside of <sheetData>. */
  data: string;
  /** Anything after sheetData (mergeCells). */
  after?: string;
}

export interface SpreadsheetOptions {
  /** <definedName> elements. */
  names?: string;
  /** <si> elements. */
  sst?: string[];
  /** The whole styles part (default: a few date, number and text formats; see DEFAULT_STYLES). */
  styles?: string;
  /** Goes before <sheets>, e.g. <workbookPr date1904="true"/>. */
  workbookPr?: string;
  store?: boolean;
}

/**
 * Styles by cellXfs index: 0 General, 1 mm-dd-yy (14), 2 dd\-mm\-yyyy, 3 #,##0.0 "kr.", 4 #,##0 (3), 5 @ (49),
 * 6 m/d/yy h:mm (22), 7 #,##0.00 (4), 8 [h]:mm, 9 DD.MM.YYYY, 10 HH:MM:SS, 11 h:mm (20).
 */
export const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${MAIN_NS}><numFmts count="5"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/><numFmt numFmtId="165" formatCode="#,##0.0 &quot;kr.&quot;"/>` +
  '<numFmt numFmtId="166" formatCode="[h]:mm"/><numFmt numFmtId="167" formatCode="DD.MM.YYYY"/><numFmt numFmtId="168" formatCode="HH:MM:SS"/></numFmts>' +
  '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
  '<cellXfs count="12"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/><xf numFmtId="49"/><xf numFmtId="22"/><xf numFmtId="4"/>' +
  '<xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="20"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy"/></dxf></dxfs></styleSheet>';

/** The parts of a workbook with these sheets (xl/worksheets/sheetN.xml, shared strings and styles related by type). */
export function spreadsheetParts(sheets: SheetSpec[], opts: SpreadsheetOptions = {}): ZipItem[] {
  const sheetList = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const rels = [
    ...sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`,
    ...(opts.sst ? [`<Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`] : []),
  ].join('');
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
  ].join('');
  const items: ZipItem[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`,
    },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook ${MAIN_NS}>${opts.workbookPr ?? ''}<sheets>${sheetList}</sheets>${opts.names ? `<definedNames>${opts.names}</definedNames>` : ''}</workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    { name: 'xl/styles.xml', data: opts.styles ?? DEFAULT_STYLES },
    ...(opts.sst ? [{ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst ${MAIN_NS} count="${opts.sst.length}">${opts.sst.join('')}</sst>` }] : []),
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet ${MAIN_NS}><dimension ref="A1"/><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`,
    })),
  ];
  return opts.store ? items.map((item) => ({ ...item, store: true })) : items;
}

export function spreadsheet(sheets: SheetSpec[], opts: SpreadsheetOptions = {}): Uint8Array {
  return buildZip(spreadsheetParts(sheets, opts));
}
