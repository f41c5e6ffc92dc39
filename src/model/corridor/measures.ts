import type { ResourceStats } from '../../kernel/index.js';
import { CLOSURE_CAUSES } from '../params.js';

/** What one run measured over its horizon. */
export interface CorridorTotals {
  readonly days: number;
  readonly warmupDays: number;
  /** All containers that entered at Kashgar, warm-up included. */
  readonly arrivedTotal: number;
  readonly releasedTotal: number;
  /** Spoiled food destroyed or returned: it left the corridor without being released. */
  readonly lostTotal: number;
  readonly inSystem: number;
  /** Containers that entered and left after the warm-up. */
  readonly arrived: number;
  readonly released: number;
  /** Containers gated out at Sost on each day, warm-up included. */
  readonly releasedPerDay: readonly number[];
  /** Days (24 h of closure = 1 day) the road or the posts were shut, by cause, after the warm-up. */
  readonly closedDaysByCause: Readonly<Record<string, number>>;
  readonly stranded: { readonly mean: number; readonly peak: number };
  /** Time-average number of containers inside, after the warm-up: in the whole corridor and at Sost (arrived, not yet left). */
  readonly averageInside: { readonly corridor: number; readonly sost: number };
  readonly perishablesLost: number;
  readonly resources: readonly ResourceStats[];
  readonly transitions: number;
  readonly kernelEvents: number;
}

export type TotalsFromElsewhere = Pick<CorridorTotals, 'days' | 'warmupDays' | 'inSystem' | 'resources' | 'transitions' | 'kernelEvents'> & {
  readonly roadClosures: readonly ClosureSegment[];
  /** Closures are counted up to here (the horizon's end at most). */
  readonly until: number;
};

/** A stretch of road closure, [from, to) in simulated hours, with the cause that began it. */
export interface ClosureSegment {
  readonly from: number;
  readonly to: number;
  readonly cause: string;
}

/**
 * The run's counters: arrivals and releases, released per day, the time-average and peak of
 * trucks stranded at Tashkurgan, perishables lost and the days the crossing was shut. Every
 * statistic starts at the end of the warm-up.
 */
export class Measures {
  arrivedTotal = 0;
  releasedTotal = 0;
  lostTotal = 0;
  arrivedAfterWarmup = 0;
  releasedAfterWarmup = 0;
  perishablesLost = 0;
  readonly releasedPerDay: number[];
  /** Per day, the calendar closure (seasonal regime, sit-in, …) that shut a post, if any. */
  private readonly calendarClosures = new Map<number, string>();
  private readonly inside = { corridor: new TimeAverage(), sost: new TimeAverage() };
  private strandedArea = 0;
  private strandedPeak = 0;
  private strandedSince = 0;
  private strandedNow = 0;

  constructor(
    private readonly warmupEnd: number,
    days: number,
  ) {
    this.releasedPerDay = new Array<number>(days).fill(0);
  }

  /** A container entered at Kashgar (+1) or left (−1); `atSost` when it had reached Sost. */
  insideChanged(now: number, delta: 1 | -1, atSost: boolean): void {
    this.inside.corridor.change(now, delta, this.warmupEnd);
    if (atSost) this.inside.sost.change(now, delta, this.warmupEnd);
  }

  arrivedAtSost(now: number): void {
    this.inside.sost.change(now, 1, this.warmupEnd);
  }

  arrived(now: number): void {
    this.arrivedTotal++;
    if (now >= this.warmupEnd) this.arrivedAfterWarmup++;
  }

  released(now: number, enteredAt: number): void {
    this.releasedTotal++;
    const day = Math.floor(now / 24);
    if (day < this.releasedPerDay.length) this.releasedPerDay[day]++;
    if (now >= this.warmupEnd && enteredAt >= this.warmupEnd) this.releasedAfterWarmup++;
  }

  lost(): void {
    this.lostTotal++;
  }

  perishableLost(now: number): void {
    if (now >= this.warmupEnd) this.perishablesLost++;
  }

  /** Call whenever the number of trucks waiting for the crossing (at Tashkurgan and at the border) changes. */
  strandedChanged(now: number, size: number): void {
    this.accumulateStranded(now);
    this.strandedNow = size;
    if (size > this.strandedPeak && now >= this.warmupEnd) this.strandedPeak = size;
  }

  warmupOver(now: number): void {
    this.strandedSince = now;
    this.strandedArea = 0;
    this.strandedPeak = this.strandedNow;
  }

  strandedStats(now: number): { mean: number; peak: number } {
    this.accumulateStranded(now);
    const measured = Math.max(0, now - this.warmupEnd);
    return { mean: measured > 0 ? this.strandedArea / measured : 0, peak: this.strandedPeak };
  }

  calendarClosure(day: number, reason: string): void {
    this.calendarClosures.set(day, reason);
  }

  /**
   * Days the crossing was shut after the warm-up, by cause; 24 h of closure is one day. A day a
   * post's calendar shut for a closure (not a weekend or holiday) counts whole to that closure,
   * and road closures count only on the other days, so no hour is counted twice.
   */
  closedDaysByCause(roadClosures: readonly ClosureSegment[], until: number): Record<string, number> {
    const days: Record<string, number> = {};
    for (const cause of CLOSURE_CAUSES) days[cause] = 0;
    const add = (cause: string, hours: number): void => {
      days[cause] = (days[cause] ?? 0) + hours / 24;
    };
    for (const [day, reason] of this.calendarClosures) if (day * 24 >= this.warmupEnd && day * 24 < until) add(reason, 24);
    for (const { from, to, cause } of roadClosures) {
      for (let t = Math.max(from, this.warmupEnd); t < Math.min(to, until); ) {
        const day = Math.floor(t / 24 + 1e-9);
        const next = Math.min(to, until, (day + 1) * 24);
        if (!this.calendarClosures.has(day)) add(cause, next - t);
        t = next;
      }
    }
    return days;
  }

  /** The totals at `now`, with what the other rooms of the corridor know. */
  totals(now: number, rest: TotalsFromElsewhere): CorridorTotals {
    const { roadClosures, until, ...others } = rest;
    return {
      ...others,
      arrivedTotal: this.arrivedTotal,
      releasedTotal: this.releasedTotal,
      lostTotal: this.lostTotal,
      arrived: this.arrivedAfterWarmup,
      released: this.releasedAfterWarmup,
      releasedPerDay: this.releasedPerDay,
      closedDaysByCause: this.closedDaysByCause(roadClosures, until),
      stranded: this.strandedStats(now),
      averageInside: { corridor: this.inside.corridor.mean(now, this.warmupEnd), sost: this.inside.sost.mean(now, this.warmupEnd) },
      perishablesLost: this.perishablesLost,
    };
  }

  private accumulateStranded(now: number): void {
    if (now > this.warmupEnd) {
      const from = Math.max(this.strandedSince, this.warmupEnd);
      if (now > from) this.strandedArea += this.strandedNow * (now - from);
    }
    this.strandedSince = now;
  }
}

/** The time-average of a count from `from` on: ∫ n dt / elapsed, kept as the count changes. */
class TimeAverage {
  private n = 0;
  private area = 0;
  private since = 0;

  change(now: number, delta: number, from: number): void {
    this.accumulate(now, from);
    this.n += delta;
  }

  mean(now: number, from: number): number {
    this.accumulate(now, from);
    return now > from ? this.area / (now - from) : 0;
  }

  private accumulate(now: number, from: number): void {
    const start = Math.max(this.since, from);
    if (now > start) this.area += this.n * (now - start);
    this.since = now;
  }
}
