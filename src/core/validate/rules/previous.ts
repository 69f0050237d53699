/** The previous consolidated workbook (for the colour history) given to consolidation. */
import { param, rule } from './define';

export const PREVIOUS_RULES = {
  PREVIOUS_NOT_CONSOLIDATED: rule({
    severity: 'error',
    params: { sheet: param.text, table: param.text },
    da: (p) => `Den tidligere fil er ikke en samlet status: arket ${p.sheet} med tabellen "${p.table}" mangler.`,
    en: (p) => `The previous file is not a consolidated status workbook: the sheet ${p.sheet} with the table "${p.table}" is missing.`,
  }),
};
