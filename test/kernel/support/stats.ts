/**
 * Small statistics helpers for the kernel tests. They are written from textbook formulas so that a
 * test never checks the kernel against the kernel.
 */

export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample standard deviation (n − 1 in the denominator). */
export function sampleSd(xs: readonly number[]): number {
  const m = mean(xs);
  let sum = 0;
  for (const x of xs) sum += (x - m) ** 2;
  return Math.sqrt(sum / (xs.length - 1));
}

/** Standard error of the mean of independent observations. */
export function standardError(xs: readonly number[]): number {
  return sampleSd(xs) / Math.sqrt(xs.length);
}

/** Pearson's statistic Σ (observed − expected)² / expected. */
export function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < observed.length; i++) sum += (observed[i] - expected[i]) ** 2 / expected[i];
  return sum;
}

/** z such that P(Z > z) = 0.001 for a standard normal Z. */
export const Z_999 = 3.090232306167813;

/**
 * The chi-square quantile by the Wilson–Hilferty cube approximation,
 * χ²_p(k) ≈ k (1 − 2/(9k) + z_p √(2/(9k)))³. It is within about 2 % of the exact value for k ≥ 3
 * in the tails used here (k = 3 at p = 0.999 gives 16.55 against the exact 16.27), and errs on
 * the conservative side in the upper tail.
 */
export function chiSquareQuantile(degreesOfFreedom: number, z: number): number {
  const k = degreesOfFreedom;
  const h = 2 / (9 * k);
  return k * (1 - h + z * Math.sqrt(h)) ** 3;
}

/** Empirical p-quantile of a sample (sorted copy, nearest rank). */
export function quantile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
