/** Project monitoring colours: reported, computed from success criteria, and the red count across history. */
import { QUARTERS, quarterEnd, quarterEnded, quarterStart, type Colour, type Quarter } from '../domain';
import type { MonitoredProject } from '../model';

/**
 * Progress ÷ share of the period elapsed: at or above `green` the project is green, at or above `yellow`
 * yellow, below that red. The assessment method (Vurderingssystematik) is not in the seeds, so these are
 * configurable; the defaults read "at least 90 % of the progress expected by now is green, 60 % yellow".
 */
export interface Thresholds {
  green: number;
  yellow: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { green: 0.9, yellow: 0.6 };

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;

/** Share of the project period that had passed at the date (0–1); undefined without a valid period. */
export function elapsedShare(p: MonitoredProject, date: string): number | undefined {
  if (p.start === null || p.end === null || p.start > p.end) return undefined;
  const total = day(p.end) - day(p.start) + 1;
  const gone = day(date) - day(p.start) + 1;
  return Math.min(1, Math.max(0, gone / total));
}

/**
 * Progress at the end of a quarter: each criterion's figure reached by then ÷ its target (capped at 100 %), averaged
 * over the criteria with a target and a figure for that quarter; undefined without any.
 */
export function progressAt(p: MonitoredProject, q: Quarter): number | undefined {
  const shares: number[] = [];
  for (const c of p.criteria) {
    const figure = c.quarterly[q - 1];
    if (c.target !== null && c.target > 0 && figure !== null && figure !== undefined) shares.push(Math.min(1, figure / c.target));
  }
  return shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : undefined;
}

/** The colour a quarter's figures give against the share of the whole project period elapsed at the quarter's end. */
export function computedColour(p: MonitoredProject, year: number, q: Quarter, t: Thresholds): Colour | null {
  if (p.start === null || p.end === null || p.start > quarterEnd(year, q) || p.end < quarterStart(year, q)) return null;
  const elapsed = elapsedShare(p, quarterEnd(year, q));
  const done = progressAt(p, q);
  if (elapsed === undefined || done === undefined || elapsed === 0) return null;
  // A hair of tolerance so that exactly on the threshold (45 % done at half-time, green at 0,9) counts as reached.
  const ratio = done / elapsed + 1e-9;
  return ratio >= t.green ? 'green' : ratio >= t.yellow ? 'yellow' : 'red';
}

export interface QuarterAssessment {
  quarter: Quarter;
  /** False for a quarter that had not ended by the date of assessment: it has no colour of any kind. */
  ended: boolean;
  reported: Colour | null;
  computed: Colour | null;
  /** The reported colour where given, otherwise the computed one. */
  effective: Colour | null;
}

/**
 * The colours of the status year's quarters as of a date (the submission date, and never after the consolidation):
 * a quarter that had not ended by then gets no colour, reported or computed, and is never counted.
 */
export function assessQuarters(p: MonitoredProject, statusYear: number | null, asOf: string | null, t: Thresholds): QuarterAssessment[] {
  return QUARTERS.map((quarter) => {
    const ended = statusYear !== null && quarterEnded(statusYear, quarter, asOf);
    if (!ended) return { quarter, ended, reported: null, computed: null, effective: null };
    const reported = p.colours[quarter - 1]?.colour ?? null;
    const computed = computedColour(p, statusYear, quarter, t);
    return { quarter, ended, reported, computed, effective: reported ?? computed };
  });
}

/** One project's colour in one quarter, as kept in the consolidated workbook's history. */
/** The latest quarter with a colour: the project's current colour, and the quarter a newly red project went red in. */
export function latestColoured(quarters: readonly QuarterAssessment[]): QuarterAssessment | undefined {
  for (let i = quarters.length - 1; i >= 0; i--) if (quarters[i].effective !== null) return quarters[i];
  return undefined;
}

export interface HistoryEntry {
  administration: string;
  project: string;
  year: number;
  quarter: Quarter;
  colour: Colour;
}

export function projectKey(administration: string, project: string): string {
  return `${administration}|${project.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}
