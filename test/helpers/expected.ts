/** What reading an example must give: the example generator's values, amounts converted to kr. */
import { QUARTERS, budgetYears, defaultDeadline, defaultStatusYear, unitByCode } from '../../src/core/domain';
import type { Submission } from '../../src/core/model';
import { parseGoals } from '../../src/core/parse/values';
import { TEMPLATE_VERSION } from '../../src/core/template/definition';
import type { RawValue } from '../../src/core/template/fill';
import { EXAMPLE_FIRST_YEAR, exampleTable1, type ExampleInitiative, type ExampleSubmission } from '../../src/examples/submissions';

/** The examples type amounts as numbers; the one text amount is a documented mistake that reads as blank. */
export function expectedKr(raw: RawValue | undefined, unitFactor: number): number | null {
  if (typeof raw === 'number') return Math.round(raw * unitFactor * 100) / 100;
  if (raw === 'ca. 600.000') return null;
  if (raw === null || raw === undefined) return null;
  throw new Error(`no expectation for ${JSON.stringify(raw)}`);
}

const blankToNull = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s);

export type ComparableSubmission = Omit<Submission, 'goals' | 'policyInitiatives' | 'otherInitiatives' | 'projects' | 'table1'> & {
  goals: Omit<Submission['goals'][number], 'source'>[];
  policyInitiatives: Omit<Submission['policyInitiatives'][number], 'source'>[];
  otherInitiatives: Omit<Submission['otherInitiatives'][number], 'source'>[];
  projects: unknown[];
  table1: { years: number[]; rows: { key: string; amounts: { year: number; amount: number | null }[] }[] };
};

/** Drop row positions and Table 1's display details, which depend on where and how a program wrote the cells. */
export function comparable(s: Submission): ComparableSubmission {
  return {
    ...s,
    goals: s.goals.map(({ source: _s, ...g }) => g),
    policyInitiatives: s.policyInitiatives.map(({ source: _s, ...i }) => i),
    otherInitiatives: s.otherInitiatives.map(({ source: _s, ...i }) => i),
    projects: s.projects.map(({ source: _s, criteria, ...p }) => ({ ...p, criteria: criteria.map(({ source: _c, ...c }) => c) })),
    table1: { years: s.table1.years, rows: s.table1.rows.filter((r) => r.key !== 'total').map((r) => ({ key: r.key, amounts: r.amounts })) },
  };
}

function initiative(i: ExampleInitiative, kind: 'policy' | 'other', factor: number) {
  return {
    kind,
    name: i.name,
    goals: parseGoals(i.goals).goals,
    goalsText: i.goals,
    targetGroup: blankToNull(i.targetGroup),
    activity: blankToNull(i.activity),
    expectedResult: blankToNull(i.expectedResult),
    status: blankToNull(i.status),
    followUp: blankToNull(i.followUp),
    economy: budgetYears(EXAMPLE_FIRST_YEAR).map((year, k) => ({ year, amount: expectedKr(i.economy[k], factor) })),
  };
}

export function expectedSubmission(e: ExampleSubmission): ComparableSubmission {
  const factor = unitByCode(e.unit).factor;
  const years = budgetYears(EXAMPLE_FIRST_YEAR);
  const num = (v: RawValue) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : null);
  return {
    template: { id: 'kk-integration-budget', version: TEMPLATE_VERSION },
    cover: {
      administration: e.administration,
      administrationText: expect.stringMatching(new RegExp(`^${e.administration} – `)) as unknown as string,
      firstYear: EXAMPLE_FIRST_YEAR,
      unit: e.unit,
      unitText: unitByCode(e.unit).label,
      contact: e.contact,
      email: e.email,
      submissionDate: e.submissionDate,
      deadline: defaultDeadline(EXAMPLE_FIRST_YEAR),
      statusYear: defaultStatusYear(EXAMPLE_FIRST_YEAR),
    },
    years,
    goals: (['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const).map((goal) => {
      const g = e.goals[goal];
      return {
        goal,
        relevant: g ? g.relevant === 'Ja' : null,
        status: g?.status ?? null,
        realistic: g?.realistic === undefined ? null : g.realistic === 'Ja',
        neededInitiatives: g?.neededInitiatives ?? null,
      };
    }),
    policyInitiatives: e.policy.map((i) => initiative(i, 'policy', factor)),
    otherInitiatives: e.other.map((i) => initiative(i, 'other', factor)),
    projects: e.projects.map((p) => {
      const funding = years.map((year, k) => ({ year, amount: expectedKr(p.funding[k], factor) }));
      const given = funding.filter((f) => f.amount !== null);
      return {
        name: p.name,
        fund: p.fund,
        start: p.start,
        end: p.end,
        funding,
        fundingTotal: given.length ? given.reduce((s, f) => s + (f.amount as number), 0) : null,
        cofinancing: expectedKr(p.cofinancing, factor),
        criteria: p.criteria.map((c) => ({
          indicator: c.indicator,
          target: num(c.target),
          targetText: c.target === null ? null : String(c.target),
          quarterly: c.achieved.map(num),
          quarterlyText: c.achieved.map((v) => (v === null ? null : String(v))),
        })),
        colours: QUARTERS.map((quarter, k) => {
          const text = p.colours[k];
          const colour = text === 'grøn' ? 'green' : text === 'gul' ? 'yellow' : text === 'rød' ? 'red' : null;
          return { quarter, colour, text };
        }),
        actionPlan: p.actionPlan,
      };
    }),
    unassignedCriteria: [],
    table1: {
      years,
      rows: (['policy', 'other', 'projects'] as const).map((key) => ({
        key,
        amounts: years.map((year, k) => ({ year, amount: expectedKr(exampleTable1(e)[key][k], factor) })),
      })),
    },
  };
}
