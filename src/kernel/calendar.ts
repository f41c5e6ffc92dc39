import {
  MS_PER_DAY,
  localDateOf,
  isoDateString,
  localToEpoch,
  parseIsoDate,
  zoneOffsetMs,
  type TimeAxis,
} from './timeAxis.js';
import { SpellTable } from './spellTable.js';

/**
 * When a place works: weekdays and hours in its own IANA time zone, minus holidays and
 * one-off closures. All answers are in simulated time through a `TimeAxis`.
 *
 * ```
 *  Fri 16:00 PKT      Sat         Sun       Mon 09:00 PKT
 *  ──────┤ closed ─────────────────────────────├── open
 *        nextOpen(Fri 18:00) ──────────────────▶ Mon 09:00
 * ```
 */
export interface WorkingHours {
  /** "HH:MM" local time. */
  readonly from: string;
  /** "HH:MM" local time, after `from`; "24:00" means midnight at the end of the day. */
  readonly to: string;
}

export interface ClosurePeriod {
  /** First closed local date, YYYY-MM-DD. */
  readonly from: string;
  /** Last closed local date, YYYY-MM-DD, inclusive. */
  readonly to: string;
  readonly reason?: string;
}

export interface CalendarSpec {
  readonly timeZone: string;
  /** ISO weekdays that work: 1 = Monday … 7 = Sunday. */
  readonly workingDays: readonly number[];
  /** Working hours on a working day; an empty list means the whole day. */
  readonly hours: readonly WorkingHours[];
  readonly holidays?: readonly string[];
  readonly closures?: readonly ClosurePeriod[];
}

/** How far ahead `nextOpen` looks before it answers `Infinity`. */
const SEARCH_DAYS = 3660;

export class WorkingCalendar {
  private readonly hours: ReadonlyArray<readonly [number, number]>;
  private readonly workingDays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  private readonly closures: ReadonlyArray<{ from: string; to: string; reason: string }>;
  private readonly dayCache = new Map<number, ReadonlyArray<readonly [number, number]>>();
  /** Open and closed spells, in epoch ms, as far as they have been asked about. */
  private readonly spells = new SpellTable((epoch) => {
    const open = this.openAt(epoch);
    return { open, end: open ? this.mergedCloseAt(epoch) : this.nextStartAt(epoch) };
  });

  constructor(
    readonly spec: CalendarSpec,
    readonly axis: TimeAxis,
  ) {
    // Sorted by start: nextOpen takes the first spell that has not ended, nextClose chains spells in order.
    this.hours = spec.hours.length === 0
      ? [[0, 1440]]
      : spec.hours.map((h) => [parseClock(h.from), parseClock(h.to)] as const).sort((a, b) => a[0] - b[0]);
    for (const [from, to] of this.hours) {
      if (!(to > from)) throw new RangeError(`working hours must end after they start (${spec.timeZone})`);
    }
    this.workingDays = new Set(spec.workingDays);
    for (const date of spec.holidays ?? []) parseIsoDate(date);
    this.holidays = new Set(spec.holidays ?? []);
    this.closures = (spec.closures ?? []).map((c) => {
      parseIsoDate(c.from);
      parseIsoDate(c.to);
      if (c.to < c.from) throw new RangeError(`closure ${c.from}..${c.to} ends before it starts`);
      return { from: c.from, to: c.to, reason: c.reason ?? 'closure' };
    });
  }

  isOpen(t: number): boolean {
    return this.spellAt(this.axis.toEpoch(t));
  }

  /** `t` itself when open, else the next instant it opens; `Infinity` if not within ten years. */
  nextOpen(t: number): number {
    if (this.spellAt(this.axis.toEpoch(t))) return t;
    const start = this.spells.end();
    return start === Infinity ? Infinity : this.axis.fromEpoch(start);
  }

  /** When the current open spell ends; `t` itself when closed. Adjacent spells merge. */
  nextClose(t: number): number {
    return this.spellAt(this.axis.toEpoch(t)) ? this.axis.fromEpoch(this.spells.end()) : t;
  }

  /**
   * Whether the calendar is open at `epoch`. A run asks about the same spells thousands of
   * times, so they are kept (see `SpellTable`); each answer is the one the full search gives.
   */
  private spellAt(epoch: number): boolean {
    return this.spells.openAt(epoch);
  }

  private openAt(epoch: number): boolean {
    for (const [start, end] of this.intervalsOfDay(this.localDayIndex(epoch))) {
      if (epoch >= start && epoch < end) return true;
    }
    return false;
  }

  /** The start of the first open interval after `epoch` (closed then), or `Infinity`. */
  private nextStartAt(epoch: number): number {
    const first = this.localDayIndex(epoch);
    for (let day = first; day < first + SEARCH_DAYS; day++) {
      for (const [start, end] of this.intervalsOfDay(day)) {
        if (epoch < end) return start;
      }
    }
    return Infinity;
  }

  /** The end of the open spell containing `epoch`, adjacent intervals merged. */
  private mergedCloseAt(epoch: number): number {
    let end = epoch;
    const first = this.localDayIndex(epoch);
    for (let day = first; day < first + SEARCH_DAYS; day++) {
      let extended = false;
      for (const [start, stop] of this.intervalsOfDay(day)) {
        if (start <= end && end < stop) {
          end = stop;
          extended = true;
        }
      }
      if (!extended && day > first) break;
    }
    return end;
  }

  /** Why a date is closed: "weekend", "holiday", a closure's reason, or undefined when it works. */
  closedReason(t: number): string | undefined {
    const day = this.localDayIndex(this.axis.toEpoch(t));
    return this.dayStatus(day);
  }

  private dayStatus(day: number): string | undefined {
    const date = dateOfDayIndex(day);
    const closure = this.closures.find((c) => c.from <= date && date <= c.to);
    if (closure !== undefined) return closure.reason;
    if (this.holidays.has(date)) return 'holiday';
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
    if (!this.workingDays.has(weekday)) return 'weekend';
    return undefined;
  }

  /** The next local midnight after `t` (simulated hours), when a closed day's reason can change. */
  nextDayStart(t: number): number {
    const day = this.localDayIndex(this.axis.toEpoch(t)) + 1;
    const { year, month, day: date } = localDateOf(day * MS_PER_DAY, 'UTC');
    return this.axis.fromEpoch(localToEpoch(this.spec.timeZone, year, month, date, 0));
  }

  private localDayIndex(epochMs: number): number {
    return Math.floor((epochMs + zoneOffsetMs(this.spec.timeZone, epochMs)) / MS_PER_DAY);
  }

  /** Open intervals of a local day, as epoch ms. */
  private intervalsOfDay(day: number): ReadonlyArray<readonly [number, number]> {
    let cached = this.dayCache.get(day);
    if (cached === undefined) {
      if (this.dayStatus(day) !== undefined) {
        cached = [];
      } else {
        const { year, month, dayOfMonth } = splitDayIndex(day);
        const zone = this.spec.timeZone;
        cached = this.hours.map(([from, to]) => [
          localToEpoch(zone, year, month, dayOfMonth, from),
          localToEpoch(zone, year, month, dayOfMonth, to),
        ] as const);
      }
      this.dayCache.set(day, cached);
    }
    return cached;
  }
}

/**
 * The first instant at or after `t` when every calendar is open at once, or `Infinity`.
 * Used where work needs two sides at the same time, e.g. a border crossing.
 */
export function nextOpenAll(calendars: readonly WorkingCalendar[], t: number): number {
  let candidate = t;
  for (let guard = 0; guard < 100_000 && candidate !== Infinity; guard++) {
    let latest = candidate;
    for (const calendar of calendars) latest = Math.max(latest, calendar.nextOpen(candidate));
    if (latest === Infinity) return Infinity;
    if (latest === candidate && calendars.every((c) => c.isOpen(candidate))) return candidate;
    candidate = latest === candidate ? candidate + 1 / 60 : latest;
  }
  return Infinity;
}

/** The end of the spell in which every calendar is open at once (`t` itself when one is closed). */
export function nextCloseAny(calendars: readonly WorkingCalendar[], t: number): number {
  let end = Infinity;
  for (const calendar of calendars) end = Math.min(end, calendar.nextClose(t));
  return end;
}

/**
 * Open hours of `calendar` between simulated times `a` and `b` (0 when `b` <= `a`): the
 * working time a span takes, e.g. Friday 16:00 to Monday 10:00 PKT at Sost is 2 h.
 */
export function workingHoursBetween(calendar: WorkingCalendar, a: number, b: number): number {
  let total = 0;
  let t = a;
  while (t < b) {
    const open = calendar.nextOpen(t);
    if (!(open < b)) break;
    const close = Math.min(calendar.nextClose(open), b);
    total += close - open;
    t = close;
  }
  return total;
}

function parseClock(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (match === null) throw new RangeError(`expected a time as HH:MM, got "${text}"`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 1440) throw new RangeError(`"${text}" is not a time of day`);
  return minutes;
}

function dateOfDayIndex(day: number): string {
  const { year, month, dayOfMonth } = splitDayIndex(day);
  return isoDateString(year, month, dayOfMonth);
}

function splitDayIndex(day: number): { year: number; month: number; dayOfMonth: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate() };
}

