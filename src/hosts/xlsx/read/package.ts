/**
 * What a submitted file is, from its bytes alone, before any workbook parser touches it: an .xlsx, or
 * something else (old .xls, encrypted workbook, Word or OpenDocument file, damaged zip, zip bomb). Reads the
 * zip's central directory and local headers, and unpacks only the package's relationships (to find its main
 * part) and content types; the limits here are the directory's, the reader's own are in budget.ts.
 */
import { makeDiagnostic, type Code, type Diagnostic, type Where } from '../../../core/diagnostics';
import type { DeclaredParams, UnreadableCode } from '../../../core/validate/rules';
import { ReadBudget, ReadLimitError, type ReadLimits } from './budget';
import { OpcPackage, WORKBOOK_CONTENT_TYPES, type IoOptions } from './opc';
import { pakoInflateRaw, readZipDirectory, ZipArchive, type ZipConflict, type ZipEntry } from './zip';

export { readZipDirectory, type ZipEntry } from './zip';

export interface PackageLimits extends ReadLimits {
  /** Largest file accepted. */
  maxFileBytes: number;
  /** Largest total uncompressed size of all parts. */
  maxTotalUncompressedBytes: number;
  /** Largest uncompressed size of one part. */
  maxPartUncompressedBytes: number;
  /** Largest uncompressed ÷ compressed ratio of a part bigger than 1 MB. */
  maxCompressionRatio: number;
  maxEntries: number;
}

/**
 * A budget statement is well under 1 MB; these leave room for big ones and stop zip bombs. A sheet part may be up
 * to 32 MB, so that real templates with thousands of formatted empty rows (10-15 MB of sheet XML) still read:
 * the reader keeps no cell for an empty one, and the cell budget guards memory. A million-row sheet of values
 * (some 40 MB) is refused when it is read.
 */
export const DEFAULT_LIMITS: PackageLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxTotalUncompressedBytes: 400 * 1024 * 1024,
  maxPartUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 10_000,
  maxSheetPartBytes: 32 * 1024 * 1024,
  maxOtherPartBytes: 32 * 1024 * 1024,
  maxReadBytes: 128 * 1024 * 1024,
  maxCells: 4_000_000,
  maxReadMs: 30_000,
};

/** The reasons a package can be refused for, before or while it is read (a damaged one with the parser's words). */
type PackageCode = Exclude<UnreadableCode, 'FILE_SHEET_TOO_LARGE' | 'FILE_OPEN_FAILED' | 'FILE_CORRUPT'>;

/** Why a file cannot be read, with the parameters its rule declares (validate/rules/file.ts): what the file is and what to do. */
export type Unreadable = { [C in PackageCode]: { reason: C } & DeclaredParams<C> }[PackageCode] | { reason: 'FILE_CORRUPT'; detail: string };

export type PackageCheck = { ok: true; entries: ZipEntry[]; archive: ZipArchive; main: string } | { ok: false; unreadable: Unreadable };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
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

/** Classify a file and check it against the limits; the archive is what the reader then reads. */
export function checkPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS, io: IoOptions = { inflateRaw: pakoInflateRaw }): PackageCheck {
  const fail = (unreadable: Unreadable): PackageCheck => ({ ok: false, unreadable });
  if (bytes.length === 0) return fail({ reason: 'FILE_EMPTY' });
  if (bytes.length > limits.maxFileBytes) return fail({ reason: 'FILE_TOO_LARGE', size: bytes.length, limit: limits.maxFileBytes });
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return fail(sniffNonZip(bytes));
  const entries = readZipDirectory(bytes);
  if (!entries) return fail({ reason: 'FILE_TRUNCATED' });
  if (entries.length > limits.maxEntries) return fail({ reason: 'ZIP_TOO_MANY_ENTRIES', entries: entries.length, limit: limits.maxEntries });
  const archive = ZipArchive.open(bytes, entries);
  if (!(archive instanceof ZipArchive)) return fail(conflict(archive));
  const kind = classify(archive, limits, io);
  if ('reason' in kind) return fail(kind);
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
  }
  if (total > limits.maxTotalUncompressedBytes) return fail({ reason: 'ZIP_TOTAL_TOO_LARGE', size: total, limit: limits.maxTotalUncompressedBytes });
  return { ok: true, entries, archive, main: kind.main };
}

function conflict(c: ZipConflict): Unreadable {
  return c.kind === 'duplicate' ? { reason: 'ZIP_DUPLICATE_PART', part: c.part } : { reason: 'ZIP_INCONSISTENT', part: c.part, problem: c.kind };
}

const XLSB_TYPE = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';

/**
 * What the package is, by its main part: the target of its officeDocument relationship (see OpcPackage.mainPart)
 * and that part's content type, or its name where the package declares no type. Only the relationships and
 * content types are unpacked, within the reader's limits for such parts.
 */
function classify(archive: ZipArchive, limits: PackageLimits, io: IoOptions): { main: string } | Unreadable {
  const pkg = new OpcPackage(archive, io, new ReadBudget(limits));
  let main: string | undefined;
  let type: string | undefined;
  try {
    main = pkg.mainPart();
    type = main === undefined ? undefined : pkg.contentTypeOf(main);
  } catch (err) {
    if (err instanceof ReadLimitError) return err.unreadable;
    return { reason: 'FILE_CORRUPT', detail: err instanceof Error ? err.message : String(err) };
  }
  const has = (name: string) => archive.entry(name) !== undefined;
  if (main === undefined) {
    if (has('xl/workbook.bin')) return { reason: 'FILE_XLSB' };
    if (has('word/document.xml')) return { reason: 'FILE_DOCX' };
    if (has('ppt/presentation.xml')) return { reason: 'FILE_PPTX' };
    if (has('mimetype') && has('content.xml')) return { reason: 'FILE_ODS' };
    return { reason: 'FILE_ZIP_OTHER' };
  }
  const lower = main.toLowerCase();
  if (type === XLSB_TYPE || lower.endsWith('.bin')) return { reason: 'FILE_XLSB' };
  if ((type ?? '').includes('wordprocessingml') || type?.startsWith('application/vnd.ms-word') || lower === 'word/document.xml') return { reason: 'FILE_DOCX' };
  if ((type ?? '').includes('presentationml') || type?.startsWith('application/vnd.ms-powerpoint') || lower === 'ppt/presentation.xml') return { reason: 'FILE_PPTX' };
  if (type !== undefined && !WORKBOOK_CONTENT_TYPES.has(type) && type !== 'application/xml' && !type.endsWith('+xml')) return { reason: 'FILE_ZIP_OTHER' };
  if (!has(main)) return { reason: 'FILE_CORRUPT', detail: `the workbook part ${main} is missing` };
  return { main };
}

/** The finding that tells the user why the file could not be read. */
export function unreadableDiagnostic(u: Unreadable): Diagnostic {
  // A damaged file's own words go in the value (for support), not in the message.
  if (u.reason === 'FILE_CORRUPT') return makeDiagnostic('FILE_CORRUPT', { sheet: null, cell: null }, {}, u.detail.split('\n')[0].slice(0, 160));
  const { reason, ...params } = u;
  // Unreadable pairs each reason with exactly its rule's parameters; TypeScript cannot follow that through the destructuring.
  return (makeDiagnostic as (code: Code, where: Where, params: object) => Diagnostic)(reason, { sheet: null, cell: null }, params);
}
