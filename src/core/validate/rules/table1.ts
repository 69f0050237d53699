/** Table 1 (economic overview): its sums, and each row reconciled with the sheet it summarises. */
import { SHEET_NAMES, TABLE1, table1Row, type Table1RowKey } from '../../template/definition';
import { param, rule, show } from './define';

/** The sheet a row of Table 1 summarises. */
const SOURCES = ['policy', 'other', 'projects'] as const satisfies readonly Table1RowKey[];
type Source = (typeof SOURCES)[number];

const SOURCE_DA: Record<Source, string> = {
  policy: `indsatserne på arket ${SHEET_NAMES.policy}`,
  other: `indsatserne på arket ${SHEET_NAMES.other}`,
  projects: `projekternes kommunale medfinansiering på arket ${SHEET_NAMES.projects}`,
};
/** With its verb: the initiatives add up, the co-financing adds up. */
const SOURCE_EN: Record<Source, string> = {
  policy: `the initiatives on the sheet ${SHEET_NAMES.policy} add up`,
  other: `the initiatives on the sheet ${SHEET_NAMES.other} add up`,
  projects: `the projects’ municipal co-financing on the sheet ${SHEET_NAMES.projects} adds up`,
};

const row = param.oneOf(TABLE1.rows.map((r) => r.key));
const label = (key: Table1RowKey) => table1Row(key).label;
/** A budget year, or the total column. */
const column = (year: number | 'total') => (year === 'total' ? TABLE1.totalHeader : String(year));

export const TABLE1_RULES = {
  T1_ROW_SUM: rule({
    severity: 'error',
    params: { row, found: param.amount, expected: param.amount },
    da: (p) => `I alt for "${label(p.row)}" er ${show.amount(p.found)}, men årene summerer til ${show.amount(p.expected)}.`,
    en: (p) => `The total of "${label(p.row)}" is ${show.amount(p.found)}, but its years add up to ${show.amount(p.expected)}.`,
    example: { found: { kr: 500_000, unit: 'kr' }, expected: { kr: 400_000, unit: 'kr' } },
  }),
  T1_COLUMN_SUM: rule({
    severity: 'error',
    params: { year: param.yearOrTotal, found: param.amount, expected: param.amount },
    da: (p) => `I ALT for ${column(p.year)} er ${show.amount(p.found)}, men de tre rækker summerer til ${show.amount(p.expected)}.`,
    en: (p) => `I ALT for ${column(p.year)} is ${show.amount(p.found)}, but the three rows add up to ${show.amount(p.expected)}.`,
    example: { found: { kr: 900_000, unit: 'kr' }, expected: { kr: 850_000, unit: 'kr' } },
  }),
  T1_RECONCILE: rule({
    severity: 'error',
    params: { row: param.oneOf(SOURCES), year: param.year, found: param.amount, expected: param.amount },
    da: (p) => `Tabel 1 siger ${show.amount(p.found)} for "${label(p.row)}" i ${p.year}, men ${SOURCE_DA[p.row]} summerer til ${show.amount(p.expected)}.`,
    en: (p) => `Table 1 says ${show.amount(p.found)} for "${label(p.row)}" in ${p.year}, but ${SOURCE_EN[p.row]} to ${show.amount(p.expected)}.`,
    example: { found: { kr: 900_000, unit: 'kr' }, expected: { kr: 750_000, unit: 'kr' } },
  }),
};
