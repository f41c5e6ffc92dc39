import { MS_PER_DAY, parseIsoDate } from '../kernel/index.js';

/** The longest horizon a scenario may ask for, in days (ten years). */
export const MAX_DAYS = 3660;

/**
 * The most containers one replication may be expected to bring. Memory grows with the
 * containers inside at once, and in a saturated corridor that is nearly all of them: a year
 * of year-2025 at 126× demand with its capacities unchanged (1.249 million containers, 1.23
 * million never leaving) peaks at 3.1 GB, under a default 4 GB heap. The bound sits above
 * the ×100 benchmark (about a million). Replications run one after another per worker, so
 * the total across replications costs time, not memory, and is not bounded.
 */
export const MAX_EXPECTED_CONTAINERS = 1_250_000;

/** Containers a replication brings on average: the monthly rates times the scale, day by day over the horizon (from day `fromDay`). */
export function expectedContainers(start: string, days: number, perDayByMonth: readonly number[], scale: number, fromDay = 0): number {
  const { year, month, day } = parseIsoDate(start);
  const first = Date.UTC(year, month - 1, day);
  let total = 0;
  for (let d = fromDay; d < days; d++) total += perDayByMonth[new Date(first + d * MS_PER_DAY).getUTCMonth()] * scale;
  return total;
}

/** Why the demand is too large for one replication, or undefined when it fits. */
export function demandTooLarge(expected: number, what: string): string | undefined {
  if (expected <= MAX_EXPECTED_CONTAINERS) return undefined;
  const round = (n: number): string => Math.round(n).toLocaleString('en-US');
  return `${what} brings about ${round(expected)} containers in one replication; at most ${round(MAX_EXPECTED_CONTAINERS)} fit in memory (shorten the horizon or lower the demand)`;
}
