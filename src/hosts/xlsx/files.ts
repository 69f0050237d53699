/** Files on disk (Node): reading submissions, writing workbooks atomically. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics';
import { checkPackage, unreadableDiagnostic, type PackageLimits } from '../../core/file/package';
import type { Submission } from '../../core/model';
import { SHEET_LIMITS, SheetTooLargeError } from '../../core/reader';
import { readSubmission, type ParseResult } from '../../core/parse/submission';
import { statusOf, validate, type FileStatus, type ValidationOptions } from '../../core/validate/validate';
import type { WorkbookPlan } from '../../core/plan/types';
import type { WorkbookReader } from '../../core/reader';
import { FastXlsxReader } from './fastReader';
import { renderPlanToBuffer } from './renderPlan';

export interface LoadedFile {
  path: string;
  name: string;
  size: number;
  sha256: string;
  modified: string;
  bytes: Uint8Array;
}

export async function loadFile(file: string): Promise<LoadedFile> {
  const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
  return {
    path: file,
    name: path.basename(file),
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    modified: stat.mtime.toISOString(),
    bytes: new Uint8Array(bytes),
  };
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

/** Never more than the declared size (+1 to notice a part that lies about it): the size limits hold. */
const inflateRaw = (data: Uint8Array, size: number): Uint8Array => inflateRawSync(data, { maxOutputLength: Math.max(1, size + 1) });

/**
 * Open a workbook for reading with the fast reader (only the parts reading needs, within the size limits).
 * A file it cannot read is refused as damaged: exceljs is not tried on it, because on hostile files (a merge
 * over a whole sheet) exceljs can exhaust memory.
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<WorkbookReader> {
  return FastXlsxReader.load(bytes, { inflateRaw });
}

export async function parseXlsx(bytes: Uint8Array): Promise<ParseResult> {
  return readSubmission(await loadWorkbook(bytes));
}

export type FileReading = { status: 'unreadable'; diagnostics: Diagnostic[] } | { status: 'read'; result: ParseResult };

/** Check the file's bytes, then read it; anything that cannot be read comes back as a finding, never a throw. */
export async function readSubmissionBytes(bytes: Uint8Array, limits?: PackageLimits): Promise<FileReading> {
  const check = checkPackage(bytes, limits);
  if (!check.ok) return { status: 'unreadable', diagnostics: [unreadableDiagnostic(check.unreadable)] };
  let reader: WorkbookReader;
  try {
    reader = await loadWorkbook(bytes);
  } catch (err) {
    // The parser's own words go in the value (for support), not in the message.
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 160);
    return { status: 'unreadable', diagnostics: [makeDiagnostic('FILE_CORRUPT', { sheet: null, cell: null }, {}, detail)] };
  }
  try {
    return { status: 'read', result: await readSubmission(reader) };
  } catch (err) {
    // The reader refuses a sheet too large to hold (or the parsed model is broken in a way the core cannot read).
    return { status: 'unreadable', diagnostics: [readFailure(err)] };
  }
}

function readFailure(err: unknown): Diagnostic {
  const where = { sheet: null, cell: null };
  if (err instanceof SheetTooLargeError) {
    const n = (x: number) => x.toLocaleString('da-DK');
    const params = { sheet: err.sheet, rows: n(err.rows), columns: n(err.columns), cell: err.cell, maxRows: n(SHEET_LIMITS.maxRows), maxCells: n(SHEET_LIMITS.maxCells) };
    return makeDiagnostic('FILE_SHEET_TOO_LARGE', { sheet: err.sheet, cell: null }, params, err.cell);
  }
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 160);
  return makeDiagnostic('FILE_CORRUPT', where, {}, detail);
}

/** Write to a temporary file beside the target, then rename: a failure never leaves a half-written file. */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

export async function writePlan(plan: WorkbookPlan, target: string): Promise<void> {
  await writeFileAtomic(target, await renderPlanToBuffer(plan));
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
  const loaded = await loadFile(file);
  const base = { file: loaded.name, path: loaded.path, size: loaded.size, sha256: loaded.sha256, modified: loaded.modified };
  const reading = await readSubmissionBytes(loaded.bytes);
  if (reading.status === 'unreadable') return { ...base, status: 'unreadable', diagnostics: reading.diagnostics };
  const diagnostics = validate(reading.result, options);
  return { ...base, status: statusOf(diagnostics, false), diagnostics, submission: reading.result.submission };
}
