import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LevelSeries } from '../../src/kernel/index.js';

describe('LevelSeries', () => {
  test('gives each day the exact time-weighted mean, p90 and max of a hand-built step signal', () => {
    // Day 0: 10 h at 0, 12 h at 5, 2 h at 9. Day 1: 9 until 30, then 1 for 18 h. Day 2 untouched.
    const s = new LevelSeries({ windowStart: 0, binHours: 24, bins: 3 });
    s.set(10, 5);
    s.set(22, 9);
    s.add(30, -8);
    const [day0, day1, day2] = s.bins(48);
    expect(day0).toEqual({ mean: (5 * 12 + 9 * 2) / 24, p90: 5, max: 9 });
    expect(day1.mean).toBeCloseTo((9 * 6 + 1 * 18) / 24, 12);
    // 1 holds 18 h = 75 % of the day, so the p90 is 9 (held 25 %, more than 10 %).
    expect(day1).toMatchObject({ p90: 9, max: 9 });
    expect(day2).toEqual({ mean: 0, p90: 0, max: 0 });
  });

  test('puts the p90 at the level exceeded exactly 10 % of the day', () => {
    // 21.6 h at 1 and 2.4 h at 2: 2 is exceeded never, 1 is exceeded 10 % of the time.
    const s = new LevelSeries({ windowStart: 0, binHours: 24, bins: 1 });
    s.set(0, 1);
    s.set(21.6, 2);
    expect(s.bins(24)[0].p90).toBe(1);
  });

  test('counts in the max a level held for no time between two changes at one instant', () => {
    const s = new LevelSeries({ windowStart: 0, binHours: 24, bins: 1 });
    s.add(5, 1);
    s.add(5, 1);
    s.add(5, -2);
    expect(s.bins(24)[0]).toEqual({ mean: 0, p90: 0, max: 2 });
  });

  test('gives the elapsed part of the day now is in, and zeros for days not reached', () => {
    const s = new LevelSeries({ windowStart: 0, binHours: 24, bins: 3 });
    s.set(0, 4);
    s.set(30, 2);
    const days = s.bins(36);
    expect(days[1]).toEqual({ mean: (4 * 6 + 2 * 6) / 12, p90: 4, max: 4 });
    expect(days[2]).toEqual({ mean: 0, p90: 0, max: 0 });
  });

  test('averages and peaks over the window only, the warm-up left out', () => {
    const s = new LevelSeries({ windowStart: 24, binHours: 24, bins: 3 });
    s.set(2, 50);
    s.set(20, 3);
    s.set(30, 7);
    expect(s.mean(48)).toBeCloseTo((3 * 6 + 7 * 18) / 24, 12);
    expect(s.peak(48)).toBe(7);
    expect(s.bins(48)[0].max).toBe(50);
  });

  test('the mean of the days of the window equals the time-average over the window, for any step signal', () => {
    const step = fc.record({ dt: fc.double({ min: 0, max: 30, noNaN: true }), level: fc.integer({ min: 0, max: 500 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (steps, warmupDays) => {
        const days = 6;
        const s = new LevelSeries({ windowStart: warmupDays * 24, binHours: 24, bins: days });
        let t = 0;
        for (const { dt, level } of steps) {
          t = Math.min(t + dt, days * 24);
          s.set(t, level);
        }
        const bins = s.bins(days * 24);
        const measured = bins.slice(warmupDays);
        const meanOfDays = measured.reduce((a, b) => a + b.mean, 0) / measured.length;
        expect(meanOfDays).toBeCloseTo(s.mean(days * 24), 9);
        for (const b of bins) {
          expect(b.mean).toBeLessThanOrEqual(b.max + 1e-9);
          expect(b.p90).toBeLessThanOrEqual(b.max);
        }
      }),
    );
  });

  test('agrees with a brute-force count of the time at each level, day by day', () => {
    const step = fc.record({ dt: fc.integer({ min: 0, max: 20 }), level: fc.integer({ min: 0, max: 9 }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const days = 4;
        const s = new LevelSeries({ windowStart: 0, binHours: 24, bins: days });
        const hourly: number[] = new Array<number>(days * 24).fill(0);
        let t = 0;
        let level = 0;
        for (const step of steps) {
          const next = Math.min(t + step.dt, days * 24);
          for (let h = t; h < next; h++) hourly[h] = level;
          t = next;
          level = step.level;
          s.set(t, level);
        }
        for (let h = t; h < days * 24; h++) hourly[h] = level;
        s.bins(days * 24).forEach((b, day) => {
          const hours = hourly.slice(day * 24, day * 24 + 24).sort((a, c) => a - c);
          expect(b.mean).toBeCloseTo(hours.reduce((a, c) => a + c, 0) / 24, 9);
          // Whole hours: the p90 is the level of the 22nd hour from the bottom (21.6 h reached).
          expect(b.p90).toBe(hours[21]);
          expect(b.max).toBeGreaterThanOrEqual(hours[23]);
        });
      }),
    );
  });
});
