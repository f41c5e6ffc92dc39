import { describe, expect, test } from 'vitest';
import { estimate, tQuantile975 } from '../../src/run/confidence.js';

describe('the Student-t 97.5 % quantile', () => {
  test('matches published quantiles to four significant digits, including between the old table rows', () => {
    const known: ReadonlyArray<readonly [number, number]> = [
      [1, 12.706],
      [2, 4.303],
      [10, 2.228],
      [30, 2.042],
      [45, 2.0141],
      [121, 1.9798],
      [1000, 1.9623],
    ];
    for (const [df, quantile] of known) expect(tQuantile975(df), `df=${df}`).toBeCloseTo(quantile, 3);
  });

  test('approaches the normal quantile 1.96 from above as the degrees of freedom grow', () => {
    expect(tQuantile975(1e7)).toBeCloseTo(1.959964, 4);
    expect(tQuantile975(1e7)).toBeGreaterThan(1.959963);
  });

  test('is NaN for fewer than one degree of freedom', () => {
    expect(tQuantile975(0)).toBeNaN();
    expect(tQuantile975(Number.NaN)).toBeNaN();
  });
});

describe('estimate', () => {
  test('gives the mean with a CI of t(n−1) standard errors either side', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const e = estimate(values);
    const half = 2.228 * Math.sqrt(11 / 11);
    expect(e.mean).toBe(6);
    expect(e.ci95[0]).toBeCloseTo(6 - half, 3);
    expect(e.ci95[1]).toBeCloseTo(6 + half, 3);
  });
});
