/** Checks of the goals sheet (Mål a-g), and of initiatives that serve a goal marked as not relevant. */
import type { GoalLetter } from '../../domain';
import { GOALS_AREA, POLICY_AREA } from '../../template/definition';
import type { Findings } from '../findings';

export function checkGoals(f: Findings): void {
  for (const g of f.s.goals) {
    const row = g.source.row;
    if (g.relevant === null) {
      f.add('GOAL_RELEVANT_MISSING', f.at(GOALS_AREA, 'relevant', row), { goal: g.goal });
      continue;
    }
    if (!g.relevant) continue;
    if (g.status === null) f.add('GOAL_STATUS_MISSING', f.at(GOALS_AREA, 'status', row), { goal: g.goal });
    if (g.realistic === null) f.add('GOAL_REALISTIC_MISSING', f.at(GOALS_AREA, 'realistic', row), { goal: g.goal });
    if (g.realistic === false && g.neededInitiatives === null) f.add('GOAL_NEEDED_MISSING', f.at(GOALS_AREA, 'neededInitiatives', row), { goal: g.goal });
  }
  const notRelevant = new Set<GoalLetter>(f.s.goals.filter((g) => g.relevant === false).map((g) => g.goal));
  for (const i of f.s.policyInitiatives) {
    for (const goal of i.goals) {
      if (notRelevant.has(goal)) f.add('GOAL_NOT_RELEVANT_USED', f.at(POLICY_AREA, 'goals', i.source.row), { initiative: { name: i.name, row: i.source.row }, goal }, i.goalsText);
    }
  }
}
