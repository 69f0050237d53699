/**
 * Project monitoring as seed 003 describes it, through filled-in workbooks and the command line: colours only for
 * quarters that have ended, monitoring by the project's own co-financing, quarterly figures per success criterion,
 * one budget period per consolidation, a likely wrong unit as one error; and seed 004's Task Force through a whole
 * year of quarters, carried by --previous, until it is red twice and gets a letter to the committee.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { OUTPUT } from '../../src/core/consolidate/layout';
import type { AdministrationCode, UnitCode } from '../../src/core/domain';
import type { TemplateFill } from '../../src/core/template/fill';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { statusOf, validate } from '../../src/core/validate/validate';
import { parseXlsx } from '../../src/hosts/xlsx/files';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { SheetGrid } from '../../src/core/reader';
import { runBuiltCli, runCli } from '../helpers/cli';
import { XlsxWorkbookReader } from '../helpers/exceljsReader';
import { criterion, project, validFill, where } from '../helpers/statement';
import { itWith, runsWith } from '../helpers/tools';
import { escalationLetters, safeFileName } from '../../src/core/consolidate/letters';
import { letterDocx } from '../../src/hosts/docx/letter';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'monitoring-'));

interface Statement {
  fill: TemplateFill;
  firstYear?: number;
  unit?: UnitCode;
  administration?: AdministrationCode;
}

/** The template filled in as a person types it (text "grøn", "300.000", dates), written as an .xlsx file. */
async function statementBytes(s: Statement): Promise<Uint8Array> {
  const plan = buildTemplatePlan({ firstYear: s.firstYear ?? 2011, unit: s.unit ?? 'kr', administration: s.administration ?? 'KFF' }, s.fill);
  return renderPlanToBuffer(plan);
}

async function writeStatement(dir: string, name: string, s: Statement): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, await statementBytes(s));
  return file;
}

async function findingsOf(bytes: Uint8Array) {
  return validate(await parseXlsx(bytes));
}

/** Reads the submission and consolidates it alone, as of the date given. */
async function consolidated(bytes: Uint8Array, generatedAt = '2010-06-01T12:00:00Z') {
  const parsed = await parseXlsx(bytes);
  const diagnostics = validate(parsed);
  return consolidate([{ file: { name: 'kff.xlsx', size: bytes.length, sha256: 'x' }, status: statusOf(diagnostics, false), diagnostics, submission: parsed.submission }], {
    generatedAt,
    productVersion: 'test',
  });
}

async function sheetRows(file: string, sheet: string): Promise<(string | number | boolean | null)[][]> {
  const reader = await XlsxWorkbookReader.load(new Uint8Array(readFileSync(file)));
  return new SheetGrid(await reader.readSheet(sheet)).sheet.values.map((r) => r.map((v) => (typeof v === 'object' && v !== null ? v.error : v)));
}

/** LibreOffice's own save of a file (as a person who opened it there and saved it would have). */
function resavedByLibreOffice(file: string): string {
  const out = path.join(path.dirname(file), 'libreoffice');
  execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, file], { stdio: 'pipe', timeout: 120_000 });
  return path.join(out, path.basename(file));
}

// ------------------------------------------------------------------------------------------ 1. quarters not ended

/** Seed 003's case: status year 2010 submitted 5 May 2010, the project red in K1 and behind on its criterion. */
function redInK1Only(futureColour: string | null): Statement {
  const fill = validFill();
  fill.cover = { ...fill.cover, statusYear: 2010, submissionDate: { date: '2010-05-05' } };
  fill.projects = [{ ...project, q1: 'rød', q2: futureColour, q3: null, q4: null, actionPlan: 'Ny projektleder og rekruttering via skolerne' }];
  fill.criteria = [{ ...criterion, achievedQ1: 20, achievedQ2: null, achievedQ3: null, achievedQ4: null }];
  return { fill };
}

describe('1. a quarter gets a colour only once it has ended', () => {
  it('breaks: a colour typed for K2 2010 on 5 May 2010 is an error with its cell, and is not counted', async () => {
    const bytes = await statementBytes(redInK1Only('rød'));
    expect(where(await findingsOf(bytes))).toEqual(['PROJ_COLOUR_FUTURE Monitorerede projekter!L5']);
    const c = await consolidated(bytes);
    expect(c.monitoring[0].quarters.map((q) => [q.ended, q.effective])).toEqual([[true, 'red'], [false, null], [false, null], [false, null]]);
    expect(c.monitoring[0]).toMatchObject({ redCount: 1, escalate: false });
  });

  it('is fixed: only K1 has a colour, reported or computed; red once is no letter, and the history holds K1 alone', async () => {
    const bytes = await statementBytes(redInK1Only(null));
    expect(where(await findingsOf(bytes))).toEqual([]);
    const c = await consolidated(bytes);
    expect(c.monitoring[0].quarters.map((q) => q.computed)).toEqual(['red', null, null, null]);
    expect(c.monitoring[0]).toMatchObject({ redCount: 1, escalate: false, newlyRed: true });
    expect(c.history.map((h) => `K${h.quarter} ${h.year} ${h.colour}`)).toEqual(['K1 2010 red']);
  });

  it('drops from a previous history the quarters that had not ended when this consolidation is made', async () => {
    const bytes = await statementBytes(redInK1Only(null));
    const parsed = await parseXlsx(bytes);
    const invented = ([2, 3, 4] as const).map((quarter) => ({ administration: 'KFF', project: 'Bydelsmødre', year: 2010, quarter, colour: 'red' as const }));
    const c = consolidate([{ file: { name: 'kff.xlsx', size: 1, sha256: 'x' }, status: 'valid', diagnostics: [], submission: parsed.submission }], {
      generatedAt: '2010-06-01T12:00:00Z',
      productVersion: 'test',
      history: invented,
    });
    expect(c.monitoring[0]).toMatchObject({ redCount: 1, escalate: false });
  });

  itWith('soffice')('reads the same from the statement re-saved by LibreOffice', async () => {
    const dir = tmp();
    const resaved = resavedByLibreOffice(await writeStatement(dir, 'kff.xlsx', redInK1Only('gul')));
    const bytes = new Uint8Array(readFileSync(resaved));
    expect(where(await findingsOf(bytes))).toEqual(['PROJ_COLOUR_FUTURE Monitorerede projekter!L5']);
    const c = await consolidated(bytes);
    expect(c.monitoring[0].quarters.map((q) => q.effective)).toEqual(['red', null, null, null]);
    expect(c.monitoring[0].project.criteria[0].quarterly).toEqual([20, null, null, null]);
  });
});

// ------------------------------------------------------------------------------------------ 2. the project's own co-financing

/** Status year 2009, budget 2011–2014: the project ran 2009–2010 and has no co-financing in the budget years. */
function endedBeforeTheBudget(cofinancing: string | null, funding: (number | null)[] = [null, null, null, null]): Statement {
  const fill = validFill();
  fill.projects = [{ ...project, end: { date: '2010-12-31' }, cofinancing, funding, q1: 'rød', q2: 'rød', q3: 'gul', q4: 'gul', actionPlan: 'Ny leder fra 1. marts 2010' }];
  fill.criteria = [{ ...criterion, achievedQ1: 2, achievedQ2: 4, achievedQ3: 20, achievedQ4: 40 }];
  fill.table1 = { ...fill.table1, projects: funding.map((f) => f ?? 0) };
  return { fill };
}

describe('2. monitoring is decided by the project’s own total co-financing', () => {
  it('breaks: without it (as in template 1.0) the project cannot be monitored, and red twice reaches no one', async () => {
    const bytes = await statementBytes(endedBeforeTheBudget(null));
    expect(where(await findingsOf(bytes))).toEqual(['PROJ_FUNDING_MISSING Monitorerede projekter!E5']);
    expect((await consolidated(bytes)).monitoring).toEqual([]);
  });

  it('is fixed: 300.000 kr. over its own period makes it monitored, red in K1 and K2: a letter', async () => {
    const bytes = await statementBytes(endedBeforeTheBudget('300.000'));
    expect(where(await findingsOf(bytes))).toEqual([]);
    const [m] = (await consolidated(bytes)).monitoring;
    expect(m).toMatchObject({ redCount: 2, escalate: true });
    expect(m.redQuarters).toEqual([{ year: 2009, quarter: 1 }, { year: 2009, quarter: 2 }]);
  });

  (runsWith('writer') && runsWith('pdftotext') ? it : it.skip)('its letter opens in LibreOffice Writer and prints on one page with every part', async () => {
    const [letter] = escalationLetters(await consolidated(await statementBytes(endedBeforeTheBudget('300.000'))));
    const dir = tmp();
    const docx = path.join(dir, letter.fileName);
    writeFileSync(docx, await letterDocx(letter));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
    const pdf = docx.replace(/\.docx$/, '.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.split('\f').filter((page) => page.trim()).length).toBe(1);
    for (const part of ['Til Kultur- og Fritidsudvalget', 'Bydelsmødre', 'K1 2009 og K2 2009', '300.000 kr. over hele projektperioden', 'Kvinder nået', 'Ny leder fra 1. marts 2010', 'Med venlig hilsen']) {
      expect(text.replace(/\s+/g, ' ')).toContain(part);
    }
  });

  it('warns with its cell about co-financing typed for a budget year after the project ended', async () => {
    const bytes = await statementBytes(endedBeforeTheBudget('300.000', [100_000, null, null, null]));
    expect(where(await findingsOf(bytes))).toEqual(['PROJ_FUNDING_OUTSIDE_PERIOD Monitorerede projekter!F5']);
  });
});

// ------------------------------------------------------------------------------------------ 3. quarterly figures

describe('3. each quarter is judged by that quarter’s figure against the share of the period elapsed', () => {
  /** 2009–2011: 2 and 4 of 100 by K1 and K2 (behind), 50 and 60 by K3 and K4 (ahead). */
  const catchingUp = (colours: (string | null)[]): Statement => {
    const fill = validFill();
    fill.projects = [{ ...project, q1: colours[0], q2: colours[1], q3: colours[2], q4: colours[3], actionPlan: 'Opsøgende arbejde i boligområdet' }];
    fill.criteria = [{ ...criterion, achievedQ1: 2, achievedQ2: 4, achievedQ3: 50, achievedQ4: 60 }];
    return { fill };
  };

  it('computes red for K1 and K2 and green for K3 and K4 (one figure for the year would give green throughout)', async () => {
    const [m] = (await consolidated(await statementBytes(catchingUp(['rød', 'rød', 'grøn', 'grøn'])))).monitoring;
    expect(m.quarters.map((q) => q.computed)).toEqual(['red', 'red', 'green', 'green']);
    expect(m.differences).toEqual([]);
  });

  it('keeps both colours where the reported one differs from the computed one', async () => {
    const [m] = (await consolidated(await statementBytes(catchingUp(['grøn', 'grøn', 'grøn', 'grøn'])))).monitoring;
    expect(m.differences.map((q) => [q.quarter, q.reported, q.computed])).toEqual([
      [1, 'green', 'red'],
      [2, 'green', 'red'],
    ]);
  });

  it('reads a 1.0 statement (one achieved figure) for its last ended quarter only, and says so', async () => {
    // SOF's example in template 1.0, saved by LibreOffice (kept from before 1.1).
    const fixture = path.join(__dirname, 'sof-libreoffice-1.0.xlsx');
    const parsed = await parseXlsx(new Uint8Array(readFileSync(fixture)));
    expect(parsed.submission.template.version).toBe('1.0');
    expect(parsed.diagnostics.map((d) => d.code)).toContain('TEMPLATE_VERSION_OLDER');
    const withFigures = parsed.submission.projects.flatMap((p) => p.criteria).filter((c) => c.quarterly.some((v) => v !== null));
    expect(withFigures.length).toBeGreaterThan(0);
    for (const c of withFigures) expect(c.quarterly.slice(0, 3)).toEqual([null, null, null]);
  });
});

// ------------------------------------------------------------------------------------------ 4. budget periods

describe('4. statements of different budget periods are never added together', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    await writeStatement(path.join(dir, 'ind'), 'KFF-2011.xlsx', { fill: validFill() });
    await writeStatement(path.join(dir, 'ind'), 'SOF-2011.xlsx', { fill: validFill(), administration: 'SOF' });
    // The previous period's statement, lying in the same folder.
    const old = validFill();
    old.cover = { ...old.cover, submissionDate: { date: '2006-05-01' }, statusYear: 2005 };
    old.projects = [];
    old.criteria = [];
    old.table1 = { ...old.table1, projects: [0, 0, 0, 0] };
    await writeStatement(path.join(dir, 'ind'), 'KFF-2007.xlsx', { fill: old, firstYear: 2007 });
  });

  it('consolidates the latest period and lists the other as left out (command line, Om sheet)', async () => {
    const out = path.join(dir, 'samlet.xlsx');
    const run = await runCli('consolidate', path.join(dir, 'ind'), '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('KFF-2007.xlsx: KFF 2007–2010 – udeladt: en anden budgetperiode end den samlede 2011–2014');
    expect(run.stdout).toContain('Udeladte budgetperioder: 2007–2010 (KFF-2007.xlsx).');
    expect(run.stdout).toContain('2 forvaltninger');
    const about = (await sheetRows(out, OUTPUT.about)).map((r) => r.filter((v) => v !== null).join(' | '));
    expect(about).toContain('2007–2010 | KFF-2007.xlsx | en anden budgetperiode end 2011–2014');
    expect(about).toContain('Budgetperiode | 2011–2014');
  });

  it('consolidates the period asked for with --period, and says which periods there are when none matches', async () => {
    const json = await runCli('consolidate', path.join(dir, 'ind'), '--out', path.join(dir, 'gammel.xlsx'), '--period', '2008', '--json');
    const s = JSON.parse(json.stdout);
    expect(s.period).toBe('2007–2010');
    expect(s.administrations.map((a: { administration: string }) => a.administration)).toEqual(['KFF']);
    expect(s.leftOutPeriods).toEqual([{ period: '2011–2014', files: ['KFF-2011.xlsx', 'SOF-2011.xlsx'] }]);
    const none = await runCli('consolidate', path.join(dir, 'ind'), '--out', path.join(dir, 'ingen.xlsx'), '--period', '2030');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('ingen redegørelse for en budgetperiode med 2030 (perioderne i filerne: 2007–2010, 2011–2014)');
    expect(existsSync(path.join(dir, 'ingen.xlsx'))).toBe(false);
  });

  it('with --period all compares the periods side by side, each labelled, never added together', async () => {
    const out = path.join(dir, 'alle.xlsx');
    const run = await runCli('consolidate', path.join(dir, 'ind'), '--out', out, '--period', 'all', '--json');
    const s = JSON.parse(run.stdout);
    // The workbook is the latest period's; the older statement is compared, not left out and not added.
    expect(s.period).toBe('2011–2014');
    expect(s.leftOutPeriods).toEqual([]);
    expect(s.administrations.map((a: { administration: string }) => a.administration)).toEqual(['KFF', 'SOF']);
    expect(s.table1.municipality.total.total).toBe(2 * 750_000);
    const rows = (await sheetRows(out, OUTPUT.periods)).map((r) => r.filter((v) => v !== null));
    const header = rows.find((r) => r[0] === 'Forvaltning')!;
    expect(header).toEqual(['Forvaltning', '2007–2010', '2011–2014', 'Forskel 2011–2014 – 2007–2010']);
    // KFF's Table 1 in each period on its own (150.000 a year of projects only in 2011–2014), and the difference.
    expect(rows.find((r) => r[0] === 'KFF – Kultur- og Fritidsforvaltningen')).toEqual(['KFF – Kultur- og Fritidsforvaltningen', 600_000, 750_000, 150_000]);
    expect(rows.find((r) => String(r[0]).startsWith('SOF'))).toEqual(['SOF – Socialforvaltningen', 750_000]);
    expect(rows.find((r) => r[0] === 'Mål a, alle forvaltninger')).toEqual(['Mål a, alle forvaltninger', 400_000, 800_000, 400_000]);
  });
});

// ------------------------------------------------------------------------------------------ 5. the unit

describe('5. a likely wrong unit is one error on the unit cell', () => {
  it('breaks: kr. amounts typed under "mio. kr." give one error naming kr., and --strict leaves the file out', async () => {
    const dir = tmp();
    const file = await writeStatement(dir, 'KFF.xlsx', { fill: validFill(), unit: 'mkr' });
    const run = await runCli('validate', file, '--json');
    const [report] = JSON.parse(run.stdout).files;
    expect(report.status).toBe('invalid');
    expect(report.diagnostics.map((d: { code: string; cell: string }) => `${d.code} ${d.cell}`)).toEqual(['AMOUNT_UNIT_LIKELY_WRONG C7']);
    expect(report.diagnostics[0].message).toContain('Beløbene ser ud til at være i kr.');
    const strict = await runCli('consolidate', file, '--out', path.join(dir, 'samlet.xlsx'), '--strict', '--json');
    expect(JSON.parse(strict.stdout).administrations).toEqual([]);
  });

  it('is fixed: the same amounts under the unit kr. are valid', async () => {
    const dir = tmp();
    const run = await runCli('validate', await writeStatement(dir, 'KFF.xlsx', { fill: validFill(), unit: 'kr' }), '--json');
    expect(JSON.parse(run.stdout).files[0].status).toBe('valid');
  });
});

// ------------------------------------------------------------------------------------------ seed 004: a year of quarters

/** Seed 004's Task Force criteria, as targets for its 2008 work plan. */
const TASK_FORCE = [
  { indicator: 'Bidraget til mindst 5 initiativer i udsatte boligområder', target: 5 },
  { indicator: 'Mindst 25 borgere forankret på arbejdsmarkedet eller i uddannelse', target: 25 },
  { indicator: 'Mindst 100 unge involveret i uddannelses- og fritidsaktiviteter', target: 100 },
  { indicator: '5 rekvisitioner gennemført', target: 5 },
  { indicator: 'Mindst 25 projektbesøg registreret i projektdatabasen', target: 25 },
];
/** The figures reached by the end of K1–K4 2008: on track, behind, still behind, catching up. */
const REACHED = [
  [1, 6, 25, 1, 6],
  [1, 8, 30, 1, 8],
  [2, 10, 40, 2, 12],
  [4, 20, 80, 4, 20],
];

/** BIF's statement after `quarters` quarters of 2008, with the colours the project reported for them. */
function taskForceStatement(quarters: number, submitted: string, colours: string[]): Statement {
  const fill = validFill();
  fill.cover = { ...fill.cover, submissionDate: { date: submitted }, deadline: { date: '2009-01-31' }, statusYear: 2008 };
  fill.projects = [
    {
      name: 'Task Force for udsatte boligområder',
      fund: 'Beskæftigelses- og Integrationsudvalget (4 årsværk)',
      start: { date: '2008-01-01' },
      end: { date: '2008-12-31' },
      cofinancing: '2.000.000',
      funding: [null, null, null, null],
      q1: colours[0] ?? null,
      q2: colours[1] ?? null,
      q3: colours[2] ?? null,
      q4: colours[3] ?? null,
      actionPlan: colours.includes('rød') ? 'Flere projektbesøg og en fast kontaktperson i hver boligsocial helhedsplan; opfølgning hver måned.' : null,
    },
  ];
  fill.criteria = TASK_FORCE.map((c, i) => ({
    project: 'Task Force for udsatte boligområder',
    indicator: c.indicator,
    target: c.target,
    achievedQ1: quarters >= 1 ? REACHED[0][i] : null,
    achievedQ2: quarters >= 2 ? REACHED[1][i] : null,
    achievedQ3: quarters >= 3 ? REACHED[2][i] : null,
    achievedQ4: quarters >= 4 ? REACHED[3][i] : null,
  }));
  fill.table1 = { ...fill.table1, projects: [0, 0, 0, 0] };
  return { fill, firstYear: 2009, administration: 'BIF' };
}

describe('seed 004: the Task Force through the quarters of 2008', () => {
  it('is computed quarter by quarter, carried by --previous, newly red in K2, and red twice in K3: a letter', async () => {
    const dir = tmp();
    const steps = [
      { quarters: 1, submitted: '2008-04-15', colours: ['grøn'] },
      { quarters: 2, submitted: '2008-07-15', colours: ['grøn', 'rød'] },
      { quarters: 3, submitted: '2008-10-15', colours: ['grøn', 'rød', 'rød'] },
      { quarters: 4, submitted: '2009-01-15', colours: ['grøn', 'rød', 'rød', 'gul'] },
    ];
    let previous: string | undefined;
    const results: { computed: (string | null)[]; escalate: boolean; newlyRed: boolean; letters: string[] }[] = [];
    for (const [i, step] of steps.entries()) {
      const input = await writeStatement(path.join(dir, `k${i + 1}`), 'BIF-2009.xlsx', taskForceStatement(step.quarters, step.submitted, step.colours));
      expect(where(await findingsOf(new Uint8Array(readFileSync(input))))).toEqual([]);
      const out = path.join(dir, `samlet-k${i + 1}.xlsx`);
      const run = await runCli('consolidate', input, '--out', out, '--json', ...(previous ? ['--previous', previous] : []));
      expect(run.code).toBe(0);
      // The computed colours, as the monitoring sheet shows them (they do not depend on the history).
      const c = await consolidated(new Uint8Array(readFileSync(input)), `${step.submitted}T12:00:00Z`);
      const summary = JSON.parse(run.stdout);
      const lettersDir = path.join(dir, `samlet-k${i + 1}-breve`);
      results.push({
        computed: c.monitoring[0].quarters.map((q) => q.computed),
        escalate: summary.escalations.length === 1,
        newlyRed: summary.newlyRed.length === 1,
        letters: existsSync(lettersDir) ? readdirSync(lettersDir) : [],
      });
      previous = out;
    }
    expect(results.map((r) => r.computed)).toEqual([
      ['green', null, null, null],
      ['green', 'red', null, null],
      ['green', 'red', 'red', null],
      ['green', 'red', 'red', 'yellow'],
    ]);
    // Newly red: red in the latest quarter and not red there in the previous workbook (K2, and K3 again: each is told).
    expect(results.map((r) => [r.newlyRed, r.escalate])).toEqual([
      [false, false],
      [true, false],
      [true, true],
      [false, true],
    ]);
    expect(results.map((r) => r.letters)).toEqual([[], [], ['brev-BIF-Task-Force-for-udsatte-boligomraader.docx'], ['brev-BIF-Task-Force-for-udsatte-boligomraader.docx']]);

    // The letter after K3: to BIF's committee, the red quarters, every criterion with its figures, the action plan.
    const docx = await JSZip.loadAsync(readFileSync(path.join(dir, 'samlet-k3-breve', results[2].letters[0])));
    const text = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
    expect(text).toContain('Til Beskæftigelses- og Integrationsudvalget');
    expect(text).toContain('Projektet "Task Force for udsatte boligområder" er vurderet rødt for anden gang');
    expect(text).toContain('K2 2008 og K3 2008');
    expect(text).toContain('2.000.000 kr. over hele projektperioden');
    for (const c of TASK_FORCE) expect(text).toContain(c.indicator);
    expect(text).toContain('Flere projektbesøg og en fast kontaktperson');

    // The workbook's letter sheet holds the same letter, and the history carried all four quarters.
    const letterSheet = (await sheetRows(path.join(dir, 'samlet-k3.xlsx'), OUTPUT.letters)).flat().filter((v) => typeof v === 'string') as string[];
    expect(letterSheet).toContain('Udkast – brev til Beskæftigelses- og Integrationsudvalget');
    expect(letterSheet).toContain('Mindst 25 projektbesøg registreret i projektdatabasen');
    const history = (await sheetRows(path.join(dir, 'samlet-k4.xlsx'), OUTPUT.history)).filter((r) => r[1] === 'Task Force for udsatte boligområder').map((r) => `${r[3]} ${r[4]}`);
    expect(history).toEqual(['1 grøn', '2 rød', '3 rød', '4 gul']);

    // The built command line writes the same letter: its Word writer is a bundle of its own (docx-letter.js), loaded only then.
    const built = await runBuiltCli(['consolidate', path.join(dir, 'k3'), '--out', path.join(dir, 'built-k3.xlsx'), '--previous', path.join(dir, 'samlet-k2.xlsx')]);
    expect(built).toMatchObject({ code: 0, stderr: '' });
    expect(built.stdout).toContain(`1 brev til fagudvalg skrevet til ${path.join(dir, 'built-k3-breve')}`);
    expect(readdirSync(path.join(dir, 'built-k3-breve'))).toEqual(results[2].letters);
    const builtDocx = await JSZip.loadAsync(readFileSync(path.join(dir, 'built-k3-breve', results[2].letters[0])));
    expect(await builtDocx.file('word/document.xml')!.async('string')).toContain('er vurderet rødt for anden gang');
  });
});

describe('a letter’s file name', () => {
  it('is the project’s name in letters, digits and dashes: it cannot leave the letters’ folder', () => {
    expect(safeFileName('brev-KFF-Bydelsmødre Nørrebro/Åbo')).toBe('brev-KFF-Bydelsmoedre-Noerrebro-Aabo');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('=HYPERLINK("x")\u0000\u202e café')).toBe('HYPERLINK-x-cafe');
    expect(safeFileName('...')).toBe('projekt');
    expect(safeFileName('a'.repeat(200))).toHaveLength(80);
  });
});
