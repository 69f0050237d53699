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
    en: (p) => `The project "${subject(p.project, 'en')}" has no colour for ${show.quarter(p.quarter, 'en')}.`,
  }),
  PROJ_COLOUR_INVALID: rule({
    severity: 'error',
    params: { found: param.text, quarter: param.quarter },
    da: (p) => `"${p.found}" er ikke en farve: brug grøn, gul eller rød (${show.quarter(p.quarter)}).`,
    en: (p) => `"${p.found}" is not a colour: use grøn, gul or rød (green, yellow, red) (${show.quarter(p.quarter, 'en')}).`,
  }),
  PROJ_COLOUR_FUTURE: rule({
    severity: 'error',
    params: { project: param.subject, quarter: param.quarter, submitted: param.date },
    da: (p) =>
      `Projektet "${subject(p.project, 'da')}" har en farve for ${show.quarter(p.quarter)}, men kvartalet var ikke slut, da redegørelsen blev indsendt ${show.date(p.submitted)}. Slet farven; et kvartal får farve, når det er slut.`,
    en: (p) =>
      `The project "${subject(p.project, 'en')}" has a colour for ${show.quarter(p.quarter, 'en')}, but the quarter had not ended when the statement was submitted on ${show.date(p.submitted)}. Delete the colour; a quarter gets a colour once it has ended.`,
    example: { submitted: '2010-05-05' },
  }),
  PROJ_FUNDING_OUTSIDE_PERIOD: rule({
    severity: 'warning',
    params: { project: param.subject, year: param.year, start: param.date, end: param.date },
    da: (p) => `Projektet "${subject(p.project, 'da')}" har kommunal medfinansiering i ${p.year}, men projektperioden er ${show.date(p.start)} til ${show.date(p.end)}. Er beløbet i den rigtige kolonne, og er perioden rigtig?`,
    en: (p) => `The project "${subject(p.project, 'en')}" has municipal co-financing in ${p.year}, but its period is ${show.date(p.start)} to ${show.date(p.end)}. Is the amount in the right column, and is the period right?`,
    example: { start: '2009-01-01', end: '2011-12-31', year: 2013 },
  }),
  PROJ_CRITERION_NO_PROJECT: rule({
    severity: 'error',
    params: { indicator: param.text, row: param.row },
    da: (p) => `Succeskriteriet "${p.indicator}" i række ${p.row} har intet projekt. Vælg projektet på listen.`,
    en: (p) => `The success criterion "${p.indicator}" in row ${p.row} has no project. Choose the project from the list.`,
  }),
  PROJ_CRITERION_PROJECT_UNKNOWN: rule({
    severity: 'error',
    params: { indicator: param.text, found: param.text },
    da: (p) => `Succeskriteriet "${p.indicator}" hører til projektet "${p.found}", som ikke står på arket Monitorerede projekter. Vælg projektet på listen.`,
    en: (p) => `The success criterion "${p.indicator}" belongs to the project "${p.found}", which is not on the sheet Monitorerede projekter. Choose the project from the list.`,
    example: { found: 'Bydelsmødre Syd' },
  }),
  PROJ_RED_NO_ACTION_PLAN: rule({
    severity: 'error',
    params: { project: param.subject, quarter: param.quarter },
    da: (p) => `Projektet "${subject(p.project, 'da')}" er rødt i ${show.quarter(p.quarter)}, men handlingsplanen mangler.`,
    en: (p) => `The project "${subject(p.project, 'en')}" is red in ${show.quarter(p.quarter, 'en')}, but the action plan is missing.`,
  }),
};
