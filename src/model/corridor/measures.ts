import { LevelSeries, type BinLevels, type ResourceStats } from '../../kernel/index.js';
import { CLOSURE_CAUSES } from '../params.js';
import { Backlog } from './backlog.js';

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
  /** Hours the road or the posts were shut on each day (a calendar closure's day counts 24 h), warm-up included. */
  readonly closedHoursPerDay: readonly number[];
  readonly stranded: { readonly mean: number; readonly peak: number };
  /** Time-average number of containers inside, after the warm-up: in the whole corridor and at Sost (arrived, not yet left). */
  readonly averageInside: { readonly corridor: number; readonly sost: number };
  /** Day by day from day 0 (warm-up included): how full the corridor, Sost and the wait at Tashkurgan were, and the backlog. */
  readonly daily: DailyLevels;
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

/**
 * Each simulated day (a PKT day, day 0 the start date, as `releasedPerDay`): the time-weighted
 * mean, p90 and max of the containers inside the corridor, at Sost and stranded at Tashkurgan,
 * and the backlog at the day's end.
 */
export interface DailyLevels {
  readonly corridor: readonly BinLevels[];
  readonly sost: readonly BinLevels[];
  readonly stranded: readonly BinLevels[];
  /** Containers inside at the end of each day that entered at Kashgar more than `ageHours` before. */
  readonly backlog: { readonly ageHours: number; readonly atEndOfDay: readonly number[] };
}

/** A stretch of road closure, [from, to) in simulated hours, with the cause that began it. */
export interface ClosureSegment {
  readonly from: number;
  readonly to: number;
  readonly cause: string;
}

/**
 * The run's counters: arrivals and releases, released per day, containers inside the corridor
 * and at Sost and trucks stranded at Tashkurgan (followed exactly as step counts: their
 * time-average and peak after the warm-up, and their levels day by day from day 0), the
 * backlog at each day's end, perishables lost and the days the crossing was shut. Every
 * statistic but the day-by-day ones starts at the end of the warm-up.
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
  private readonly inside: { readonly corridor: LevelSeries; readonly sost: LevelSeries };
  /** Trucks waiting for the crossing, at Tashkurgan and at the border. */
  private readonly stranded: LevelSeries;
  private readonly backlog: Backlog;

  constructor(
    private readonly warmupEnd: number,
    days: number,
    private readonly backlogAgeHours: number,
  ) {
    this.releasedPerDay = new Array<number>(days).fill(0);
    const series = (): LevelSeries => new LevelSeries({ windowStart: warmupEnd, binHours: 24, bins: days });
    this.inside = { corridor: series(), sost: series() };
    this.stranded = series();
    this.backlog = new Backlog(backlogAgeHours, days);
  }

  /** A container entered at Kashgar. */
  entered(now: number): void {
    this.backlog.entered(now);
    this.inside.corridor.add(now, 1);
  }

  /** A container that entered at `enteredAt` left the corridor; `atSost` when it had reached Sost. */
  left(now: number, enteredAt: number, atSost: boolean): void {
    this.backlog.left(now, enteredAt);
    this.inside.corridor.add(now, -1);
    if (atSost) this.inside.sost.add(now, -1);
  }

  arrivedAtSost(now: number): void {
    this.inside.sost.add(now, 1);
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
    this.stranded.set(now, size);
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
    for (const { day, cause, hours } of this.closedSpells(roadClosures, until)) {
      if (day * 24 >= this.warmupEnd) days[cause] = (days[cause] ?? 0) + hours / 24;
    }
    return days;
  }

  /** Hours the crossing was shut on each day of the horizon, day 0 first (warm-up included), counted as in {@link closedDaysByCause}. */
  closedHoursPerDay(roadClosures: readonly ClosureSegment[], until: number): number[] {
    const hours = new Array<number>(this.releasedPerDay.length).fill(0);
    for (const spell of this.closedSpells(roadClosures, until)) if (spell.day < hours.length) hours[spell.day] += spell.hours;
    return hours;
  }

  /** Each day's stretches of closure before `until`: whole calendar-closure days, then road closures split at midnights on the other days. */
  private *closedSpells(roadClosures: readonly ClosureSegment[], until: number): Generator<{ day: number; cause: string; hours: number }> {
    for (const [day, reason] of this.calendarClosures) if (day * 24 < until) yield { day, cause: reason, hours: 24 };
    for (const { from, to, cause } of roadClosures) {
      for (let t = from; t < Math.min(to, until); ) {
        const day = Math.floor(t / 24 + 1e-9);
        const next = Math.min(to, until, (day + 1) * 24);
        if (!this.calendarClosures.has(day)) yield { day, cause, hours: next - t };
        t = next;
      }
    }
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
      closedHoursPerDay: this.closedHoursPerDay(roadClosures, until),
      stranded: { mean: this.stranded.mean(now), peak: this.stranded.peak(now) },
      averageInside: { corridor: this.inside.corridor.mean(now), sost: this.inside.sost.mean(now) },
      daily: {
        corridor: this.inside.corridor.bins(now),
        sost: this.inside.sost.bins(now),
        stranded: this.stranded.bins(now),
        backlog: { ageHours: this.backlogAgeHours, atEndOfDay: this.backlog.atEndOfDay(now) },
      },
      perishablesLost: this.perishablesLost,
    };
  }
}
