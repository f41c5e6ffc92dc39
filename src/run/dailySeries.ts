import type { BinLevels } from '../kernel/index.js';
import type { DailyLevels } from '../model/corridor/index.js';
import { mean } from './confidence.js';

/** A count's levels day by day from day 0: `mean[d]`, `p90[d]` and `max[d]` of day d. */
export interface DayLevelSeries {
  readonly mean: readonly number[];
  readonly p90: readonly number[];
  readonly max: readonly number[];
}

/**
 * The report's day-by-day series: containers inside the corridor and at Sost and trucks
 * stranded at Tashkurgan (time-weighted mean, p90 and max of each PKT day, warm-up included),
 * and the backlog at each day's end. Each figure is the mean over replications of that day's
 * figure in each replication, so `max` is the mean of the replications' daily maxima.
 */
export interface DailySeriesReport {
  readonly corridor: DayLevelSeries;
  readonly sost: DayLevelSeries;
  readonly stranded: DayLevelSeries;
  readonly backlog: { readonly ageHours: number; readonly atEndOfDay: readonly number[] };
}

export function poolDailySeries(perRep: readonly DailyLevels[]): DailySeriesReport {
  return {
    corridor: levelSeries(perRep.map((r) => r.corridor)),
    sost: levelSeries(perRep.map((r) => r.sost)),
    stranded: levelSeries(perRep.map((r) => r.stranded)),
    backlog: {
      ageHours: perRep[0]?.backlog.ageHours ?? 0,
      atEndOfDay: dayByDay(perRep.map((r) => r.backlog.atEndOfDay)),
    },
  };
}

function levelSeries(perRep: ReadonlyArray<readonly BinLevels[]>): DayLevelSeries {
  return {
    mean: dayByDay(perRep.map((days) => days.map((d) => d.mean))),
    p90: dayByDay(perRep.map((days) => days.map((d) => d.p90))),
    max: dayByDay(perRep.map((days) => days.map((d) => d.max))),
  };
}

/** Mean over replications of each day's figure. */
export function dayByDay(perRep: ReadonlyArray<readonly number[]>): number[] {
  return (perRep[0] ?? []).map((_, day) => mean(perRep.map((v) => v[day])));
}
