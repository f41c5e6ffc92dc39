import { WorkingCalendar, type CalendarSpec, type ClosurePeriod, type TimeAxis } from '../../kernel/index.js';
import type { CalendarName } from '../stageTable.js';
import type { CorridorParams } from '../params.js';

/** The seasonal regime's closure, once a year over the horizon (and a year either side). */
export function seasonalClosures(params: CorridorParams): ClosurePeriod[] {
  if (params.regime !== 'seasonal') return [];
  const firstYear = Number(params.start.slice(0, 4)) - 1;
  const lastYear = firstYear + Math.ceil(params.days / 365) + 2;
  const { from, to } = params.seasonalClosure;
  const closures: ClosurePeriod[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const wraps = to < from;
    closures.push({
      from: `${year}-${validDay(year, from)}`,
      to: `${wraps ? year + 1 : year}-${validDay(wraps ? year + 1 : year, to)}`,
      reason: 'seasonal closure',
    });
  }
  return closures;
}

/** "02-29" in a year without one becomes "02-28". */
function validDay(year: number, monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export function withClosures(spec: CalendarSpec, extra: readonly ClosurePeriod[]): CalendarSpec {
  return extra.length === 0 ? spec : { ...spec, closures: [...(spec.closures ?? []), ...extra] };
}

export interface CorridorCalendars {
  /** Customs and the stations at each end, and Sost's banks: they work their own hours whatever the regime. */
  readonly customs: Record<CalendarName, WorkingCalendar>;
  /** The border posts of the crossing: customs hours, shut too during a seasonal closure. */
  readonly posts: Record<'china' | 'pakistan', WorkingCalendar>;
}

/**
 * The seasonal regime closed the crossing, not the customs houses at either end: under it the
 * posts' calendars carry the closure and the customs calendars do not, so containers already
 * past the border are still cleared at Sost, and Kashgar still clears exports.
 */
export function corridorCalendars(params: CorridorParams, axis: TimeAxis): CorridorCalendars {
  const seasonal = seasonalClosures(params);
  const china = new WorkingCalendar(params.calendars.china, axis);
  const pakistan = new WorkingCalendar(params.calendars.pakistan, axis);
  return {
    customs: { china, pakistan, banks: new WorkingCalendar(params.calendars.banks, axis) },
    posts:
      seasonal.length === 0
        ? { china, pakistan }
        : {
            china: new WorkingCalendar(withClosures(params.calendars.china, seasonal), axis),
            pakistan: new WorkingCalendar(withClosures(params.calendars.pakistan, seasonal), axis),
          },
  };
}
