/** Rounding amounts: kroner to two decimals (øre), so sums of many amounts do not drift. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
