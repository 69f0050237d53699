/** Break-and-fix cases of the Table 1 rules (src/core/validate/rules/table1.ts). */
import { otherInitiative, project } from '../../helpers/statement';
import type { Cases, Example, Statement } from './harness';

const TABEL1 = 'Tabel 1';

/** Seed 001: 3,4 + 0,07 + 0,3 = 3,77 mio. kr., with Table 1's 2011 figure for the other initiatives as given. */
const seed001 = (total2011: number, edit?: Statement['edit']): Statement => ({
  unit: 'mkr',
  fill: (f) => {
    f.policy = [];
    f.projects = [];
    f.criteria = [];
    f.other = [
      { ...otherInitiative, name: 'Psykiatri', economy: [3.4, 4.9, 12.4, 12.4] },
      { ...otherInitiative, name: 'Data', economy: [0.07, 0.07, 0.07, 0.07] },
      { ...otherInitiative, name: 'Handicap', economy: [0.3, null, null, null] },
    ];
    f.goals!.a = { relevant: 'Nej' };
    f.table1 = { policy: [0, 0, 0, 0], other: [total2011, 5.0, 12.5, 12.5], projects: [0, 0, 0, 0] };
  },
  edit,
});

export const table1Cases: Cases<'table1'> = {
  T1_ROW_SUM: {
    name: 'a row total typed over its formula (I ALT’s total, a sum of the totals, is then off too)',
    broken: { edit: (wb) => wb.set(TABEL1, 'F5', 500_000).set(TABEL1, 'F8', 500_000 + 200_000 + 150_000) },
    expected: ['T1_ROW_SUM Tabel 1!F5', 'T1_ROW_SUM Tabel 1!F8'],
    fixed: { edit: (wb) => wb.set(TABEL1, 'F5', 400_000).set(TABEL1, 'F8', 400_000 + 200_000 + 150_000) },
  },
  T1_COLUMN_SUM: [
    {
      name: 'a year of I ALT (its own total then no longer matches its years either)',
      broken: { edit: (wb) => wb.set(TABEL1, 'C8', 1) },
      expected: ['T1_COLUMN_SUM Tabel 1!C8', 'T1_ROW_SUM Tabel 1!F8'],
      fixed: { edit: (wb) => wb.set(TABEL1, 'C8', 150_000) },
    },
    {
      name: 'the total of I ALT',
      broken: { edit: (wb) => wb.set(TABEL1, 'F8', 1) },
      expected: ['T1_ROW_SUM Tabel 1!F8', 'T1_COLUMN_SUM Tabel 1!F8'],
      fixed: { edit: (wb) => wb.set(TABEL1, 'F8', '750.000') },
    },
  ],
  T1_RECONCILE: [
    {
      name: 'row 1 against the policy initiatives; within the rounding of whole kroner it agrees',
      broken: { fill: (f) => (f.table1!.policy = [100_000, 90_000, 100_000, 100_000]) },
      expected: ['T1_RECONCILE Tabel 1!C5'],
      fixed: { fill: (f) => (f.table1!.policy = [100_000, 100_000.4, 100_000, 100_000]) },
    },
    {
      name: 'row 2 against the other initiatives',
      broken: { fill: (f) => (f.table1!.other = [0, 50_000, 50_000, 50_000]) },
      expected: ['T1_RECONCILE Tabel 1!B6'],
      fixed: { fill: (f) => (f.table1!.other = [49_999.6, 50_000, 50_000, 50_000]) },
    },
    {
      name: 'row 3 against the projects’ municipal co-financing',
      broken: { fill: (f) => (f.table1!.projects = [150_000, 0, 0, 10_000]) },
      expected: ['T1_RECONCILE Tabel 1!E7'],
      fixed: {
        fill: (f) => {
          f.table1!.projects = [150_000, 0, 0, 10_000];
          f.projects = [{ ...project, end: { date: '2014-12-31' }, funding: [150_000, 0, 0, 10_000] }];
        },
      },
    },
    {
      name: 'a total not the rounded sum (seed 001: 3,77 shown as 3,9); 3,8 is right',
      broken: seed001(3.9),
      expected: ['T1_RECONCILE Tabel 1!B6'],
      fixed: seed001(3.8),
    },
    {
      name: 'a total shown with two decimals is held to two decimals',
      broken: seed001(3.8, (wb) => wb.format(TABEL1, 'B6', '0.00')),
      expected: ['T1_RECONCILE Tabel 1!B6'],
      fixed: seed001(3.77, (wb) => wb.format(TABEL1, 'B6', '0.00')),
    },
  ],
};

export const table1Examples: Example[] = [
  {
    name: 'the reconciliation names both figures in the unit of the cover',
    statement: seed001(3.9),
    expected: ['T1_RECONCILE Tabel 1!B6'],
    messages: {
      da: 'Tabel 1 siger 3,9 mio. kr. for "Øvrige integrationsindsatser, hvor målet ligger udover integrationspolitikken" i 2011, men indsatserne på arket Indsatser øvrige mål summerer til 3,77 mio. kr.',
      en: 'Table 1 says 3,9 mio. kr. for "Øvrige integrationsindsatser, hvor målet ligger udover integrationspolitikken" in 2011, but the initiatives on the sheet Indsatser øvrige mål add up to 3,77 mio. kr.',
    },
  },
  {
    name: 'row 3 is not reconciled when no project gives co-financing',
    statement: { fill: (f) => (f.projects = [{ ...project, cofinancing: null, funding: [null, null, null, null] }]) },
    expected: ['PROJ_FUNDING_MISSING Monitorerede projekter!E5'],
  },
];
