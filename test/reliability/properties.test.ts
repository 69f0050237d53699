/** Property tests (fast-check): reading what was written gives it back; consolidation adds up and does not depend on order. */
import fc from 'fast-check';
import path from 'node:path';
import { consolidate, type ConsolidationInput } from '../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { consolidationSummary } from '../../src/core/consolidate/summary';
import type { Submission } from '../../src/core/model';
import type { TemplateFill } from '../../src/core/template/fill';
import { checkFile, readSubmissionBytes } from '../../src/hosts/xlsx/files';
import { EXAMPLES } from '../../src/examples/submissions';
import { INJECTIONS } from '../corpus/badFiles';
import { normalizeLabel } from '../../src/core/template/definition';
import { validFill, workbookBytes } from '../helpers/workbook';

const options = { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' };
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 4711;

/** Text as people type it: Danish letters, punctuation, line breaks, formula-like starts. */
const text = fc
  .tuple(
    fc.constantFrom('', ...INJECTIONS, 'Æbleø ', 'Søren Ærø: ', '“citat” – '),
    fc.string({ unit: fc.constantFrom(...'abcæøåÆØÅ é0123456789.,;:-/()&<>"\'\n'.split('')), minLength: 1, maxLength: 40 }),
  )
  .map(([a, b]) => `${a}${b}`)
  .filter((t) => t.trim() !== '' && !/^\s*[\d.,\s-]+\s*$/.test(t));
/** What reading makes of typed text: trimmed, CR LF as LF. */
const asRead = (t: string) => t.replace(/\r\n?/g, '\n').trim();
const amount = fc.integer({ min: 0, max: 50_000_000 });
const goals = fc.subarray(['a', 'b', 'c', 'd', 'e', 'f', 'g'], { minLength: 1 });

const initiative = fc.record({
  name: text,
  goals,
  targetGroup: text,
  activity: text,
  expectedResult: text,
  status: text,
  followUp: text,
  economy: fc.array(amount, { minLength: 4, maxLength: 4 }),
});
const projectArb = fc.record({ name: text, fund: text, indicator: text, funding: fc.array(amount, { minLength: 4, maxLength: 4 }), target: fc.integer({ min: 1, max: 1000 }), achieved: fc.integer({ min: 0, max: 1000 }) });
/** Projects with names that differ as the reader compares them (a success criterion names its project). */
const projectsArb = fc.uniqueArray(projectArb, { maxLength: 2, selector: (p) => normalizeLabel(asRead(p.name)) });

describe('read(write(s)) = s', () => {
  it('gives back every typed text, goal and amount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(initiative, { minLength: 1, maxLength: 4 }), fc.array(initiative, { maxLength: 2 }), projectsArb, text, async (policy, other, projects, contact) => {
        const base = validFill();
        const fill: TemplateFill = {
          ...base,
          cover: { ...base.cover, contact },
          goals: Object.fromEntries('abcdefg'.split('').map((g) => [g, { relevant: 'Ja', status: 'På vej', realistic: 'Ja' }])),
          policy: policy.map((p) => ({ ...p, goals: p.goals.join(', ') })),
          other: other.map((p) => ({ ...p, goals: 'Ligebehandling' })),
          projects: projects.map((p) => ({ ...base.projects![0]!, name: p.name, fund: p.fund, funding: p.funding })),
          criteria: projects.map((p) => ({ project: p.name, indicator: p.indicator, target: p.target, achievedQ1: p.achieved })),
        };
        const reading = await readSubmissionBytes(await workbookBytes(fill));
        if (reading.status !== 'read') throw new Error(`unreadable: ${reading.diagnostics.map((d) => d.code)}`);
        const s = reading.result.submission;
        expect(s.cover.contact).toBe(asRead(contact));
        const back = (list: Submission['policyInitiatives']) =>
          list.map((i) => ({ name: i.name, goals: i.goals, targetGroup: i.targetGroup, activity: i.activity, expectedResult: i.expectedResult, status: i.status, followUp: i.followUp, economy: i.economy.map((e) => e.amount) }));
        const typed = (list: typeof policy, goalsOf: (p: (typeof policy)[number]) => string[]) =>
          list.map((p) => ({ name: asRead(p.name), goals: goalsOf(p), targetGroup: asRead(p.targetGroup), activity: asRead(p.activity), expectedResult: asRead(p.expectedResult), status: asRead(p.status), followUp: asRead(p.followUp), economy: p.economy }));
        expect(back(s.policyInitiatives)).toEqual(typed(policy, (p) => p.goals));
        expect(back(s.otherInitiatives)).toEqual(typed(other, () => []));
        const criterion = (p: Submission['projects'][number]) => p.criteria[0];
        expect(s.projects.map((p) => ({ name: p.name, fund: p.fund, indicator: criterion(p)?.indicator, target: criterion(p)?.target, achieved: criterion(p)?.quarterly[0], funding: p.funding.map((f) => f.amount) }))).toEqual(
          projects.map((p) => ({ name: asRead(p.name), fund: asRead(p.fund), indicator: asRead(p.indicator), target: p.target, achieved: p.achieved, funding: p.funding })),
        );
        expect(s.unassignedCriteria).toEqual([]);
      }),
      { numRuns: 30, seed: SEED },
    );
  }, 120_000);
});

describe('consolidation', () => {
  let inputs: ConsolidationInput[];
  beforeAll(async () => {
    inputs = [];
    for (const e of EXAMPLES) {
      const r = await checkFile(path.join(__dirname, '..', '..', 'examples', e.file));
      inputs.push({ file: { name: r.file, size: r.size, sha256: r.sha256 }, status: r.status, diagnostics: r.diagnostics, submission: r.submission });
    }
  });

  /** An administration's file with its amounts scaled: a different file for the same administration and period. */
  const rescaled = (input: ConsolidationInput, factor: number, name = input.file.name): ConsolidationInput => {
    const s = structuredClone(input.submission!);
    const scale = (ys: { amount: number | null }[]) => ys.forEach((y) => (y.amount = y.amount === null ? null : Math.round(y.amount * factor)));
    for (const i of [...s.policyInitiatives, ...s.otherInitiatives]) scale(i.economy);
    for (const r of s.table1.rows) scale(r.amounts);
    for (const p of s.projects) scale(p.funding);
    return { ...input, file: { ...input.file, name, sha256: `${input.file.sha256}-${factor}` }, submission: s };
  };
  const pick = fc.tuple(fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 7, maxLength: 7 }));
  const build = (ix: number[], factors: number[]) => ix.map((i) => rescaled(inputs[i], factors[i] / 100));

  it('has grand totals equal to the sum of the parts', () => {
    fc.assert(
      fc.property(pick, ([ix, factors]) => {
        const s = consolidationSummary(consolidate(build(ix, factors), options));
        const admins = Object.values(s.table1.byAdministration);
        for (const row of ['policy', 'other', 'projects', 'total'] as const) {
          for (const year of s.years.map(String)) expect(s.table1.municipality[row].byYear[year]).toBeCloseTo(admins.reduce((sum, a) => sum + a[row].byYear[year], 0), 2);
          expect(s.table1.municipality[row].total).toBeCloseTo(admins.reduce((sum, a) => sum + a[row].total, 0), 2);
        }
        for (const a of admins) for (const year of s.years.map(String)) expect(a.total.byYear[year]).toBeCloseTo(a.policy.byYear[year] + a.other.byYear[year] + a.projects.byYear[year], 2);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('does not depend on the order of the files', () => {
    fc.assert(
      fc.property(pick.chain(([ix, factors]) => fc.tuple(fc.constant(build(ix, factors)), fc.shuffledSubarray(ix.map((_, k) => k), { minLength: ix.length }))), ([files, order]) => {
        const a = JSON.stringify(buildConsolidatedPlan(consolidate(files, options)));
        const b = JSON.stringify(buildConsolidatedPlan(consolidate(order.map((k) => files[k]), options)));
        expect(b).toBe(a);
      }),
      { numRuns: 40, seed: SEED },
    );
  });

  it('gives the same figures when the same file is given twice', () => {
    fc.assert(
      fc.property(pick, fc.nat(), ([ix, factors], n) => {
        const files = build(ix, factors);
        const once = consolidationSummary(consolidate(files, options));
        const twice = consolidationSummary(consolidate([...files, files[n % files.length]], options));
        expect(twice.table1).toEqual(once.table1);
        expect(twice.projects).toEqual(once.projects);
        expect(twice.initiatives).toEqual(once.initiatives);
        expect(twice.administrations).toEqual(once.administrations);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('changes only that administration’s rows when its file is replaced by a later one', () => {
    fc.assert(
      fc.property(pick, fc.nat(), fc.integer({ min: 1, max: 300 }), ([ix, factors], n, f) => {
        const files = build(ix, factors);
        const k = n % files.length;
        const later = rescaled(files[k], f / 100 + 0.5, `zz-${files[k].file.name}`);
        later.submission!.cover.submissionDate = '2099-12-31';
        const before = consolidate(files, options);
        const after = consolidate([...files, later], options);
        const admin = before.included.find((i) => i.file.name === files[k].file.name)!.administration;
        const sb = consolidationSummary(before);
        const sa = consolidationSummary(after);
        for (const [code, rows] of Object.entries(sa.table1.byAdministration)) if (code !== admin) expect(rows).toEqual(sb.table1.byAdministration[code]);
        expect(Object.keys(sa.table1.byAdministration)).toEqual(Object.keys(sb.table1.byAdministration));
        expect(after.included.find((i) => i.administration === admin)!.file.name).toBe(later.file.name);
        const rowsOf = (c: typeof before) => c.included.filter((i) => i.administration !== admin).map((i) => JSON.stringify(i.submission));
        expect(rowsOf(after)).toEqual(rowsOf(before));
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});
