/**
 * What a submitted file is, from its bytes alone, before any workbook parser touches it: an .xlsx, or
 * something else (old .xls, encrypted workbook, Word or OpenDocument file, damaged zip, zip bomb).
 * Reads only the zip's central directory; nothing is decompressed.
 */
import { makeDiagnostic, type Code, type Diagnostic, type Where } from '../diagnostics';
import type { DeclaredParams, UnreadableCode } from '../validate/rules';

export interface PackageLimits {
  /** Largest file accepted. */
  maxFileBytes: number;
  /** Largest total uncompressed size of all parts. */
  maxTotalUncompressedBytes: number;
  /** Largest uncompressed size of one part. */
  maxPartUncompressedBytes: number;
  /** Largest uncompressed ÷ compressed ratio of a part bigger than 1 MB. */
  maxCompressionRatio: number;
  maxEntries: number;
  /**
   * Largest uncompressed size of a worksheet or the shared strings. The parser holds a whole sheet in memory,
   * and a template sheet is about 25 KB; a million-row sheet (some 40 MB) is refused here, before parsing.
   */
  maxSheetPartBytes: number;
}

/** A budget statement is well under 1 MB; these leave room for big ones and stop zip bombs. */
export const DEFAULT_LIMITS: PackageLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxTotalUncompressedBytes: 400 * 1024 * 1024,
  maxPartUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 10_000,
  maxSheetPartBytes: 10 * 1024 * 1024,
};

/** The parts the workbook parser builds a cell model from (sheets and the shared strings they refer to). */
function isSheetContent(name: string): boolean {
  return /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(name);
}

export interface ZipEntry {
  /** As stored (a leading "/" kept); UTF-8 when the entry says so, else Latin-1 (as jszip reads names). */
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

/** The reasons the bytes alone show a file cannot be read. */
type PackageCode = Exclude<UnreadableCode, 'FILE_SHEET_TOO_LARGE' | 'FILE_OPEN_FAILED' | 'FILE_CORRUPT'>;

/** Why a file cannot be read, with the parameters its rule declares (validate/rules/file.ts): what the file is and what to do. */
export type Unreadable = { [C in PackageCode]: { reason: C } & DeclaredParams<C> }[PackageCode];

export type PackageCheck = { ok: true; entries: ZipEntry[] } | { ok: false; unreadable: Unreadable };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 2 ** 32;
}

/** Does the byte string contain this text as UTF-16LE (how OLE containers name their streams)? */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function sniffNonZip(bytes: Uint8Array): Unreadable {
  if (startsWith(bytes, OLE_MAGIC)) {
    // An encrypted .xlsx is an OLE container holding an "EncryptedPackage" stream; an .xls holds "Workbook".
    if (containsUtf16(bytes, 'EncryptedPackage')) return { reason: 'FILE_ENCRYPTED' };
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) return { reason: 'FILE_XLS' };
    return { reason: 'FILE_OLE_OTHER' };
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^ï»¿/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return { reason: 'FILE_NOT_ZIP', kind: 'PDF' };
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { reason: 'FILE_NOT_ZIP', kind: 'Excel 2003 XML' };
  if (head.startsWith('<')) return { reason: 'FILE_NOT_ZIP', kind: 'HTML/XML' };
  if (head.startsWith('{\\rtf')) return { reason: 'FILE_NOT_ZIP', kind: 'RTF' };
  const printable = bytes.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  return { reason: 'FILE_NOT_ZIP', kind: printable ? 'text' : 'unknown' };
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Read the zip's central directory; undefined when the end record or directory is missing or damaged. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) return undefined;
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) return undefined;
    count = u64(bytes, z + 32);
    size = u64(bytes, z + 40);
    offset = u64(bytes, z + 48);
  }
  if (offset + size > bytes.length) return undefined;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return undefined;
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen + extraLen > bytes.length) return undefined;
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? utf8.decode(rawName) : latin1.decode(rawName);
    // ZIP64 extra field carries the real sizes and offset when the 32-bit fields are saturated.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Classify a file and check it against the limits. */
export function checkPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): PackageCheck {
  const fail = (unreadable: Unreadable): PackageCheck => ({ ok: false, unreadable });
  if (bytes.length === 0) return fail({ reason: 'FILE_EMPTY' });
  if (bytes.length > limits.maxFileBytes) return fail({ reason: 'FILE_TOO_LARGE', size: bytes.length, limit: limits.maxFileBytes });
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return fail(sniffNonZip(bytes));
  const entries = readZipDirectory(bytes);
  if (!entries) return fail({ reason: 'FILE_TRUNCATED' });
  if (entries.length > limits.maxEntries) return fail({ reason: 'ZIP_TOO_MANY_ENTRIES', entries: entries.length, limit: limits.maxEntries });
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) return fail({ reason: 'FILE_XLSB' });
    if (names.has('word/document.xml')) return fail({ reason: 'FILE_DOCX' });
    if (names.has('ppt/presentation.xml')) return fail({ reason: 'FILE_PPTX' });
    if (names.has('mimetype') && names.has('content.xml')) return fail({ reason: 'FILE_ODS' });
    return fail({ reason: 'FILE_ZIP_OTHER' });
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > limits.maxPartUncompressedBytes) {
      return fail({ reason: 'ZIP_PART_TOO_LARGE', part: e.name, size: e.uncompressedSize, limit: limits.maxPartUncompressedBytes });
    }
    const ratio = e.compressedSize > 0 ? e.uncompressedSize / e.compressedSize : e.uncompressedSize > 0 ? Infinity : 0;
    if (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      return fail({ reason: 'ZIP_RATIO', part: e.name, ratio: Math.round(ratio), limit: limits.maxCompressionRatio });
    }
    if (e.uncompressedSize > limits.maxSheetPartBytes && isSheetContent(e.name)) {
      return fail({ reason: 'ZIP_SHEET_TOO_LARGE', part: e.name, size: e.uncompressedSize, limit: limits.maxSheetPartBytes });
    }
  }
  if (total > limits.maxTotalUncompressedBytes) return fail({ reason: 'ZIP_TOTAL_TOO_LARGE', size: total, limit: limits.maxTotalUncompressedBytes });
  return { ok: true, entries };
}

/** The finding that tells the user why the file could not be read. */
export function unreadableDiagnostic(u: Unreadable): Diagnostic {
  const { reason, ...params } = u;
  // Unreadable pairs each reason with exactly its rule's parameters; TypeScript cannot follow that through the destructuring.
  return (makeDiagnostic as (code: Code, where: Where, params: object) => Diagnostic)(reason, { sheet: null, cell: null }, params);
}
