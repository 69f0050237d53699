/**
 * XML for package parts: bytes to text (UTF-8 or UTF-16, by byte-order mark or declaration) and a small scanner
 * that reports elements by namespace and local name, whatever prefix a writer chose (`x:c`, `ns2:sst`, none).
 * Strict and transitional SpreadsheetML namespaces are the same namespace here. Elements of namespaces the reader
 * does not know are skipped with their content; markup-compatibility blocks are read through their Fallback.
 * Only the five predefined entities and character references are known; a DTD is refused (OPC forbids them in
 * package parts), so nothing is ever expanded or fetched. Every step is linear in the part's length.
 */

/** Namespaces the reader knows, as small numbers (NS_NONE: an element in no namespace). */
export const NS_NONE = 0;
export const NS_MAIN = 1;
export const NS_REL = 2;
export const NS_PKG_REL = 3;
export const NS_CT = 4;
export const NS_MC = 5;
export const NS_XML = 6;
export const NS_OTHER = 7;

const KNOWN_NAMESPACES = new Map<string, number>([
  ['', NS_NONE],
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', NS_MAIN],
  ['http://purl.oclc.org/ooxml/spreadsheetml/main', NS_MAIN],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', NS_REL],
  ['http://purl.oclc.org/ooxml/officeDocument/relationships', NS_REL],
  ['http://schemas.openxmlformats.org/package/2006/relationships', NS_PKG_REL],
  ['http://schemas.openxmlformats.org/package/2006/content-types', NS_CT],
  ['http://schemas.openxmlformats.org/markup-compatibility/2006', NS_MC],
  ['http://www.w3.org/XML/1998/namespace', NS_XML],
]);

/** SpreadsheetML, or a part that declares no namespace at all (as some hand-made files do). */
export function isSpreadsheetNs(ns: number): boolean {
  return ns === NS_MAIN || ns === NS_NONE;
}

// ---------------------------------------------------------------------------------------------------------
// Bytes to text

const decoders = new Map<string, TextDecoder>();
function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) {
    d = new TextDecoder(label);
    decoders.set(label, d);
  }
  return d;
}

/**
 * A part's text: UTF-8 or UTF-16 by byte-order mark; without one, UTF-16 recognised by its first "<", else the
 * encoding the XML declaration names (UTF-8 when none). Invalid byte sequences become U+FFFD.
 */
export function decodeXml(bytes: Uint8Array): string {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return decoder('utf-8').decode(bytes);
  if (a === 0xff && b === 0xfe) return decoder('utf-16le').decode(bytes);
  if (a === 0xfe && b === 0xff) return decoder('utf-16be').decode(bytes);
  if (a === 0x3c && b === 0x00 && c !== 0x00) return decoder('utf-16le').decode(bytes);
  if (a === 0x00 && b === 0x3c && d !== 0x00) return decoder('utf-16be').decode(bytes);
  if (a === 0x3c && b === 0x3f) {
    const head = decoder('latin1').decode(bytes.subarray(0, 200));
    const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1].toLowerCase();
    if (declared && declared !== 'utf-8' && declared !== 'utf8' && !declared.startsWith('utf-16')) {
      try {
        return decoder(declared).decode(bytes);
      } catch {
        throw new Error(`Invalid XML: unknown encoding ${declared}`);
      }
    }
  }
  return decoder('utf-8').decode(bytes);
}

// ---------------------------------------------------------------------------------------------------------
// Text and entities

function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Entities and character references decoded; anything else (`&constructor;`, `&e;`) is an error. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    // The longest reference is "&#x10FFFF;": a ";" further away means the entity is not terminated.
    if (semi < 0 || semi - amp > 12) throw new Error(`Invalid XML: unterminated entity ${s.slice(amp, amp + 12)}`);
    const body = s.slice(amp + 1, semi);
    let decoded: string;
    switch (body) {
      case 'lt':
        decoded = '<';
        break;
      case 'gt':
        decoded = '>';
        break;
      case 'amp':
        decoded = '&';
        break;
      case 'apos':
        decoded = "'";
        break;
      case 'quot':
        decoded = '"';
        break;
      default: {
        let code = NaN;
        if (/^#x[0-9a-fA-F]{1,6}$/.test(body)) code = parseInt(body.slice(2), 16);
        else if (/^#[0-9]{1,7}$/.test(body)) code = parseInt(body.slice(1), 10);
        if (!isXmlChar(code)) throw new Error(`Invalid XML: undefined entity &${body.slice(0, 20)};`);
        decoded = String.fromCodePoint(code);
      }
    }
    out += s.slice(from, amp) + decoded;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/** Text content: line ends normalised (\r\n and \r become \n), then entities decoded. */
export function decodeText(xml: string, start: number, end: number): string {
  let s = xml.slice(start, end);
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return decodeEntities(s);
}

/** CDATA content: line ends normalised, nothing else. */
export function decodeCdata(xml: string, start: number, end: number): string {
  const s = xml.slice(start, end);
  return s.indexOf('\r') >= 0 ? s.replace(/\r\n?/g, '\n') : s;
}

// ---------------------------------------------------------------------------------------------------------
// Attributes

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The attributes of the tag being reported; parsed on first use, values decoded when asked for. */
export class Attributes {
  private xml = '';
  private start = 0;
  private end = 0;
  private parsed = false;
  /** Per attribute: name start, name end, value start, value end. */
  private spans: number[] = [];
  private count = 0;
  /** One-letter names (a cell's r, s, t) by character code: the attribute's index + 1 when set in this tag. */
  private readonly letters = new Int32Array(128);
  private readonly letterTag = new Int32Array(128);
  private tag = 0;

  constructor(private readonly prefixNs: (prefix: string) => number | undefined) {}

  reset(xml: string, start: number, end: number): this {
    this.xml = xml;
    this.start = start;
    this.end = end;
    this.parsed = false;
    this.count = 0;
    this.tag++;
    return this;
  }

  /** An attribute without a prefix (r, s, t, name, …). */
  get(name: string): string | undefined {
    if (!this.parsed) this.parse();
    if (name.length === 1) {
      const code = name.charCodeAt(0);
      return code < 128 && this.letterTag[code] === this.tag ? this.value(this.letters[code]) : undefined;
    }
    const { xml, spans } = this;
    for (let k = 0; k < this.count; k++) {
      const at = k * 4;
      if (spans[at + 1] - spans[at] === name.length && xml.startsWith(name, spans[at])) return this.value(k);
    }
    return undefined;
  }

  /** An attribute by namespace and local name (`r:id` with any prefix bound to the relationships namespace). */
  getNs(ns: number, local: string): string | undefined {
    if (!this.parsed) this.parse();
    const { xml, spans } = this;
    for (let k = 0; k < this.count; k++) {
      const at = k * 4;
      const colon = xml.indexOf(':', spans[at]);
      if (colon < 0 || colon >= spans[at + 1]) continue;
      if (spans[at + 1] - colon - 1 !== local.length || !xml.startsWith(local, colon + 1)) continue;
      if (this.prefixNs(xml.slice(spans[at], colon)) === ns) return this.value(k);
    }
    return undefined;
  }

  /** Every attribute as [name, value] (namespace declarations included). */
  all(): [string, string][] {
    if (!this.parsed) this.parse();
    const out: [string, string][] = [];
    for (let k = 0; k < this.count; k++) out.push([this.xml.slice(this.spans[k * 4], this.spans[k * 4 + 1]), this.value(k)]);
    return out;
  }

  private value(k: number): string {
    let v = this.xml.slice(this.spans[k * 4 + 2], this.spans[k * 4 + 3]);
    let plain = true;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 9 || c === 10 || c === 13) {
        v = v.replace(/\r\n|[\t\n\r]/g, ' ');
        plain = v.indexOf('&') < 0;
        break;
      }
      if (c === 38) plain = false;
    }
    return plain ? v : decodeEntities(v);
  }

  private parse(): void {
    const { xml, end } = this;
    let i = this.start;
    let k = 0;
    while (i < end) {
      if (isSpace(xml.charCodeAt(i))) {
        i++;
        continue;
      }
      const nameStart = i;
      let c = xml.charCodeAt(i);
      while (i < end && c !== 61 && !isSpace(c)) c = xml.charCodeAt(++i);
      const nameEnd = i;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61 || nameEnd === nameStart) throw new Error('Invalid XML: attribute without value');
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new Error('Invalid XML: unquoted attribute value');
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0 || close >= end) throw new Error('Invalid XML: unterminated attribute value');
      const at = k * 4;
      this.spans[at] = nameStart;
      this.spans[at + 1] = nameEnd;
      this.spans[at + 2] = i + 1;
      this.spans[at + 3] = close;
      if (nameEnd - nameStart === 1) {
        const code = xml.charCodeAt(nameStart);
        // The first of duplicate attributes counts, as in get() for longer names.
        if (code < 128 && this.letterTag[code] !== this.tag) {
          this.letterTag[code] = this.tag;
          this.letters[code] = k;
        }
      }
      k++;
      i = close + 1;
    }
    this.count = k;
    this.parsed = true;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The scanner

export interface XmlHandler {
  open(ns: number, local: string, attributes: Attributes): void;
  close(ns: number, local: string): void;
  /** Raw text between tags (decode with decodeText), or the inside of a CDATA section (decode with decodeCdata). */
  text(xml: string, start: number, end: number, cdata: boolean): void;
}

const NAMESPACE_OF = (uri: string): number => KNOWN_NAMESPACES.get(uri) ?? NS_OTHER;

/**
 * Scan a part. Throws on anything not well-formed (mismatched or unclosed tags, an unbound prefix, a DTD, an
 * unknown entity). `tick` is called every few thousand tags (the reader's clock).
 */
export function scanXml(xml: string, h: XmlHandler, tick?: () => void): void {
  const n = xml.length;
  const names: string[] = [];
  const nss: number[] = [];
  const locals: string[] = [];
  const reported: boolean[] = [];
  /** While >= 0: the depth of the element whose content is skipped. */
  let skipDepth = -1;
  const prefixes = new Map<string, number>([['xml', NS_XML]]);
  let defaultNs = NS_NONE;
  // Bindings an element made, undone when it closes: depth, prefix ('' for the default), the previous value.
  const scopeDepth: number[] = [];
  const scopePrefix: string[] = [];
  const scopePrevious: (number | undefined)[] = [];
  const attrs = new Attributes((prefix) => prefixes.get(prefix));
  let tags = 0;
  let i = 0;

  const closeElement = () => {
    const depth = names.length;
    names.pop();
    const ns = nss.pop()!;
    const local = locals.pop()!;
    const wasReported = reported.pop();
    while (scopeDepth.length && scopeDepth[scopeDepth.length - 1] === depth) {
      const prefix = scopePrefix.pop()!;
      const previous = scopePrevious.pop();
      scopeDepth.pop();
      if (prefix === '') defaultNs = previous!;
      else if (previous === undefined) prefixes.delete(prefix);
      else prefixes.set(prefix, previous);
    }
    if (skipDepth >= 0) {
      if (depth === skipDepth) skipDepth = -1;
      return;
    }
    if (wasReported) h.close(ns, local);
  };

  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (names.length && skipDepth < 0) h.text(xml, i, n, false);
      break;
    }
    if (lt > i && names.length && skipDepth < 0) h.text(xml, i, lt, false);
    if (tick && (++tags & 0xfff) === 0) tick();
    const c = xml.charCodeAt(lt + 1);
    if (c === 47) {
      // </name>
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) throw new Error('Invalid XML: unterminated close tag');
      let e = gt;
      while (e > lt + 2 && isSpace(xml.charCodeAt(e - 1))) e--;
      const name = xml.slice(lt + 2, e);
      if (names[names.length - 1] !== name) throw new Error(`Invalid XML: unexpected close tag </${name.slice(0, 40)}>`);
      closeElement();
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
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        if (e < 0) throw new Error('Invalid XML: unterminated comment');
        i = e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        if (e < 0) throw new Error('Invalid XML: unterminated CDATA');
        if (names.length && skipDepth < 0) h.text(xml, lt + 9, e, true);
        i = e + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        throw new Error('Invalid XML: a DTD (<!DOCTYPE>) is not allowed in a package part');
      } else {
        throw new Error('Invalid XML: unknown declaration');
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
    let declares = false;
    for (; k < n; k++) {
      const d = xml.charCodeAt(k);
      if (quote) {
        if (d === quote) quote = 0;
      } else if (d === 34 || d === 39) quote = d;
      else if (d === 62) break;
      else if (d === 60) throw new Error('Invalid XML: "<" inside a tag');
      else if (d === 120 && isSpace(xml.charCodeAt(k - 1)) && xml.startsWith('xmlns', k)) declares = true;
    }
    if (k >= n) throw new Error(`Invalid XML: unterminated tag <${name.slice(0, 40)}`);
    const selfClosing = xml.charCodeAt(k - 1) === 47 && k - 1 >= j;
    const attrEnd = selfClosing ? k - 1 : k;
    i = k + 1;
    if (skipDepth >= 0) {
      // Inside skipped content: only well-formedness is followed.
      if (!selfClosing) {
        names.push(name);
        nss.push(NS_OTHER);
        locals.push('');
        reported.push(false);
      }
      continue;
    }
    const depth = names.length + 1;
    if (declares) {
      for (const [attr, value] of attrs.reset(xml, j, attrEnd).all()) {
        if (attr !== 'xmlns' && !attr.startsWith('xmlns:')) continue;
        const prefix = attr === 'xmlns' ? '' : attr.slice(6);
        scopeDepth.push(depth);
        scopePrefix.push(prefix);
        scopePrevious.push(prefix === '' ? defaultNs : prefixes.get(prefix));
        if (prefix === '') defaultNs = NAMESPACE_OF(value);
        else prefixes.set(prefix, NAMESPACE_OF(value));
      }
    }
    const colon = name.indexOf(':');
    let ns: number;
    let local: string;
    if (colon < 0) {
      ns = defaultNs;
      local = name;
    } else {
      const bound = prefixes.get(name.slice(0, colon));
      if (bound === undefined) throw new Error(`Invalid XML: unbound prefix in <${name.slice(0, 40)}>`);
      ns = bound;
      local = name.slice(colon + 1);
    }
    names.push(name);
    nss.push(ns);
    locals.push(local);
    // Markup compatibility: read AlternateContent through its Fallback (the reader understands no extension).
    const transparent = ns === NS_MC && (local === 'AlternateContent' || local === 'Fallback');
    reported.push(!transparent && ns !== NS_OTHER && ns !== NS_MC);
    if (ns === NS_OTHER || (ns === NS_MC && !transparent)) skipDepth = depth;
    else if (!transparent) h.open(ns, local, attrs.reset(xml, j, attrEnd));
    if (selfClosing) closeElement();
  }
  if (names.length) throw new Error(`Invalid XML: unclosed tag <${names[names.length - 1].slice(0, 40)}>`);
}
