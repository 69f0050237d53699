/** The domain of the integration budget statement: goals, administrations, units, colours (Danish labels verbatim). */

export const GOAL_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type GoalLetter = (typeof GOAL_LETTERS)[number];

export interface PolicyGoal {
  letter: GoalLetter;
  text: string;
}

/** The seven overall goals of the integration policy (seed 002). */
export const POLICY_GOALS: readonly PolicyGoal[] = [
  { letter: 'a', text: 'I perioden til og med år 2010 skal andelen af beskæftigede indvandrere øges med 10 procentpoint til ca. 57 %' },
  { letter: 'b', text: 'Præstationsgabets mellem indvandrere og den øvrige befolkning skal lukkes' },
  { letter: 'c', text: 'Der må ikke komme nye udsatte boligområder i Københavns Kommune' },
  { letter: 'd', text: 'Andelen af personer uden tilknytning til arbejdsmarkedet i de udsatte boligområder skal reduceres med 10 % frem til år 2010' },
  { letter: 'e', text: 'Unge indvandrere har i 2010 en kriminalitetsfrekvens på niveau med andre unge danskere, når der tages højde for den sociale fordeling' },
  { letter: 'f', text: 'Ved udgangen af 2010 deltager indvandrere i kultur- og fritidslivet i samme grad som etniske danskere' },
  { letter: 'g', text: 'Forskellene i etniske danskeres og indvandreres sundhedstilstand skal udlignes' },
];

export const ADMINISTRATION_CODES = ['ØKF', 'BUF', 'KFF', 'SUF', 'SOF', 'TMF', 'BIF'] as const;
export type AdministrationCode = (typeof ADMINISTRATION_CODES)[number];

export interface Administration {
  code: AdministrationCode;
  name: string;
  /** The political committee (fagudvalg) the administration reports to. */
  committee: string;
}

export const ADMINISTRATIONS: readonly Administration[] = [
  { code: 'ØKF', name: 'Økonomiforvaltningen', committee: 'Økonomiudvalget' },
  { code: 'BUF', name: 'Børne- og Ungdomsforvaltningen', committee: 'Børne- og Ungdomsudvalget' },
  { code: 'KFF', name: 'Kultur- og Fritidsforvaltningen', committee: 'Kultur- og Fritidsudvalget' },
  { code: 'SUF', name: 'Sundheds- og Omsorgsforvaltningen', committee: 'Sundheds- og Omsorgsudvalget' },
  { code: 'SOF', name: 'Socialforvaltningen', committee: 'Socialudvalget' },
  { code: 'TMF', name: 'Teknik- og Miljøforvaltningen', committee: 'Teknik- og Miljøudvalget' },
  { code: 'BIF', name: 'Beskæftigelses- og Integrationsforvaltningen', committee: 'Beskæftigelses- og Integrationsudvalget' },
];

/** How an administration is shown in the template's dropdown: "SOF – Socialforvaltningen". */
export function administrationLabel(a: Administration): string {
  return `${a.code} – ${a.name}`;
}

export function findAdministration(code: string): Administration | undefined {
  return ADMINISTRATIONS.find((a) => a.code === code);
}

export type UnitCode = 'kr' | 'tkr' | 'mkr';

export interface AmountUnit {
  code: UnitCode;
  label: string;
  /** Kroner per unit. */
  factor: number;
}

export const UNITS: readonly AmountUnit[] = [
  { code: 'kr', label: 'kr.', factor: 1 },
  { code: 'tkr', label: '1.000 kr.', factor: 1_000 },
  { code: 'mkr', label: 'mio. kr.', factor: 1_000_000 },
];

export function unitByCode(code: UnitCode): AmountUnit {
  const unit = UNITS.find((u) => u.code === code);
  if (!unit) throw new Error(`unknown unit ${code}`);
  return unit;
}

export type Colour = 'green' | 'yellow' | 'red';
export const COLOURS: readonly Colour[] = ['green', 'yellow', 'red'];
export const COLOUR_LABELS: Record<Colour, string> = { green: 'grøn', yellow: 'gul', red: 'rød' };
/** Fills used wherever a colour is shown (template dropdown cells and the consolidated workbook). */
export const COLOUR_FILLS: Record<Colour, string> = { green: 'C6EFCE', yellow: 'FFEB9C', red: 'FFC7CE' };

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

/** Projects with at least this much municipal co-financing are monitored (seed 003). */
export const MONITORING_THRESHOLD_KR = 100_000;

/** A budget statement covers four budget years (seeds 001 and 002). */
export const BUDGET_PERIOD_YEARS = 4;

export function budgetYears(firstYear: number): number[] {
  return Array.from({ length: BUDGET_PERIOD_YEARS }, (_, i) => firstYear + i);
}

/** The deadline pattern of the seed (15 May in the spring before the first budget year). */
export function defaultDeadline(firstYear: number): string {
  return `${firstYear - 1}-05-15`;
}

export const YES = 'Ja';
export const NO = 'Nej';

/** The statement is written in the spring before the first budget year; the last full year of project monitoring is the one before. */
export function defaultStatusYear(firstYear: number): number {
  return firstYear - 2;
}

/** The last day of a quarter, ISO: 2010-03-31 for K1 2010. */
export function quarterEnd(year: number, q: Quarter): string {
  return `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
}

export function quarterStart(year: number, q: Quarter): string {
  return `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
}

/** Has the quarter ended by the date (ISO)? A quarter ends on its last day; without a date nothing is known to have ended. */
export function quarterEnded(year: number, q: Quarter, asOf: string | null): boolean {
  return asOf !== null && quarterEnd(year, q) <= asOf.slice(0, 10);
}

/** The last quarter of the year that had ended by the date, if any. */
export function lastEndedQuarter(year: number, asOf: string | null): Quarter | undefined {
  return [...QUARTERS].reverse().find((q) => quarterEnded(year, q, asOf));
}
