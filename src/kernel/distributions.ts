import type { Rng } from './random.js';

/**
 * Distributions in the parameters analysts quote. Every sampler, the constant one included,
 * uses exactly one uniform draw (inverse-CDF), so two scenarios that share a stream stay in
 * step draw for draw even when one of them swaps a constant for a random duration.
 */
export type DistributionSpec =
  | { readonly type: 'constant'; readonly value: number }
  | { readonly type: 'uniform'; readonly min: number; readonly max: number }
  | { readonly type: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly type: 'exponential'; readonly mean: number }
  /** Normal truncated at 0: negative durations cannot happen. */
  | { readonly type: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'lognormal'; readonly median: number; readonly p90: number }
  | { readonly type: 'lognormal'; readonly mu: number; readonly sigma: number }
  /** A discrete distribution over observed values, optionally weighted. */
  | { readonly type: 'empirical'; readonly values: readonly number[]; readonly weights?: readonly number[] };

export type Sampler = (rng: Rng) => number;

const Z90 = 1.2815515655446004;

export function createSampler(spec: DistributionSpec): Sampler {
  switch (spec.type) {
    case 'constant': {
      const value = spec.value;
      return (rng) => {
        rng.next();
        return value;
      };
    }
    case 'uniform': {
      const { min, max } = spec;
      return (rng) => min + (max - min) * rng.next();
    }
    case 'triangular': {
      const { min, mode, max } = spec;
      const width = max - min;
      if (width === 0) return (rng) => min + 0 * rng.next();
      const cut = (mode - min) / width;
      return (rng) => {
        const u = rng.next();
        return u < cut ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
      };
    }
    case 'exponential': {
      const mean = spec.mean;
      return (rng) => -mean * Math.log(rng.nextOpen());
    }
    case 'normal': {
      const { mean, sd } = spec;
      if (sd === 0) return (rng) => Math.max(0, mean + 0 * rng.next());
      const floor = normalCdf(-mean / sd);
      return (rng) => {
        const x = mean + sd * normalQuantile(floor + (1 - floor) * rng.nextOpen());
        // With almost all the mass below 0 the truncated draw is a sliver above it.
        return Number.isFinite(x) ? Math.max(0, x) : 0;
      };
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParameters(spec);
      return (rng) => Math.exp(mu + sigma * normalQuantile(rng.nextOpen()));
    }
    case 'empirical': {
      const values = spec.values;
      const cumulative = cumulativeWeights(values.length, spec.weights);
      return (rng) => values[pickIndex(cumulative, rng.next())];
    }
  }
}

/**
 * Advances `rng` exactly as one sample of `spec` would, without computing it: a draw that is
 * thrown away keeps the stream in step for less than the price of the sample.
 */
export function createSkipper(spec: DistributionSpec): (rng: Rng) => void {
  const open = spec.type === 'exponential' || spec.type === 'lognormal' || (spec.type === 'normal' && spec.sd !== 0);
  return open ? (rng) => void rng.nextOpen() : (rng) => void rng.next();
}

/** The theoretical mean of a distribution. */
export function distributionMean(spec: DistributionSpec): number {
  switch (spec.type) {
    case 'constant':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'exponential':
      return spec.mean;
    case 'normal': {
      if (spec.sd === 0) return Math.max(0, spec.mean);
      const alpha = -spec.mean / spec.sd;
      return spec.mean + (spec.sd * normalPdf(alpha)) / (1 - normalCdf(alpha));
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParameters(spec);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'empirical': {
      const cumulative = cumulativeWeights(spec.values.length, spec.weights);
      let mean = 0;
      let previous = 0;
      spec.values.forEach((v, i) => {
        mean += v * (cumulative[i] - previous);
        previous = cumulative[i];
      });
      return mean;
    }
  }
}

export function lognormalParameters(
  spec: Extract<DistributionSpec, { type: 'lognormal' }>,
): { mu: number; sigma: number } {
  if ('median' in spec) {
    if (!(spec.median > 0) || !(spec.p90 > spec.median)) {
      throw new RangeError(`lognormal needs 0 < median < p90, got median ${spec.median}, p90 ${spec.p90}`);
    }
    return { mu: Math.log(spec.median), sigma: Math.log(spec.p90 / spec.median) / Z90 };
  }
  return { mu: spec.mu, sigma: spec.sigma };
}

/** Picks an index with probability proportional to `weights` (all equal when omitted). */
export function createChooser(weights: readonly number[]): (rng: Rng) => number {
  const cumulative = cumulativeWeights(weights.length, weights);
  return (rng) => pickIndex(cumulative, rng.next());
}

function cumulativeWeights(n: number, weights?: readonly number[]): number[] {
  if (n === 0) throw new RangeError('a discrete distribution needs at least one value');
  if (weights !== undefined && weights.length !== n) {
    throw new RangeError(`expected ${n} weights, got ${weights.length}`);
  }
  const w = weights ?? new Array<number>(n).fill(1);
  const total = w.reduce((s, x) => s + x, 0);
  if (!(total > 0) || w.some((x) => !(x >= 0))) throw new RangeError('weights must be >= 0 with a positive sum');
  let running = 0;
  return w.map((x) => (running += x / total));
}

function pickIndex(cumulative: readonly number[], u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF (Zelen & Severo / W. J. Cody style erfc, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
          t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

const ACKLAM_A = new Float64Array([-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]);
const ACKLAM_B = new Float64Array([-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]);
const ACKLAM_C = new Float64Array([-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]);
const ACKLAM_D = new Float64Array([7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]);

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = ACKLAM_A;
  const b = ACKLAM_B;
  const c = ACKLAM_C;
  const d = ACKLAM_D;
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
