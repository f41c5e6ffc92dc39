/**
 * Calendar dates of the run's days (see run/dayConvention.ts): a scenario's `start` is a
 * calendar day (YYYY-MM-DD), the PKT day that simulated hour 0 opens, and day index `i` is that
 * date plus `i` days. The arithmetic is on UTC dates only so that the machine's zone cannot shift it.
 */
import { dayNumber } from '../../run/dayConvention.js';

const DAY_MS = 86_400_000;

/** Milliseconds (UTC midnight) of an ISO date, or undefined when it is not YYYY-MM-DD. */
export function parseIsoDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The calendar date of day index `index` (0 = `start`, day 1), as YYYY-MM-DD; "day N" when
 * `start` is no date, "n/a" when `index` is no number.
 */
export function dayDate(start: string, index: number): string {
  if (!Number.isFinite(index)) return 'n/a';
  const ms = parseIsoDay(start);
  const date = ms === undefined ? undefined : new Date(ms + Math.round(index) * DAY_MS);
  if (date === undefined || Number.isNaN(date.getTime())) return `day ${dayNumber(Math.round(index))}`;
  return date.toISOString().slice(0, 10);
}

/** True when day `index` is the first of a month (false when `start` is no date). */
export function isMonthStart(start: string, index: number): boolean {
  const ms = parseIsoDay(start);
  return ms !== undefined && new Date(ms + index * DAY_MS).getUTCDate() === 1;
}

/** "day 8 (2025-12-08)", or "day 8" when `start` is no date. */
export function dayAndDate(start: string, index: number): string {
  if (!Number.isFinite(index)) return 'n/a';
  const day = `day ${dayNumber(Math.round(index))}`;
  return parseIsoDay(start) === undefined ? day : `${day} (${dayDate(start, index)})`;
}
