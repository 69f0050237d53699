/**
 * The task pane's Web Worker: reads, validates and consolidates submitted files and renders .xlsx files off the
 * UI thread. Parsed submissions stay here (by id); the pane gets plain results. The .xlsx writer is imported only
 * when a workbook is rendered, so it lives in its own lazy chunk.
 */
import { Consolidator, periodOf, type ConsolidationInput, type SubmittedFile } from '../core/consolidate/consolidate';
import { escalationLetters, type EscalationLetter } from '../core/consolidate/letters';
import type { HistoryEntry } from '../core/consolidate/colours';
import { buildConsolidatedPlan } from '../core/consolidate/plan';
import { consolidationSummary } from '../core/consolidate/summary';
import { heldPlan, type WorkbookPlan } from '../core/plan/types';
import { statusOf, validate } from '../core/validate/validate';
import { readHistoryFromBytes, readSubmissionFromBytes, sha256Hex } from '../hosts/xlsx/bytes';
import { countFindings, type ConsolidateRequest, type ConsolidationResult, type FileResult, type PreviousResult, type TemplateChoice } from './actions';
import { overviewFromPlan } from './overviewPlan';
import { toFinding } from './findingText';
import { buildTemplatePlan } from '../core/template/plan';
import packageJson from '../../package.json';

export type WorkerRequest =
  | { type: 'read'; job: number; files: File[] }
  | { type: 'cancel'; job: number }
  | { type: 'previous'; job: number; file: File }
  | { type: 'forget'; ids: string[] }
  | ({ type: 'consolidate'; job: number; generatedAt: string } & ConsolidateRequest)
  | { type: 'render'; job: number; plan: WorkbookPlan }
  | { type: 'template'; job: number; choice: TemplateChoice }
  | { type: 'letter'; job: number; letter: EscalationLetter };

export type WorkerResponse =
  | { type: 'progress'; job: number; done: number; total: number; file: string; at: number }
  | { type: 'read-done'; job: number; results: FileResult[]; cancelled: boolean }
  | { type: 'previous-done'; job: number; result: PreviousResult }
  | { type: 'consolidate-done'; job: number; result: ConsolidationResult }
  | { type: 'render-done'; job: number; bytes: Uint8Array }
  | { type: 'error'; job: number; message: string };

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const inputs = new Map<string, ConsolidationInput>();
const cancelled = new Set<number>();
let previous: { history: HistoryEntry[]; file: SubmittedFile } | undefined;
let nextId = 1;

/** Let queued messages (a cancel) in between two files. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function readOne(file: File): Promise<FileResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const id = `f${nextId++}`;
  const submitted: SubmittedFile = {
    name: file.name,
    size: bytes.byteLength,
    sha256: await sha256Hex(bytes),
    modified: file.lastModified ? new Date(file.lastModified).toISOString() : undefined,
  };
  const reading = await readSubmissionFromBytes(bytes);
  let input: ConsolidationInput;
  if (reading.status === 'unreadable') {
    input = { file: submitted, status: 'unreadable', diagnostics: reading.diagnostics };
  } else {
    const diagnostics = validate(reading.result);
    input = { file: submitted, status: statusOf(diagnostics, false), diagnostics, submission: reading.result.submission };
  }
  inputs.set(id, input);
  const cover = input.submission?.cover;
  return {
    id,
    name: file.name,
    size: submitted.size,
    status: input.status,
    administration: cover?.administration ?? cover?.administrationText ?? null,
    period: input.submission ? periodOf(input.submission) : null,
    counts: countFindings(input.diagnostics),
    diagnostics: input.diagnostics.map(toFinding),
  };
}

async function readFiles(job: number, files: File[]): Promise<void> {
  const results: FileResult[] = [];
  for (const file of files) {
    await breathe();
    if (cancelled.has(job)) break;
    results.push(await readOne(file));
    scope.postMessage({ type: 'progress', job, done: results.length, total: files.length, file: file.name, at: Date.now() });
  }
  const wasCancelled = cancelled.delete(job);
  scope.postMessage({ type: 'read-done', job, results, cancelled: wasCancelled && results.length < files.length });
}

async function readPrevious(file: File): Promise<PreviousResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const reading = await readHistoryFromBytes(bytes);
  if (!reading.ok) return { ok: false, name: file.name, diagnostic: toFinding(reading.diagnostic) };
  previous = { history: reading.entries, file: { name: file.name, size: bytes.byteLength, sha256: await sha256Hex(bytes) } };
  return { ok: true, name: file.name, entries: reading.entries.length };
}

function runConsolidation(req: ConsolidateRequest & { generatedAt: string }): ConsolidationResult {
  // The pane may consolidate another choice of the files read, so their results stay here; each is fed in turn.
  const consolidator = new Consolidator({
    strict: req.strict,
    history: req.usePrevious ? previous?.history : undefined,
    previousFile: req.usePrevious ? previous?.file : undefined,
    generatedAt: req.generatedAt,
    productVersion: (packageJson as { version: string }).version,
    period: req.period,
  });
  for (const id of req.ids) {
    const input = inputs.get(id);
    if (input) consolidator.add(input);
  }
  const result = consolidator.finish();
  // Held rows: the plan crosses to the pane's thread, which copies data, not the functions of row sources.
  const plan = heldPlan(buildConsolidatedPlan(result));
  const years = result.years;
  const period = years.length ? `${years[0]}-${years[years.length - 1]}` : 'status';
  return { plan, summary: consolidationSummary(result, req.lang), overview: overviewFromPlan(plan, years), fileName: `samlet-status-${period}.xlsx`, letters: escalationLetters(result) };
}

async function render(plan: WorkbookPlan): Promise<Uint8Array> {
  const { renderPlanToBuffer } = await import(/* webpackChunkName: "render-xlsx" */ '../hosts/xlsx/renderPlan');
  return renderPlanToBuffer(plan);
}

async function renderLetter(letter: EscalationLetter): Promise<Uint8Array> {
  const { letterDocx } = await import(/* webpackChunkName: "letters-docx" */ '../hosts/docx/letter');
  return letterDocx(letter);
}

scope.onmessage = (event) => {
  const msg = event.data;
  const fail = (job: number) => (err: unknown) => scope.postMessage({ type: 'error', job, message: err instanceof Error ? err.message : String(err) });
  switch (msg.type) {
    case 'read':
      readFiles(msg.job, msg.files).catch(fail(msg.job));
      break;
    case 'cancel':
      cancelled.add(msg.job);
      break;
    case 'forget':
      for (const id of msg.ids) inputs.delete(id);
      break;
    case 'previous':
      readPrevious(msg.file).then((result) => scope.postMessage({ type: 'previous-done', job: msg.job, result }), fail(msg.job));
      break;
    case 'consolidate':
      try {
        scope.postMessage({ type: 'consolidate-done', job: msg.job, result: runConsolidation(msg) });
      } catch (err) {
        fail(msg.job)(err);
      }
      break;
    case 'letter':
      renderLetter(msg.letter).then((bytes) => scope.postMessage({ type: 'render-done', job: msg.job, bytes }, [bytes.buffer as ArrayBuffer]), fail(msg.job));
      break;
    case 'template':
    case 'render':
      render(msg.type === 'render' ? msg.plan : buildTemplatePlan(msg.choice)).then((bytes) => scope.postMessage({ type: 'render-done', job: msg.job, bytes }, [bytes.buffer as ArrayBuffer]), fail(msg.job));
      break;
  }
};
