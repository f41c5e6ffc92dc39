import type { Rng } from './random.js';
import { MS_PER_HOUR, localToEpoch, zoneOffsetMs, type TimeAxis } from './timeAxis.js';

/**
 * A piecewise-constant arrival rate (events per unit of simulated time). `nextChange(t)` is
 * the first time after `t` at which the rate may change, so arrivals can be drawn exactly by
 * inverting the cumulative rate instead of by thinning.
 */
export interface PiecewiseRate {
  rateAt(t: number): number;
  nextChange(t: number): number;
}

export function constantRate(rate: number): PiecewiseRate {
  return { rateAt: () => rate, nextChange: () => Infinity };
}

/**
 * A rate per calendar month, given per day (e.g. vehicles per day), in hours of simulated time.
 * `perDayByMonth[0]` is January.
 */
export function monthlyRate(axis: TimeAxis, timeZone: string, perDayByMonth: readonly number[]): PiecewiseRate {
  if (perDayByMonth.length !== 12) throw new RangeError(`expected 12 monthly rates, got ${perDayByMonth.length}`);
  // The month last asked about: a Poisson process asks about the same month once per arrival.
  let from = NaN;
  let to = NaN;
  let rate = 0;
  const monthOf = (t: number): void => {
    if (t >= from && t < to) return;
    const { year, month } = axis.localDate(t, timeZone);
    from = axis.fromEpoch(localToEpoch(timeZone, year, month, 1, 0));
    to = month === 12 ? axis.fromEpoch(localToEpoch(timeZone, year + 1, 1, 1, 0)) : axis.fromEpoch(localToEpoch(timeZone, year, month + 1, 1, 0));
    rate = perDayByMonth[month - 1] / 24;
  };
  return {
    rateAt: (t) => {
      monthOf(t);
      return rate;
    },
    nextChange: (t) => {
      monthOf(t);
      return to;
    },
  };
}

/** Multiplies a rate by a 24-value profile over the local hour of day (mean 1 keeps the daily total). */
export function withHourOfDayProfile(
  base: PiecewiseRate,
  axis: TimeAxis,
  timeZone: string,
  profile: readonly number[],
): PiecewiseRate {
  if (profile.length !== 24) throw new RangeError(`expected 24 hourly factors, got ${profile.length}`);
  const hourOf = (t: number): number => {
    const epoch = axis.toEpoch(t);
    return Math.floor((((epoch + zoneOffsetMs(timeZone, epoch)) % 86_400_000) + 86_400_000) % 86_400_000 / MS_PER_HOUR);
  };
  return {
    rateAt: (t) => base.rateAt(t) * profile[hourOf(t)],
    nextChange: (t) => {
      // The profile steps at local hour boundaries, which are not UTC hour boundaries in zones
      // such as Asia/Kolkata (+05:30); the UTC hour is kept because offsets change on it.
      const epoch = axis.toEpoch(t);
      const offset = zoneOffsetMs(timeZone, epoch);
      const nextUtcHour = (Math.floor(epoch / MS_PER_HOUR) + 1) * MS_PER_HOUR;
      const nextLocalHour = (Math.floor((epoch + offset) / MS_PER_HOUR) + 1) * MS_PER_HOUR - offset;
      return Math.min(base.nextChange(t), axis.fromEpoch(Math.min(nextUtcHour, nextLocalHour)));
    },
  };
}

/**
 * A non-homogeneous Poisson process. `next(t)` draws the next arrival after `t` with one
 * exponential draw, walking the rate's constant pieces: exact, and in step across scenarios
 * that share the stream.
 *
 * @example
 * const arrivals = new PoissonProcess(constantRate(2), rng);
 * const first = arrivals.next(0); // mean 0.5
 */
export class PoissonProcess {
  constructor(
    private readonly rate: PiecewiseRate,
    private readonly rng: Rng,
  ) {}

  /** The next arrival strictly after `t`, or `Infinity` if the rate stays zero for good. */
  next(t: number, horizon = Infinity): number {
    let remaining = -Math.log(this.rng.nextOpen());
    let now = t;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const rate = this.rate.rateAt(now);
      const change = this.rate.nextChange(now);
      if (rate > 0 && now + remaining / rate <= change) return now + remaining / rate;
      if (change === Infinity || change > horizon) return Infinity;
      remaining -= rate * (change - now);
      now = change;
    }
    return Infinity;
  }
}

