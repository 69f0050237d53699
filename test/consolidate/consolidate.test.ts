/** Consolidation of the example submissions: seed figures, sums, order, replacement, strictness, history. */
import { consolidate, round2, sumByYear, type ConsolidationInput } from '../../src/core/consolidate/consolidate';
import { goalMatrix } from '../../src/core/consolidate/figures';
import { GOAL_LETTERS, type GoalLetter } from '../../src/core/domain';
import { buildConsolidatedPlan, OUTPUT } from '../../src/core/consolidate/plan';
import { consolidationSummary } from '../../src/core/consolidate/summary';
import { computedColour, DEFAULT_THRESHOLDS } from '../../src/core/consolidate/colours';
import type { MonitoredProject } from '../../src/core/model';
import { exampleInputs } from '../helpers/examples';
import { findings, validFill, workbookBytes } from '../helpers/workbook';
import { readSubmissionBytes } from '../../src/hosts/xlsx/files';
import { validate, statusOf } from '../../src/core/validate/validate';
import { SheetBuilder } from '../../src/core/plan/builder';
import { STYLES } from '../../src/core/plan/styles';
import { blockRowCount, heldRows } from '../../src/core/plan/types';
import { readHistoryFromBytes } from '../../src/hosts/xlsx/bytes';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';

const options = { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' };


let inputs: ConsolidationInput[];
beforeAll(async () => {
  inputs = await exampleInputs();
});

describe('consolidating the examples', () => {
  it('reproduces the seed 001 figures in the SOF rows: 14,1 mio. kr. a year, 56,4 over the period', () => {
    const s = consolidationSummary(consolidate(inputs, options));
    expect(s.table1.byAdministration.SOF.policy).toEqual({ byYear: { 2011: 14_100_000, 2012: 14_100_000, 2013: 14_100_000, 2014: 14_100_000 }, total: 56_400_000 });
    // the separate-appropriation initiatives as typed, rounded (3,8 / 5,0 / 12,5 / 12,5): 33,8 mio.
    expect(s.table1.byAdministration.SOF.other.total).toBe(33_800_000);
  });

  it('has totals equal to the sum of the parts', () => {
    const s = consolidationSummary(consolidate(inputs, options));
    const admins = Object.values(s.table1.byAdministration);
    for (const row of ['policy', 'other', 'projects', 'total'] as const) {
      for (const year of ['2011', '2012', '2013', '2014']) {
        const parts = admins.reduce((sum, a) => sum + a[row].byYear[year], 0);
        expect(s.table1.municipality[row].byYear[year]).toBeCloseTo(parts, 2);
      }
      expect(s.table1.municipality[row].total).toBeCloseTo(admins.reduce((sum, a) => sum + a[row].total, 0), 2);
    }
    for (const a of admins) {
      for (const year of ['2011', '2012', '2013', '2014']) {
        expect(a.total.byYear[year]).toBeCloseTo(a.policy.byYear[year] + a.other.byYear[year] + a.projects.byYear[year], 2);
      }
    }
  });

  it('counts the projects per colour and escalates the one red twice', () => {
    const s = consolidationSummary(consolidate(inputs, options));
    expect(s.projects).toEqual({ monitored: 9, green: 6, yellow: 2, red: 1, withoutColour: 0, redInYear: 3 });
    expect(s.escalations).toEqual([{ administration: 'BIF', project: 'Mentorordning for nyankomne', redCount: 2 }]);
    expect(s.initiatives).toEqual({ policy: 16, other: 5 });
  });

  it('gives the same workbook whatever the order of the inputs', () => {
    const plan = JSON.stringify(buildConsolidatedPlan(consolidate(inputs, options)));
    const reversed = JSON.stringify(buildConsolidatedPlan(consolidate([...inputs].reverse(), options)));
    const shuffled = JSON.stringify(buildConsolidatedPlan(consolidate([inputs[3], inputs[0], inputs[6], inputs[1], inputs[5], inputs[2], inputs[4]], options)));
    expect(reversed).toBe(plan);
    expect(shuffled).toBe(plan);
  });

  it('includes a file with errors marked with its error count, and leaves it out with --strict', () => {
    const normal = consolidate(inputs, options);
    const tmf = normal.files.find((f) => f.administration === 'TMF')!;
    expect(tmf).toMatchObject({ outcome: 'included', status: 'invalid', errors: 13 });
    const overview = buildConsolidatedPlan(normal).sheets.find((s) => s.name === OUTPUT.overview)!;
    const cells = JSON.stringify(overview.blocks.map(heldRows));
    expect(cells).toContain('ugyldig (13 fejl)');
    const strict = consolidate(inputs, { ...options, strict: true });
    expect(strict.files.find((f) => f.administration === 'TMF')!.outcome).toBe('left-out');
    expect(strict.included.map((i) => i.administration)).not.toContain('TMF');
  });

  it('lists an unreadable file and skips it', () => {
    const broken: ConsolidationInput = { file: { name: 'x.xlsx', size: 3, sha256: 'abc' }, status: 'unreadable', diagnostics: [], submission: undefined };
    const c = consolidate([...inputs, broken], options);
    expect(c.files.find((f) => f.file.name === 'x.xlsx')!.outcome).toBe('unreadable');
    expect(c.included).toHaveLength(7);
  });
});

describe('one submission per administration and period', () => {
  it('a later submission replaces the earlier one and says so; never both', async () => {
    const sof = inputs.find((i) => i.submission?.cover.administration === 'SOF')!;
    const later: ConsolidationInput = {
      ...sof,
      file: { ...sof.file, name: 'SOF-rettet.xlsx', sha256: 'other' },
      submission: { ...sof.submission!, cover: { ...sof.submission!.cover, submissionDate: '2010-05-10' } },
    };
    for (const order of [[...inputs, later], [later, ...inputs]]) {
      const c = consolidate(order, options);
      expect(c.included.filter((i) => i.administration === 'SOF').map((i) => i.file.name)).toEqual(['SOF-rettet.xlsx']);
      expect(c.replacements).toEqual([{ administration: 'SOF', period: '2011–2014', kept: 'SOF-rettet.xlsx', replaced: 'SOF-budgetredegoerelse-2011.xlsx' }]);
      expect(c.files.find((f) => f.file.name === 'SOF-budgetredegoerelse-2011.xlsx')).toMatchObject({ outcome: 'replaced', replacedBy: 'SOF-rettet.xlsx' });
    }
  });

  it('on the same date, the file changed last wins', () => {
    const kff = inputs.find((i) => i.submission?.cover.administration === 'KFF')!;
    const a = { ...kff, file: { ...kff.file, name: 'b-first.xlsx', modified: '2010-05-10T08:00:00Z' } };
    const b = { ...kff, file: { ...kff.file, name: 'a-second.xlsx', modified: '2010-05-10T09:00:00Z' } };
    expect(consolidate([a, b], options).included.map((i) => i.file.name)).toEqual(['a-second.xlsx']);
    expect(consolidate([b, a], options).included.map((i) => i.file.name)).toEqual(['a-second.xlsx']);
  });

  it('replacing one administration’s file changes only its rows', async () => {
    const before = buildConsolidatedPlan(consolidate(inputs, options));
    const fill = validFill();
    const bytes = await workbookBytes(fill);
    const reading = await readSubmissionBytes(bytes);
    if (reading.status !== 'read') throw new Error('unreadable');
    const diagnostics = validate(reading.result);
    const newKff: ConsolidationInput = { file: { name: 'KFF-budgetredegoerelse-2011.xlsx', size: bytes.length, sha256: 'new' }, status: statusOf(diagnostics, false), diagnostics, submission: reading.result.submission };
    const after = buildConsolidatedPlan(consolidate(inputs.map((i) => (i.submission?.cover.administration === 'KFF' ? newKff : i)), options));
    const rowsOf = (plan: typeof before, sheet: string) => plan.sheets.find((s) => s.name === sheet)!.blocks.filter((b) => blockRowCount(b) > 1).flatMap((b) => heldRows(b).map((r) => JSON.stringify(r)));
    for (const sheet of [OUTPUT.overview, OUTPUT.economy, OUTPUT.goals]) {
      const old = rowsOf(before, sheet);
      const now = rowsOf(after, sheet);
      const removed = old.filter((r) => !now.includes(r));
      const added = now.filter((r) => !old.includes(r));
      expect(removed.length + added.length).toBeGreaterThan(0);
      // every changed row belongs to KFF, or is a total over all administrations or goals
      for (const r of [...removed, ...added]) expect(r).toMatch(/KFF – Kultur- og Fritidsforvaltningen|Hele kommunen|"Mål [a-g]"|"I alt"|"Tabel 1"|"Forskel"/);
    }
  });
});

describe('computed colours', () => {
  const project = (achieved: number, start = '2009-01-01', end = '2010-12-31'): MonitoredProject => ({
    name: 'P',
    fund: null,
    start,
    end,
    funding: [],
    fundingTotal: 200_000,
    cofinancing: null,
    criteria: [{ indicator: 'x', target: 100, targetText: '100', quarterly: [achieved, achieved, achieved, achieved], quarterlyText: [null, null, null, null], source: { sheet: 's', row: 1 } }],
    colours: [],
    actionPlan: null,
    source: { sheet: 's', row: 1 },
  });

  it('compares achieved ÷ target with the share of the period elapsed at the quarter’s end', () => {
    // at the end of 2009, half of a two-year project has passed
    expect(computedColour(project(50), 2009, 4, DEFAULT_THRESHOLDS)).toBe('green');
    expect(computedColour(project(45), 2009, 4, DEFAULT_THRESHOLDS)).toBe('green');
    expect(computedColour(project(44), 2009, 4, DEFAULT_THRESHOLDS)).toBe('yellow');
    expect(computedColour(project(30), 2009, 4, DEFAULT_THRESHOLDS)).toBe('yellow');
    expect(computedColour(project(29), 2009, 4, DEFAULT_THRESHOLDS)).toBe('red');
    expect(computedColour(project(29), 2009, 4, { green: 0.6, yellow: 0.2 })).toBe('yellow');
  });

  it('gives no colour outside the project period or without a criterion', () => {
    expect(computedColour(project(50, '2010-01-01'), 2009, 4, DEFAULT_THRESHOLDS)).toBeNull();
    expect(computedColour({ ...project(50), criteria: [] }, 2009, 4, DEFAULT_THRESHOLDS)).toBeNull();
  });

  it('fills a quarter the project did not report, and keeps both where they differ', async () => {
    const fill = validFill();
    fill.projects = [{ ...fill.projects![0]!, q4: null, q3: 'grøn' }];
    fill.criteria = [{ ...fill.criteria![0]!, achievedQ1: 10, achievedQ2: 10, achievedQ3: 10, achievedQ4: 10 }];
    const list = await findings(fill);
    expect(list.map((d) => d.code)).toEqual(['PROJ_COLOUR_MISSING']);
    const reading = await readSubmissionBytes(await workbookBytes(fill));
    if (reading.status !== 'read') throw new Error('unreadable');
    const c = consolidate([{ file: { name: 'f.xlsx', size: 1, sha256: 'x' }, status: 'invalid', diagnostics: list, submission: reading.result.submission }], options);
    const q = c.monitoring[0].quarters;
    expect(q[3]).toEqual({ quarter: 4, ended: true, reported: null, computed: 'red', effective: 'red' });
    expect(q[2]).toMatchObject({ reported: 'green', computed: 'red', effective: 'green' });
    // Q1: 10 % done after 8 % of the period is on track (green, as reported); Q2 and Q3 are behind
    expect(q[0]).toMatchObject({ reported: 'green', computed: 'green' });
    expect(c.monitoring[0].differences.map((d) => d.quarter)).toEqual([2, 3]);
  });
});

describe('text longer than a cell holds', () => {
  it('is cut at 32,767 characters in the consolidated workbook, and says so', async () => {
    const fill = validFill();
    fill.policy![0]!.status = 'x'.repeat(40_000);
    const reading = await readSubmissionBytes(await workbookBytes(fill));
    if (reading.status !== 'read') throw new Error('unreadable');
    expect(reading.result.submission.policyInitiatives[0].status).toHaveLength(40_000);
    const plan = buildConsolidatedPlan(consolidate([{ file: { name: 'lang.xlsx', size: 1, sha256: 'x' }, status: 'valid', diagnostics: [], submission: reading.result.submission }], options));
    const cells = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => heldRows(b).flat())).filter((v): v is string => typeof v === 'string' && v.startsWith('xxxx'));
    expect(cells.map((c) => c.length)).toEqual([32_767]);
    expect(cells[0].endsWith(' […]')).toBe(true);
  });
});

describe('the quarter history of a previous consolidated workbook', () => {
  it('is read from a workbook made before Kvartalshistorik, where it sat on Overvågning below the projects', async () => {
    const b = new SheetBuilder(OUTPUT.monitoring);
    b.title('Overvågning af integrationsprojekter');
    const col = (header: string) => ({ header, width: 12, style: STYLES.text });
    b.table(['Forvaltning', 'Projekt', 'Pulje/fond', 'K1', 'K2'].map(col), [['KFF – Kultur- og Fritidsforvaltningen', 'Bydelsmødre', 'Pulje', 'rød', 'grøn']]);
    b.subtitle('Kvartalsfarver (historik)');
    b.table(['Forvaltning', 'Projekt', 'År', 'Kvartal', 'Farve'].map(col), [
      ['KFF – Kultur- og Fritidsforvaltningen', 'Bydelsmødre', 2008, 4, 'rød'],
      ['SOF – Socialforvaltningen', 'Væresteder', 2008, 3, 'gul'],
    ]);
    const bytes = await renderPlanToBuffer({ sheets: [b.build()], definedNames: [] });
    expect(await readHistoryFromBytes(bytes)).toEqual({
      ok: true,
      entries: [
        { administration: 'KFF', project: 'Bydelsmødre', year: 2008, quarter: 4, colour: 'red' },
        { administration: 'SOF', project: 'Væresteder', year: 2008, quarter: 3, colour: 'yellow' },
      ],
    });
  });

  it('is read from its own sheet, Kvartalshistorik, in a workbook this version wrote', async () => {
    const c = consolidate(inputs, options);
    expect(c.history.length).toBeGreaterThan(0);
    expect(await readHistoryFromBytes(await renderPlanToBuffer(buildConsolidatedPlan(c)))).toEqual({ ok: true, entries: c.history });
  });
});

describe('spend per goal', () => {
  it('counts each initiative as sumByYear does: the first amount of each year of the consolidation, in year order', async () => {
    const inputs = await exampleInputs();
    // One initiative with a repeated year, a year outside every period and amounts whose sum depends on its order.
    const first = inputs[0].submission!;
    const tricky = { ...first.policyInitiatives[0], goals: ['a', 'c'] as GoalLetter[], economy: [{ year: 2013, amount: 0.1 }, { year: 2011, amount: 0.2 }, { year: 2013, amount: 1e9 }, { year: 1900, amount: 5 }, { year: 2012, amount: 0.7 }] };
    inputs[0] = { ...inputs[0], submission: { ...first, policyInitiatives: [tricky, ...first.policyInitiatives.slice(1)] } };
    const c = consolidate(inputs, options);
    expect(c.years).toEqual([2011, 2012, 2013, 2014]);
    const spend = (economy: { year: number; amount: number | null }[]) => round2(sumByYear(c.years, [economy]).reduce((a, b) => a + b, 0));
    const expected = new Map<string, Record<string, number>>();
    for (const inc of c.included) {
      const row = expected.get(inc.administration) ?? {};
      expected.set(inc.administration, row);
      for (const i of inc.submission.policyInitiatives) for (const g of new Set(i.goals)) row[g] = round2((row[g] ?? 0) + spend(i.economy));
    }
    for (const m of goalMatrix(c)) for (const g of GOAL_LETTERS) expect([m.administration, g, m.spend[g]]).toEqual([m.administration, g, expected.get(m.administration)![g] ?? 0]);
    expect(goalMatrix(c).find((m) => m.administration === inputs[0].submission!.cover.administration)!.spend.a).toBeGreaterThan(0);
  });
});
