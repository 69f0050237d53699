/** Every amount (initiatives' economy, Table 1, projects' co-financing): not negative, and in a unit that fits. */
import { unitByCode, type UnitCode } from '../../domain';
import { param, rule, show } from './define';

const units: UnitCode[] = ['kr', 'tkr', 'mkr'];
const unitLabel = (u: UnitCode) => unitByCode(u).label;

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
  AMOUNT_UNIT_LIKELY_WRONG: rule({
    severity: 'error',
    params: { unit: param.oneOf(units), likely: param.oneOf(units), implausible: param.count, amounts: param.count },
    da: (p) =>
      `Beløbsenheden er "${unitLabel(p.unit)}", men ${show.count(p.implausible)} af redegørelsens ${show.count(p.amounts)} beløb er urimelige i den enhed (under 1.000 kr. eller fra 1 mia. kr.). Beløbene ser ud til at være i ${unitLabel(p.likely)}: ret beløbsenheden eller beløbene.`,
    en: (p) =>
      `The amount unit is "${unitLabel(p.unit)}", but ${show.count(p.implausible)} of the statement's ${show.count(p.amounts)} amounts are implausible in that unit (under 1,000 kr. or from 1 bn kr.). The amounts look like ${unitLabel(p.likely)}: correct the unit or the amounts.`,
    example: { unit: 'mkr', likely: 'kr', implausible: 22, amounts: 22 },
  }),
};
