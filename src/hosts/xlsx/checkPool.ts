/**
 * Reading and validating many files on every core: worker threads and this thread take files from one queue.
 * Results come back in the order of the files, the same as reading them one by one (checkFiles), or are handed on
 * as they come, each with its place among the files (eachFileChecked), so that none need be kept.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ValidationOptions } from '../../core/validate/validate';
import { checkFileOrReport, openFailed, type FileReport } from './files';

/** Starting a worker (and compiling the reader in it) costs about as much as reading 15-20 files. */
const FILES_PER_WORKER = 24;
/** A hostile file that slips past the size limits stops its worker, not the whole run. */
const WORKER_HEAP_MB = 1024;

/** Worker threads to use besides this one: INTEGRATION_STATUS_WORKERS, or one per further core. */
export function workerCount(files: number): number {
  const configured = Number(process.env.INTEGRATION_STATUS_WORKERS);
  const wanted = Number.isInteger(configured) && configured >= 0 ? configured : os.availableParallelism() - 1;
  return Math.max(0, Math.min(wanted, Math.floor(files / FILES_PER_WORKER)));
}

function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  // Built (dist-cli/), this module is part of a JavaScript bundle and the worker's bundle lies beside it.
  if (!__filename.endsWith('.ts')) return new Worker(path.join(__dirname, 'checkWorker.js'), options);
  // From source (tests, scripts run with tsx): the worker registers tsx before loading its TypeScript module.
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(path.join(__dirname, 'checkWorker.ts'))});`;
  return new Worker(code, { ...options, eval: true });
}

export interface PoolOptions {
  /** Worker threads besides this one (default: workerCount). */
  workers?: number;
  /** Whether this thread reads files too (default true; tests turn it off to make the workers do all). */
  here?: boolean;
  /** Called each time a file has been read, with how many of all are done. */
  onProgress?: (done: number, total: number) => void;
  /** Called when a worker could not start (a broken build): its files are then read by the others or here. */
  onWorkerFailed?: () => void;
}

export async function checkFiles(files: string[], options: ValidationOptions = {}, pool: PoolOptions = {}): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(files.length);
  await eachFileChecked(files, options, pool, (i, r) => (reports[i] = r));
  return reports;
}

/** Reads and checks the files, handing each report on as it is done (in no fixed order) with its index in `files`. */
export async function eachFileChecked(files: string[], options: ValidationOptions, pool: PoolOptions, onReport: (index: number, report: FileReport) => void): Promise<void> {
  const workers = pool.workers ?? workerCount(files.length);
  let next = 0;
  const take = () => (next < files.length ? next++ : -1);
  let done = 0;
  const report = (i: number, r: FileReport) => {
    onReport(i, r);
    pool.onProgress?.(++done, files.length);
  };

  const here = async () => {
    for (let i = take(); i >= 0; i = take()) report(i, await checkFileOrReport(files[i], options));
  };

  const inWorker = () =>
    new Promise<void>((resolve) => {
      const worker = startWorker();
      let current = -1;
      let ready = false;
      let over = false;
      const send = () => {
        current = take();
        if (current >= 0) worker.postMessage({ file: files[current], options });
        else void worker.terminate();
      };
      worker.on('message', (m: FileReport | 'ready' | { failed: string }) => {
        if (m === 'ready') {
          ready = true;
          return send();
        }
        report(current, 'failed' in m ? openFailed(files[current], { problem: 'other', detail: m.failed }) : m);
        send();
      });
      // A worker that cannot start leaves its share to the others; one that stops on a file reports that file.
      // 'error' is followed by 'exit': the first of them counts.
      const stopped = (detail: string) => {
        if (over) return;
        over = true;
        if (current >= 0) report(current, openFailed(files[current], { problem: 'readerStopped', detail }));
        else if (!ready) pool.onWorkerFailed?.();
        resolve();
      };
      worker.on('error', (err) => stopped(err.message));
      worker.on('exit', () => stopped(''));
    });

  await Promise.all([...Array.from({ length: workers }, inWorker), ...(pool.here === false && workers > 0 ? [] : [here()])]);
  // Files left by workers that could not start.
  await here();
}
