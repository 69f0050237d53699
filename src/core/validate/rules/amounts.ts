/** Every amount (initiatives' economy, Table 1, projects' co-financing): not negative, and in a unit that fits. */
import { param, rule, show } from './define';

export const AMOUNT_RULES = {
  AMOUNT_NEGATIVE: rule({
    severity: 'error',
    params: { amount: param.amount, field: param.field },
    da: (p) => `Beløbet ${show.amount(p.amount)} er negativt (${show.field(p.field)}).`,
    en: (p) => `The amount ${show.amount(p.amount)} is negative (${show.field(p.field)}).`,
    example: { amount: { kr: -100_000, unit: 'kr' } },
  }),
  AMOUNT_UNIT_SUSPECT: rule({
    severity: 'warning',
    params: { amount: param.amount, field: param.field },
    da: (p) =>
      `Beløbet ${show.amount(p.amount)} (${show.number(p.amount.kr)} kr.) ser ud til at være i en forkert enhed (${show.field(p.field)}). Tjek beløbsenheden på forsiden.`,
    en: (p) => `The amount ${show.amount(p.amount)} (${show.number(p.amount.kr)} kr.) looks like the wrong unit (${show.field(p.field)}). Check the amount unit on the cover.`,
    example: { amount: { kr: 12.3, unit: 'kr' } },
  }),
};
