/** The Consolidator takes files one at a time, in any order, and gives what the all-at-once consolidation gave. */
import fc from 'fast-check';
import { choosePeriod, Consolidator, type ConsolidationInput, type ConsolidationOptions } from '../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { consolidationSummary } from '../../src/core/consolidate/summary';
import { heldPlan } from '../../src/core/plan/types';
import { consolidateBefore } from '../helpers/consolidateBefore';
import { exampleInputs } from '../helpers/examples';

const base = { generatedAt: '2016-06-01T12:00:00Z', productVersion: 'test' };

/** A copy of a statement moved by `delta` years: another budget period of the same administration. */
function shifted(input: ConsolidationInput, delta: number, name: string, extra: { submissionDate?: string; modified?: string } = {}): ConsolidationInput {
  const move = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => (key === 'years' && typeof v === 'number' ? v + delta : move(v, '')));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, move(v, k)]));
    return typeof value === 'number' && (key === 'year' || key === 'firstYear' || key === 'statusYear') ? value + delta : value;
  };
  const submission = move(input.submission, '') as NonNullable<ConsolidationInput['submission']>;
  if (extra.submissionDate) submission.cover.submissionDate = extra.submissionDate;
  return { ...input, file: { ...input.file, name, sha256: `${input.file.sha256}-${name}`, modified: extra.modified ?? input.file.modified }, submission };
}

/** Examples over five periods (two starting the same year), with replacements (by date, by file time, same name), an unreadable file, an undated one. */
async function multiPeriodSet(): Promise<ConsolidationInput[]> {
  const examples = await exampleInputs();
  const out: ConsolidationInput[] = [...examples];
  for (const [delta, label] of [[-4, 'foer'], [4, 'naeste'], [8, 'senere']] as const) {
    examples.forEach((e, i) => out.push(shifted(e, delta, `${label}-${i}.xlsx`)));
  }
  const [first, second] = examples;
  out.push(shifted(first, 4, 'naeste-rettet.xlsx', { submissionDate: '2099-01-01' }));
  out.push(shifted(first, 4, 'naeste-rettet-igen.xlsx', { submissionDate: '2099-01-01', modified: '2099-01-02T00:00:00Z' }));
  out.push(shifted(second, 8, 'senere-1.xlsx', { submissionDate: '1999-01-01' }));
  out.push(shifted(second, 8, 'senere-1.xlsx', { submissionDate: '1999-01-01' }));
  out.push(shifted(first, 0, 'samme-dato.xlsx'));
  out.push(examples[2]);
  out.push({ ...examples[3], status: 'invalid', file: { ...examples[3].file, name: 'ugyldig.xlsx', sha256: 'u' } });
  out.push({ file: { name: 'ulaeselig.xlsx', size: 1, sha256: 'x' }, status: 'unreadable', diagnostics: [] });
  const undated = shifted(examples[4], 0, 'uden-aar.xlsx');
  undated.submission = { ...undated.submission!, years: [], table1: { ...undated.submission!.table1, years: [] } };
  out.push(undated);
  // Two periods with the same first year (2015–2017 and 2015–2018): ranked by their text.
  const short = shifted(examples[5], 4, 'kort-periode.xlsx');
  short.submission = { ...short.submission!, years: short.submission!.years.slice(0, 3) };
  out.push(short);
  return out;
}

let pool: ConsolidationInput[];
beforeAll(async () => {
  pool = await multiPeriodSet();
});

const PERIOD_CHOICES: ConsolidationOptions['period'][] = [undefined, 'all', 2011, 2008, 2016, 2020, 2040];

describe('Consolidator', () => {
  it('gives what the all-at-once consolidation gave, for any choice of files, order of arrival, period and strictness', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pool.map((_, i) => i), { minLength: 1 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(...PERIOD_CHOICES),
        fc.boolean(),
        (chosen, seed, period, strict) => {
          const inputs = chosen.map((i) => pool[i]);
          const options = { ...base, period, strict };
          // Results arrive in another order than the files were given (as from worker threads), each with its place.
          const arrival = inputs.map((input, index) => ({ input, index })).sort((a, b) => ((a.index * 7919 + seed) % 101) - ((b.index * 7919 + seed) % 101));
          const consolidator = new Consolidator(options);
          for (const { input, index } of arrival) consolidator.add(input, index);
          const result = consolidator.finish();
          expect(JSON.stringify(result)).toBe(JSON.stringify(consolidateBefore(inputs, options)));
        },
      ),
      { numRuns: 150, seed: 20 },
    );
  });

  it('the whole set, and the set without its latest period: the same plan and summary as before, for each period choice', () => {
    const withoutLatest = pool.filter((input) => !input.submission?.years.includes(2019));
    for (const set of [pool, withoutLatest]) {
      for (const period of PERIOD_CHOICES) {
        const options = { ...base, period };
        const consolidator = new Consolidator(options);
        [...set].reverse().forEach((input, i) => consolidator.add(input, set.length - 1 - i));
        const now = consolidator.finish();
        const before = consolidateBefore(set, options);
        expect(JSON.stringify(heldPlan(buildConsolidatedPlan(now)))).toBe(JSON.stringify(heldPlan(buildConsolidatedPlan(before))));
        expect(consolidationSummary(now, 'en')).toEqual(consolidationSummary(before, 'en'));
      }
    }
  });

  it('keeps full submissions only of the period consolidated, one per administration', () => {
    for (const period of PERIOD_CHOICES) {
      const consolidator = new Consolidator({ ...base, period });
      let most = 0;
      for (const input of pool) {
        consolidator.add(input);
        most = Math.max(most, consolidator.heldSubmissions);
      }
      const result = consolidator.finish();
      // Seven administrations and the undated statement ('–') at most, whatever the number of files and periods.
      expect(most).toBeLessThanOrEqual(8);
      expect(consolidator.heldSubmissions).toBe(result.included.length);
    }
  });
});

describe('the budget period asked for', () => {
  // Budget periods roll yearly: the 2011 statement covers 2011–2014, the 2008 one 2008–2011.
  const periods = ['2008–2011', '2010–2013', '2011–2014', '2007–2010'];

  it('is the one starting in the year given, even beside older periods that also hold that year', () => {
    expect(choosePeriod(periods, 2011)).toBe('2011–2014');
    expect(choosePeriod(periods, 2008)).toBe('2008–2011');
  });

  it('is the latest period holding the year where none starts in it, and none where no period holds it', () => {
    expect(choosePeriod(periods, 2012)).toBe('2011–2014');
    expect(choosePeriod(periods, 2009)).toBe('2008–2011');
    expect(choosePeriod(periods, 2020)).toBeUndefined();
  });

  it('is the latest period when no year is given', () => {
    expect(choosePeriod(periods, undefined)).toBe('2011–2014');
  });
});
