/** The cover sheet (Forside): administration, budget period, amount unit, contact, dates and the status year. */
import { ADMINISTRATION_CODES } from '../../domain';
import { param, rule, show } from './define';

export const COVER_RULES = {
  COVER_ADMIN_MISSING: rule({
    severity: 'error',
    da: 'Forvaltningen er ikke valgt. Vælg den på listen.',
    en: 'The administration is not chosen. Pick it from the list.',
  }),
  COVER_ADMIN_UNKNOWN: rule({
    severity: 'error',
    params: { found: param.text },
    da: (p) => `"${p.found}" er ikke en af kommunens forvaltninger (${show.list(ADMINISTRATION_CODES)}).`,
    en: (p) => `"${p.found}" is not one of the municipality’s administrations (${show.list(ADMINISTRATION_CODES)}).`,
  }),
  COVER_FIRST_YEAR_MISSING: rule({
    severity: 'error',
    da: 'Første budgetår mangler.',
    en: 'The first budget year is missing.',
  }),
  COVER_YEARS_MISMATCH: rule({
    severity: 'error',
    /** where: Table 1's title, or the name of the sheet as found in the workbook. */
    params: { where: param.text, found: param.years, expected: param.years },
    da: (p) => `Årene i ${p.where} (${show.years(p.found)}) passer ikke med budgetperioden på forsiden (${show.years(p.expected)}).`,
    en: (p) => `The years in ${p.where} (${show.years(p.found)}) do not match the budget period on the cover (${show.years(p.expected)}).`,
    example: { found: [2012, 2013, 2014, 2015], expected: [2011, 2012, 2013, 2014] },
  }),
  COVER_UNIT_MISSING: rule({
    severity: 'error',
    da: 'Beløbsenheden mangler. Vælg kr., 1.000 kr. eller mio. kr.; indtil da læses beløbene som kr.',
    en: 'The amount unit is missing. Choose kr., 1.000 kr. or mio. kr.; until then amounts are read as kr.',
  }),
  COVER_UNIT_UNKNOWN: rule({
    severity: 'error',
    params: { found: param.text },
    da: (p) => `"${p.found}" er ikke en beløbsenhed. Vælg kr., 1.000 kr. eller mio. kr.`,
    en: (p) => `"${p.found}" is not an amount unit. Choose kr., 1.000 kr. or mio. kr.`,
  }),
  COVER_CONTACT_MISSING: rule({
    severity: 'warning',
    da: 'Kontaktperson mangler.',
    en: 'The contact person is missing.',
  }),
  COVER_DATE_MISSING: rule({
    severity: 'warning',
    da: 'Dato for indsendelse mangler.',
    en: 'The submission date is missing.',
  }),
  COVER_AFTER_DEADLINE: rule({
    severity: 'warning',
    params: { submitted: param.date, deadline: param.date },
    da: (p) => `Indsendt ${show.date(p.submitted)}, efter fristen ${show.date(p.deadline)}.`,
    en: (p) => `Submitted ${show.date(p.submitted)}, after the deadline ${show.date(p.deadline)}.`,
    example: { submitted: '2010-05-16', deadline: '2010-05-15' },
  }),
  COVER_STATUS_YEAR_MISSING: rule({
    severity: 'warning',
    da: 'Statusår for projektmonitorering mangler; kvartalsfarverne kan ikke dateres.',
    en: 'The status year for project monitoring is missing; the quarter colours cannot be dated.',
  }),
};
