/**
 * Maps simulated time (a number of hours since the start) to real instants and to local
 * dates in IANA time zones. A scenario starts on a date, so every calendar question
 * ("is it a weekday in Sost?") is asked through this axis.
 */
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export interface LocalDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

export class TimeAxis {
  /**
   * @param originEpochMs the real instant of simulated time 0
   */
  constructor(readonly originEpochMs: number) {}

  /** Simulated time 0 is local midnight of `date` (YYYY-MM-DD) in `timeZone`. */
  static startingAt(date: string, timeZone: string): TimeAxis {
    const { year, month, day } = parseIsoDate(date);
    return new TimeAxis(localToEpoch(timeZone, year, month, day, 0));
  }

  toEpoch(t: number): number {
    return this.originEpochMs + t * MS_PER_HOUR;
  }

  fromEpoch(epochMs: number): number {
    return (epochMs - this.originEpochMs) / MS_PER_HOUR;
  }

  /** Simulated time of local midnight starting `date` in `timeZone`. */
  timeOfDate(date: string, timeZone: string): number {
    const { year, month, day } = parseIsoDate(date);
    return this.fromEpoch(localToEpoch(timeZone, year, month, day, 0));
  }

  localDate(t: number, timeZone: string): LocalDate {
    return localDateOf(this.toEpoch(t), timeZone);
  }

  /** The local hour (0–23) in `timeZone` at simulated time `t`. */
  hourOfDay(t: number, timeZone: string): number {
    const epoch = this.toEpoch(t);
    return new Date(epoch + zoneOffsetMs(timeZone, epoch)).getUTCHours();
  }

  /** "2025-12-01 14:30" in `timeZone`. */
  format(t: number, timeZone: string): string {
    const epoch = this.toEpoch(t);
    const local = new Date(epoch + zoneOffsetMs(timeZone, epoch));
    return local.toISOString().slice(0, 16).replace('T', ' ');
  }

  isoDate(t: number, timeZone: string): string {
    return this.format(t, timeZone).slice(0, 10);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (match === null) throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`"${date}" is not a calendar date`);
  }
  return { year, month, day };
}

export function isValidIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset at an instant, in ms. Offsets change only at UTC hour boundaries, and
 * never twice within a day, so a UTC day whose start and end have the same offset has it
 * throughout: one answer then serves the whole day (most days of most zones), and only a day
 * with a change is looked up hour by hour.
 */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const zone = zoneState(timeZone);
  if (epochMs >= zone.from && epochMs < zone.to) return zone.offset;
  const day = Math.floor(epochMs / MS_PER_DAY);
  let wholeDay = zone.days.get(day);
  if (wholeDay === undefined) {
    const atStart = lookUpOffset(timeZone, day * 24);
    wholeDay = atStart === lookUpOffset(timeZone, day * 24 + 24) ? atStart : NaN;
    if (zone.days.size > 200_000) zone.days.clear();
    zone.days.set(day, wholeDay);
  }
  if (!Number.isNaN(wholeDay)) {
    zone.from = day * MS_PER_DAY;
    zone.to = zone.from + MS_PER_DAY;
    zone.offset = wholeDay;
  } else {
    const hour = Math.floor(epochMs / MS_PER_HOUR);
    zone.from = hour * MS_PER_HOUR;
    zone.to = zone.from + MS_PER_HOUR;
    zone.offset = lookUpOffset(timeZone, hour);
  }
  return zone.offset;
}

/**
 * Per zone: the span of time last asked about, with its one offset, and for each UTC day asked
 * about its offset, or NaN when the offset changes that day. A run asks about now, tomorrow and
 * next week in turn, so one span alone would be looked up again and again.
 */
interface ZoneState {
  from: number;
  to: number;
  offset: number;
  readonly days: Map<number, number>;
  /** `localDateOf`'s answers by local day (reports ask about any day, in any order). */
  readonly dates: Map<number, LocalDate>;
}

const zones = new Map<string, ZoneState>();

function zoneState(timeZone: string): ZoneState {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = { from: NaN, to: NaN, offset: 0, days: new Map(), dates: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

function lookUpOffset(timeZone: string, hourKey: number): number {
  let cache = offsetCaches.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const cached = cache.get(hourKey);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const probe = hourKey * MS_PER_HOUR;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(probe))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = asUtc - probe;
  if (cache.size > 200_000) cache.clear();
  cache.set(hourKey, offset);
  return offset;
}

/** The instant of a local wall-clock time (minutes after midnight) on a local date. */
export function localToEpoch(timeZone: string, year: number, month: number, day: number, minutes: number): number {
  const wall = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const first = wall - zoneOffsetMs(timeZone, wall);
  return wall - zoneOffsetMs(timeZone, first);
}

export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  const localMs = epochMs + zoneOffsetMs(timeZone, epochMs);
  const zone = zoneState(timeZone);
  const localDay = Math.floor(localMs / MS_PER_DAY);
  const known = zone.dates.get(localDay);
  if (known !== undefined) return known;
  const local = new Date(localMs);
  const weekday = local.getUTCDay();
  const date: LocalDate = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: weekday === 0 ? 7 : weekday,
  };
  if (!Number.isNaN(localDay)) {
    if (zone.dates.size > 200_000) zone.dates.clear();
    zone.dates.set(localDay, date);
  }
  return date;
}

export function isoDateString(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
