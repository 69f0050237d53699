/** The sheet Monitorerede projekter: name, co-financing, period, success criteria and the quarter colours. */
import { MONITORING_THRESHOLD_KR } from '../../domain';
import { param, rule, show, subject } from './define';

const threshold = show.number(MONITORING_THRESHOLD_KR);

export const PROJECT_RULES = {
  PROJ_NAME_MISSING: rule({
    severity: 'error',
    da: 'Projektets navn mangler.',
    en: 'The project name is missing.',
  }),
  PROJ_FUNDING_MISSING: rule({
    severity: 'warning',
    params: { project: param.subject },
    da: (p) => `Projektet "${subject(p.project, 'da')}" har ingen kommunal medfinansiering angivet; det kan ikke afgøres, om det skal monitoreres.`,
    en: (p) => `The project "${subject(p.project, 'en')}" gives no municipal co-financing; whether it must be monitored cannot be told.`,
  }),
  PROJ_NOT_MONITORED: rule({
    severity: 'info',
    params: { project: param.subject, kr: param.kr },
    da: (p) => `Projektet "${subject(p.project, 'da')}" har ${show.number(p.kr)} kr. i kommunal medfinansiering, under grænsen på ${threshold} kr., og skal ikke monitoreres.`,
    en: (p) => `The project "${subject(p.project, 'en')}" has ${show.number(p.kr)} kr. municipal co-financing, below the ${threshold} kr. threshold, and need not be monitored.`,
  }),
  PROJ_PERIOD_MISSING: rule({
    severity: 'warning',
    params: { project: param.subject },
    da: (p) => `Projektperioden for "${subject(p.project, 'da')}" mangler (start og slut); farverne kan ikke beregnes.`,
    en: (p) => `The project period of "${subject(p.project, 'en')}" is missing (start and end); colours cannot be computed.`,
  }),
  PROJ_PERIOD_ORDER: rule({
    severity: 'error',
    params: { project: param.subject, start: param.date, end: param.date },
    da: (p) => `Projektet "${subject(p.project, 'da')}" starter ${show.date(p.start)}, efter det slutter ${show.date(p.end)}.`,
    en: (p) => `The project "${subject(p.project, 'en')}" starts ${show.date(p.start)}, after it ends ${show.date(p.end)}.`,
    example: { start: '2012-01-01', end: '2011-12-31' },
  }),
  PROJ_CRITERIA_MISSING: rule({
    severity: 'error',
    params: { project: param.subject },
    da: (p) => `Projektet "${subject(p.project, 'da')}" monitoreres (mindst ${threshold} kr.), men har ingen succeskriterier (indikator og mål).`,
    en: (p) => `The project "${subject(p.project, 'en')}" is monitored (at least ${threshold} kr.) but has no success criteria (indicator and target).`,
  }),
  PROJ_TARGET_MISSING: rule({
    severity: 'error',
    params: { project: param.subject, indicator: param.text },
    da: (p) => `Succeskriteriet "${p.indicator}" for "${subject(p.project, 'da')}" mangler et mål (tal).`,
    en: (p) => `The success criterion "${p.indicator}" of "${subject(p.project, 'en')}" has no target (number).`,
  }),
  PROJ_COLOUR_MISSING: rule({
    severity: 'error',
    params: { project: param.subject, quarter: param.quarter },
    da: (p) => `Projektet "${subject(p.project, 'da')}" mangler farve for ${show.quarter(p.quarter)}.`,
    en: (p) => `The project "${subject(p.project, 'en')}" has no colour for ${show.quarter(p.quarter)}.`,
  }),
  PROJ_COLOUR_INVALID: rule({
    severity: 'error',
    params: { found: param.text, quarter: param.quarter },
    da: (p) => `"${p.found}" er ikke en farve: brug grøn, gul eller rød (${show.quarter(p.quarter)}).`,
    en: (p) => `"${p.found}" is not a colour: use grøn, gul or rød (green, yellow, red) (${show.quarter(p.quarter)}).`,
  }),
  PROJ_RED_NO_ACTION_PLAN: rule({
    severity: 'error',
    params: { project: param.subject, quarter: param.quarter },
    da: (p) => `Projektet "${subject(p.project, 'da')}" er rødt i ${show.quarter(p.quarter)}, men handlingsplanen mangler.`,
    en: (p) => `The project "${subject(p.project, 'en')}" is red in ${show.quarter(p.quarter)}, but the action plan is missing.`,
  }),
};
