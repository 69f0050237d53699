/** The integration-status command line: template, example, inspect (and more as the product grows). */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ADMINISTRATION_CODES, findAdministration, type AdministrationCode, type UnitCode } from '../core/domain';
import { diagnosticMessage, type Diagnostic, type Lang } from '../core/diagnostics';
import { buildTemplatePlan } from '../core/template/plan';
import { matchUnit } from '../core/parse/submission';
import { EXAMPLES, exampleFill, exampleTemplateOptions } from '../examples/submissions';
import { DEFAULT_THRESHOLDS, type HistoryEntry } from '../core/consolidate/colours';
import { consolidate, type ConsolidationInput, type SubmittedFile } from '../core/consolidate/consolidate';
import { buildConsolidatedPlan } from '../core/consolidate/plan';
import { consolidationSummary } from '../core/consolidate/summary';
import { checkFiles } from '../hosts/xlsx/checkPool';
import { describeError, expandInputs, loadFile, readHistoryBytes, readSubmissionBytes, sameFileAsAny, writePlan, type FileReport } from '../hosts/xlsx/files';
import { countBySeverity, formatConsolidation, formatReports, formatSubmission } from './format';
import { PRODUCT_VERSION } from './version';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

function parseYear(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || n < 1990 || n > 2200) throw new InvalidArgumentError('expected a year such as 2011');
  return n;
}

function parseAdministration(value: string): AdministrationCode {
  const code = value.toUpperCase().replace(/^OKF$|^OEKF$/, 'ØKF');
  if (!findAdministration(code)) throw new InvalidArgumentError(`expected one of ${ADMINISTRATION_CODES.join(', ')}`);
  return code as AdministrationCode;
}

function parseUnit(value: string): UnitCode {
  const unit = matchUnit(value) ?? ({ '1000': 'tkr', mio: 'mkr' } as Record<string, UnitCode>)[value];
  if (!unit) throw new InvalidArgumentError('expected kr, 1000 or mio');
  return unit;
}

function parseIsoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

export function nextBudgetYear(today = new Date()): number {
  return today.getFullYear() + 1;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('integration-status')
    .description('Budgetredegørelse for integrationsindsatsen: skabelon, indlæsning og kontrol af indsendte projektmapper.')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();

  program
    .command('template')
    .description('write the blank budget statement template')
    .option('--administration <code>', `pre-select the administration (${ADMINISTRATION_CODES.join(', ')})`, parseAdministration)
    .option('--first-year <yyyy>', 'first of the four budget years (default: next year)', parseYear)
    .option('--unit <unit>', 'pre-selected amount unit: kr, 1000 or mio', parseUnit, 'kr' as UnitCode)
    .option('--deadline <yyyy-mm-dd>', 'submission deadline (default: 15 May the year before the first budget year)', parseIsoDate)
    .requiredOption('--out <file.xlsx>', 'where to write the template')
    .action(async (opts: { administration?: AdministrationCode; firstYear?: number; unit: UnitCode; deadline?: string; out: string }) => {
      const firstYear = opts.firstYear ?? nextBudgetYear();
      const plan = buildTemplatePlan({ firstYear, unit: opts.unit, administration: opts.administration, deadline: opts.deadline });
      await writePlan(plan, opts.out);
      io.out(`Skabelon for ${firstYear}–${firstYear + 3} skrevet til ${opts.out}\n`);
    });

  program
    .command('example')
    .description('write the bundled example submissions (one per administration)')
    .requiredOption('--out <dir>', 'folder to write them into')
    .action(async (opts: { out: string }) => {
      await fs.mkdir(opts.out, { recursive: true });
      for (const e of EXAMPLES) {
        const plan = buildTemplatePlan(exampleTemplateOptions(e), exampleFill(e));
        // A fixed creation time keeps the examples identical from run to run.
        plan.properties = { ...plan.properties, created: `${e.submissionDate}T08:00:00Z` };
        await writePlan(plan, path.join(opts.out, e.file));
        io.out(`${path.join(opts.out, e.file)}\n`);
      }
    });

  program
    .command('inspect')
    .description('read one submission and print what it says (amounts in kr.)')
    .argument('<file.xlsx>')
    .option('--json', 'print the parsed submission as JSON')
    .option('--lang <lang>', 'language of messages: da or en', 'da')
    .action(async (file: string, opts: { json?: boolean; lang: string }) => {
      const loaded = await loadFile(file);
      const lang = opts.lang === 'en' ? 'en' : 'da';
      const reading = await readSubmissionBytes(loaded.bytes);
      if (reading.status === 'unreadable') {
        io.err(`integration-status: ${loaded.name}: ${diagnosticMessage(reading.diagnostics[0], lang)}\n`);
        setExit(2);
        return;
      }
      const result = reading.result;
      if (opts.json) {
        const diagnostics = result.diagnostics.map((d) => ({ ...d, message: diagnosticMessage(d, lang) }));
        io.out(`${JSON.stringify({ file: loaded.name, submission: result.submission, diagnostics }, null, 2)}\n`);
      } else {
        io.out(formatSubmission(loaded.name, result, lang));
      }
    });

  program
    .command('validate')
    .description('check submissions against every rule of the budget statement')
    .argument('<file-or-folder...>')
    .option('--json', 'print the findings as JSON')
    .option('--lang <lang>', 'language of messages: da or en', parseLang, 'da' as Lang)
    .option('--deadline <yyyy-mm-dd>', 'deadline to check submission dates against (default: the one on each cover)', parseIsoDate)
    .action(async (inputs: string[], opts: { json?: boolean; lang: Lang; deadline?: string }) => {
      const files = await expandInputs(inputs);
      if (files.length === 0) throw new UsageError('no .xlsx files found in the folders given');
      const reports = await checkFiles(files, { deadline: opts.deadline });
      io.out(opts.json ? `${JSON.stringify({ files: reports.map((r) => reportJson(r, opts.lang)) }, null, 2)}\n` : formatReports(reports, opts.lang));
      setExit(exitCodeFor(reports));
    });

  program
    .command('consolidate')
    .description('consolidate submissions into one status workbook')
    .argument('<file-or-folder...>')
    .requiredOption('--out <out.xlsx>', 'the consolidated workbook to write')
    .option('--previous <prior.xlsx>', 'the previous consolidated workbook, for the quarter-colour history')
    .option('--strict', 'leave out files with errors (default: include them, marked)')
    .option('--green <ratio>', 'computed colour: green from this share of the expected progress', parseRatio, DEFAULT_THRESHOLDS.green)
    .option('--yellow <ratio>', 'computed colour: yellow from this share of the expected progress', parseRatio, DEFAULT_THRESHOLDS.yellow)
    .option('--json', 'print a summary as JSON')
    .option('--lang <lang>', 'language of messages: da or en', parseLang, 'da' as Lang)
    .action(async (inputs: string[], opts: { out: string; previous?: string; strict?: boolean; green: number; yellow: number; json?: boolean; lang: Lang }) => {
      if (opts.yellow > opts.green) throw new UsageError('--yellow must not be above --green');
      const files = await expandInputs(inputs);
      if (files.length === 0) throw new UsageError('no .xlsx files found in the folders given');
      const forbidden = [...files, ...(opts.previous ? [opts.previous] : [])];
      if (await sameFileAsAny(opts.out, forbidden)) throw new UsageError(`refusing to write over an input file: ${opts.out}`);
      const previous = opts.previous ? await readPrevious(opts.previous) : undefined;
      if (previous && 'error' in previous) {
        io.err(`integration-status: ${path.basename(opts.previous!)}: ${diagnosticMessage(previous.error, opts.lang)}\n`);
        setExit(2);
        return;
      }
      const reports = await checkFiles(files);
      const result = consolidate(reports.map(toConsolidationInput), {
        strict: opts.strict,
        thresholds: { green: opts.green, yellow: opts.yellow },
        history: previous?.history,
        previousFile: previous?.file,
        generatedAt: new Date().toISOString().slice(0, 19) + 'Z',
        productVersion: PRODUCT_VERSION,
      });
      await writePlan(buildConsolidatedPlan(result), opts.out);
      if (opts.json) io.out(`${JSON.stringify({ out: opts.out, ...consolidationSummary(result, opts.lang) }, null, 2)}\n`);
      else io.out(formatConsolidation(result, opts.out, opts.lang));
      setExit(exitCodeFor(reports));
    });

  return program;
}

async function readPrevious(file: string): Promise<{ history: HistoryEntry[]; file: SubmittedFile } | { error: Diagnostic }> {
  const loaded = await loadFile(file);
  const reading = await readHistoryBytes(loaded.bytes);
  if (!reading.ok) return { error: reading.diagnostic };
  return { history: reading.entries, file: { name: loaded.name, size: loaded.size, sha256: loaded.sha256 } };
}

function toConsolidationInput(r: FileReport): ConsolidationInput {
  return { file: { name: r.file, size: r.size, sha256: r.sha256, modified: r.modified }, status: r.status, diagnostics: r.diagnostics, submission: r.submission };
}

function parseRatio(value: string): number {
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0 || n > 2) throw new InvalidArgumentError('expected a ratio such as 0.9');
  return n;
}

export function exitCodeFor(reports: FileReport[]): number {
  if (reports.some((r) => r.status === 'unreadable')) return 2;
  return reports.some((r) => r.status === 'invalid') ? 1 : 0;
}

function reportJson(r: FileReport, lang: Lang) {
  return {
    file: r.file,
    path: r.path,
    sha256: r.sha256,
    administration: r.submission?.cover.administration ?? null,
    status: r.status,
    counts: countBySeverity(r.diagnostics),
    diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, code: d.code, sheet: d.sheet, cell: d.cell, message: diagnosticMessage(d, lang), value: d.value ?? null })),
  };
}

class UsageError extends Error {}

function parseLang(value: string): Lang {
  if (value !== 'da' && value !== 'en') throw new InvalidArgumentError('expected da or en');
  return value;
}

/** Runs the command line; resolves to the exit code. Errors become one clear line, never a stack trace. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      io.err(`integration-status: ${err.message}\n`);
      return 2;
    }
    io.err(`integration-status: ${describeError(err)}\n`);
    return 2;
  }
}

