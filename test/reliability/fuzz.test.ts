/**
 * Fuzzing: mutated copies of the example workbooks (byte flips, truncation, deleted, swapped and renamed zip
 * entries, mutated XML inside entries, and mutations by structure, see mutate.ts) must each end in a reading or a
 * finding, within 10 s, without an uncaught exception and with bounded memory; a structural change another writer
 * could make must read exactly as its source, and an ambiguous zip must be refused. Cases run in worker threads so
 * a hang or a runaway allocation can be stopped and reported instead of taking the test run down.
 *
 * The seed changes with every run (printed); `npm test` runs 300 cases, `npm run fuzz` 5,000 (outside CI).
 * Replay: FUZZ_SEED=<seed printed below> FUZZ_CASES=<n> npx jest test/reliability/fuzz.test.ts
 * One case only: add FUZZ_ONLY=<index>. A failing case's bytes are written to the temp folder (path printed);
 * keep it under test/reliability/regressions/ with its expected code in cases.json.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runCase, type FuzzReply } from './fuzzWorker';
import { loadSource, makeCase, type FuzzCase, type Source } from './mutate';

/** A new seed every run (the time), so the runs together cover more than one run could. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Date.now() / 1000) % 2 ** 31;
/** 300 cases in `npm test`; `npm run fuzz` (npm names the script it runs) is the long run. */
const CASES = process.env.FUZZ_CASES ? Number(process.env.FUZZ_CASES) : process.env.npm_lifecycle_event === 'fuzz' ? 5000 : 300;
const ONLY = process.env.FUZZ_ONLY ? Number(process.env.FUZZ_ONLY) : undefined;
/** A case that takes longer than this counts as a hang. */
const CASE_LIMIT_MS = 10_000;
/** Heap of one worker; a case that needs more fails as out of memory. */
const WORKER_HEAP_MB = 768;
/** Resident memory of the whole test process (jest, both workers) may not pass this. */
const RSS_LIMIT = 2.5 * 1024 ** 3;
const WORKERS = 2;

const examplesDir = path.join(__dirname, '..', '..', 'examples');
const workerFile = path.join(__dirname, 'fuzzWorker.ts');

interface Failure {
  index: number;
  source: string;
  steps: string[];
  error: string;
  saved: string;
}

function spawn(): Worker {
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(workerFile)});`;
  return new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

/** Run the cases on a small pool; a worker that hangs, crashes or runs out of memory is replaced. */
async function runAll(next: () => Promise<FuzzCase | undefined>, onReply: (c: FuzzCase, r: FuzzReply) => void, onFailure: (c: FuzzCase, error: string) => void) {
  const lane = async () => {
    let worker = spawn();
    try {
      for (let c = await next(); c; c = await next()) {
        const current = c;
        const outcome = await new Promise<FuzzReply | { crash: string }>((resolve) => {
          const timer = setTimeout(() => resolve({ crash: `no result within ${CASE_LIMIT_MS} ms (hang)` }), CASE_LIMIT_MS);
          const done = (v: FuzzReply | { crash: string }) => {
            clearTimeout(timer);
            worker.removeAllListeners('message');
            worker.removeAllListeners('error');
            worker.removeAllListeners('exit');
            resolve(v);
          };
          worker.once('message', (m: FuzzReply) => done(m));
          worker.once('error', (e) => done({ crash: `worker died: ${e.message}` }));
          worker.once('exit', (code) => done({ crash: `worker exited with ${code}` }));
          worker.postMessage({ index: current.index, bytes: current.bytes });
        });
        if ('crash' in outcome) {
          onFailure(current, outcome.crash);
          await worker.terminate();
          worker = spawn();
        } else {
          onReply(current, outcome);
        }
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, lane));
}

let sources: Source[];
/** What each source reads as: a structural change another writer could make must give exactly this. */
const sourceReadings = new Map<string, Awaited<ReturnType<typeof runCase>>>();
beforeAll(async () => {
  const files = readdirSync(examplesDir).filter((f) => f.endsWith('.xlsx')).sort();
  sources = await Promise.all(files.map((f) => loadSource(f, new Uint8Array(readFileSync(path.join(examplesDir, f))))));
  for (const s of sources) sourceReadings.set(s.name, await runCase(s.bytes));
});

describe('fuzzing the example workbooks', () => {
  it(`every mutated workbook ends in a reading or a finding (seed ${SEED}, ${ONLY ?? CASES} cases)`, async () => {
    // Printed so any run can be replayed exactly.
    process.stdout.write(`fuzz: FUZZ_SEED=${SEED} FUZZ_CASES=${CASES}${ONLY !== undefined ? ` FUZZ_ONLY=${ONLY}` : ''}\n`);
    const started = Date.now();
    const indices = ONLY !== undefined ? [ONLY] : Array.from({ length: CASES }, (_, i) => i);
    let cursor = 0;
    const next = async () => (cursor < indices.length ? makeCase(sources, SEED, indices[cursor++]) : undefined);
    const failures: Failure[] = [];
    const outcomes = { read: 0, unreadable: 0, same: 0, refused: 0 };
    const codes = new Map<string, number>();
    const details = new Map<string, number>();
    let maxRss = process.memoryUsage().rss;
    let slowest = { ms: 0, index: -1 };
    const fail = (c: FuzzCase, error: string) => {
      const saved = path.join(tmpdir(), `fuzz-${SEED}-${c.index}.xlsx`);
      writeFileSync(saved, c.bytes);
      failures.push({ index: c.index, source: c.source, steps: c.steps, error, saved });
    };
    await runAll(
      next,
      (c, r) => {
        maxRss = Math.max(maxRss, r.rss, process.memoryUsage().rss);
        if (r.ms > slowest.ms) slowest = { ms: r.ms, index: c.index };
        if (!r.ok) return fail(c, `threw: ${r.error}`);
        if (c.expect === 'same') {
          const want = sourceReadings.get(c.source)!;
          if (r.status !== want.status || r.digest !== want.digest) return fail(c, `read differently from its source: ${r.status} ${r.codes.join(',')} ${r.detail ?? ''}`);
          outcomes.same++;
        } else if (c.expect !== undefined) {
          if (r.status !== 'unreadable' || !r.codes.includes(c.expect)) return fail(c, `not refused with ${c.expect}: ${r.status} ${r.codes.join(',')}`);
          outcomes.refused++;
        }
        if (r.status === 'unreadable') outcomes.unreadable++;
        else outcomes.read++;
        for (const code of new Set(r.codes)) codes.set(code, (codes.get(code) ?? 0) + 1);
        if (r.detail) details.set(r.detail.slice(0, 70), (details.get(r.detail.slice(0, 70)) ?? 0) + 1);
        if (r.rss > RSS_LIMIT) fail(c, `resident memory ${Math.round(r.rss / 1e6)} MB over the bound`);
      },
      fail,
    );
    const top = [...codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v}`).join(', ');
    process.stdout.write(
      `fuzz: ${indices.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; read ${outcomes.read}, unreadable ${outcomes.unreadable} ` +
        `(structural: ${outcomes.same} read as their source, ${outcomes.refused} ambiguous zips refused); ` +
        `slowest case ${slowest.index} ${slowest.ms} ms; max rss ${Math.round(maxRss / 1e6)} MB\nfuzz: codes: ${top}\n` +
        `fuzz: parser messages: ${[...details.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${v}× ${k}`).join(' | ')}\n`,
    );
    for (const f of failures) {
      process.stdout.write(`fuzz FAILURE case ${f.index} (${f.source}; replay FUZZ_SEED=${SEED} FUZZ_ONLY=${f.index}; bytes in ${f.saved})\n  ${f.steps.join('\n  ')}\n  ${f.error}\n`);
    }
    expect(failures.map((f) => `case ${f.index}: ${f.error.split('\n')[0]}`)).toEqual([]);
    expect(outcomes.read + outcomes.unreadable).toBe(indices.length);
    expect(maxRss).toBeLessThan(RSS_LIMIT);
    if (ONLY === undefined) {
      // The mutations reach both sides: files that still read (and are validated) and files that are refused.
      expect(outcomes.read).toBeGreaterThan(indices.length * 0.1);
      expect(outcomes.unreadable).toBeGreaterThan(indices.length * 0.1);
    }
  }, 120_000 + (ONLY === undefined ? CASES : 1) * 300);
});

/** Every case that ever failed, kept as bytes with the finding it must now get (see regressions/cases.json). */
describe('fuzz regressions', () => {
  const dir = path.join(__dirname, 'regressions');
  const cases = JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as Record<string, { expect: string; bug: string }>;
  it('keeps a bytes file for every listed case', () => {
    expect(readdirSync(dir).filter((f) => f !== 'cases.json').sort()).toEqual(Object.keys(cases).sort());
  });
  it.each(Object.entries(cases))('%s', async (file, c) => {
    const r = await runCase(new Uint8Array(readFileSync(path.join(dir, file))));
    expect(r.codes).toContain(c.expect);
  }, 10_000);
});
