/** Files on disk (Node): reading submissions, writing workbooks atomically. */
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, openSync, promises as fs, writeSync, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants as zlibConstants, crc32 as zlibCrc32, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { makeDiagnostic, type Diagnostic, type ParamsOf } from '../../core/diagnostics';
import { OPEN_PROBLEM_TEXT } from '../../core/validate/rules/file';
import { DEFAULT_LIMITS, unreadableDiagnostic, type PackageLimits, type Unreadable } from './read/package';
import type { Submission } from '../../core/model';
import { readSubmission, type ParseResult } from '../../core/parse/submission';
import { statusOf, validate, type FileStatus, type ValidationOptions } from '../../core/validate/validate';
import type { WorkbookPlan } from '../../core/plan/types';
import { loadWorkbookBytes, PREVIOUS_LIMITS, readHistoryFromBytes, readSubmissionFromBytes, type BytesReading, type HistoryFromBytes } from './bytes';
import { writeWorkbook } from './write/workbook';
import { crc32, type Compression } from './write/zip';

export interface LoadedFile {
  path: string;
  name: string;
  size: number;
  sha256: string;
  modified: string;
  bytes: Uint8Array;
}

/** A path that is not read: not a regular file, or larger than the limit (its size and hash are still given). */
export class FileRefusedError extends Error {
  constructor(
    readonly unreadable: Unreadable,
    readonly facts: { size: number; sha256: string; modified?: string },
  ) {
    super(unreadable.reason === 'FILE_NOT_REGULAR' ? `not a regular file (${unreadable.kind})` : `the file is larger than the limit (${facts.size} bytes)`);
    this.name = 'FileRefusedError';
  }
}

function pathKind(st: Stats): 'folder' | 'fifo' | 'device' | 'socket' | 'other' {
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

/** SHA-256 of an open file, read in pieces (a huge or sparse file is never held whole). */
async function streamHash(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  for (let at = 0; ; ) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    at += bytesRead;
  }
  return hash.digest('hex');
}

/**
 * Read a file for checking: `stat` first, so a FIFO, device, socket or folder is refused without being opened
 * (a FIFO would block the run, /dev/zero never ends); the size is checked before reading, and a file over
 * `maxBytes` is only hashed, in pieces. Throws FileRefusedError for those, and Node's errors (ENOENT, EACCES).
 */
export async function loadFile(file: string, maxBytes: number = PREVIOUS_LIMITS.maxFileBytes): Promise<LoadedFile> {
  const before = await fs.stat(file);
  if (!before.isFile()) throw new FileRefusedError({ reason: 'FILE_NOT_REGULAR', kind: pathKind(before) }, { size: 0, sha256: '' });
  // O_NONBLOCK: should the path have become a FIFO since the stat, opening it must not wait for a writer.
  const handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new FileRefusedError({ reason: 'FILE_NOT_REGULAR', kind: pathKind(st) }, { size: 0, sha256: '' });
    const modified = st.mtime.toISOString();
    if (st.size > maxBytes) {
      throw new FileRefusedError({ reason: 'FILE_TOO_LARGE', size: st.size, limit: maxBytes }, { size: st.size, sha256: await streamHash(handle), modified });
    }
    // Read at most one byte more than the limit: a file that grows while it is read is refused, not read forever.
    const bytes = new Uint8Array(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    while (length < bytes.length) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new FileRefusedError({ reason: 'FILE_TOO_LARGE', size: length, limit: maxBytes }, { size: length, sha256: await streamHash(handle), modified });
    }
    const content = bytes.subarray(0, length);
    return { path: file, name: path.basename(file), size: length, sha256: createHash('sha256').update(content).digest('hex'), modified, bytes: content };
  } finally {
    await handle.close();
  }
}

/** Is the target the same file as one of these (also through another path or a link)? */
export async function sameFileAsAny(target: string, files: string[]): Promise<boolean> {
  const id = async (p: string) => {
    const st = await fs.stat(p).catch(() => undefined);
    return st ? `${st.dev}:${st.ino}` : `path:${path.resolve(p)}`;
  };
  const t = await id(target);
  for (const f of files) if ((await id(f)) === t) return true;
  return false;
}

/** Node's zlib, stopping past the declared size (+1 to notice a part that lies about it): the size limits hold. */
export const zlibInflateRaw = (data: Uint8Array, size: number): Uint8Array => inflateRawSync(data, { maxOutputLength: Math.max(1, size + 1) });
/** zlib.crc32 came with Node 20.15; earlier Node 20 releases get the JavaScript one. */
const nodeCrc32: (data: Uint8Array, previous: number) => number = typeof zlibCrc32 === 'function' ? (data, previous) => zlibCrc32(data, previous) : crc32;
/** Node's zlib for reading packages. */
export const NODE_IO = { inflateRaw: zlibInflateRaw, crc32: nodeCrc32 };

export async function parseXlsx(bytes: Uint8Array): Promise<ParseResult> {
  return readSubmission(await loadWorkbookBytes(bytes, zlibInflateRaw));
}

export type FileReading = BytesReading;

/** The history in a previous consolidated workbook (with Node's zlib). */
export function readHistoryBytes(bytes: Uint8Array): Promise<HistoryFromBytes> {
  return readHistoryFromBytes(bytes, NODE_IO.inflateRaw, NODE_IO.crc32);
}

/** Check the file's bytes, then read it (with Node's zlib); anything that cannot be read comes back as a finding. */
export function readSubmissionBytes(bytes: Uint8Array, limits?: PackageLimits): Promise<FileReading> {
  return readSubmissionFromBytes(bytes, { limits, ...NODE_IO });
}

const deflatePieceAsync = promisify(deflateRaw);
const PIECE_OPTIONS = { level: 1, finishFlush: zlibConstants.Z_SYNC_FLUSH };

/**
 * Node's zlib for the zip writer. Large pieces are compressed on libuv's thread pool, so deflating overlaps with
 * writing the next piece's XML; small ones here, where a round trip would cost more.
 */
export const zlibCompression: Compression = {
  deflatePiece: (data) => (data.length < 64 * 1024 ? deflateRawSync(data, PIECE_OPTIONS) : deflatePieceAsync(data, PIECE_OPTIONS)),
  crc32: nodeCrc32,
};

/** Write to a temporary file beside the target, then rename: a failure never leaves a half-written file. */
async function replaceAtomically(target: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

export function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  return replaceAtomically(target, (tmp) => fs.writeFile(tmp, bytes));
}

/** Render the plan straight into the file, part by part: the output never has to fit in memory at once. */
export function writePlan(plan: WorkbookPlan, target: string): Promise<void> {
  return replaceAtomically(target, async (tmp) => {
    const fd = openSync(tmp, 'wx');
    try {
      await writeWorkbook(plan, zlibCompression, (chunk) => {
        for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
      });
    } finally {
      closeSync(fd);
    }
  });
}

/** Expand files and folders into workbook files, sorted by name; folders are searched one level deep. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    // A path that cannot be looked at is passed on, so it is reported with the other files.
    const stat = await fs.stat(input).catch(() => undefined);
    if (stat?.isDirectory()) {
      const entries = await fs.readdir(input);
      for (const e of entries.sort()) {
        if (/\.(xlsx|xlsm|xls|ods|docx)$/i.test(e) && !e.startsWith('~$') && !e.startsWith('.')) out.push(path.join(input, e));
      }
    } else {
      out.push(input);
    }
  }
  return out;
}

export interface FileReport {
  file: string;
  path: string;
  size: number;
  sha256: string;
  /** Last modified (ISO), to order two submissions with the same date. */
  modified?: string;
  status: FileStatus;
  diagnostics: Diagnostic[];
  /** Absent when the file could not be read. */
  submission?: Submission;
}

/** Read and validate one file on disk. The file is only ever read. */
export async function checkFile(file: string, options: ValidationOptions = {}): Promise<FileReport> {
  let loaded: LoadedFile;
  try {
    loaded = await loadFile(file, DEFAULT_LIMITS.maxFileBytes);
  } catch (err) {
    if (!(err instanceof FileRefusedError)) throw err;
    const diagnostics = [unreadableDiagnostic(err.unreadable)];
    return { file: path.basename(file), path: file, ...err.facts, status: 'unreadable', diagnostics };
  }
  const base = { file: loaded.name, path: loaded.path, size: loaded.size, sha256: loaded.sha256, modified: loaded.modified };
  const reading = await readSubmissionBytes(loaded.bytes);
  if (reading.status === 'unreadable') return { ...base, status: 'unreadable', diagnostics: reading.diagnostics };
  const diagnostics = validate(reading.result, options);
  return { ...base, status: statusOf(diagnostics, false), diagnostics, submission: reading.result.submission };
}

/** A file that cannot even be opened (missing, a folder, no permission) is reported like an unreadable one. */
export async function checkFileOrReport(file: string, options: ValidationOptions = {}): Promise<FileReport> {
  try {
    return await checkFile(file, options);
  } catch (err) {
    return openFailed(file, openFailure(err));
  }
}

export function openFailed(file: string, why: OpenFailure): FileReport {
  const diagnostics = [makeDiagnostic('FILE_OPEN_FAILED', { sheet: null, cell: null }, why)];
  return { file: path.basename(file), path: file, size: 0, sha256: '', status: 'unreadable', diagnostics };
}

/** Why a file could not be opened, as data the finding's message is written from in each language. */
export type OpenFailure = ParamsOf<'FILE_OPEN_FAILED'>;

const OPEN_PROBLEM_BY_CODE: Record<string, OpenFailure['problem']> = { ENOENT: 'notFound', EACCES: 'denied', EISDIR: 'folder' };

export function openFailure(err: unknown): OpenFailure {
  const e = err as NodeJS.ErrnoException;
  const problem = e && e.code ? OPEN_PROBLEM_BY_CODE[e.code] : undefined;
  if (problem) return { problem, detail: e.path ?? '' };
  return { problem: 'other', detail: e && e.message ? e.message : String(err) };
}

/** The same in English, for the command line's own messages. */
export function describeError(err: unknown): string {
  const why = openFailure(err);
  return why.problem === 'other' ? why.detail : `${OPEN_PROBLEM_TEXT.en[why.problem]}: ${why.detail}`;
}
