/** Checks of the monitored projects: name, co-financing, period, success criteria and the colours of the reported quarters. */
import { MONITORING_THRESHOLD_KR, QUARTERS, type Quarter } from '../../domain';
import type { MonitoredProject } from '../../model';
import { columnRef, PROJECTS_AREA, type PlainKeyOf } from '../../template/definition';
import type { Findings } from '../findings';
import { show } from '../rules/define';
import { checkAmount } from './amounts';

export function isMonitored(p: MonitoredProject): boolean {
  return p.fundingTotal !== null && p.fundingTotal >= MONITORING_THRESHOLD_KR;
}

/** The quarters of the status year the project ran in that had ended by the submission date. */
export function reportedQuarters(p: MonitoredProject, statusYear: number | null, submitted: string | null): Quarter[] {
  if (statusYear === null || p.start === null || p.end === null || p.start > p.end) return [];
  return QUARTERS.filter((q) => {
    const first = `${statusYear}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const last = `${statusYear}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
    const overlaps = p.start! <= last && p.end! >= first;
    return overlaps && (submitted === null || last <= submitted);
  });
}

const colourColumn = (q: Quarter) => `q${q}` as const;

export function checkProjects(f: Findings): void {
  const statusYear = f.s.cover.statusYear;
  const at = (key: PlainKeyOf<typeof PROJECTS_AREA>, row: number) => f.at(PROJECTS_AREA, key, row);
  for (const p of f.s.projects) {
    const row = p.source.row;
    const project = { name: p.name, row };
    const quarter = (q: Quarter) => ({ quarter: q, year: statusYear });
    if (p.name === null) f.add('PROJ_NAME_MISSING', at('name', row));
    for (const a of p.funding) checkAmount(f, a.amount, f.at(PROJECTS_AREA, 'funding', row, a.year), columnRef(PROJECTS_AREA, 'funding', a.year));
    if (p.start !== null && p.end !== null && p.start > p.end) {
      f.add('PROJ_PERIOD_ORDER', at('start', row), { project, start: p.start, end: p.end }, show.date(p.start));
    }
    p.colours.forEach((c) => {
      if (c.text !== null && c.colour === null) f.add('PROJ_COLOUR_INVALID', at(colourColumn(c.quarter), row), { found: c.text, quarter: quarter(c.quarter) }, c.text);
    });
    if (p.fundingTotal === null) {
      f.add('PROJ_FUNDING_MISSING', p.funding.length ? f.at(PROJECTS_AREA, 'funding', row, p.funding[0].year) : { sheet: f.layout.areas.projects?.sheet ?? PROJECTS_AREA.sheet, cell: null }, { project });
      continue;
    }
    if (!isMonitored(p)) {
      f.add('PROJ_NOT_MONITORED', at('name', row), { project, kr: p.fundingTotal });
      continue;
    }
    if (p.start === null || p.end === null) f.add('PROJ_PERIOD_MISSING', at(p.start === null ? 'start' : 'end', row), { project });
    const complete = p.criteria.filter((c) => c.indicator !== null || c.target !== null);
    if (complete.length === 0) f.add('PROJ_CRITERIA_MISSING', at('indicator', row), { project });
    for (const c of complete) {
      if (c.target === null) f.add('PROJ_TARGET_MISSING', at('target', c.source.row), { project, indicator: c.indicator ?? '' });
    }
    for (const q of reportedQuarters(p, statusYear, f.s.cover.submissionDate)) {
      if (p.colours[q - 1].text === null) f.add('PROJ_COLOUR_MISSING', at(colourColumn(q), row), { project, quarter: quarter(q) });
    }
    const red = p.colours.find((c) => c.colour === 'red');
    if (red && p.actionPlan === null) f.add('PROJ_RED_NO_ACTION_PLAN', at('actionPlan', row), { project, quarter: quarter(red.quarter) });
  }
}
