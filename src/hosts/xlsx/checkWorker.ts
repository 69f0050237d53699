/** A worker thread for checkPool: reads and validates the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { ValidationOptions } from '../../core/validate/validate';
import { checkFileOrReport } from './files';

const port = parentPort!;
port.on('message', (job: { file: string; options: ValidationOptions }) => {
  checkFileOrReport(job.file, job.options).then(
    (report) => port.postMessage(report),
    // checkFileOrReport reports instead of throwing; this is a last resort so the pool never waits forever.
    (err: unknown) => port.postMessage({ failed: err instanceof Error ? err.message : String(err) }),
  );
});
port.postMessage('ready');
