/** The two status schema sheets (Indsatser mål a-g, Indsatser øvrige mål): required fields, goals and names. */
import { SHEET_NAMES } from '../../template/definition';
import { param, rule, show, subject } from './define';

export const INITIATIVE_RULES = {
  INIT_FIELD_MISSING: rule({
    severity: 'error',
    params: { field: param.field, initiative: param.subject },
    da: (p) => `"${show.field(p.field)}" mangler for indsatsen "${subject(p.initiative, 'da')}".`,
    en: (p) => `"${show.field(p.field)}" is missing for the initiative "${subject(p.initiative, 'en')}".`,
  }),
  INIT_GOAL_MISSING: rule({
    severity: 'error',
    params: { initiative: param.subject },
    da: (p) => `Indsatsen "${subject(p.initiative, 'da')}" mangler mål: angiv et eller flere af målene a-g, fx "a, c".`,
    en: (p) => `The initiative "${subject(p.initiative, 'en')}" has no goal: give one or more of the goals a-g, e.g. "a, c".`,
  }),
  INIT_GOAL_INVALID: rule({
    severity: 'error',
    params: { found: param.texts, initiative: param.subject },
    da: (p) => `"${show.list(p.found)}" er ikke et af integrationspolitikkens mål a-g (indsatsen "${subject(p.initiative, 'da')}").`,
    en: (p) => `"${show.list(p.found)}" is not one of the policy goals a-g (the initiative "${subject(p.initiative, 'en')}").`,
  }),
  INIT_DUPLICATE_NAME: rule({
    severity: 'warning',
    params: { name: param.text, otherRow: param.row },
    da: (p) => `Indsatsen "${p.name}" står også i række ${p.otherRow}.`,
    en: (p) => `The initiative "${p.name}" also appears in row ${p.otherRow}.`,
  }),
  OTHER_GOAL_IS_POLICY: rule({
    severity: 'warning',
    params: { initiative: param.subject, goals: param.goals },
    da: (p) => `Indsatsen "${subject(p.initiative, 'da')}" angiver mål ${show.list(p.goals)}, som er integrationspolitikkens mål: hører den til på arket ${SHEET_NAMES.policy}?`,
    en: (p) => `The initiative "${subject(p.initiative, 'en')}" names goal ${show.list(p.goals)}, a policy goal: does it belong on the sheet ${SHEET_NAMES.policy}?`,
  }),
};
