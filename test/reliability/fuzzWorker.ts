/**
 * Runs fuzz cases in a worker thread, so a case that hangs or runs out of memory can be stopped from outside.
 * Each case goes the way a real file goes: readSubmissionBytes, then validate, then consolidate and the plan.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { consolidationSummary } from '../../src/core/consolidate/summary';
import { statusOf, validate } from '../../src/core/validate/validate';
import { readSubmissionBytes } from '../../src/hosts/xlsx/files';

export interface FuzzRequest {
  index: number;
  bytes: Uint8Array;
}

export type FuzzReply =
  | { index: number; ok: true; status: string; codes: string[]; detail?: string; digest?: string; ms: number; rss: number }
  | { index: number; ok: false; error: string; ms: number; rss: number };

export async function runCase(bytes: Uint8Array): Promise<{ status: string; codes: string[]; detail?: string; digest?: string }> {
  const reading = await readSubmissionBytes(bytes);
  if (reading.status === 'unreadable') {
    if (reading.diagnostics.length === 0) throw new Error('unreadable without a finding');
    return { status: 'unreadable', codes: reading.diagnostics.map((d) => d.code), detail: reading.diagnostics[0].value };
  }
  const diagnostics = validate(reading.result);
  const status = statusOf(diagnostics, false);
  const input = { file: { name: 'fuzz.xlsx', size: bytes.length, sha256: 'x' }, status, diagnostics, submission: reading.result.submission };
  const c = consolidate([input], { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'fuzz' });
  buildConsolidatedPlan(c);
  consolidationSummary(c, 'en');
  // What was read and found, to compare a case with its source.
  const digest = createHash('sha256').update(JSON.stringify([reading.result.submission, diagnostics])).digest('hex');
  return { status, codes: diagnostics.map((d) => d.code), digest };
}

parentPort?.on('message', (req: FuzzRequest) => {
  const started = Date.now();
  runCase(req.bytes).then(
    (r) => parentPort!.postMessage({ index: req.index, ok: true, ...r, ms: Date.now() - started, rss: process.memoryUsage().rss } satisfies FuzzReply),
    (err: unknown) =>
      parentPort!.postMessage({
        index: req.index,
        ok: false,
        error: err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}`.slice(0, 2000) : String(err),
        ms: Date.now() - started,
        rss: process.memoryUsage().rss,
      } satisfies FuzzReply),
  );
});
