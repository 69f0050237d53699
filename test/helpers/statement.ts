/** A complete, valid budget statement as template input, the starting point of tests that change one thing at a time. */
import type { Diagnostic } from '../../src/core/diagnostics';
import type { CRITERIA_AREA, OTHER_AREA, POLICY_AREA, PROJECTS_AREA } from '../../src/core/template/definition';
import type { RawRow, TemplateFill } from '../../src/core/template/fill';

export const project: RawRow<typeof PROJECTS_AREA> = {
  name: 'Bydelsmødre',
  fund: 'Puljen',
  start: { date: '2009-01-01' },
  end: { date: '2011-12-31' },
  cofinancing: 450_000,
  funding: [150_000, 0, 0, 0],
  q1: 'grøn',
  q2: 'grøn',
  q3: 'gul',
  q4: 'grøn',
  actionPlan: null,
};

/** The project's success criterion on the sheet Succeskriterier: the figure reached by the end of each quarter of 2009. */
export const criterion: RawRow<typeof CRITERIA_AREA> = {
  project: 'Bydelsmødre',
  indicator: 'Kvinder nået',
  target: 100,
  achievedQ1: 20,
  achievedQ2: 40,
  achievedQ3: 60,
  achievedQ4: 80,
};

export const policyInitiative: RawRow<typeof POLICY_AREA> = {
  name: 'Lektiecafé',
  goals: 'a',
  targetGroup: 'Unge 12-17 år',
  activity: 'Lektiehjælp',
  expectedResult: 'Bedre karakterer',
  status: 'I gang',
  followUp: 'Karakterstatistik',
  economy: [100_000, 100_000, 100_000, 100_000],
};

export const otherInitiative: RawRow<typeof OTHER_AREA> = { ...policyInitiative, name: 'Ligebehandling', goals: 'Ligebehandling', economy: [50_000, 50_000, 50_000, 50_000] };

/** A complete, valid statement in kr. for 2011-2014. */
export function validFill(): TemplateFill {
  return {
    cover: { contact: 'Anne Andersen', email: 'anne@kk.dk', submissionDate: { date: '2010-05-01' } },
    goals: {
      a: { relevant: 'Ja', status: 'På vej', realistic: 'Ja' },
      b: { relevant: 'Nej' },
      c: { relevant: 'Nej' },
      d: { relevant: 'Nej' },
      e: { relevant: 'Nej' },
      f: { relevant: 'Nej' },
      g: { relevant: 'Nej' },
    },
    policy: [{ ...policyInitiative }],
    other: [{ ...otherInitiative }],
    projects: [{ ...project }],
    criteria: [{ ...criterion }],
    table1: { policy: [100_000, 100_000, 100_000, 100_000], other: [50_000, 50_000, 50_000, 50_000], projects: [150_000, 0, 0, 0] },
  };
}

/** Findings as "CODE sheet!cell" lines, easy to compare. */
export function where(list: Diagnostic[]): string[] {
  return list.map((d) => `${d.code} ${d.sheet ?? ''}${d.cell ? `!${d.cell}` : ''}`);
}
