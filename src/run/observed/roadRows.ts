import { TimeAxis } from '../../kernel/index.js';
import type { ClosureSegment } from '../../model/corridor/index.js';
import type { ObservedMeasure } from '../../model/observedParams.js';
import { CLOSURE_CAUSES, type CorridorParams } from '../../model/params.js';
import { PKT } from '../../model/timeZones.js';
import { NOTHING_MEASURED, type RowAccumulator } from './value.js';

export type RoadMeasure = Extract<ObservedMeasure, { readonly kind: 'closedShare' | 'closureLength' }>;

/** Closures the weather begins; what-if and calendar closures are not the road's own. */
const WEATHER: ReadonlySet<string> = new Set(CLOSURE_CAUSES);

/**
 * A row read from the pass road's closures at the end of the run, over the measured window
 * (after the warm-up, to the end of the horizon), by PKT month:
 *   closedShare    hours shut by weather ÷ 24 h × measured days in the months;
 *   closureLength  mean length in days of the closures `causes` began in the months.
 */
export function roadRow(measure: RoadMeasure, params: CorridorParams): RowAccumulator {
  const axis = TimeAxis.startingAt(params.start, PKT);
  const inMonths = (day: number): boolean => measure.months.includes(axis.localDate(day * 24 + 12, PKT).month);
  const first = params.warmupDays;
  const last = params.days; // exclusive
  const add = (): void => undefined;

  if (measure.kind === 'closureLength') {
    const causes: ReadonlySet<string> = new Set(measure.causes);
    return {
      add,
      value(closures) {
        const lengths = closures
          .filter((c) => causes.has(c.cause) && c.from >= first * 24 && c.from < last * 24 && inMonths(Math.floor(c.from / 24)))
          .map((c) => (c.to - c.from) / 24);
        return lengths.length > 0 ? { value: lengths.reduce((s, x) => s + x, 0) / lengths.length, count: lengths.length } : NOTHING_MEASURED;
      },
    };
  }

  return {
    add,
    value(closures) {
      const counted = new Set<number>();
      for (let day = first; day < last; day++) if (inMonths(day)) counted.add(day);
      if (counted.size === 0) return NOTHING_MEASURED;
      let closedHours = 0;
      for (const c of closures) {
        if (!WEATHER.has(c.cause)) continue;
        for (let t = Math.max(c.from, first * 24); t < Math.min(c.to, last * 24); ) {
          const day = Math.floor(t / 24);
          const next = Math.min(c.to, last * 24, (day + 1) * 24);
          if (counted.has(day)) closedHours += next - t;
          t = next;
        }
      }
      return { value: closedHours / (24 * counted.size), count: counted.size };
    },
  };
}
