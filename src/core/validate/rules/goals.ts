/** The sheet Mål a-g: for each policy goal, relevant or not, its status, and whether it is realistic. */
import { param, rule, subject } from './define';

export const GOAL_RULES = {
  GOAL_RELEVANT_MISSING: rule({
    severity: 'error',
    params: { goal: param.goal },
    da: (p) => `Mål ${p.goal}: angiv om målet er relevant for forvaltningen (Ja/Nej).`,
    en: (p) => `Goal ${p.goal}: say whether the goal is relevant for the administration (Ja/Nej).`,
  }),
  GOAL_STATUS_MISSING: rule({
    severity: 'error',
    params: { goal: param.goal },
    da: (p) => `Mål ${p.goal} er relevant, men status for målopfyldelse mangler.`,
    en: (p) => `Goal ${p.goal} is relevant, but the status text is missing.`,
  }),
  GOAL_REALISTIC_MISSING: rule({
    severity: 'warning',
    params: { goal: param.goal },
    da: (p) => `Mål ${p.goal} er relevant: angiv om målet er realistisk for jeres område (Ja/Nej).`,
    en: (p) => `Goal ${p.goal} is relevant: say whether it is realistic for your area (Ja/Nej).`,
  }),
  GOAL_NEEDED_MISSING: rule({
    severity: 'error',
    params: { goal: param.goal },
    da: (p) => `Mål ${p.goal} er ikke realistisk: beskriv hvilke initiativer der er brug for.`,
    en: (p) => `Goal ${p.goal} is not realistic: describe the initiatives needed.`,
  }),
  GOAL_NOT_RELEVANT_USED: rule({
    severity: 'warning',
    params: { initiative: param.subject, goal: param.goal },
    da: (p) => `Indsatsen "${subject(p.initiative, 'da')}" bidrager til mål ${p.goal}, men mål ${p.goal} er markeret som ikke relevant.`,
    en: (p) => `The initiative "${subject(p.initiative, 'en')}" serves goal ${p.goal}, but goal ${p.goal} is marked as not relevant.`,
  }),
};
