/** Checks of the cover sheet: administration, budget period (also against the years of the other sheets), unit, contact and dates. */
import { cellRef } from '../../cells';
import { budgetYears } from '../../domain';
import { OTHER_AREA, POLICY_AREA, PROJECTS_AREA, TABLE1, parseColumnId } from '../../template/definition';
import type { Findings } from '../findings';
import { show } from '../rules/define';
import { isMonitored } from '../../monitoring';

export function checkCover(f: Findings): void {
  const c = f.s.cover;
  if (c.administration === null) {
    if (c.administrationText === null) f.add('COVER_ADMIN_MISSING', f.cover('administration'));
    else f.add('COVER_ADMIN_UNKNOWN', f.cover('administration'), { found: c.administrationText }, c.administrationText);
  }
  if (c.firstYear === null) {
    f.add('COVER_FIRST_YEAR_MISSING', f.cover('firstYear'));
  } else {
    const expected = budgetYears(c.firstYear);
    const t1 = f.layout.table1;
    if (t1 && f.s.table1.years.join() !== expected.join()) {
      f.add('COVER_YEARS_MISMATCH', { sheet: t1.sheet, cell: cellRef(t1.headerRow, t1.yearColumns[0] ?? t1.labelColumn + 1) }, { where: TABLE1.title, found: f.s.table1.years, expected });
    }
    for (const area of [POLICY_AREA, OTHER_AREA, PROJECTS_AREA]) {
      const a = f.layout.areas[area.key];
      if (a && a.headerYears.length && a.headerYears.join() !== expected.join()) {
        const firstYearCol = Math.min(...Object.entries(a.columns).filter(([id]) => parseColumnId(id).year !== undefined).map(([, col]) => col as number));
        f.add('COVER_YEARS_MISMATCH', { sheet: a.sheet, cell: cellRef(a.headerRow, firstYearCol) }, { where: a.sheet, found: a.headerYears, expected });
      }
    }
  }
  if (c.unit === null) {
    if (c.unitText === null) f.add('COVER_UNIT_MISSING', f.cover('unit'));
    else f.add('COVER_UNIT_UNKNOWN', f.cover('unit'), { found: c.unitText }, c.unitText);
  }
  if (c.contact === null) f.add('COVER_CONTACT_MISSING', f.cover('contact'));
  if (c.submissionDate === null) f.add('COVER_DATE_MISSING', f.cover('submissionDate'));
  const deadline = f.options.deadline ?? c.deadline;
  if (c.submissionDate !== null && deadline && c.submissionDate > deadline) {
    f.add('COVER_AFTER_DEADLINE', f.cover('submissionDate'), { submitted: c.submissionDate, deadline }, show.date(c.submissionDate));
  }
  if (c.statusYear === null && f.s.projects.some((p) => isMonitored(p))) f.add('COVER_STATUS_YEAR_MISSING', f.cover('statusYear'));
}
