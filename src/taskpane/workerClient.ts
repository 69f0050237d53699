/**
 * FileActions backed by the Web Worker in worker.ts. The worker (and with it the reader and pako) is
 * only created when the Konsolider view opens or a file is opened; the .xlsx writer is a further lazy chunk inside it.
 */
import { UserError, type ConsolidateRequest, type ConsolidationResult, type FileActions, type PreviousResult, type Progress, type ReadOutcome, type TemplateChoice } from './actions';
import type { WorkerRequest, WorkerResponse } from './worker';
import type { WorkbookPlan } from '../core/plan/types';
import type { EscalationLetter } from '../core/consolidate/letters';

interface Pending {
  resolve(value: unknown): void;
  reject(err: unknown): void;
  onProgress?: (p: Progress) => void;
}

const WORKER_FAILED = new UserError(
  'Filerne kunne ikke behandles i denne browser. Genindlæs opgaveruden og prøv igen.',
  'The files could not be processed in this browser. Reload the task pane and try again.',
);

export function createWorkerFileActions(): FileActions {
  let worker: Worker | undefined;
  let nextJob = 1;
  const pending = new Map<number, Pending>();

  const getWorker = (): Worker => {
    if (worker) return worker;
    // import.meta is ES-module syntax: webpack's ts-loader compiles with module esnext (see webpack.config.js);
    // the project's tsconfig (CommonJS, for jest) does not allow it, and jest never loads this file.
    // webpack recognises exactly this form (new Worker(new URL(..., import.meta.url))) and bundles the worker.
    // @ts-expect-error TS1343: import.meta under module commonjs
    worker = new Worker(new URL('./worker.ts', import.meta.url), { name: 'integrationsstatus-files' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      const p = pending.get(msg.job);
      if (!p) return;
      if (msg.type === 'progress') {
        p.onProgress?.({ done: msg.done, total: msg.total, file: msg.file });
        return;
      }
      pending.delete(msg.job);
      switch (msg.type) {
        case 'error':
          p.reject(new Error(msg.message));
          break;
        case 'read-done':
          p.resolve({ results: msg.results, cancelled: msg.cancelled } satisfies ReadOutcome);
          break;
        case 'previous-done':
          p.resolve(msg.result);
          break;
        case 'consolidate-done':
          p.resolve(msg.result);
          break;
        case 'render-done':
          p.resolve(msg.bytes);
          break;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const p of pending.values()) p.reject(WORKER_FAILED);
      pending.clear();
      worker?.terminate();
      worker = undefined;
    };
    return worker;
  };

  function request<T>(make: (job: number) => WorkerRequest, onProgress?: (p: Progress) => void): { job: number; promise: Promise<T> } {
    const job = nextJob++;
    const promise = new Promise<T>((resolve, reject) => {
      pending.set(job, { resolve: resolve as (v: unknown) => void, reject, onProgress });
    });
    try {
      getWorker().postMessage(make(job));
    } catch {
      pending.get(job)?.reject(WORKER_FAILED);
      pending.delete(job);
    }
    return { job, promise };
  }

  return {
    readFiles(files, onProgress, signal): Promise<ReadOutcome> {
      const { job, promise } = request<ReadOutcome>((job) => ({ type: 'read', job, files }), onProgress);
      const cancel = () => worker?.postMessage({ type: 'cancel', job } satisfies WorkerRequest);
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
      return promise.finally(() => signal.removeEventListener('abort', cancel));
    },
    readPrevious(file): Promise<PreviousResult> {
      return request<PreviousResult>((job) => ({ type: 'previous', job, file })).promise;
    },
    forget(ids) {
      worker?.postMessage({ type: 'forget', ids } satisfies WorkerRequest);
    },
    consolidate(req: ConsolidateRequest): Promise<ConsolidationResult> {
      const generatedAt = new Date().toISOString().slice(0, 19) + 'Z';
      return request<ConsolidationResult>((job) => ({ type: 'consolidate', job, generatedAt, ...req })).promise;
    },
    renderXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
      return request<Uint8Array>((job) => ({ type: 'render', job, plan })).promise;
    },
    renderTemplate(choice: TemplateChoice): Promise<Uint8Array> {
      return request<Uint8Array>((job) => ({ type: 'template', job, choice })).promise;
    },
    renderLetter(letter: EscalationLetter): Promise<Uint8Array> {
      return request<Uint8Array>((job) => ({ type: 'letter', job, letter })).promise;
    },
    prepare() {
      try {
        getWorker();
      } catch {
        // Reading will say so when it is asked for.
      }
    },
  };
}

/** Save bytes through a temporary object URL and a download link. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const type = /\.docx$/i.test(fileName) ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
