import { estimate } from './confidence.js';
import type { ReplicationSummary } from './replication.js';

/**
 * Differences between each scenario and the first (the baseline), paired by replication.
 * Replication i of every scenario shares its random streams (arrivals, cargo, weather), so
 * the per-replication differences carry little noise and their CI is tight: common random
 * numbers.
 */
export interface Difference {
  readonly metric: string;
  readonly unit: string;
  readonly baseline: string;
  readonly scenario: string;
  /** Mean of (scenario − baseline) over paired replications. */
  readonly difference: number;
  readonly ci95: readonly [number, number];
  /** True when the 95 % CI of the difference does not contain zero. */
  readonly significant: boolean;
}

interface Metric {
  readonly name: string;
  readonly unit: string;
  readonly value: (r: ReplicationSummary) => number;
}

export const COMPARED_METRICS: readonly Metric[] = [
  { name: 'throughputPerDay', unit: 'containers/day', value: (r) => r.throughputPerDay },
  { name: 'timeRelease.mean', unit: 'hours', value: (r) => histogramMean(r.timeRelease) },
  { name: 'corridorTime.mean', unit: 'hours', value: (r) => histogramMean(r.corridorTime) },
  { name: 'passClosedDays', unit: 'days', value: (r) => Object.values(r.closedDaysByCause).reduce((s, v) => s + v, 0) },
  { name: 'stranded.mean', unit: 'containers', value: (r) => r.stranded.mean },
  { name: 'perishablesLost', unit: 'containers', value: (r) => r.perishablesLost },
  { name: 'inSystemAtEnd', unit: 'containers', value: (r) => r.inSystem },
];

export function compareScenarios(
  names: readonly string[],
  runs: ReadonlyArray<readonly ReplicationSummary[]>,
): Difference[] {
  const differences: Difference[] = [];
  const baseline = byReplication(runs[0]);
  for (let s = 1; s < runs.length; s++) {
    const other = byReplication(runs[s]);
    const pairs = baseline.map((b, i) => [b, other[i]] as const).filter(([, o]) => o !== undefined);
    for (const metric of COMPARED_METRICS) {
      const deltas = pairs
        .map(([b, o]) => metric.value(o) - metric.value(b))
        .filter((d) => Number.isFinite(d));
      const e = estimate(deltas);
      differences.push({
        metric: metric.name,
        unit: metric.unit,
        baseline: names[0],
        scenario: names[s],
        difference: deltas.length > 0 ? e.mean : 0,
        ci95: e.ci95,
        significant: deltas.length > 1 && (e.ci95[0] > 0 || e.ci95[1] < 0),
      });
    }
  }
  return differences;
}

function byReplication(summaries: readonly ReplicationSummary[]): ReplicationSummary[] {
  return [...summaries].sort((a, b) => a.replication - b.replication);
}

function histogramMean(h: ReplicationSummary['timeRelease']): number {
  return h.count > 0 ? h.sum / h.count : NaN;
}

