import { describe, expect, it } from 'vitest';
import { CapacitySearch, bootstrapRoot, rootOf, type LimitRule, type SearchSettings } from '../../src/run/capacitySearch.js';
import { Rng } from '../../src/kernel/index.js';

/**
 * A synthetic corridor: replication r at demand m responds with f(m) + noise_r, the noise of
 * a replication the same at every demand (as common random numbers make it). The limit is
 * f ≤ allowed, so the root is f⁻¹(allowed) shifted by the mean noise of the replications.
 */
const settings: SearchSettings = { light: 0.1, ceiling: 8, steps: 8 };
const response = (m: number): number => 10 + 20 * m * m; // monotone, root of 10 + 20m² = 60 at m = √2.5
const absolute = (allowed: number): LimitRule => ({ allowed: () => allowed, holds: (v, a) => v <= a });
const mean = (reps: readonly number[]): number => reps.reduce((s, v) => s + v, 0) / reps.length;

function noises(n: number, sd: number, seed: number): number[] {
  const rng = new Rng(seed);
  // Sums of uniforms: near-normal noise with the sd asked for.
  return Array.from({ length: n }, () => (Array.from({ length: 12 }, () => rng.next()).reduce((s, u) => s + u, 0) - 6) * sd);
}

function search(rule: LimitRule, noise: readonly number[]): CapacitySearch<number> {
  const s = new CapacitySearch<number>(settings, rule, mean);
  for (let round = 0; round < 40; round++) {
    const next = s.nextProbes();
    if (next.length === 0) return s;
    for (const m of next) s.record(m, noise.map((e) => response(m) + e));
  }
  throw new Error('the search did not end');
}

describe('capacity search', () => {
  it('finds the root of a noiseless monotone response to within the last bracket', () => {
    const s = search(absolute(60), [0, 0, 0]);
    const root = s.root();
    expect(root.censored).toBe('none');
    // Eight halvings of a bracket of width ×2 on a log scale leave ×2^(1/256); interpolation does better.
    expect(root.multiplier).toBeCloseTo(Math.sqrt(2.5), 2);
  });

  it('brackets by doubling from 1×, then bisects, then measures saturation at twice the failing demand', () => {
    const s = search(absolute(60), [0]);
    const probed = s.allProbes().map((p) => p.multiplier);
    expect(probed.slice(0, 3)).toEqual([0.1, 1, Math.sqrt(2)]);
    expect(probed).toContain(2);
    expect(probed).not.toContain(4);
    // Twice the lowest demand that failed, once the bisection has narrowed it to the root.
    expect(s.saturationMultiplier()).toBeCloseTo(2 * Math.sqrt(2.5), 1);
    expect(probed).toContain(s.saturationMultiplier());
    expect(s.nextProbes()).toEqual([]);
  });

  it('finds a known root through noise, the root the replications have', () => {
    const noise = noises(20, 8, 7);
    const s = search(absolute(60), noise);
    const shifted = Math.sqrt((60 - 10 - mean(noise)) / 20);
    expect(s.root().multiplier).toBeCloseTo(shifted, 2);
    const [lo, hi] = bootstrapRoot(s.allProbes(), settings, absolute(60), mean, 500, 1);
    expect(lo).toBeLessThan(shifted);
    expect(hi).toBeGreaterThan(shifted);
    // About ±2 standard errors of the mean noise (8/√20), mapped through the slope 40m at the root.
    const expectedHalf = (2 * 8) / Math.sqrt(20) / (40 * shifted);
    expect((hi - lo) / 2).toBeGreaterThan(expectedHalf * 0.6);
    expect((hi - lo) / 2).toBeLessThan(expectedHalf * 1.6);
  });

  it('gives a bootstrap CI that covers the true root about 95 % of the time', () => {
    const datasets = 60;
    let covered = 0;
    for (let d = 0; d < datasets; d++) {
      const s = search(absolute(60), noises(20, 8, 100 + d));
      const [lo, hi] = bootstrapRoot(s.allProbes(), settings, absolute(60), mean, 200, d);
      if (lo <= Math.sqrt(2.5) && Math.sqrt(2.5) <= hi) covered++;
    }
    // A percentile bootstrap on 20 replications runs a little under its 95 %; Binomial(60, 0.9)
    // falls below 48 with probability under 1 %.
    expect(covered).toBeGreaterThanOrEqual(48);
  });

  it('says so when the limit fails even at light traffic', () => {
    const s = search(absolute(5), [0]);
    expect(s.root()).toEqual({ multiplier: 0.1, censored: 'belowLight' });
    expect(s.saturationMultiplier()).toBe(8);
  });

  it('says so when the limit still holds at the ceiling', () => {
    const s = search(absolute(10_000), [0]);
    expect(s.root()).toEqual({ multiplier: 8, censored: 'aboveCeiling' });
  });

  it('takes a relative limit from the light-traffic value', () => {
    const relative: LimitRule = { allowed: (reference) => reference + 50, holds: (v, a) => v <= a };
    const s = search(relative, [0]);
    // 10 + 20m² ≤ (10 + 20·0.01) + 50 → m = √(50.2/20)
    expect(s.root().multiplier).toBeCloseTo(Math.sqrt(50.2 / 20), 2);
    expect(rootOf(s.allProbes(), settings, relative, mean).multiplier).toBe(s.root().multiplier);
  });
});
