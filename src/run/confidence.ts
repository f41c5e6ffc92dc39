import jStat from 'jstat';

/** Means with Student-t 95 % confidence intervals over replications. */
export interface Estimate {
  readonly mean: number;
  readonly ci95: readonly [number, number];
}

/** The 97.5 % quantile of Student's t with `df` degrees of freedom (the 95 % two-sided CI factor); NaN below 1. */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  return jStat.studentt.inv(0.975, df);
}

/** Mean and 95 % CI of `values`; with a single value the interval collapses to the mean. */
export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: 0, ci95: [0, 0] };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, ci95: [mean, mean] };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { mean, ci95: [mean - half, mean + half] };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}
