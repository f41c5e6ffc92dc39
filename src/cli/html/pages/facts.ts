/** Header facts shared by the pages of scenario reports: the horizon, the warm-up, seeds and replications. */
import type { ScenarioReport } from '../../../run/index.js';
import { dayDate } from '../../render/dates.js';
import { formatNumber } from '../../render/format.js';
import { whatIfLine } from '../../render/whatIfs.js';

/** "2025-06-01 to 2025-08-31 (92 days); warm-up 7 days, statistics from 2025-06-08". */
export function horizonText(r: ScenarioReport): string {
  const warmup = r.warmupDays > 0 ? `warm-up ${formatNumber(r.warmupDays, 0)} days, statistics from ${dayDate(r.start, r.warmupDays)} (day ${r.warmupDays + 1})` : 'no warm-up';
  return `${r.start} to ${dayDate(r.start, r.days - 1)} (${formatNumber(r.days, 0)} days); ${warmup}; then a ${formatNumber(r.drainDays, 0)}-day drain period with no new arrivals.`;
}

export function whatIfFacts(r: ScenarioReport, label = 'What-ifs'): Array<readonly [string, string]> {
  return r.whatIfs === undefined ? [] : [[label, whatIfLine(r.whatIfs)]];
}

export const FIGURES_ARE = 'Figures are means over replications; confidence intervals are 95% Student-t over replications; percentiles pool the containers of all replications.';
