/** Project monitoring colours: reported, computed from success criteria, and the red count across history. */
import { QUARTERS, type Colour, type Quarter } from '../domain';
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

export function quarterEnd(year: number, q: Quarter): string {
  return `${year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
}

export function quarterStart(year: number, q: Quarter): string {
  return `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
}

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;

/** Share of the project period that had passed at the date (0–1); undefined without a valid period. */
export function elapsedShare(p: MonitoredProject, date: string): number | undefined {
  if (p.start === null || p.end === null || p.start > p.end) return undefined;
  const total = day(p.end) - day(p.start) + 1;
  const gone = day(date) - day(p.start) + 1;
  return Math.min(1, Math.max(0, gone / total));
}

/** Achieved ÷ target averaged over the criteria that have both (each capped at 100 %); undefined without any. */
export function progress(p: MonitoredProject): number | undefined {
  const shares = p.criteria.filter((c) => c.target !== null && c.target > 0 && c.achieved !== null).map((c) => Math.min(1, (c.achieved as number) / (c.target as number)));
  return shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : undefined;
}

export function computedColour(p: MonitoredProject, year: number, q: Quarter, t: Thresholds): Colour | null {
  if (p.start === null || p.end === null || p.start > quarterEnd(year, q) || p.end < quarterStart(year, q)) return null;
  const elapsed = elapsedShare(p, quarterEnd(year, q));
  const done = progress(p);
  if (elapsed === undefined || done === undefined || elapsed === 0) return null;
  // A hair of tolerance so that exactly on the threshold (45 % done at half-time, green at 0,9) counts as reached.
  const ratio = done / elapsed + 1e-9;
  return ratio >= t.green ? 'green' : ratio >= t.yellow ? 'yellow' : 'red';
}

export interface QuarterAssessment {
  quarter: Quarter;
  reported: Colour | null;
  computed: Colour | null;
  /** The reported colour where given, otherwise the computed one. */
  effective: Colour | null;
}

export function assessQuarters(p: MonitoredProject, statusYear: number | null, t: Thresholds): QuarterAssessment[] {
  return QUARTERS.map((quarter) => {
    const reported = p.colours[quarter - 1]?.colour ?? null;
    const computed = statusYear === null ? null : computedColour(p, statusYear, quarter, t);
    return { quarter, reported, computed, effective: reported ?? computed };
  });
}

/** One project's colour in one quarter, as kept in the consolidated workbook's history. */
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
