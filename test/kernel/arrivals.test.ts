import { describe, expect, it } from 'vitest';
import {
  PoissonProcess,
  Rng,
  TimeAxis,
  constantRate,
  deriveSeed,
  isoDateString,
  monthlyRate,
  withHourOfDayProfile,
  type PiecewiseRate,
} from '../../src/kernel/index.js';
import { mean, sampleSd } from './support/stats.js';

const PKT = 'Asia/Karachi';

/** Every arrival time of `rate` in [0, end), drawn from a fresh generator. */
function arrivalTimes(rate: PiecewiseRate, seed: number, end: number): number[] {
  const process = new PoissonProcess(rate, new Rng(seed));
  const times: number[] = [];
  for (let t = process.next(0, end); t < end; t = process.next(t, end)) times.push(t);
  return times;
}

/** Simulated start times of each month of 2025 (PKT), plus 2026-01-01 as the end. */
function monthStarts(axis: TimeAxis): number[] {
  return Array.from({ length: 13 }, (_, i) =>
    axis.timeOfDate(i < 12 ? isoDateString(2025, i + 1, 1) : '2026-01-01', PKT),
  );
}

function countByMonth(times: readonly number[], starts: readonly number[]): number[] {
  const counts = new Array<number>(12).fill(0);
  for (const t of times) {
    const month = starts.findIndex((s, i) => i < 12 && t >= s && t < starts[i + 1]);
    counts[month]++;
  }
  return counts;
}

const DAYS_2025 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

describe('PoissonProcess', () => {
  it('with a constant rate λ gives a count on [0, T] with mean λT within 4·√(λT)/√reps, and Poisson dispersion', () => {
    // Each count is Poisson(λT = 100): its SD is √(λT) = 10, so the mean of 400 replications has
    // SE 10/√400 = 0.5. For Poisson counts variance/mean = 1; the sample variance of 400 counts has
    // relative SE ≈ √(2/399) ≈ 0.071 (plus a small excess-kurtosis term 1/λT), so we allow ±4 × 0.075.
    const lambda = 2;
    const horizon = 50;
    const reps = 400;
    const counts = Array.from({ length: reps }, (_, r) => arrivalTimes(constantRate(lambda), deriveSeed(11, r), horizon).length);
    expect(Math.abs(mean(counts) - lambda * horizon)).toBeLessThan((4 * Math.sqrt(lambda * horizon)) / Math.sqrt(reps));
    const dispersion = sampleSd(counts) ** 2 / mean(counts);
    expect(Math.abs(dispersion - 1)).toBeLessThan(4 * 0.075);
  });

  it('returns each arrival strictly after the time it is asked from', () => {
    const process = new PoissonProcess(constantRate(1000), new Rng(3));
    let t = 0;
    for (let i = 0; i < 10_000; i++) {
      const next = process.next(t);
      if (!(next > t)) throw new Error(`arrival ${next} is not after ${t}`);
      t = next;
    }
  });

  it('consumes exactly one uniform draw per arrival, even across rate changes', () => {
    // One exponential draw per arrival, carried across the constant pieces, is what keeps two
    // scenarios that share the stream in step (redrawing at each change would still be a correct
    // Poisson process, so only this check tells the two apart).
    const axis = TimeAxis.startingAt('2025-01-01', PKT);
    const rate = withHourOfDayProfile(
      monthlyRate(axis, PKT, [15, 20, 25, 30, 40, 50, 60, 55, 45, 35, 25, 20]),
      axis,
      PKT,
      Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 2 : 0)),
    );
    const rng = new Rng(12);
    const reference = new Rng(12);
    const process = new PoissonProcess(rate, rng);
    let t = 0;
    for (let i = 0; i < 2000; i++) {
      t = process.next(t);
      reference.nextOpen();
    }
    expect(rng.getState()).toEqual(reference.getState());
  });

  it('never arrives when the rate is zero for good', () => {
    expect(new PoissonProcess(constantRate(0), new Rng(1)).next(0)).toBe(Infinity);
  });

  it('with a monthly rate over a PKT time axis gives monthly counts proportional to the monthly rates', () => {
    // Counts in a month are Poisson(perDay × days); averaged over reps their SE is √(expected/reps).
    const axis = TimeAxis.startingAt('2025-01-01', PKT);
    const perDay = [15, 20, 25, 30, 40, 50, 60, 55, 45, 35, 25, 20];
    const rate = monthlyRate(axis, PKT, perDay);
    const starts = monthStarts(axis);
    const reps = 10;
    const totals = new Array<number>(12).fill(0);
    for (let r = 0; r < reps; r++) {
      countByMonth(arrivalTimes(rate, deriveSeed(7, r), starts[12]), starts).forEach((c, m) => (totals[m] += c));
    }
    for (let m = 0; m < 12; m++) {
      const expected = perDay[m] * DAYS_2025[m];
      expect(Math.abs(totals[m] / reps - expected), `month ${m + 1}`).toBeLessThan(4 * Math.sqrt(expected / reps));
    }
    // January (15/day) against July (60/day), both 31 days: July / January = 4. The ratio of the
    // totals has relative SE √(1/N_jan + 1/N_jul) by the delta method.
    const ratio = totals[6] / totals[0];
    expect(Math.abs(ratio - 4)).toBeLessThan(4 * 4 * Math.sqrt(1 / totals[0] + 1 / totals[6]));
  });

  it('gives no arrivals in a month whose rate is zero, and resumes the month after', () => {
    const axis = TimeAxis.startingAt('2025-01-01', PKT);
    const perDay = [30, 30, 0, 30, 30, 30, 30, 30, 30, 30, 30, 30];
    const starts = monthStarts(axis);
    for (let r = 0; r < 5; r++) {
      const counts = countByMonth(arrivalTimes(monthlyRate(axis, PKT, perDay), deriveSeed(3, r), starts[12]), starts);
      expect(counts[2]).toBe(0);
      expect(counts[1]).toBeGreaterThan(0);
      expect(counts[3]).toBeGreaterThan(0);
    }
  });

  it('switches monthly rates at local midnight in the axis zone, not at UTC midnight', () => {
    // Only February has a rate (100/day ≈ 20.8 arrivals per 5 hours). PKT is UTC+5, so a kernel that
    // switched at UTC midnight would miss the first five PKT hours of February and spill five hours
    // into March; P(no arrival in a given 5-hour window) = e^-20.8 ≈ 1e-9.
    const axis = TimeAxis.startingAt('2025-01-01', PKT);
    const perDay = [0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const starts = monthStarts(axis);
    const times = arrivalTimes(monthlyRate(axis, PKT, perDay), 99, starts[12]);
    const febStart = starts[1];
    const marStart = starts[2];
    expect(times.every((t) => t >= febStart && t < marStart)).toBe(true);
    expect(times.some((t) => t < febStart + 5)).toBe(true);
    expect(times.some((t) => t >= marStart - 5)).toBe(true);
  });

  it('answers Infinity when the rate stays zero up to the horizon', () => {
    const axis = TimeAxis.startingAt('2025-01-01', PKT);
    const rate = monthlyRate(axis, PKT, [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const process = new PoissonProcess(rate, new Rng(1));
    const endOfJanuary = axis.timeOfDate('2025-02-01', PKT);
    // The horizon bounds the search: January 2026 would have arrivals again, but it lies beyond it.
    expect(process.next(endOfJanuary, 24 * 300)).toBe(Infinity);
  });

  it('rejects a monthly rate without exactly 12 values and an hourly profile without exactly 24', () => {
    const axis = TimeAxis.startingAt('2025-01-01', PKT);
    expect(() => monthlyRate(axis, PKT, [1, 2, 3])).toThrow(RangeError);
    expect(() => withHourOfDayProfile(constantRate(1), axis, PKT, [1, 2])).toThrow(RangeError);
  });

  it.each(['Asia/Karachi', 'Asia/Kolkata', 'Asia/Kathmandu'])(
    'withHourOfDayProfile puts arrivals only in the profile’s local hours, also in %s (regression: half-hour zones)',
    (zone) => {
      // Regression: the profile used to be stepped at UTC hour boundaries, which in Asia/Kolkata
      // (+05:30) or Asia/Kathmandu (+05:45) fall inside a local hour; half the arrivals were lost
      // and some landed in closed hours. Here the only open hour is local 10:00–11:00 at 60/hour,
      // so 200 days give a Poisson(12 000) count (SD ≈ 110).
      const axis = TimeAxis.startingAt('2025-01-01', zone);
      const profile = Array.from({ length: 24 }, (_, h) => (h === 10 ? 24 : 0)); // mean 1
      const rate = withHourOfDayProfile(constantRate(60 / 24), axis, zone, profile);
      const times = arrivalTimes(rate, 7, 24 * 200);
      expect(times.filter((t) => axis.format(t, zone).slice(11, 13) !== '10')).toEqual([]);
      expect(Math.abs(times.length - 12_000)).toBeLessThan(4 * Math.sqrt(12_000));
    },
  );
});
