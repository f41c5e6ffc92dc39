import { TimeAxis } from '../kernel/index.js';
import { PKT } from '../model/timeZones.js';
import { pooledGroupList, pooledGroups, type GroupCount, type GroupStats } from './groupStats.js';

/**
 * When time release happens: the containers of the time statistics (entered after the warm-up,
 * released) by the PKT hour of day and day of week of their arrival at Sost and of their
 * gate-out, each with its count and the sum of its time release (arrival at Sost → gate-out).
 * A Friday-afternoon arrival that waits the weekend shows as a long mean on Friday.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One replication's counts: hours 0–23 and ISO weekdays Monday first, by arrival at Sost and by release. */
export interface ReleasePatternCounts {
  readonly byArrivalHour: readonly GroupCount[];
  readonly byArrivalWeekday: readonly GroupCount[];
  readonly byReleaseHour: readonly GroupCount[];
  readonly byReleaseWeekday: readonly GroupCount[];
}

/** The pattern pooled over replications: each hour and weekday's share of the containers and mean time release. */
export interface ReleasePatternStats {
  /** 24 entries, hour 0 (00:00–00:59 PKT) first. */
  readonly byArrivalHour: readonly GroupStats[];
  readonly byArrivalWeekday: Readonly<Record<Weekday, GroupStats>>;
  readonly byReleaseHour: readonly GroupStats[];
  readonly byReleaseWeekday: Readonly<Record<Weekday, GroupStats>>;
}

type Counter = Array<{ count: number; hours: number }>;

/** Streams the containers of one replication into the pattern's counts. */
export class ReleasePatternCounter {
  private readonly axis: TimeAxis;
  private readonly arrivalHour = counter(24);
  private readonly arrivalWeekday = counter(7);
  private readonly releaseHour = counter(24);
  private readonly releaseWeekday = counter(7);

  /** @param start the scenario's first day, YYYY-MM-DD (simulated time 0 is its midnight PKT) */
  constructor(start: string) {
    this.axis = TimeAxis.startingAt(start, PKT);
  }

  /** A container that arrived at Sost at `arrivedSost` and gated out at `gatedOut` (simulated hours). */
  add(arrivedSost: number, gatedOut: number): void {
    const hours = gatedOut - arrivedSost;
    this.count(this.arrivalHour, this.arrivalWeekday, arrivedSost, hours);
    this.count(this.releaseHour, this.releaseWeekday, gatedOut, hours);
  }

  counts(): ReleasePatternCounts {
    return { byArrivalHour: this.arrivalHour, byArrivalWeekday: this.arrivalWeekday, byReleaseHour: this.releaseHour, byReleaseWeekday: this.releaseWeekday };
  }

  private count(byHour: Counter, byWeekday: Counter, t: number, hours: number): void {
    const hour = byHour[this.axis.hourOfDay(t, PKT)];
    hour.count++;
    hour.hours += hours;
    const weekday = byWeekday[this.axis.localDate(t, PKT).weekday - 1];
    weekday.count++;
    weekday.hours += hours;
  }
}

/** Pools the replications' counts: shares and means over all their containers. */
export function poolReleasePattern(perRep: readonly ReleasePatternCounts[]): ReleasePatternStats {
  const byWeekday = (pick: (r: ReleasePatternCounts) => readonly GroupCount[]): Record<Weekday, GroupStats> =>
    pooledGroups(WEEKDAYS, perRep.map((r) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, pick(r)[i]])) as Record<Weekday, GroupCount>));
  return {
    byArrivalHour: hoursOf(perRep.map((r) => r.byArrivalHour)),
    byArrivalWeekday: byWeekday((r) => r.byArrivalWeekday),
    byReleaseHour: hoursOf(perRep.map((r) => r.byReleaseHour)),
    byReleaseWeekday: byWeekday((r) => r.byReleaseWeekday),
  };
}

/** 24 hours even with no replication to pool. */
function hoursOf(perRep: ReadonlyArray<readonly GroupCount[]>): GroupStats[] {
  return perRep.length > 0 ? pooledGroupList(perRep) : Array.from({ length: 24 }, () => ({ share: 0, meanHours: 0 }));
}

function counter(size: number): Counter {
  return Array.from({ length: size }, () => ({ count: 0, hours: 0 }));
}
