/** Break-and-fix cases of the goal rules (src/core/validate/rules/goals.ts). */
import type { Cases } from './harness';

export const goalCases: Cases<'goals'> = {
  GOAL_RELEVANT_MISSING: {
    broken: { fill: (f) => (f.goals!.b = {}) },
    expected: ['GOAL_RELEVANT_MISSING Mål a-g!C5'],
    fixed: { fill: (f) => (f.goals!.b = { relevant: 'nej' }) },
  },
  GOAL_STATUS_MISSING: {
    broken: { fill: (f) => (f.goals!.a = { relevant: 'Ja', realistic: 'Ja' }) },
    expected: ['GOAL_STATUS_MISSING Mål a-g!D4'],
    fixed: { fill: (f) => (f.goals!.a = { relevant: 'Ja', realistic: 'Ja', status: 'På vej' }) },
  },
  GOAL_REALISTIC_MISSING: {
    broken: { fill: (f) => (f.goals!.a = { relevant: 'Ja', status: 'x' }) },
    expected: ['GOAL_REALISTIC_MISSING Mål a-g!E4'],
    fixed: { fill: (f) => (f.goals!.a = { relevant: 'ja', status: 'x', realistic: 'JA' }) },
  },
  GOAL_NEEDED_MISSING: {
    broken: { fill: (f) => (f.goals!.a = { relevant: 'Ja', status: 'x', realistic: 'Nej' }) },
    expected: ['GOAL_NEEDED_MISSING Mål a-g!F4'],
    fixed: { fill: (f) => (f.goals!.a = { relevant: 'Ja', status: 'x', realistic: 'Nej', neededInitiatives: 'Flere midler' }) },
  },
  GOAL_NOT_RELEVANT_USED: {
    name: 'an initiative serving a goal marked not relevant',
    broken: { fill: (f) => (f.policy![0]!.goals = 'a, b') },
    expected: ['GOAL_NOT_RELEVANT_USED Indsatser mål a-g!B5'],
    fixed: {
      fill: (f) => {
        f.policy![0]!.goals = 'a, b';
        f.goals!.b = { relevant: 'Ja', status: 'x', realistic: 'Ja' };
      },
    },
  },
};
