/** Break-and-fix cases of the amount rules (src/core/validate/rules/amounts.ts). */
import type { Cases, Example, Statement } from './harness';

/** A statement in mio. kr. whose first initiative (and Table 1) has this amount in 2011. */
const inMio = (amount: number): Statement => ({
  unit: 'mkr',
  fill: (f) => {
    f.policy![0]!.economy = [amount, 0.1, 0.1, 0.1];
    f.other![0]!.economy = [0.05, 0.05, 0.05, 0.05];
    f.projects![0]!.funding = [0.15, 0, 0, 0];
    f.projects![0]!.cofinancing = 0.45;
    f.table1 = { policy: [amount, 0.1, 0.1, 0.1], other: [0.05, 0.05, 0.05, 0.05], projects: [0.15, 0, 0, 0] };
  },
});

export const amountCases: Cases<'amounts'> = {
  AMOUNT_UNIT_LIKELY_WRONG: {
    name: 'every amount typed in kr. under the unit mio. kr.: one error on the unit cell, no warning per amount',
    broken: { unit: 'mkr' },
    expected: ['AMOUNT_UNIT_LIKELY_WRONG Forside!C7'],
    fixed: { unit: 'kr' },
  },
  AMOUNT_NEGATIVE: {
    name: 'on the sheet and in Table 1; 0 is neither negative nor in a wrong unit',
    broken: {
      fill: (f) => {
        f.policy![0]!.economy = [-100_000, 100_000, 100_000, 100_000];
        f.table1!.policy = [-100_000, 100_000, 100_000, 100_000];
      },
    },
    expected: ['AMOUNT_NEGATIVE Indsatser mål a-g!H5', 'AMOUNT_NEGATIVE Tabel 1!B5'],
    fixed: {
      fill: (f) => {
        f.policy![0]!.economy = [0, 100_000, 100_000, 100_000];
        f.table1!.policy = [0, 100_000, 100_000, 100_000];
      },
    },
  },
  AMOUNT_UNIT_SUSPECT: [
    {
      name: '12,3 with the unit kr.',
      broken: {
        fill: (f) => {
          f.policy![0]!.economy = [12.3, 100_000, 100_000, 100_000];
          f.table1!.policy = [12.3, 100_000, 100_000, 100_000];
        },
      },
      expected: ['AMOUNT_UNIT_SUSPECT Indsatser mål a-g!H5', 'AMOUNT_UNIT_SUSPECT Tabel 1!B5'],
      fixed: {
        fill: (f) => {
          f.policy![0]!.economy = [1_000, 100_000, 100_000, 100_000];
          f.table1!.policy = [1_000, 100_000, 100_000, 100_000];
        },
      },
    },
    {
      name: '4.500.000.000 with the unit mio. kr.',
      broken: inMio(4_500_000_000),
      expected: ['AMOUNT_UNIT_SUSPECT Indsatser mål a-g!H5', 'AMOUNT_UNIT_SUSPECT Tabel 1!B5'],
      fixed: inMio(4.5),
    },
  ],
};

export const amountExamples: Example[] = [
  {
    name: 'the unit error names the likely unit and how many amounts are implausible',
    statement: { unit: 'mkr' },
    expected: ['AMOUNT_UNIT_LIKELY_WRONG Forside!C7'],
    messages: {
      da: 'Beløbsenheden er "mio. kr.", men 19 af redegørelsens 19 beløb er urimelige i den enhed (under 1.000 kr. eller fra 1 mia. kr.). Beløbene ser ud til at være i kr.: ret beløbsenheden eller beløbene.',
    },
  },
  {
    name: 'half of the amounts implausible is not most: warnings per amount, no unit error',
    statement: {
      fill: (f) => {
        f.policy![0]!.economy = [12.3, 10, 10, 10];
        f.table1!.policy = [12.3, 10, 10, 10];
      },
    },
    expected: [
      'AMOUNT_UNIT_SUSPECT Indsatser mål a-g!H5',
      'AMOUNT_UNIT_SUSPECT Indsatser mål a-g!I5',
      'AMOUNT_UNIT_SUSPECT Indsatser mål a-g!J5',
      'AMOUNT_UNIT_SUSPECT Indsatser mål a-g!K5',
      'AMOUNT_UNIT_SUSPECT Tabel 1!B5',
      'AMOUNT_UNIT_SUSPECT Tabel 1!C5',
      'AMOUNT_UNIT_SUSPECT Tabel 1!D5',
      'AMOUNT_UNIT_SUSPECT Tabel 1!E5',
    ],
  },
  {
    name: 'the message shows the amount in the unit of the cover and in kr.',
    statement: inMio(4_500_000_000),
    expected: ['AMOUNT_UNIT_SUSPECT Indsatser mål a-g!H5', 'AMOUNT_UNIT_SUSPECT Tabel 1!B5'],
    messages: {
      da: 'Beløbet 4.500.000.000 mio. kr. (4.500.000.000.000.000 kr.) ser ud til at være i en forkert enhed (Økonomi 2011). Tjek beløbsenheden på forsiden.',
      en: 'The amount 4.500.000.000 mio. kr. (4.500.000.000.000.000 kr.) looks like the wrong unit (Økonomi 2011). Check the amount unit on the cover.',
    },
  },
];
