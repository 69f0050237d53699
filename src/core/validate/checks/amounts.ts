/** The amount checks every sheet shares: not negative, and not in a unit that looks wrong. */
import type { Where } from '../../diagnostics';
import type { FieldRef } from '../../template/definition';
import type { Findings } from '../findings';
import { show } from '../rules/define';

export function checkAmount(f: Findings, kr: number | null, where: Where, field: FieldRef): void {
  if (kr === null) return;
  const amount = f.amount(kr);
  if (kr < 0) {
    f.add('AMOUNT_NEGATIVE', where, { amount, field }, show.amountFigure(amount));
  } else if ((kr > 0 && kr < 1_000) || kr >= 1_000_000_000) {
    // 12,3 typed with the unit kr. (meant mio.), or 4.500.000.000 (meant kr. with the unit mio.).
    f.add('AMOUNT_UNIT_SUSPECT', where, { amount, field }, show.amountFigure(amount));
  }
}
