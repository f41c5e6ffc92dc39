import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Rng,
  createChooser,
  createSampler,
  createSkipper,
  distributionMean,
  normalCdf,
  normalQuantile,
  type DistributionSpec,
} from '../../src/kernel/index.js';
import { Z_999, chiSquare, chiSquareQuantile, quantile } from './support/stats.js';

/** The 0.9 quantile of the standard normal distribution. */
const Z90 = 1.2815515655446004;

const phi = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/**
 * Φ(x) by Simpson's rule on the density, independent of the kernel's approximation
 * (4 000 panels on [0, |x|]; error far below 1e-12 for |x| <= 8).
 */
function referenceCdf(x: number): number {
  const b = Math.abs(x);
  const panels = 4000;
  const h = b / panels;
  let sum = phi(0) + phi(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * phi(i * h);
  const half = (sum * h) / 3;
  return x >= 0 ? 0.5 + half : 0.5 - half;
}

/** Mean and variance of N(μ, σ²) conditioned on being > 0: with α = −μ/σ, λ = φ(α)/(1 − Φ(α)). */
function truncatedNormalMoments(mu: number, sigma: number): { mean: number; variance: number } {
  const alpha = -mu / sigma;
  const lambda = phi(alpha) / (1 - referenceCdf(alpha));
  return { mean: mu + sigma * lambda, variance: sigma * sigma * (1 + alpha * lambda - lambda * lambda) };
}

interface Case {
  readonly name: string;
  readonly spec: DistributionSpec;
  /** Mean and variance worked out by hand from the distribution's definition. */
  readonly mean: number;
  readonly variance: number;
}

const lognormalSigma = Math.log(20 / 10) / Z90;
const heavyTruncation = truncatedNormalMoments(0.5, 3);
const lightTruncation = truncatedNormalMoments(10, 2);

const cases: readonly Case[] = [
  { name: 'uniform(2, 8)', spec: { type: 'uniform', min: 2, max: 8 }, mean: 5, variance: 36 / 12 },
  // Triangular variance: (a² + b² + c² − ab − ac − bc) / 18.
  { name: 'triangular(1, 2, 6)', spec: { type: 'triangular', min: 1, mode: 2, max: 6 }, mean: 3, variance: 21 / 18 },
  { name: 'triangular(0, 0, 4)', spec: { type: 'triangular', min: 0, mode: 0, max: 4 }, mean: 4 / 3, variance: 16 / 18 },
  { name: 'triangular(0, 4, 4)', spec: { type: 'triangular', min: 0, mode: 4, max: 4 }, mean: 8 / 3, variance: 16 / 18 },
  { name: 'exponential(mean 2.5)', spec: { type: 'exponential', mean: 2.5 }, mean: 2.5, variance: 6.25 },
  { name: 'normal(10, 2) truncated at 0', spec: { type: 'normal', mean: 10, sd: 2 }, ...lightTruncation },
  // Heavy truncation: E[X | X > 0] ≈ 2.58, whereas clamping (max(0, X)) would give ≈ 1.46.
  { name: 'normal(0.5, 3) truncated at 0', spec: { type: 'normal', mean: 0.5, sd: 3 }, ...heavyTruncation },
  {
    name: 'lognormal(median 10, p90 20)',
    spec: { type: 'lognormal', median: 10, p90: 20 },
    mean: 10 * Math.exp(lognormalSigma ** 2 / 2),
    variance: (Math.exp(lognormalSigma ** 2) - 1) * 100 * Math.exp(lognormalSigma ** 2),
  },
  {
    name: 'lognormal(mu 1, sigma 0.5)',
    spec: { type: 'lognormal', mu: 1, sigma: 0.5 },
    mean: Math.exp(1 + 0.125),
    variance: (Math.exp(0.25) - 1) * Math.exp(2 + 0.25),
  },
  // Σ w v / Σ w = (1 + 4 + 15 + 40) / 10 = 6; Σ w (v − 6)² / 10 = (25 + 32 + 3 + 64) / 10.
  {
    name: 'empirical weighted',
    spec: { type: 'empirical', values: [1, 2, 5, 10], weights: [1, 2, 3, 4] },
    mean: 6,
    variance: 12.4,
  },
  { name: 'empirical unweighted', spec: { type: 'empirical', values: [3, 4, 8] }, mean: 5, variance: 14 / 3 },
];

  const size = (max: number) => fc.double({ min: 0, max, noNaN: true });
  const positive = (max: number) => fc.double({ min: 1e-6, max, noNaN: true });
  /** Any distribution with valid, non-negative parameters. */
const specArbitrary: fc.Arbitrary<DistributionSpec> = fc.oneof(
    size(1e6).map((value): DistributionSpec => ({ type: 'constant', value })),
    fc.tuple(size(1e6), size(1e6)).map(([a, b]): DistributionSpec => ({ type: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
    fc.tuple(size(1e6), size(1e6), size(1e6)).map(([a, b, c]): DistributionSpec => {
      const [min, mode, max] = [a, b, c].sort((x, y) => x - y);
      return { type: 'triangular', min, mode, max };
    }),
    positive(1e6).map((m): DistributionSpec => ({ type: 'exponential', mean: m })),
    fc.tuple(size(1e6), size(1e6)).map(([m, sd]): DistributionSpec => ({ type: 'normal', mean: m, sd })),
    fc.tuple(positive(1e4), fc.double({ min: 1.000001, max: 100, noNaN: true })).map(
      ([median, ratio]): DistributionSpec => ({ type: 'lognormal', median, p90: median * ratio }),
    ),
    fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), size(3)).map(
      ([mu, sigma]): DistributionSpec => ({ type: 'lognormal', mu, sigma }),
    ),
    fc
      .array(fc.tuple(size(1e6), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 1, maxLength: 8 })
      .filter((pairs) => pairs.some(([, w]) => w > 0))
      .map((pairs): DistributionSpec => ({ type: 'empirical', values: pairs.map(([v]) => v), weights: pairs.map(([, w]) => w) })),
  );

describe('distributions', () => {
  it.each(cases)('distributionMean gives the hand-computed mean of $name', ({ spec, mean: expected }) => {
    // The kernel's Φ is accurate to ~1e-7, which bounds how well the truncated-normal mean can agree.
    expect(Math.abs(distributionMean(spec) - expected)).toBeLessThan(1e-6 * Math.max(1, expected));
  });

  it.each(cases)('the sample mean of $name is within 4 standard errors of its theoretical mean', ({ spec, mean: expected, variance }) => {
    // With n = 200 000 independent draws the sample mean is N(mean, variance / n) to an excellent
    // approximation (CLT; all cases have finite variance), so 4 SE is exceeded with probability 6e-5.
    const n = 200_000;
    const sampler = createSampler(spec);
    const rng = new Rng(31337);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sampler(rng);
    const standardErrorOfMean = Math.sqrt(variance / n);
    expect(Math.abs(sum / n - expected)).toBeLessThan(4 * standardErrorOfMean);
  });

  it('a constant always returns its value', () => {
    const sampler = createSampler({ type: 'constant', value: 3.5 });
    const rng = new Rng(1);
    expect(Array.from({ length: 10 }, () => sampler(rng))).toEqual(new Array<number>(10).fill(3.5));
    expect(distributionMean({ type: 'constant', value: 3.5 })).toBe(3.5);
  });

  it('lognormal given by median and p90 has an empirical median and p90 within 4 standard errors of the spec', () => {
    // The sample p-quantile is asymptotically normal with SE = √(p(1 − p)/n) / f(x_p), where the
    // lognormal density is f(x) = φ(z) / (x σ) at x = exp(μ + σ z).
    const n = 100_000;
    const median = 10;
    const p90 = 20;
    const sampler = createSampler({ type: 'lognormal', median, p90 });
    const rng = new Rng(4242);
    const xs = Array.from({ length: n }, () => sampler(rng));
    const sigma = Math.log(p90 / median) / Z90;
    const seMedian = Math.sqrt(0.25 / n) / (phi(0) / (median * sigma));
    const seP90 = Math.sqrt(0.09 / n) / (phi(Z90) / (p90 * sigma));
    expect(Math.abs(quantile(xs, 0.5) - median)).toBeLessThan(4 * seMedian);
    expect(Math.abs(quantile(xs, 0.9) - p90)).toBeLessThan(4 * seP90);
  });

  it('normal truncated at 0 never returns a negative value and does not pile up mass at 0', () => {
    for (const spec of [
      { type: 'normal', mean: 0, sd: 5 },
      { type: 'normal', mean: 0.1, sd: 10 },
      { type: 'normal', mean: 1, sd: 0.5 },
    ] as const) {
      const sampler = createSampler(spec);
      const rng = new Rng(8);
      let negative = 0;
      let zeros = 0;
      let belowMean = 0;
      const n = 50_000;
      for (let i = 0; i < n; i++) {
        const x = sampler(rng);
        if (x < 0 || Number.isNaN(x)) negative++;
        if (x === 0) zeros++;
        if (x < spec.mean) belowMean++;
      }
      expect(negative).toBe(0);
      // Clamping max(0, X) would put P(X < 0) (up to half) of the mass exactly at 0.
      expect(zeros).toBeLessThan(n * 0.001);
      // P(X < μ | X > 0) = (½ − Φ(−μ/σ)) / (1 − Φ(−μ/σ)), within 4 binomial standard errors.
      const floor = referenceCdf(-spec.mean / spec.sd);
      const p = (0.5 - floor) / (1 - floor);
      expect(Math.abs(belowMean / n - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
    }
  });

  it('empirical values are drawn with frequencies proportional to their weights (chi-square, 0.1 % level)', () => {
    // 100 000 draws over 4 values: 3 degrees of freedom, rejected above χ²₀.₉₉₉(3) ≈ 16.5.
    const values = [1, 2, 5, 10];
    const weights = [1, 2, 3, 4];
    const sampler = createSampler({ type: 'empirical', values, weights });
    const rng = new Rng(555);
    const n = 100_000;
    const counts = new Map<number, number>(values.map((v) => [v, 0]));
    for (let i = 0; i < n; i++) {
      const x = sampler(rng);
      counts.set(x, (counts.get(x) ?? Number.NaN) + 1);
    }
    const observed = values.map((v) => counts.get(v) ?? 0);
    expect(observed.reduce((s, c) => s + c, 0)).toBe(n);
    const expected = weights.map((w) => (n * w) / 10);
    expect(chiSquare(observed, expected)).toBeLessThan(chiSquareQuantile(values.length - 1, Z_999));
  });

  it('createChooser picks indices in proportion to the weights and never picks a zero-weight index', () => {
    // Two live indices, weights 1 : 3, so index 2 has probability 3/4; 4 binomial SE.
    const choose = createChooser([0, 1, 3]);
    const rng = new Rng(2);
    const n = 80_000;
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[choose(rng)]++;
    expect(counts[0]).toBe(0);
    expect(Math.abs(counts[2] / n - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / n));
  });

  it('rejects invalid discrete and lognormal parameters', () => {
    expect(() => createSampler({ type: 'empirical', values: [] })).toThrow(RangeError);
    expect(() => createSampler({ type: 'empirical', values: [1, 2], weights: [1] })).toThrow(RangeError);
    expect(() => createSampler({ type: 'empirical', values: [1, 2], weights: [1, -1] })).toThrow(RangeError);
    expect(() => createSampler({ type: 'empirical', values: [1, 2], weights: [0, 0] })).toThrow(RangeError);
    expect(() => createSampler({ type: 'lognormal', median: 10, p90: 10 })).toThrow(RangeError);
    expect(() => createSampler({ type: 'lognormal', median: 0, p90: 10 })).toThrow(RangeError);
  });

  it('every non-degenerate continuous sampler consumes exactly one uniform draw per sample', () => {
    // This is what keeps two scenarios that share a stream in step, draw for draw.
    const specs: DistributionSpec[] = [
      { type: 'uniform', min: 0, max: 1 },
      { type: 'triangular', min: 0, mode: 1, max: 3 },
      { type: 'exponential', mean: 1 },
      { type: 'normal', mean: 1, sd: 2 },
      { type: 'lognormal', median: 1, p90: 3 },
      { type: 'empirical', values: [1, 2, 3] },
    ];
    for (const spec of specs) {
      const sampled = new Rng(17);
      const reference = new Rng(17);
      const sampler = createSampler(spec);
      for (let i = 0; i < 100; i++) {
        sampler(sampled);
        reference.next();
      }
      expect(sampled.getState(), spec.type).toEqual(reference.getState());
    }
  });

  it('skipping a sample consumes from the stream exactly what drawing it would, zeros included (property)', () => {
    // A capacity probe passes over most trucks drawn at the ceiling; the streams must stay in step.
    class Scripted extends Rng {
      calls = 0;
      constructor(private readonly script: readonly number[]) {
        super(1);
      }
      override next(): number {
        return this.script[this.calls++ % this.script.length];
      }
    }
    const uniforms = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), { minLength: 1, maxLength: 6 }).filter((u) => u.some((x) => x > 0));
    fc.assert(
      fc.property(specArbitrary, uniforms, (spec, script) => {
        const sampled = new Scripted(script);
        const skipped = new Scripted(script);
        const sample = createSampler(spec);
        const skip = createSkipper(spec);
        for (let i = 0; i < 20; i++) {
          sample(sampled);
          skip(skipped);
          if (sampled.calls !== skipped.calls) return false;
        }
        return true;
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('normalCdf and normalQuantile invert each other and match reference values', () => {
    // Kernel accuracy: Φ has fractional error < 1.2e-7 in its tail and Φ⁻¹ relative error < 1.2e-9,
    // so Φ(Φ⁻¹(p)) is within ~2e-7 of p relative to min(p, 1 − p); the last term allows for the
    // rounding of 1 − p near p = 1.
    for (const p of [1e-10, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97575, 0.999, 1 - 1e-6, 1 - 1e-10]) {
      const tail = Math.min(p, 1 - p);
      expect(Math.abs(normalCdf(normalQuantile(p)) - p), `p = ${p}`).toBeLessThan(5e-7 * tail + 1e-15);
    }
    for (let x = -6; x <= 6; x += 0.25) {
      expect(Math.abs(normalQuantile(normalCdf(x)) - x), `x = ${x}`).toBeLessThan(1e-6);
      expect(Math.abs(normalCdf(x) - referenceCdf(x)), `x = ${x}`).toBeLessThan(2e-7);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.9)).toBeCloseTo(Z90, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
  });

  it('no sampler returns NaN, Infinity or a negative value for valid non-negative parameters (property)', () => {
    fc.assert(
      fc.property(specArbitrary, fc.integer(), (spec, seed) => {
        const sampler = createSampler(spec);
        const rng = new Rng(seed);
        for (let i = 0; i < 50; i++) {
          const x = sampler(rng);
          if (!(x >= 0) || !Number.isFinite(x)) return false;
        }
        const m = distributionMean(spec);
        return m >= 0 && Number.isFinite(m);
      }),
      { seed: 424242, numRuns: 2000 },
    );
  });

  it('the heavy-truncation case tells a truncated normal from a clamped one by more than twenty times its tolerance', () => {
    // Guards the power of the sample-mean test above against the natural bug of sampling max(0, X):
    // E[max(0, X)] = μ Φ(μ/σ) + σ φ(μ/σ) ≈ 1.46, E[X | X > 0] ≈ 2.58, 4 SE ≈ 0.017.
    const clamped = 0.5 * referenceCdf(0.5 / 3) + 3 * phi(0.5 / 3);
    expect(heavyTruncation.mean - clamped).toBeGreaterThan(20 * 4 * Math.sqrt(heavyTruncation.variance / 200_000));
  });
});
