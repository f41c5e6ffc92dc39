/**
 * One convention for days and clocks, shared by the terminal report, its charts, the HTML and
 * workbook exports and the stepper. Simulated hour 0 is midnight PKT on the scenario's start date,
 * and PKT keeps no daylight saving, so every simulated day is 24 hours long.
 */
export const DAY_CONVENTION =
  "Day 1 is the scenario's start date. Days run midnight to midnight Pakistan time (PKT, UTC+5); every clock time is PKT unless marked Beijing (UTC+8).";

/** The same, short enough for a chart axis note or a header line. */
export const DAY_CONVENTION_SHORT = 'day 1 = start date; days and times in PKT (UTC+5)';

const HOURS_PER_DAY = 24;

/** The day number (1-based) of day index `index` (0 = the start date), as every display shows it. */
export function dayNumber(index: number): number {
  return index + 1;
}

/** The day number (1-based) that simulated hour `hours` falls in. */
export function dayNumberAt(hours: number): number {
  return Math.floor(hours / HOURS_PER_DAY) + 1;
}

/**
 * "day 12 of 90" inside the horizon, "drain day 3" after it: once the horizon ends no truck
 * arrives and the corridor only empties, and a counter must not pretend otherwise.
 */
export function dayLabel(hours: number, horizonDays: number): string {
  const day = dayNumberAt(hours);
  return day <= horizonDays ? `day ${day} of ${horizonDays}` : `drain day ${day - horizonDays}`;
}
