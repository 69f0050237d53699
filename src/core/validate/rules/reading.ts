/** Cells whose value cannot be read as what the template asks for: an error value, or text where a number, date, year or Ja/Nej belongs. */
import { param, rule, show } from './define';

const found = { found: param.text, field: param.field };

export const READING_RULES = {
  CELL_ERROR: rule({
    severity: 'error',
    params: { found: param.text },
    da: (p) => `Cellen indeholder fejlværdien ${p.found}. Ret formlen eller skriv værdien.`,
    en: (p) => `The cell contains the error value ${p.found}. Fix the formula or type the value.`,
  }),
  FORMULA_NOT_CALCULATED: rule({
    severity: 'error',
    params: { formula: param.text },
    da: (p) => `Cellen har formlen ${p.formula} uden et beregnet resultat (filen er gemt af et værktøj, der ikke regner), og formlen kan ikke beregnes her. Åbn filen i Excel, gem den igen og send den igen.`,
    en: (p) => `The cell holds the formula ${p.formula} without a calculated result (the file was saved by a tool that does not calculate), and the formula cannot be computed here. Open the file in Excel or LibreOffice, save it again and send it again.`,
  }),
  NOT_A_NUMBER: rule({
    severity: 'error',
    params: found,
    da: (p) => `"${p.found}" er ikke et tal (${show.field(p.field)}). Skriv et beløb, fx 12,3 eller 1.250.000.`,
    en: (p) => `"${p.found}" is not a number (${show.field(p.field)}). Type an amount such as 12,3 or 1.250.000.`,
  }),
  NOT_A_DATE: rule({
    severity: 'error',
    params: found,
    da: (p) => `"${p.found}" er ikke en dato (${show.field(p.field)}). Skriv fx 15-05-2010.`,
    en: (p) => `"${p.found}" is not a date (${show.field(p.field)}). Type e.g. 15-05-2010.`,
  }),
  NOT_A_YEAR: rule({
    severity: 'error',
    params: found,
    da: (p) => `"${p.found}" er ikke et årstal (${show.field(p.field)}).`,
    en: (p) => `"${p.found}" is not a year (${show.field(p.field)}).`,
  }),
  NOT_YES_NO: rule({
    severity: 'error',
    params: found,
    da: (p) => `"${p.found}" er ikke Ja eller Nej (${show.field(p.field)}).`,
    en: (p) => `"${p.found}" is not Ja (yes) or Nej (no) (${show.field(p.field)}).`,
  }),
};
