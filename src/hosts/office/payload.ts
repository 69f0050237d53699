/** Sizes of Office.js requests and responses: UTF-8 bytes of their JSON, with what Office.js adds per object. */

/** Excel on the web refuses a request or a response over 5 MB; the host keeps each well under that. */
export const EXCEL_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The request budget of one sync when writing: an upper bound of the real request, 1.5 MB under Excel's limit. */
export const MAX_REQUEST_BYTES = 3_500_000;

/** The response budget of one sync when reading values: estimated, so kept lower; a refused answer is retried in halves. */
export const MAX_RESPONSE_BYTES = 2_000_000;

/**
 * What Office.js puts in a request besides the data, in bytes, measured on its own runtime (excel-web-16.00): an
 * object path with its Instantiate action(s), and an action with its ids. Rounded up (test/office/runtime.test.ts
 * checks that batches stay under their budget on the real runtime).
 */
export const REQUEST_COST = {
  /** A worksheet (worksheets.getItem / add). */
  sheet: 260,
  /** A range (getRange, getRangeByIndexes, getEntireColumn, …), untracked, so no _KeepReference. */
  range: 330,
  /** A navigation object such as range.format, format.font, range.dataValidation. */
  object: 160,
  /** Setting a property, or calling a method, without its arguments. */
  action: 160,
} as const;

/** UTF-8 bytes of a string, counted without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: two UTF-16 units, four UTF-8 bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** UTF-8 bytes of a value as JSON, as Office.js sends it. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? 'null');
}
