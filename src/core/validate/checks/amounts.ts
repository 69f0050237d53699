/** The amount checks every sheet shares: not negative, and in a unit that fits, amount by amount and for the statement as a whole. */
import type { Where } from '../../diagnostics';
import { UNITS, unitByCode, type UnitCode } from '../../domain';
import type { FieldRef } from '../../template/definition';
import type { Findings } from '../findings';
import { show } from '../rules/define';

/**
 * "Implausible" for an amount of an integration budget statement: above 0 but under 1.000 kr. (12,3 typed with the
 * unit kr., meant mio. kr.), or from 1 mia. kr. (150.000 typed with the unit mio. kr., meant kr.).
 */
export const PLAUSIBLE_KR = { from: 1_000, below: 1_000_000_000 } as const;
/**
 * "Most" of a statement's amounts: more than half of its amounts above 0, and at least this many of them. Then the
 * unit on the cover is likely wrong, and that is one error on the unit cell, not a warning per amount.
 */
export const LIKELY_WRONG_UNIT_MIN_AMOUNTS = 3;

export function isPlausibleKr(kr: number): boolean {
  return kr >= PLAUSIBLE_KR.from && kr < PLAUSIBLE_KR.below;
}

/** An amount is checked at once for its sign; its unit is judged with the statement's other amounts (settleAmountUnits). */
export function checkAmount(f: Findings, kr: number | null, where: Where, field: FieldRef): void {
  if (kr === null) return;
  const amount = f.amount(kr);
  if (kr < 0) f.add('AMOUNT_NEGATIVE', where, { amount, field }, show.amountFigure(amount));
  else if (kr > 0) f.positiveAmounts.push({ kr, where, field });
}

/** The unit under which most of the figures as typed would be plausible; ties go to the one putting the middle figure nearest 1 mio. kr. */
function likelyUnit(figures: number[], current: UnitCode): UnitCode {
  const sorted = [...figures].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)];
  let best: { code: UnitCode; plausible: number; distance: number } | undefined;
  for (const u of UNITS) {
    if (u.code === current) continue;
    const plausible = figures.filter((x) => isPlausibleKr(x * u.factor)).length;
    const distance = Math.abs(Math.log10(middle * u.factor) - 6);
    if (!best || plausible > best.plausible || (plausible === best.plausible && distance < best.distance)) best = { code: u.code, plausible, distance };
  }
  return best!.code;
}

/** After every amount is seen: one error on the unit cell when most are implausible, else a warning per odd amount. */
export function settleAmountUnits(f: Findings): void {
  const all = f.positiveAmounts;
  const odd = all.filter((a) => !isPlausibleKr(a.kr));
  if (all.length >= LIKELY_WRONG_UNIT_MIN_AMOUNTS && odd.length * 2 > all.length) {
    const figures = all.map((a) => a.kr / unitByCode(f.unit).factor);
    f.add('AMOUNT_UNIT_LIKELY_WRONG', f.cover('unit'), { unit: f.unit, likely: likelyUnit(figures, f.unit), implausible: odd.length, amounts: all.length }, unitByCode(f.unit).label);
    return;
  }
  for (const a of odd) {
    const amount = f.amount(a.kr);
    f.add('AMOUNT_UNIT_SUSPECT', a.where, { amount, field: a.field }, show.amountFigure(amount));
  }
}
