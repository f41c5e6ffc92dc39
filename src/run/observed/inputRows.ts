import { TimeAxis, WorkingCalendar, nextCloseAny, nextOpenAll } from '../../kernel/index.js';
import type { ObservedMeasure } from '../../model/observedParams.js';
import type { CorridorParams } from '../../model/params.js';
import { PKT } from '../../model/timeZones.js';
import type { ObservedValue } from './value.js';

export type InputMeasure = Extract<ObservedMeasure, { readonly kind: 'demandPerDay' | 'gateCapacityPerDay' }>;

/** Days of each month in a common year: a monthly rate is per calendar day, so a mean over months weighs them by length. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days scanned for the gate's longest working day: two weeks see every weekday past a holiday. */
const SCANNED_DAYS = 14;

/** An input check: a figure computed from the scenario's parameters, the same in every replication. */
export function inputValue(measure: InputMeasure, params: CorridorParams): ObservedValue {
  if (measure.kind === 'demandPerDay') {
    const { vehiclesPerDayByMonth, scale } = params.arrivals;
    const days = measure.months.reduce((s, m) => s + DAYS_IN_MONTH[m - 1], 0);
    const vehicles = measure.months.reduce((s, m) => s + vehiclesPerDayByMonth[m - 1] * scale * DAYS_IN_MONTH[m - 1], 0);
    return { value: vehicles / days, count: 1 };
  }
  return { value: params.crossing.gateVehiclesPerHour * longestCommonDay(params), count: 1 };
}

/**
 * Hours in the longest PKT day of the scenario's first two weeks on which both customs posts
 * are open at once (the gate's window; the seasonal regime aside, it is a working day's).
 */
function longestCommonDay(params: CorridorParams): number {
  const axis = TimeAxis.startingAt(params.start, PKT);
  const posts = [new WorkingCalendar(params.calendars.china, axis), new WorkingCalendar(params.calendars.pakistan, axis)];
  let longest = 0;
  for (let day = 0; day < SCANNED_DAYS; day++) {
    const end = (day + 1) * 24;
    let open = 0;
    for (let t = day * 24; t < end; ) {
      const from = nextOpenAll(posts, t);
      if (!(from < end)) break;
      const to = Math.min(nextCloseAny(posts, from), end);
      open += to - from;
      t = to;
    }
    longest = Math.max(longest, open);
  }
  return longest;
}
