/** How fast `r` runs: simulated hours per real second, slowest first. */
export const SPEEDS: readonly number[] = [0.25, 1, 3, 6, 12, 24, 72, 240];

/** The speed `r` starts at: 6 simulated hours a second, a 90-day winter in about six minutes. */
export const DEFAULT_SPEED = 3;

/** Real milliseconds between the runner's ticks. */
export const TICK_MS = 100;

/** Events one tick may fire at most, so keys are read between ticks at any speed. */
export const MAX_EVENTS_PER_TICK = 2000;

/** "15 min/s", "6 h/s", "3 d/s". */
export function speedLabel(index: number): string {
  const hours = SPEEDS[clampSpeed(index)];
  if (hours < 1) return `${Math.round(hours * 60)} min/s`;
  return hours < 24 ? `${hours} h/s` : `${hours / 24} d/s`;
}

export function clampSpeed(index: number): number {
  return Math.max(0, Math.min(SPEEDS.length - 1, index));
}

/** Simulated hours one tick covers at this speed. */
export function hoursPerTick(index: number): number {
  return (SPEEDS[clampSpeed(index)] * TICK_MS) / 1000;
}
