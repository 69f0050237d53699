/** Break-and-fix cases of the status schema rules (src/core/validate/rules/initiatives.ts). */
import type { StatusSchemaTextKey } from '../../../src/core/model';
import { policyInitiative } from '../../helpers/statement';
import type { BreakAndFix, Cases, Example } from './harness';

/** The status schema's text fields and their cells in the policy sheet's first row. */
const TEXT_FIELDS: readonly (readonly [StatusSchemaTextKey, string])[] = [
  ['name', 'A5'],
  ['targetGroup', 'C5'],
  ['activity', 'D5'],
  ['expectedResult', 'E5'],
  ['status', 'F5'],
  ['followUp', 'G5'],
];

const fieldMissing: BreakAndFix[] = TEXT_FIELDS.map(([field, cell]) => ({
  name: `${field} on the policy sheet`,
  broken: { fill: (f) => (f.policy![0]![field] = null) },
  expected: [`INIT_FIELD_MISSING Indsatser mål a-g!${cell}`],
  fixed: { fill: (f) => (f.policy![0]![field] = ' x ') },
}));

export const initiativeCases: Cases<'initiatives'> = {
  INIT_FIELD_MISSING: [
    ...fieldMissing,
    {
      name: 'followUp on the other sheet',
      broken: { fill: (f) => (f.other![0]!.followUp = null) },
      expected: ['INIT_FIELD_MISSING Indsatser øvrige mål!G5'],
      fixed: { fill: (f) => (f.other![0]!.followUp = 'Survey') },
    },
    {
      name: 'economy blank in every year (and Table 1 no longer reconciles)',
      broken: { fill: (f) => (f.policy![0]!.economy = [null, null, null, null]) },
      expected: ['INIT_FIELD_MISSING Indsatser mål a-g!H5', 'T1_RECONCILE Tabel 1!B5', 'T1_RECONCILE Tabel 1!C5', 'T1_RECONCILE Tabel 1!D5', 'T1_RECONCILE Tabel 1!E5'],
      fixed: {
        fill: (f) => {
          f.policy![0]!.economy = [400_000, null, null, null];
          f.table1!.policy = [400_000, 0, 0, 0];
        },
      },
    },
  ],
  INIT_GOAL_MISSING: {
    broken: { fill: (f) => (f.policy![0]!.goals = null) },
    expected: ['INIT_GOAL_MISSING Indsatser mål a-g!B5'],
    fixed: { fill: (f) => (f.policy![0]!.goals = 'A') },
  },
  INIT_GOAL_INVALID: ['h', '1', 'beskæftigelse', 'a og h'].map((goals) => ({
    name: `"${goals}"`,
    broken: { fill: (f) => (f.policy![0]!.goals = goals) },
    expected: ['INIT_GOAL_INVALID Indsatser mål a-g!B5'],
    fixed: { fill: (f) => (f.policy![0]!.goals = 'mål a') },
  })),
  INIT_DUPLICATE_NAME: {
    name: 'the same name twice, in other case and spacing',
    broken: { fill: (f) => (f.policy = [{ ...policyInitiative }, { ...policyInitiative, name: 'lektiecafé ', economy: [0, 0, 0, 0] }]) },
    expected: ['INIT_DUPLICATE_NAME Indsatser mål a-g!A6'],
    fixed: { fill: (f) => (f.policy = [{ ...policyInitiative }, { ...policyInitiative, name: 'Lektiecafé Nord', economy: [0, 0, 0, 0] }]) },
  },
  OTHER_GOAL_IS_POLICY: {
    broken: { fill: (f) => (f.other![0]!.goals = 'c') },
    expected: ['OTHER_GOAL_IS_POLICY Indsatser øvrige mål!B5'],
    fixed: { fill: (f) => (f.other![0]!.goals = 'Ligebehandling af borgere') },
  },
};

export const initiativeExamples: Example[] = ['a', 'A', 'a, c', 'a;c', 'a og c', 'a/c', 'a) og c)', 'a-c'].map((goals) => ({
  name: `goals typed as "${goals}" are accepted`,
  statement: {
    fill: (f) => {
      f.policy![0]!.goals = goals;
      for (const g of ['b', 'c'] as const) f.goals![g] = { relevant: 'Ja', status: 'x', realistic: 'Ja' };
    },
  },
  expected: [],
}));
