/**
 * Reading one submission from its bytes, without Node APIs (browser, Web Worker, Node alike): check the zip,
 * read with the fast reader, parse. Anything that cannot be read comes back as a finding, never a throw.
 */
import { Inflate } from 'pako';
import { concatBytes } from '../../core/bytes';
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics';
import type { HistoryEntry } from '../../core/consolidate/colours';
import { readHistory } from '../../core/consolidate/history';
import { OUTPUT } from '../../core/consolidate/plan';
import { checkPackage, DEFAULT_LIMITS, unreadableDiagnostic, type PackageLimits } from '../../core/file/package';
import { readSubmission, type ParseResult } from '../../core/parse/submission';
import { SHEET_LIMITS, SheetTooLargeError, type SheetLimits, type WorkbookReader } from '../../core/reader';
import { normalizeLabel } from '../../core/template/definition';
import { FastXlsxReader, type InflateRaw } from './fastReader';

/**
 * Raw inflate in pure JavaScript (pako) that stops past the size the zip directory declares (+1 to notice a part
 * that lies about it), so the size limits hold in a browser as they do with Node's zlib.
 */
export const pakoInflateRaw: InflateRaw = (data, size) => {
  const inflater = new Inflate({ raw: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  inflater.onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > size + 1) throw new Error('a part unpacks to more than its declared size');
    chunks.push(chunk);
  };
  inflater.push(data, true);
  if (inflater.err) throw new Error(inflater.msg || 'damaged compressed data');
  return concatBytes(chunks);
};

/**
 * Open a workbook with the fast reader (only the parts reading needs, within the size limits). A file it cannot
 * read is refused as damaged; exceljs is not tried on it, because on hostile files (a merge over a whole sheet)
 * exceljs can exhaust memory.
 */
export async function loadWorkbookBytes(bytes: Uint8Array, inflateRaw: InflateRaw = pakoInflateRaw): Promise<WorkbookReader> {
  return FastXlsxReader.load(bytes, { inflateRaw });
}

export type BytesReading = { status: 'unreadable'; diagnostics: Diagnostic[] } | { status: 'read'; result: ParseResult };

/** Check the file's bytes, then read it. */
export async function readSubmissionFromBytes(bytes: Uint8Array, options: { limits?: PackageLimits; inflateRaw?: InflateRaw } = {}): Promise<BytesReading> {
  const check = checkPackage(bytes, options.limits);
  if (!check.ok) return { status: 'unreadable', diagnostics: [unreadableDiagnostic(check.unreadable)] };
  let reader: WorkbookReader;
  try {
    reader = await loadWorkbookBytes(bytes, options.inflateRaw);
  } catch (err) {
    // The parser's own words go in the value (for support), not in the message.
    return { status: 'unreadable', diagnostics: [makeDiagnostic('FILE_CORRUPT', { sheet: null, cell: null }, {}, firstLine(err))] };
  }
  try {
    return { status: 'read', result: await readSubmission(reader) };
  } catch (err) {
    // The reader refuses a sheet too large to hold (or the parsed model is broken in a way the core cannot read).
    return { status: 'unreadable', diagnostics: [readFailure(err)] };
  }
}

/** Lower-case hex SHA-256 through Web Crypto (browsers, workers and Node 20 alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 160);
}

function readFailure(err: unknown, limits: SheetLimits = SHEET_LIMITS): Diagnostic {
  if (err instanceof SheetTooLargeError) {
    const params = { sheet: err.sheet, rows: err.rows, columns: err.columns, cell: err.cell, maxRows: limits.maxRows, maxCells: limits.maxCells };
    return makeDiagnostic('FILE_SHEET_TOO_LARGE', { sheet: err.sheet, cell: null }, params, err.cell);
  }
  return makeDiagnostic('FILE_CORRUPT', { sheet: null, cell: null }, {}, firstLine(err));
}

/**
 * A previous consolidated workbook can be national in size (hundreds of MB of sheet XML): only its monitoring
 * sheet, with the history table, is unpacked and read, so the limits on the other parts can be wide.
 */
export const PREVIOUS_LIMITS: PackageLimits = {
  ...DEFAULT_LIMITS,
  maxFileBytes: 512 * 1024 * 1024,
  maxTotalUncompressedBytes: 16 * 1024 ** 3,
  maxPartUncompressedBytes: 4 * 1024 ** 3,
  maxSheetPartBytes: Infinity,
};
const HISTORY_PART_BYTES = 256 * 1024 * 1024;
const HISTORY_SHEET_LIMITS: SheetLimits = { maxRows: 1_048_576, maxCells: 10_000_000 };

export type HistoryFromBytes = { ok: true; entries: HistoryEntry[] } | { ok: false; diagnostic: Diagnostic };

/** The quarter-colour history in a previous consolidated workbook; anything that stops it comes back as a finding. */
export async function readHistoryFromBytes(bytes: Uint8Array, inflateRaw: InflateRaw = pakoInflateRaw): Promise<HistoryFromBytes> {
  const check = checkPackage(bytes, PREVIOUS_LIMITS);
  if (!check.ok) return { ok: false, diagnostic: unreadableDiagnostic(check.unreadable) };
  const monitoring = normalizeLabel(OUTPUT.monitoring);
  try {
    const reader = await FastXlsxReader.load(bytes, {
      inflateRaw,
      onlySheets: (name) => normalizeLabel(name) === monitoring,
      sheetLimits: HISTORY_SHEET_LIMITS,
      maxPartBytes: HISTORY_PART_BYTES,
    });
    const reading = await readHistory(reader);
    return reading.diagnostics.length ? { ok: false, diagnostic: reading.diagnostics[0] } : { ok: true, entries: reading.entries };
  } catch (err) {
    return { ok: false, diagnostic: readFailure(err, HISTORY_SHEET_LIMITS) };
  }
}
