/**
 * Calendar dates for chart axes, in UTC date arithmetic: a scenario's `start` is a calendar
 * day (YYYY-MM-DD), and day `i` of the run is that day plus `i`, whatever the local zone.
 */
const DAY_MS = 86_400_000;

/** Milliseconds (UTC midnight) of an ISO date, or undefined when it is not YYYY-MM-DD. */
export function parseIsoDay(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The calendar date of day `index` (0 = `start`), as YYYY-MM-DD; "day N" when `start` is no
 * date, "n/a" when `index` is no number.
 */
export function dayDate(start: string, index: number): string {
  if (!Number.isFinite(index)) return 'n/a';
  const ms = parseIsoDay(start);
  const date = ms === undefined ? undefined : new Date(ms + Math.round(index) * DAY_MS);
  if (date === undefined || Number.isNaN(date.getTime())) return `day ${Math.round(index)}`;
  return date.toISOString().slice(0, 10);
}

/** True when day `index` is the first of a month (false when `start` is no date). */
export function isMonthStart(start: string, index: number): boolean {
  const ms = parseIsoDay(start);
  return ms !== undefined && new Date(ms + index * DAY_MS).getUTCDate() === 1;
}
