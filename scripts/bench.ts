/**
 * npm run bench [-- --n 7,30,700 --rows 150 --projects 30 --runs 3] | [-- --memory]
 *
 * Consolidation at national scale. Generates N synthetic submissions with the real template writer (cached in
 * the OS temp folder by their parameters), then measures, each in a fresh child process, on the same files:
 *   floor    unzip only the parts the reader needs (zlib) and tokenize their XML, nothing else
 *   naive    exceljs: full workbook.xlsx.load of every file, then walk every cell
 *   product  `integration-status consolidate DIR --out OUT.xlsx --period all`: the built command line (dist-cli/,
 *            rebuilt from the source first), timed from loading its bundle to its exit code
 * and prints medians of wall time, CPU time, peak RSS, workbooks/s and rows/s, and the ratios. --before adds
 *   product-1thread  the product without worker threads
 *   product-exceljs  the product on one thread, reading with exceljs (as before the fast reader)
 * Several N (--n 7,30,700, the default) are measured one after the other, each with its own table and ratios;
 * N below 100 runs at least 9 times (a run takes well under a second there, and the machine's noise is larger).
 * --memory prints the product's peak RSS for N = 30, 100, 700 and 2000.
 * --reading measures only reading, on one thread, on the same files:
 *   read-cells   the product's reader: every sheet's cells and number formats, the defined names
 *   read-submission  reading as `validate` does it: check the package, read, build the typed submission, validate
 */
import { readZipDirectory, u16 } from '../src/hosts/xlsx/read/zip';
import { prng } from '../test/corpus/badFiles';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { main as sourceCliMain } from '../src/cli/main';
import { ADMINISTRATION_CODES, budgetYears, type AdministrationCode } from '../src/core/domain';
import type { POLICY_AREA, PROJECTS_AREA } from '../src/core/template/definition';
import type { AnyRawRow, RawRow, TemplateFill } from '../src/core/template/fill';
import { buildTemplatePlan } from '../src/core/template/plan';
import { XlsxReader } from '../src/hosts/xlsx/read/reader';
import { XlsxWorkbookReader } from '../test/helpers/exceljsReader';
import { renderPlanToBuffer } from '../src/hosts/xlsx/renderPlan';
import { loadWorkbookBytes } from '../src/hosts/xlsx/bytes';
import { NODE_IO, readSubmissionBytes } from '../src/hosts/xlsx/files';
import { validate } from '../src/core/validate/validate';

const ROOT = path.resolve(__dirname, '..');
/** The product measured is the built command line: built from this tree's source first. */
const buildCli = () => (loadCommonJs(path.join(ROOT, 'scripts', 'build-cli.js')) as () => Promise<void>)();
/** Node's own CommonJS loader (as bin/integration-status.js loads the bundle), not tsx's transforming import(). */
const loadCommonJs = createRequire(__filename);

// ---------------------------------------------------------------------------------------------------------
// options

interface Options {
  n: number[];
  /** Whether --runs was given (otherwise small N gets more runs). */
  runsGiven: boolean;
  rows: number;
  projects: number;
  runs: number;
  seed: number;
  memory: boolean;
  /** Also measure the product with the exceljs reader (the state before the fast reader). */
  before: boolean;
  /** Measure reading only (read-cells, read-submission) instead of the whole consolidation. */
  reading: boolean;
}

function parseArgs(argv: string[]): Options & { child?: string; dir?: string; gen?: string } {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (flag: string, dflt: number) => {
    const v = get(flag);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects a positive whole number`);
    return n;
  };
  return {
    n: (get('--n') ?? '7,30,700').split(',').map((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error('--n expects positive whole numbers, separated by commas');
      return n;
    }),
    runsGiven: get('--runs') !== undefined,
    rows: num('--rows', 150),
    projects: num('--projects', 30),
    runs: num('--runs', 3),
    seed: num('--seed', 20110515),
    memory: argv.includes('--memory'),
    before: argv.includes('--before'),
    reading: argv.includes('--reading'),
    child: get('--child'),
    dir: get('--dir'),
    gen: get('--gen'),
  };
}

// ---------------------------------------------------------------------------------------------------------
// synthetic submissions

const WORDS = ['Lektiecafé', 'Bydelsmødre', 'Job', 'Mentor', 'Sprog', 'Fritid', 'Uddannelse', 'Netværk', 'Sundhed', 'Bolig', 'Forældre', 'Iværksætter', 'Praktik', 'Idræt', 'Vejledning'];
const GROUPS = ['Unge 12-17 år', 'Ledige 25-45 år', 'Forældre med indvandrerbaggrund', 'Beboere i udsatte boligområder', 'Nyankomne flygtninge'];
const GOALS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'a, c', 'b;d', 'e og f', 'a-c'];
const COLOURS = ['grøn', 'grøn', 'grøn', 'gul', 'rød'];

/** The i-th submission: administration round-robin, a budget period of its own per administration. */
function submission(i: number, o: Options): { file: string; admin: AdministrationCode; firstYear: number; fill: TemplateFill } {
  const admin = ADMINISTRATION_CODES[i % ADMINISTRATION_CODES.length];
  // 211 valid first years (1990-2200) per administration: up to 1477 files keep their own (administration, period)
  const firstYear = 1990 + (Math.floor(i / ADMINISTRATION_CODES.length) % 211);
  const rnd = prng(o.seed * 7919 + i);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const amount = () => Math.round(rnd() * 40) * 25_000;
  const years = budgetYears(firstYear);
  const initiative = (k: number, other: boolean): RawRow<typeof POLICY_AREA> => ({
    name: `${pick(WORDS)} ${other ? 'ø' : ''}${k + 1}`,
    goals: other ? pick(['Ligebehandling', 'Medborgerskab', 'Antidiskrimination']) : pick(GOALS),
    targetGroup: pick(GROUPS),
    activity: `${pick(WORDS)}forløb med ${pick(WORDS).toLowerCase()} og opsøgende arbejde`,
    expectedResult: `${Math.floor(rnd() * 90) + 10} deltagere om året; ${Math.floor(rnd() * 60) + 20} % i job eller uddannelse`,
    status: pick(['I gang', 'Planlagt', 'Afsluttet', 'Forsinket']),
    followUp: 'Årlig opgørelse',
    economy: years.map(amount),
  });
  const policy = Array.from({ length: o.rows }, (_, k) => initiative(k, false));
  const other = Array.from({ length: o.rows }, (_, k) => initiative(k, true));
  const projects: RawRow<typeof PROJECTS_AREA>[] = Array.from({ length: o.projects }, (_, k) => {
    const colours = [pick(COLOURS), pick(COLOURS), pick(COLOURS), pick(COLOURS)];
    return {
      name: `Projekt ${pick(WORDS)} ${k + 1}`,
      fund: pick(['Puljen', 'Integrationsministeriet', 'EU Socialfonden']),
      start: { date: `${firstYear - 2}-01-01` },
      end: { date: `${firstYear + 1}-12-31` },
      funding: [100_000 + amount(), amount(), 0, 0],
      indicator: 'Deltagere',
      target: 100,
      achieved: Math.floor(rnd() * 120),
      q1: colours[0],
      q2: colours[1],
      q3: colours[2],
      q4: colours[3],
      actionPlan: colours.includes('rød') ? 'Handleplan aftalt med puljen' : null,
    };
  });
  const sums = (list: AnyRawRow[], key: string) => years.map((_, y) => list.reduce((s, r) => s + ((r[key] as number[])[y] ?? 0), 0));
  const goals: TemplateFill['goals'] = {};
  for (const g of ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const) goals[g] = { relevant: 'Ja', status: 'På vej', realistic: 'Ja' };
  const fill: TemplateFill = {
    cover: { contact: 'Anne Andersen', email: 'anne@kk.dk', submissionDate: { date: `${firstYear - 1}-05-01` } },
    goals,
    policy,
    other,
    projects,
    table1: { policy: sums(policy, 'economy'), other: sums(other, 'economy'), projects: sums(projects, 'funding') },
  };
  const file = `${admin.replace('Ø', 'O')}-budgetredegoerelse-${firstYear}-${String(i).padStart(5, '0')}.xlsx`;
  return { file, admin, firstYear, fill };
}

function poolDir(o: Options): string {
  return path.join(os.tmpdir(), 'integration-status-bench', `rows${o.rows}-projects${o.projects}-seed${o.seed}-v2`);
}

async function generateRange(o: Options, from: number, to: number, step: number): Promise<void> {
  const pool = poolDir(o);
  for (let i = from; i < to; i += step) {
    const s = submission(i, o);
    const target = path.join(pool, s.file);
    if (existsSync(target)) continue;
    const bytes = await renderPlanToBuffer(buildTemplatePlan({ firstYear: s.firstYear, unit: 'kr', administration: s.admin }, s.fill));
    writeFileSync(`${target}.tmp`, bytes);
    // rename last: an interrupted run leaves no half-written file in the cache
    renameSync(`${target}.tmp`, target);
  }
}

/** The folder holding exactly the first n submissions (hard links into the cached pool). */
async function ensureSet(o: Options, n: number): Promise<string> {
  const pool = poolDir(o);
  mkdirSync(pool, { recursive: true });
  const files = Array.from({ length: n }, (_, i) => submission(i, o).file);
  const missing = files.filter((f) => !existsSync(path.join(pool, f))).length;
  if (missing > 0) {
    const t = Date.now();
    process.stdout.write(`generating ${missing} submissions in ${pool} (2 processes) ... `);
    const workers = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
    await Promise.all(Array.from({ length: workers }, (_, w) => runChild(['--gen', `${w}:${n}:${workers}`, ...optionArgs(o)])));
    console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const set = path.join(pool, `set-${n}`);
  const have = existsSync(set) ? readdirSync(set).filter((f) => f.endsWith('.xlsx')) : [];
  if (have.length !== n || !files.every((f) => have.includes(f))) {
    rmSync(set, { recursive: true, force: true });
    mkdirSync(set);
    for (const f of files) linkSync(path.join(pool, f), path.join(set, f));
  }
  return set;
}

function optionArgs(o: Options): string[] {
  return ['--rows', String(o.rows), '--projects', String(o.projects), '--seed', String(o.seed)];
}

// ---------------------------------------------------------------------------------------------------------
// the three measurements (run in a child process each)

interface Result {
  mode: string;
  files: number;
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  check: number;
  /** The product's output, bytes (0 for the other modes). */
  outBytes: number;
}


/** The floor: locate the needed parts via the central directory, inflate them, count tags and attributes. */
function floorOne(bytes: Uint8Array): number {
  let tokens = 0;
  const decoder = new TextDecoder();
  for (const { name, method, compressedSize: csize, localOffset: local } of readZipDirectory(bytes) ?? []) {
    if (!(name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name))) continue;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, start + csize);
    const xml = decoder.decode(method === 8 ? inflateRawSync(data) : data);
    // minimal tokenizer: every tag, every attribute, every text run
    let i = 0;
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) break;
      const gt = xml.indexOf('>', lt);
      if (gt < 0) break;
      tokens++;
      for (let j = lt; j < gt; j++) if (xml.charCodeAt(j) === 61) tokens++;
      if (lt > i) tokens++;
      i = gt + 1;
    }
  }
  return tokens;
}

async function measure(mode: string, dir: string): Promise<Result> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(dir, f));
  const out = path.join(os.tmpdir(), `integration-status-bench-out-${process.pid}.xlsx`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let check = 0;
  if (mode === 'floor') {
    for (const f of files) check += floorOne(new Uint8Array(readFileSync(f)));
  } else if (mode === 'naive') {
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell(() => {
            check++;
          }),
        ),
      );
    }
  } else if (mode === 'read-cells') {
    for (const f of files) {
      const reader = await loadWorkbookBytes(new Uint8Array(readFileSync(f)), NODE_IO.inflateRaw, NODE_IO.crc32);
      for (const sheet of await reader.listSheets()) check += (await reader.readSheet(sheet.name)).values.length;
      check += (await reader.definedNames()).length;
    }
  } else if (mode === 'read-submission') {
    for (const f of files) {
      const reading = await readSubmissionBytes(new Uint8Array(readFileSync(f)));
      if (reading.status !== 'read') throw new Error(`${f} could not be read`);
      check += validate(reading.result).length;
    }
  } else if (mode === 'product' || mode === 'product-1thread' || mode === 'product-exceljs') {
    // product-1thread: no worker threads; product-exceljs: also reading every file with exceljs, as before the fast reader
    if (mode !== 'product') process.env.INTEGRATION_STATUS_WORKERS = '0';
    if (mode === 'product-exceljs') {
      // Every workbook the product opens is read by exceljs instead (loaded when the parser first asks).
      XlsxReader.open = (archive) => {
        const loading = XlsxWorkbookReader.load((archive as unknown as { bytes: Uint8Array }).bytes);
        return {
          listSheets: async () => (await loading).listSheets(),
          readSheet: async (name: string) => (await loading).readSheet(name),
          definedNames: async () => (await loading).definedNames(),
        } as unknown as XlsxReader;
      };
    }
    // The product is the command line as installed: the built bundle, whose worker thread is built JavaScript
    // too. Only product-exceljs runs from the TypeScript source, since it swaps the reader there.
    const cliMain: typeof sourceCliMain = mode === 'product-exceljs' ? sourceCliMain : (loadCommonJs(path.join(ROOT, 'dist-cli', 'integration-status.js')) as { main: typeof sourceCliMain }).main;
    const sink = () => {};
    // --period all: every file is read, validated and consolidated (each budget period's figures for the comparison of
    // periods), not only the latest period's seven.
    const code = await cliMain(['node', 'integration-status', 'consolidate', dir, '--out', out, '--period', 'all'], { out: sink, err: sink });
    if (code === 2) throw new Error('consolidate could not read a file');
    check = code;
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const outBytes = existsSync(out) ? statSync(out).size : 0;
  rmSync(out, { force: true });
  return { mode, files: files.length, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, check, outBytes };
}

// ---------------------------------------------------------------------------------------------------------

function runChild(args: string[]): Promise<Result | undefined> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Result | undefined;
    child.on('message', (m) => (result = m as Result));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(result) : reject(new Error(`child ${args.join(' ')} exited with ${code}`))));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.gen) {
    const [w, n, step] = o.gen.split(':').map(Number);
    await generateRange(o, w, n, step);
    return;
  }
  if (o.child) {
    const r = await measure(o.child, o.dir!);
    process.send!(r);
    return;
  }
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}`;
  console.log(`machine: ${machine}`);
  if (o.memory) {
    await buildCli();
    console.log('peak RSS of the product (consolidate), one run per N:');
    for (const n of [30, 100, 700, 2000]) {
      const dir = await ensureSet(o, n);
      const r = (await runChild(['--child', 'product', '--dir', dir]))!;
      console.log(`  N=${String(n).padStart(4)}  peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB   wall ${(r.wallMs / 1000).toFixed(1)} s   output ${(r.outBytes / 2 ** 20).toFixed(1)} MB`);
    }
    return;
  }
  // The product runs the built command line: build it from the source measured here.
  await buildCli();
  for (const n of o.n) await measureN(o, n);
}

async function measureN(o: Options, n: number): Promise<void> {
  const dir = await ensureSet(o, n);
  const rowsPerFile = 2 * o.rows + o.projects;
  // Small N runs in well under a second, where the machine's noise weighs more: more runs.
  const runs = o.runsGiven || n >= 100 ? o.runs : Math.max(o.runs, 9);
  console.log(`\nN = ${n}: ${n} submissions × (${o.rows} + ${o.rows} initiatives, ${o.projects} projects) = ${n * rowsPerFile} rows; ${runs} runs per mode, medians; each run a fresh process`);
  const modes = o.reading ? ['floor', 'read-cells', 'read-submission'] : ['floor', 'naive', 'product', ...(o.before ? ['product-1thread', 'product-exceljs'] : [])];
  const results: Record<string, Result[]> = Object.fromEntries(modes.map((m) => [m, []]));
  for (let run = 0; run < runs; run++) {
    for (const mode of modes) {
      const r = (await runChild(['--child', mode, '--dir', dir]))!;
      results[mode].push(r);
      console.log(`  run ${run + 1} ${mode.padEnd(15)} wall ${(r.wallMs / 1000).toFixed(2)} s  cpu ${(r.cpuMs / 1000).toFixed(2)} s  rss ${r.maxRssMb.toFixed(0)} MB`);
    }
  }
  const med: Record<string, { wall: number; cpu: number; rss: number }> = {};
  console.log(`\nN = ${n}          wall s   cpu s   peak RSS MB   workbooks/s   rows/s`);
  for (const mode of modes) {
    const rs = results[mode];
    const m = { wall: median(rs.map((r) => r.wallMs)) / 1000, cpu: median(rs.map((r) => r.cpuMs)) / 1000, rss: median(rs.map((r) => r.maxRssMb)) };
    med[mode] = m;
    console.log(
      `${mode.padEnd(15)} ${m.wall.toFixed(3).padStart(7)} ${m.cpu.toFixed(3).padStart(7)} ${m.rss.toFixed(0).padStart(13)} ${(n / m.wall).toFixed(1).padStart(13)} ${Math.round((n * rowsPerFile) / m.wall)
        .toString()
        .padStart(8)}`,
    );
  }
  if (o.reading) {
    console.log(`\nN = ${n}: read-cells ÷ floor (wall): ${(med['read-cells'].wall / med.floor.wall).toFixed(2)}   read-submission ÷ floor (wall): ${(med['read-submission'].wall / med.floor.wall).toFixed(2)}`);
    return;
  }
  console.log(`\nN = ${n}: product ÷ floor (wall): ${(med.product.wall / med.floor.wall).toFixed(2)}   (cpu: ${(med.product.cpu / med.floor.cpu).toFixed(2)})`);
  console.log(`N = ${n}: naive ÷ product (wall): ${(med.naive.wall / med.product.wall).toFixed(2)}   (cpu: ${(med.naive.cpu / med.product.cpu).toFixed(2)})`);
  if (med['product-1thread']) console.log(`N = ${n}: product on one thread ÷ product (wall): ${(med['product-1thread'].wall / med.product.wall).toFixed(2)}`);
  if (med['product-exceljs']) console.log(`N = ${n}: product reading with exceljs ÷ product (wall): ${(med['product-exceljs'].wall / med.product.wall).toFixed(2)}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
