/** Rounding amounts: kroner to two decimals (øre), so sums of many amounts do not drift. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Amounts added up in order, then rounded to øre. */
export function sumRounded(xs: readonly number[]): number {
  return round2(xs.reduce((a, b) => a + b, 0));
}
