/** Escaping text for SpreadsheetML parts. */

// Characters XML 1.0 cannot carry, lone surrogates, CR (XML readers turn it into LF) and text that already looks
// like an escape: Excel writes all of these as _xHHHH_, and readers (Excel, exceljs, ours) decode them back.
const NEEDS_ESCAPE =
  /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_x[0-9A-Fa-f]{4}_/;
const ESCAPES =
  /[&<>]|[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9A-Fa-f]{4}_)/g;

const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/** Cell text (shared strings): nothing is lost, whatever characters it holds. */
export function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(ESCAPES, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : hex4(c)));
}

/** Formula text and other element content: only markup characters; characters XML cannot carry are dropped. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '',
  );
}

/** Attribute values (double-quoted). Line breaks are kept as character references. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      case '\r':
        return '&#13;';
      default:
        return '';
    }
  });
}

/** Text whose leading or trailing spaces, tabs or line breaks must survive. */
export function needsPreserve(s: string): boolean {
  return /^[\s]|[\s]$|\n/.test(s);
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
