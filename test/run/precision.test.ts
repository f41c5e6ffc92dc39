import { describe, expect, test } from 'vitest';
import { checkPrecision, nextTarget, type PrecisionCheck } from '../../src/run/precision.js';

/** n values alternating mean − d and mean + d: sample sd d·√(n/(n−1)). */
function alternating(n: number, mean: number, d: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? mean - d : mean + d));
}

describe('the stopping rule of --precision', () => {
  test('a scenario meets the goal when its 95 % half-width is within the fraction of its mean, and not otherwise', () => {
    // n = 10, mean 10, sd √(10/9): half-width 2.262 × 0.3333 = 0.754, 7.5 % of the mean.
    const values = [alternating(10, 10, 1)];
    const [loose] = checkPrecision(values, ['a'], 0.08, false);
    const [tight] = checkPrecision(values, ['a'], 0.07, false);
    expect(loose.halfWidth).toBeCloseTo(0.754, 3);
    expect(loose).toMatchObject({ subject: 'a', mean: 10, met: true });
    expect(loose.allowed).toBeCloseTo(0.8, 10);
    expect(tight.met).toBe(false);
  });

  test('every scenario must meet it: one wide scenario keeps the run going', () => {
    const checks = checkPrecision([alternating(10, 10, 0.1), alternating(10, 10, 3)], ['narrow', 'wide'], 0.05, false);
    expect(checks.map((c) => c.met)).toEqual([true, false]);
  });

  test('paired: a constant difference is exact even when each scenario is noisy', () => {
    const baseline = alternating(10, 100, 20);
    const other = baseline.map((v) => v + 7);
    const checks = checkPrecision([baseline, other], ['base', 'other'], 0.05, true);
    expect(checks.map((c) => c.subject)).toEqual(['base', 'other', 'other − base']);
    expect(checks[0].met).toBe(false);
    expect(checks[2]).toMatchObject({ mean: 7, halfWidth: 0, met: true });
  });

  test('paired: a difference near zero is held to the fraction of the baseline mean, not of itself', () => {
    const baseline = Array.from({ length: 10 }, () => 100);
    const other = alternating(10, 100, 1); // differences ±1 around 0: half-width 0.754
    const [, , difference] = checkPrecision([baseline, other], ['base', 'other'], 0.05, true);
    expect(difference.mean).toBe(0);
    expect(difference.allowed).toBeCloseTo(5, 10);
    expect(difference.met).toBe(true);
    const [, , tighter] = checkPrecision([baseline, other], ['base', 'other'], 0.005, true);
    expect(tighter.met).toBe(false);
  });

  test('a large difference is held to the fraction of itself', () => {
    const baseline = Array.from({ length: 10 }, () => 10);
    const other = alternating(10, 210, 1); // difference 200 ± 0.754
    const [, , difference] = checkPrecision([baseline, other], ['base', 'other'], 0.001, true);
    expect(difference.allowed).toBeCloseTo(0.2, 10);
    expect(difference.met).toBe(false);
  });

  test('non-finite values are left out, and fewer than two finite values never meet the goal (null, not NaN)', () => {
    const [withGaps] = checkPrecision([[10, Number.NaN, 10, Infinity]], ['a'], 0.05, false);
    expect(withGaps).toMatchObject({ mean: 10, halfWidth: 0, met: true });
    const [single] = checkPrecision([[Number.NaN, 4]], ['a'], 0.5, false);
    expect(single).toEqual({ subject: 'a', mean: 4, halfWidth: null, allowed: null, met: false });
    const [none] = checkPrecision([[]], ['a'], 0.5, false);
    expect(none).toEqual({ subject: 'a', mean: null, halfWidth: null, allowed: null, met: false });
  });
});

describe('the next batch of --precision', () => {
  const miss = (halfWidth: number | null, allowed: number | null): PrecisionCheck => ({ subject: 'a', mean: 1, halfWidth, allowed, met: false });
  const hit: PrecisionCheck = { subject: 'b', mean: 1, halfWidth: 100, allowed: 1, met: true };

  test('grows to the need projected from the widest miss (half-width falls as 1/√n)', () => {
    expect(nextTarget(20, [miss(6, 5), miss(5.5, 5), hit], 200)).toBe(29); // 20 × 1.44 = 28.8
  });

  test('grows by at least a quarter and at most doubles', () => {
    expect(nextTarget(20, [miss(5.01, 5)], 200)).toBe(25);
    expect(nextTarget(20, [miss(50, 5)], 200)).toBe(40);
    expect(nextTarget(20, [miss(null, null)], 200)).toBe(40);
    expect(nextTarget(2, [miss(2.01, 2)], 200)).toBe(3);
  });

  test('never passes the cap', () => {
    expect(nextTarget(150, [miss(50, 5)], 200)).toBe(200);
  });
});
