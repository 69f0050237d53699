/** Checks of the monitored projects: name, co-financing, period, success criteria and the colours of the reported quarters. */
import { QUARTERS, quarterEnd, quarterEnded, quarterStart, type Quarter } from '../../domain';
import type { MonitoredProject, SuccessCriterion } from '../../model';
import { isMonitored, monitoringTotal } from '../../monitoring';
import { columnRef, CRITERIA_AREA, PROJECTS_AREA, type PlainKeyOf } from '../../template/definition';
import type { Findings } from '../findings';
import { show } from '../rules/define';
import { checkAmount } from './amounts';

/** The quarters of the status year the project ran in that had ended by the submission date. */
export function reportedQuarters(p: MonitoredProject, statusYear: number | null, submitted: string | null): Quarter[] {
  if (statusYear === null || p.start === null || p.end === null || p.start > p.end) return [];
  return QUARTERS.filter((q) => {
    const overlaps = p.start! <= quarterEnd(statusYear, q) && p.end! >= quarterStart(statusYear, q);
    return overlaps && (submitted === null || quarterEnded(statusYear, q, submitted));
  });
}

const colourColumn = (q: Quarter) => `q${q}` as const;

export function checkProjects(f: Findings): void {
  const statusYear = f.s.cover.statusYear;
  const submitted = f.s.cover.submissionDate;
  const at = (key: PlainKeyOf<typeof PROJECTS_AREA>, row: number) => f.at(PROJECTS_AREA, key, row);
  /** A criterion's cell: on the sheet Succeskriterier (1.1), or on the project's row (1.0). */
  const criterionAt = (c: SuccessCriterion, key: 'indicator' | 'target') =>
    c.source.sheet === f.layout.areas.criteria?.sheet ? f.at(CRITERIA_AREA, key, c.source.row) : at(key, c.source.row);
  for (const p of f.s.projects) {
    const row = p.source.row;
    const project = { name: p.name, row };
    const quarter = (q: Quarter) => ({ quarter: q, year: statusYear });
    if (p.name === null) f.add('PROJ_NAME_MISSING', at('name', row));
    for (const a of p.funding) checkAmount(f, a.amount, f.at(PROJECTS_AREA, 'funding', row, a.year), columnRef(PROJECTS_AREA, 'funding', a.year));
    checkAmount(f, p.cofinancing, at('cofinancing', row), columnRef(PROJECTS_AREA, 'cofinancing'));
    if (p.start !== null && p.end !== null && p.start > p.end) {
      f.add('PROJ_PERIOD_ORDER', at('start', row), { project, start: p.start, end: p.end }, show.date(p.start));
    } else if (p.start !== null && p.end !== null) {
      // Co-financing in a budget year the project does not run in: typed in the wrong column, or the period is wrong.
      const [first, last] = [Number(p.start.slice(0, 4)), Number(p.end.slice(0, 4))];
      for (const a of p.funding) {
        if (a.amount !== null && a.amount > 0 && (a.year < first || a.year > last)) {
          f.add('PROJ_FUNDING_OUTSIDE_PERIOD', f.at(PROJECTS_AREA, 'funding', row, a.year), { project, year: a.year, start: p.start, end: p.end }, show.amountFigure(f.amount(a.amount)));
        }
      }
    }
    p.colours.forEach((c) => {
      if (c.text !== null && c.colour === null) f.add('PROJ_COLOUR_INVALID', at(colourColumn(c.quarter), row), { found: c.text, quarter: quarter(c.quarter) }, c.text);
      else if (c.colour !== null && statusYear !== null && submitted !== null && !quarterEnded(statusYear, c.quarter, submitted)) {
        f.add('PROJ_COLOUR_FUTURE', at(colourColumn(c.quarter), row), { project, quarter: quarter(c.quarter), submitted }, c.text);
      }
    });
    const total = monitoringTotal(p);
    if (total === null) {
      const where = f.layout.areas.projects?.columns.cofinancing !== undefined ? at('cofinancing', row) : p.funding.length ? f.at(PROJECTS_AREA, 'funding', row, p.funding[0].year) : { sheet: f.layout.areas.projects?.sheet ?? PROJECTS_AREA.sheet, cell: null };
      f.add('PROJ_FUNDING_MISSING', where, { project });
      continue;
    }
    if (!isMonitored(p)) {
      f.add('PROJ_NOT_MONITORED', at('name', row), { project, kr: total });
      continue;
    }
    if (p.start === null || p.end === null) f.add('PROJ_PERIOD_MISSING', at(p.start === null ? 'start' : 'end', row), { project });
    const complete = p.criteria.filter((c) => c.indicator !== null || c.target !== null);
    if (complete.length === 0) f.add('PROJ_CRITERIA_MISSING', f.layout.areas.projects?.columns.indicator !== undefined ? at('indicator', row) : at('name', row), { project });
    for (const c of complete) {
      if (c.target === null) f.add('PROJ_TARGET_MISSING', criterionAt(c, 'target'), { project, indicator: c.indicator ?? '' });
    }
    for (const q of reportedQuarters(p, statusYear, submitted)) {
      if (p.colours[q - 1].text === null) f.add('PROJ_COLOUR_MISSING', at(colourColumn(q), row), { project, quarter: quarter(q) });
    }
    const red = p.colours.find((c) => c.colour === 'red');
    if (red && p.actionPlan === null) f.add('PROJ_RED_NO_ACTION_PLAN', at('actionPlan', row), { project, quarter: quarter(red.quarter) });
  }
  for (const { projectText, criterion } of f.s.unassignedCriteria) {
    const where = f.at(CRITERIA_AREA, 'project', criterion.source.row);
    const indicator = criterion.indicator ?? '';
    if (projectText === null) f.add('PROJ_CRITERION_NO_PROJECT', where, { indicator, row: criterion.source.row });
    else f.add('PROJ_CRITERION_PROJECT_UNKNOWN', where, { indicator, found: projectText }, projectText);
  }
}
