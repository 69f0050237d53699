/** Messages of the validation rules (registered with the shared catalogue in diagnostics.ts). */
import type { Severity } from '../diagnostics';

export const RULE_MESSAGES: Record<string, { severity: Severity; da: string; en: string }> = {
  COVER_ADMIN_MISSING: {
    severity: 'error',
    da: 'Forvaltningen er ikke valgt. Vælg den på listen.',
    en: 'The administration is not chosen. Pick it from the list.',
  },
  COVER_ADMIN_UNKNOWN: {
    severity: 'error',
    da: '"{found}" er ikke en af kommunens forvaltninger ({known}).',
    en: '"{found}" is not one of the municipality’s administrations ({known}).',
  },
  COVER_FIRST_YEAR_MISSING: {
    severity: 'error',
    da: 'Første budgetår mangler.',
    en: 'The first budget year is missing.',
  },
  COVER_YEARS_MISMATCH: {
    severity: 'error',
    da: 'Årene i {area} ({found}) passer ikke med budgetperioden på forsiden ({expected}).',
    en: 'The years in {area} ({found}) do not match the budget period on the cover ({expected}).',
  },
  COVER_UNIT_MISSING: {
    severity: 'error',
    da: 'Beløbsenheden mangler. Vælg kr., 1.000 kr. eller mio. kr.; indtil da læses beløbene som kr.',
    en: 'The amount unit is missing. Choose kr., 1.000 kr. or mio. kr.; until then amounts are read as kr.',
  },
  COVER_UNIT_UNKNOWN: {
    severity: 'error',
    da: '"{found}" er ikke en beløbsenhed. Vælg kr., 1.000 kr. eller mio. kr.',
    en: '"{found}" is not an amount unit. Choose kr., 1.000 kr. or mio. kr.',
  },
  COVER_CONTACT_MISSING: {
    severity: 'warning',
    da: 'Kontaktperson mangler.',
    en: 'The contact person is missing.',
  },
  COVER_DATE_MISSING: {
    severity: 'warning',
    da: 'Dato for indsendelse mangler.',
    en: 'The submission date is missing.',
  },
  COVER_AFTER_DEADLINE: {
    severity: 'warning',
    da: 'Indsendt {found}, efter fristen {deadline}.',
    en: 'Submitted {found}, after the deadline {deadline}.',
  },
  COVER_STATUS_YEAR_MISSING: {
    severity: 'warning',
    da: 'Statusår for projektmonitorering mangler; kvartalsfarverne kan ikke dateres.',
    en: 'The status year for project monitoring is missing; the quarter colours cannot be dated.',
  },
  GOAL_RELEVANT_MISSING: {
    severity: 'error',
    da: 'Mål {goal}: angiv om målet er relevant for forvaltningen (Ja/Nej).',
    en: 'Goal {goal}: say whether the goal is relevant for the administration (Ja/Nej).',
  },
  GOAL_STATUS_MISSING: {
    severity: 'error',
    da: 'Mål {goal} er relevant, men status for målopfyldelse mangler.',
    en: 'Goal {goal} is relevant, but the status text is missing.',
  },
  GOAL_REALISTIC_MISSING: {
    severity: 'warning',
    da: 'Mål {goal} er relevant: angiv om målet er realistisk for jeres område (Ja/Nej).',
    en: 'Goal {goal} is relevant: say whether it is realistic for your area (Ja/Nej).',
  },
  GOAL_NEEDED_MISSING: {
    severity: 'error',
    da: 'Mål {goal} er ikke realistisk: beskriv hvilke initiativer der er brug for.',
    en: 'Goal {goal} is not realistic: describe the initiatives needed.',
  },
  GOAL_NOT_RELEVANT_USED: {
    severity: 'warning',
    da: 'Indsatsen "{name}" bidrager til mål {goal}, men mål {goal} er markeret som ikke relevant.',
    en: 'The initiative "{name}" serves goal {goal}, but goal {goal} is marked as not relevant.',
  },
  INIT_FIELD_MISSING: {
    severity: 'error',
    da: '"{field}" mangler for indsatsen "{name}".',
    en: '"{field}" is missing for the initiative "{name}".',
  },
  INIT_GOAL_MISSING: {
    severity: 'error',
    da: 'Indsatsen "{name}" mangler mål: angiv et eller flere af målene a-g, fx "a, c".',
    en: 'The initiative "{name}" has no goal: give one or more of the goals a-g, e.g. "a, c".',
  },
  INIT_GOAL_INVALID: {
    severity: 'error',
    da: '"{found}" er ikke et af integrationspolitikkens mål a-g (indsatsen "{name}").',
    en: '"{found}" is not one of the policy goals a-g (the initiative "{name}").',
  },
  INIT_DUPLICATE_NAME: {
    severity: 'warning',
    da: 'Indsatsen "{name}" står også i række {other}.',
    en: 'The initiative "{name}" also appears in row {other}.',
  },
  OTHER_GOAL_IS_POLICY: {
    severity: 'warning',
    da: 'Indsatsen "{name}" angiver mål {found}, som er integrationspolitikkens mål: hører den til på arket {sheet}?',
    en: 'The initiative "{name}" names goal {found}, a policy goal: does it belong on the sheet {sheet}?',
  },
  AMOUNT_NEGATIVE: {
    severity: 'error',
    da: 'Beløbet {found} er negativt ({field}).',
    en: 'The amount {found} is negative ({field}).',
  },
  AMOUNT_UNIT_SUSPECT: {
    severity: 'warning',
    da: 'Beløbet {found} {unit} ({kr} kr.) ser ud til at være i en forkert enhed ({field}). Tjek beløbsenheden på forsiden.',
    en: 'The amount {found} {unit} ({kr} kr.) looks like the wrong unit ({field}). Check the amount unit on the cover.',
  },
  T1_ROW_SUM: {
    severity: 'error',
    da: 'I alt for "{row}" er {found}, men årene summerer til {expected}.',
    en: 'The total of "{row}" is {found}, but its years add up to {expected}.',
  },
  T1_COLUMN_SUM: {
    severity: 'error',
    da: 'I ALT for {year} er {found}, men de tre rækker summerer til {expected}.',
    en: 'I ALT for {year} is {found}, but the three rows add up to {expected}.',
  },
  T1_RECONCILE: {
    severity: 'error',
    da: 'Tabel 1 siger {found} for "{row}" i {year}, men {source} summerer til {expected}.',
    en: 'Table 1 says {found} for "{row}" in {year}, but {source} adds up to {expected}.',
  },
  PROJ_NAME_MISSING: {
    severity: 'error',
    da: 'Projektets navn mangler.',
    en: 'The project name is missing.',
  },
  PROJ_FUNDING_MISSING: {
    severity: 'warning',
    da: 'Projektet "{name}" har ingen kommunal medfinansiering angivet; det kan ikke afgøres, om det skal monitoreres.',
    en: 'The project "{name}" gives no municipal co-financing; whether it must be monitored cannot be told.',
  },
  PROJ_NOT_MONITORED: {
    severity: 'info',
    da: 'Projektet "{name}" har {kr} kr. i kommunal medfinansiering, under grænsen på 100.000 kr., og skal ikke monitoreres.',
    en: 'The project "{name}" has {kr} kr. municipal co-financing, below the 100.000 kr. threshold, and need not be monitored.',
  },
  PROJ_PERIOD_MISSING: {
    severity: 'warning',
    da: 'Projektperioden for "{name}" mangler (start og slut); farverne kan ikke beregnes.',
    en: 'The project period of "{name}" is missing (start and end); colours cannot be computed.',
  },
  PROJ_PERIOD_ORDER: {
    severity: 'error',
    da: 'Projektet "{name}" starter {start}, efter det slutter {end}.',
    en: 'The project "{name}" starts {start}, after it ends {end}.',
  },
  PROJ_CRITERIA_MISSING: {
    severity: 'error',
    da: 'Projektet "{name}" monitoreres (mindst 100.000 kr.), men har ingen succeskriterier (indikator og mål).',
    en: 'The project "{name}" is monitored (at least 100.000 kr.) but has no success criteria (indicator and target).',
  },
  PROJ_TARGET_MISSING: {
    severity: 'error',
    da: 'Succeskriteriet "{indicator}" for "{name}" mangler et mål (tal).',
    en: 'The success criterion "{indicator}" of "{name}" has no target (number).',
  },
  PROJ_COLOUR_MISSING: {
    severity: 'error',
    da: 'Projektet "{name}" mangler farve for {quarter}.',
    en: 'The project "{name}" has no colour for {quarter}.',
  },
  PROJ_COLOUR_INVALID: {
    severity: 'error',
    da: '"{found}" er ikke en farve: brug grøn, gul eller rød ({quarter}).',
    en: '"{found}" is not a colour: use grøn, gul or rød (green, yellow, red) ({quarter}).',
  },
  PROJ_RED_NO_ACTION_PLAN: {
    severity: 'error',
    da: 'Projektet "{name}" er rødt i {quarter}, men handlingsplanen mangler.',
    en: 'The project "{name}" is red in {quarter}, but the action plan is missing.',
  },
};
