/** The integration-status command line: template, example, inspect, validate, consolidate — in Danish or English. */
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ADMINISTRATION_CODES, findAdministration, type AdministrationCode, type UnitCode } from '../core/domain';
import { diagnosticMessage, type Diagnostic, type Lang } from '../core/diagnostics';
import { buildTemplatePlan } from '../core/template/plan';
import { matchUnit } from '../core/parse/submission';
import { EXAMPLES, exampleFill, exampleTemplateOptions } from '../examples/submissions';
import { DEFAULT_THRESHOLDS, type HistoryEntry } from '../core/consolidate/colours';
import { Consolidator, type Consolidation, type ConsolidationInput, type SubmittedFile } from '../core/consolidate/consolidate';
import { escalationLetters } from '../core/consolidate/letters';
import { buildConsolidatedPlan } from '../core/consolidate/plan';
import { consolidationSummary } from '../core/consolidate/summary';
import type { FileReport } from '../hosts/xlsx/files';
import { countBySeverity, formatConsolidation, formatReports, formatSubmission } from './format';
import { Progress } from './progress';
import { terminalSafe, textLines } from './terminal';
import { chooseLang, TEXT, type Text } from './text';
import { PRODUCT_VERSION } from './version';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal: the progress line is drawn only then. */
  errIsTTY?: boolean;
  /** Where LANG and friends are read (default: the process's environment). */
  env?: Record<string, string | undefined>;
  /** The clock for the progress line (default: Date.now). */
  now?: () => number;
}

const processIo = (): Io => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTTY: process.stderr.isTTY === true,
  env: process.env,
  now: Date.now,
});

const NAME = 'integration-status';

/** The .xlsx host (reader, writer, worker pool) is loaded when a command needs it, so --help and --version start fast. */
const xlsxHost = () => import('./xlsxHost');

/** A mistake in how the command was called: printed as `integration-status: …` lines, exit 2, nothing read. */
class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export function nextBudgetYear(today = new Date()): number {
  return today.getFullYear() + 1;
}

/** Parsers for option values; their messages are in the run's language. */
function parsers(t: Text) {
  const fail = (message: string): never => {
    throw new InvalidArgumentError(message);
  };
  return {
    year(value: string): number {
      const n = Number(value);
      return !/^\d{4}$/.test(value) || n < 1990 || n > 2200 ? fail(t.invalid.year) : n;
    },
    administration(value: string): AdministrationCode {
      const code = value.toUpperCase().replace(/^OKF$|^OEKF$/, 'ØKF');
      return findAdministration(code) ? (code as AdministrationCode) : fail(t.invalid.administration(ADMINISTRATION_CODES.join(', ')));
    },
    unit(value: string): UnitCode {
      return matchUnit(value) ?? ({ '1000': 'tkr', mio: 'mkr' } as Record<string, UnitCode>)[value] ?? fail(t.invalid.unit);
    },
    isoDate(value: string): string {
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fail(t.invalid.date);
    },
    period(value: string): number | 'all' {
      if (value.toLowerCase() === 'all' || value.toLowerCase() === 'alle') return 'all';
      const n = Number(value);
      return !/^\d{4}$/.test(value) || n < 1990 || n > 2200 ? fail(t.invalid.period) : n;
    },
    ratio(value: string): number {
      const n = Number(value.replace(',', '.'));
      return !Number.isFinite(n) || n <= 0 || n > 2 ? fail(t.invalid.ratio) : n;
    },
    lang(value: string): Lang {
      return value === 'da' || value === 'en' ? value : fail(t.invalid.lang);
    },
    xlsxFile(value: string): string {
      return /\.xlsx$/i.test(value) ? value : fail(t.invalid.xlsx);
    },
  };
}

/**
 * Commander's own messages are English; they are rebuilt here in the run's language from the parts commander
 * reports, with the user's text in them made terminal-safe. An unknown message keeps commander's words, made safe.
 */
function translateCommanderError(message: string, code: string | undefined, t: Text): string {
  const q = terminalSafe;
  const suggestion = (s: string | undefined) => (s ? t.usage.suggestion(q(s)) : '');
  const longFlag = (flags: string) => /--[\w-]+/.exec(flags)?.[0] ?? flags;
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownCommand':
      if ((m = /^error: unknown command '([\s\S]*)'(?:\n\(Did you mean ([\s\S]*)\?\))?$/.exec(message))) return t.usage.unknownCommand(q(m[1])) + suggestion(m[2]);
      break;
    case 'commander.unknownOption':
      if ((m = /^error: unknown option '([\s\S]*)'(?:\n\(Did you mean ([\s\S]*)\?\))?$/.exec(message))) return t.usage.unknownOption(q(m[1])) + suggestion(m[2]);
      break;
    case 'commander.missingArgument':
      if ((m = /^error: missing required argument '([\s\S]*)'$/.exec(message))) return t.usage.missingArgument(`<${q(m[1])}>`);
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^error: option '([\s\S]*)' argument missing$/.exec(message))) return t.usage.optionMissingValue(q(m[1]));
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^error: required option '([\s\S]*)' not specified$/.exec(message))) return t.usage.requiredOption(q(m[1]));
      break;
    case 'commander.excessArguments':
      if ((m = /^error: too many arguments(?: for '([\s\S]*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(message))) {
        return t.usage.excessArguments(m[1] ? `${NAME} ${q(m[1])}` : NAME, Number(m[2]), Number(m[3]));
      }
      break;
    case 'commander.invalidArgument':
      if ((m = /^error: option '([^']*)' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/.exec(message))) return t.usage.invalidValue(q(m[2]), longFlag(m[1]), q(m[3]));
      break;
  }
  return q(message.replace(/^error: /, ''));
}

/** A commander Command whose messages and help speak the run's language. */
class LocalCommand extends Command {
  constructor(
    private readonly text: Text,
    name?: string,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalCommand(this.text, name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const where = this.parent ? `${NAME} ${this.name()}` : NAME;
    return super.error(`${NAME}: ${translateCommanderError(message, errorOptions?.code, this.text)}\n${this.text.help.more(where)}`, errorOptions);
  }
}

/** "findes ikke: exmaples": what went wrong with a file, in the run's language. */
function describeFileError(err: unknown, t: Text): string {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code === 'EPERM' ? 'EACCES' : e?.code;
  if (code && e.path && Object.hasOwn(t.fileError, code)) return t.fileError[code](e.path);
  return e?.message ? e.message : String(err);
}

/** Every path given must exist, and those in `files` be files; all that do not are named before anything is read. */
async function requireExisting(t: Text, filesOrFolders: string[], files: string[] = []): Promise<void> {
  const problems: string[] = [];
  for (const p of [...filesOrFolders, ...files]) {
    const stat = await fs.stat(p).catch((err: unknown) => void problems.push(describeFileError(err, t)));
    if (stat?.isDirectory() && files.includes(p)) problems.push(t.fileError.EISDIR(p));
  }
  if (problems.length) throw new UsageError(problems);
}

export function buildProgram(io: Io, lang: Lang, setExit: (code: number) => void): Command {
  const t = TEXT[lang];
  const parse = parsers(t);
  const now = io.now ?? Date.now;
  const startedAt = now();
  const newProgress = () => new Progress({ write: io.err, enabled: io.errIsTTY === true, text: t, now, start: startedAt });

  /**
   * Reads and checks the files, with the progress line, handing each report on as it is done (with its index);
   * a worker that cannot start is said once, after it.
   */
  const eachChecked = async (files: string[], deadline: string | undefined, onReport: (index: number, report: FileReport) => void) => {
    const progress = newProgress();
    let workersFailed = false;
    const { eachFileChecked } = await xlsxHost();
    await eachFileChecked(
      files,
      { deadline },
      { onProgress: (done, total) => progress.reading(done, total), onWorkerFailed: () => (workersFailed = true) },
      onReport,
    );
    progress.stop();
    if (workersFailed) io.err(textLines([`${NAME}: ${t.workersFailed}`]));
  };

  /** The reports of all files, in the order of the files. */
  const check = async (files: string[], deadline?: string) => {
    const reports: FileReport[] = new Array(files.length);
    await eachChecked(files, deadline, (i, r) => (reports[i] = r));
    return reports;
  };

  /** The workbook files named or in the folders named; `alsoFiles` (e.g. --previous) must exist too. */
  const inputs = async (given: string[], alsoFiles: string[] = []) => {
    await requireExisting(t, given, alsoFiles);
    const files = await (await xlsxHost()).expandInputs(given);
    if (files.length === 0) throw new UsageError([t.usage.noFiles]);
    return files;
  };

  const program = new LocalCommand(t, NAME)
    .description(t.program)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title: string) => t.help.titles[title] ?? title,
      // Commander writes the placeholders "[options]" and "[command]" into usage lines itself.
      formatHelp(cmd: Command, helper: Help): string {
        return Help.prototype.formatHelp.call(this, cmd, helper).replace(/\[options\]|\[command\]/g, (m) => t.help.placeholders[m] ?? m);
      },
      optionDescription: (option: Option) =>
        option.defaultValue === undefined ? option.description : `${option.description} (${t.help.default}: ${option.defaultValueDescription ?? String(option.defaultValue)})`,
    })
    .helpOption('-h, --help', t.help.helpOption)
    .helpCommand(t.help.helpCommandArg, t.help.helpCommand)
    .version(PRODUCT_VERSION, '-V, --version', t.help.version)
    .addOption(new Option(`--lang ${t.help.langValue}`, t.help.lang).argParser(parse.lang))
    .exitOverride();

  program
    .command('template')
    .description(t.template.about)
    .option(`--administration ${t.template.administrationValue}`, t.template.administration(ADMINISTRATION_CODES.join(', ')), parse.administration)
    .option(`--first-year ${t.template.firstYearValue}`, t.template.firstYear, parse.year)
    .option(`--unit ${t.template.unitValue}`, t.template.unit, parse.unit, 'kr' as UnitCode)
    .option(`--deadline ${t.dateValue}`, t.template.deadline, parse.isoDate)
    .requiredOption(`--out ${t.outFileValue}`, t.template.out, parse.xlsxFile)
    .action(async (opts: { administration?: AdministrationCode; firstYear?: number; unit: UnitCode; deadline?: string; out: string }) => {
      const firstYear = opts.firstYear ?? nextBudgetYear();
      const plan = buildTemplatePlan({ firstYear, unit: opts.unit, administration: opts.administration, deadline: opts.deadline });
      await (await xlsxHost()).writePlan(plan, opts.out);
      io.out(textLines([t.template.written(firstYear, firstYear + 3, opts.out)]));
    });

  program
    .command('example')
    .description(t.example.about)
    .requiredOption(`--out ${t.example.outValue}`, t.example.out)
    .action(async (opts: { out: string }) => {
      const { writePlan } = await xlsxHost();
      await fs.mkdir(opts.out, { recursive: true });
      for (const e of EXAMPLES) {
        const plan = buildTemplatePlan(exampleTemplateOptions(e), exampleFill(e));
        // A fixed creation time keeps the examples identical from run to run.
        plan.properties = { ...plan.properties, created: `${e.submissionDate}T08:00:00Z` };
        await writePlan(plan, path.join(opts.out, e.file));
        io.out(textLines([path.join(opts.out, e.file)]));
      }
    });

  program
    .command('inspect')
    .description(t.inspect.about)
    .argument(t.args.file)
    .option('--json', t.inspect.json)
    .option('--cells', t.inspect.cells)
    .action(async (file: string, opts: { json?: boolean; cells?: boolean }) => {
      await requireExisting(t, [], [file]);
      const { inspectCells, loadFile, readSubmissionBytes } = await xlsxHost();
      if (opts.cells) return setExit(await inspectCells(file, { json: opts.json, lang }, io.out));
      const loaded = await loadFile(file);
      const reading = await readSubmissionBytes(loaded.bytes);
      if (reading.status === 'unreadable') {
        io.err(textLines([`${NAME}: ${loaded.name}: ${diagnosticMessage(reading.diagnostics[0], lang)}`]));
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
    .description(t.validate.about)
    .argument(t.args.inputs)
    .option('--json', t.validate.json)
    .option(`--deadline ${t.dateValue}`, t.validate.deadline, parse.isoDate)
    .action(async (given: string[], opts: { json?: boolean; deadline?: string }) => {
      const reports = await check(await inputs(given), opts.deadline);
      io.out(opts.json ? `${JSON.stringify({ files: reports.map((r) => reportJson(r, lang)) }, null, 2)}\n` : formatReports(reports, lang));
      setExit(exitCodeFor(reports));
    });

  program
    .command('consolidate')
    .description(t.consolidate.about)
    .argument(t.args.inputs)
    .requiredOption(`--out ${t.consolidate.outValue}`, t.consolidate.out, parse.xlsxFile)
    .option(`--previous ${t.consolidate.previousValue}`, t.consolidate.previous)
    .option('--strict', t.consolidate.strict)
    .option(`--green ${t.consolidate.ratioValue}`, t.consolidate.green, parse.ratio, DEFAULT_THRESHOLDS.green)
    .option(`--yellow ${t.consolidate.ratioValue}`, t.consolidate.yellow, parse.ratio, DEFAULT_THRESHOLDS.yellow)
    .option(`--period ${t.consolidate.periodValue}`, t.consolidate.period, parse.period)
    .option('--json', t.consolidate.json)
    .action(async (given: string[], opts: { out: string; previous?: string; strict?: boolean; green: number; yellow: number; period?: number | 'all'; json?: boolean }) => {
      if (opts.yellow > opts.green) throw new UsageError([t.usage.yellowAboveGreen]);
      const files = await inputs(given, opts.previous ? [opts.previous] : []);
      const { sameFileAsAny, writePlan } = await xlsxHost();
      const forbidden = [...files, ...(opts.previous ? [opts.previous] : [])];
      if (await sameFileAsAny(opts.out, forbidden)) throw new UsageError([t.usage.writeOverInput(opts.out)]);
      const previous = opts.previous ? await readPrevious(opts.previous) : undefined;
      if (previous && 'error' in previous) {
        io.err(textLines([`${NAME}: ${path.basename(opts.previous!)}: ${diagnosticMessage(previous.error, lang)}`]));
        setExit(2);
        return;
      }
      // Each report goes to the consolidation as it arrives: only the period consolidated keeps its submissions.
      const consolidator = new Consolidator({
        strict: opts.strict,
        thresholds: { green: opts.green, yellow: opts.yellow },
        history: previous?.history,
        previousFile: previous?.file,
        generatedAt: new Date().toISOString().slice(0, 19) + 'Z',
        productVersion: PRODUCT_VERSION,
        period: opts.period,
      });
      let exitCode = 0;
      await eachChecked(files, undefined, (index, report) => {
        exitCode = Math.max(exitCode, exitCodeFor([report]));
        consolidator.add(toConsolidationInput(report), index);
      });
      const result = consolidator.finish();
      if (typeof opts.period === 'number' && !result.periods.includes(result.period)) {
        throw new UsageError([t.usage.noSuchPeriod(opts.period, result.periods.join(', ') || '–')]);
      }
      const progress = newProgress();
      progress.writing(path.basename(opts.out));
      let letters: string[] = [];
      try {
        await writePlan(buildConsolidatedPlan(result), opts.out);
        letters = await writeLetters(result, lettersDir(opts.out));
      } finally {
        progress.stop();
      }
      if (opts.json) io.out(`${JSON.stringify({ out: opts.out, letters, ...consolidationSummary(result, lang) }, null, 2)}\n`);
      else io.out(formatConsolidation(result, opts.out, lang, letters.length ? lettersDir(opts.out) : undefined));
      setExit(exitCode);
    });

  return program;
}

/** The letters go beside the workbook: samlet.xlsx gets the folder samlet-breve. */
function lettersDir(out: string): string {
  return path.join(path.dirname(out), `${path.basename(out, path.extname(out))}-breve`);
}

/** One Word document per escalated project; earlier letters in the folder are replaced, other files left alone. */
async function writeLetters(c: Consolidation, dir: string): Promise<string[]> {
  const letters = escalationLetters(c);
  if (!letters.length) return [];
  const { letterDocx } = await import('../hosts/docx/letter');
  const { writeFileAtomic } = await xlsxHost();
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const letter of letters) {
    // The file name is the project's name reduced to letters, digits and dashes (safeFileName): it stays in the folder.
    const file = path.join(dir, letter.fileName);
    await writeFileAtomic(file, await letterDocx(letter));
    written.push(file);
  }
  return written;
}

async function readPrevious(file: string): Promise<{ history: HistoryEntry[]; file: SubmittedFile } | { error: Diagnostic }> {
  const { loadFile, readHistoryBytes } = await xlsxHost();
  const loaded = await loadFile(file);
  const reading = await readHistoryBytes(loaded.bytes);
  if (!reading.ok) return { error: reading.diagnostic };
  return { history: reading.entries, file: { name: loaded.name, size: loaded.size, sha256: loaded.sha256 } };
}

function toConsolidationInput(r: FileReport): ConsolidationInput {
  return { file: { name: r.file, size: r.size, sha256: r.sha256, modified: r.modified }, status: r.status, diagnostics: r.diagnostics, submission: r.submission };
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

/** Runs the command line; resolves to the exit code. Errors become clear lines, never a stack trace. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const lang = chooseLang(argv.slice(2), io.env ?? process.env);
  const t = TEXT[lang];
  let exitCode = 0;
  const program = buildProgram(io, lang, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const lines = err instanceof UsageError ? err.lines : [describeFileError(err, t)];
    io.err(textLines(lines.map((line) => `${NAME}: ${line}`)));
    return 2;
  }
}
