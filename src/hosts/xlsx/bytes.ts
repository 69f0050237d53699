/**
 * Reading one submission from its bytes, without Node APIs (browser, Web Worker, Node alike): check the package,
 * open it with the reader, parse. Anything that cannot be read comes back as a finding, never a throw.
 */
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics';
import type { HistoryEntry } from '../../core/consolidate/colours';
import { isHistorySheet, readHistory } from '../../core/consolidate/history';
import { readSubmission, type ParseResult } from '../../core/parse/submission';
import { SHEET_LIMITS, SheetTooLargeError, type SheetLimits } from '../../core/reader';
import { ReadLimitError } from './read/budget';
import { checkPackage, DEFAULT_LIMITS, unreadableDiagnostic, type PackageLimits } from './read/package';
import { XlsxReader, type ReaderOptions } from './read/reader';
import { pakoInflateRaw, type Crc32, type InflateRaw } from './read/zip';

export { pakoInflateRaw, type InflateRaw } from './read/zip';

export interface ReadOptions {
  limits?: PackageLimits;
  inflateRaw?: InflateRaw;
  crc32?: Crc32;
  sheetLimits?: SheetLimits;
  onlySheets?: ReaderOptions['onlySheets'];
  /** The budget's clock (tests). */
  clock?: () => number;
}

export type Opening = { ok: true; reader: XlsxReader } | { ok: false; diagnostic: Diagnostic };

/** Check the package and open it with the reader (the workbook part only; sheets are parsed when read). */
export function openWorkbookBytes(bytes: Uint8Array, options: ReadOptions = {}): Opening {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const io = { inflateRaw: options.inflateRaw ?? pakoInflateRaw, crc32: options.crc32 };
  const check = checkPackage(bytes, limits, io);
  if (!check.ok) return { ok: false, diagnostic: unreadableDiagnostic(check.unreadable) };
  try {
    const reader = XlsxReader.open(check.archive, check.main, { ...io, limits, sheetLimits: options.sheetLimits, onlySheets: options.onlySheets, clock: options.clock });
    return { ok: true, reader };
  } catch (err) {
    return { ok: false, diagnostic: readFailure(err, options.sheetLimits) };
  }
}

/** The reader over checked bytes; throws what the package check or the reader found (for tools and tests). */
export async function loadWorkbookBytes(bytes: Uint8Array, inflateRaw: InflateRaw = pakoInflateRaw, crc32?: Crc32): Promise<XlsxReader> {
  const opening = openWorkbookBytes(bytes, { inflateRaw, crc32 });
  if (!opening.ok) throw new Error(`${opening.diagnostic.code}${opening.diagnostic.value ? `: ${opening.diagnostic.value}` : ''}`);
  return opening.reader;
}

export type BytesReading = { status: 'unreadable'; diagnostics: Diagnostic[] } | { status: 'read'; result: ParseResult };

/** Check the file's bytes, then read it. */
export async function readSubmissionFromBytes(bytes: Uint8Array, options: ReadOptions = {}): Promise<BytesReading> {
  const opening = openWorkbookBytes(bytes, options);
  if (!opening.ok) return { status: 'unreadable', diagnostics: [opening.diagnostic] };
  try {
    return { status: 'read', result: await readSubmission(opening.reader) };
  } catch (err) {
    // A sheet the parser asked for could not be read (damaged, too large, over the workbook's budget).
    return { status: 'unreadable', diagnostics: [readFailure(err, options.sheetLimits)] };
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

/** The finding for whatever stopped the reader. */
export function readFailure(err: unknown, limits: SheetLimits = SHEET_LIMITS): Diagnostic {
  if (err instanceof ReadLimitError) return unreadableDiagnostic(err.unreadable);
  if (err instanceof SheetTooLargeError) {
    const params = { sheet: err.sheet, rows: err.rows, columns: err.columns, cell: err.cell, maxRows: limits.maxRows, maxCells: limits.maxCells };
    return makeDiagnostic('FILE_SHEET_TOO_LARGE', { sheet: err.sheet, cell: null }, params, err.cell);
  }
  // The parser's own words go in the value (for support), not in the message.
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
  maxSheetPartBytes: 256 * 1024 * 1024,
  maxReadBytes: 768 * 1024 * 1024,
  maxCells: 12_000_000,
  maxReadMs: 300_000,
};
const HISTORY_SHEET_LIMITS: SheetLimits = { maxRows: 1_048_576, maxCells: 10_000_000 };

export type HistoryFromBytes = { ok: true; entries: HistoryEntry[] } | { ok: false; diagnostic: Diagnostic };

/** The quarter-colour history in a previous consolidated workbook; anything that stops it comes back as a finding. */
export async function readHistoryFromBytes(bytes: Uint8Array, inflateRaw: InflateRaw = pakoInflateRaw, crc32?: Crc32): Promise<HistoryFromBytes> {
  const opening = openWorkbookBytes(bytes, {
    limits: PREVIOUS_LIMITS,
    inflateRaw,
    crc32,
    onlySheets: isHistorySheet,
    sheetLimits: HISTORY_SHEET_LIMITS,
  });
  if (!opening.ok) return { ok: false, diagnostic: opening.diagnostic };
  try {
    const reading = await readHistory(opening.reader);
    return reading.diagnostics.length ? { ok: false, diagnostic: reading.diagnostics[0] } : { ok: true, entries: reading.entries };
  } catch (err) {
    return { ok: false, diagnostic: readFailure(err, HISTORY_SHEET_LIMITS) };
  }
}
