import { estimate } from './confidence.js';
import { findMetric, type Metric } from './metrics.js';
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

const COMPARED_NAMES = ['throughputPerDay', 'timeRelease.mean', 'corridorTime.mean', 'passClosedDays', 'stranded.mean', 'perishablesLost', 'inSystemAtEnd'];

export const COMPARED_METRICS: readonly Metric[] = COMPARED_NAMES.map((name) => {
  const metric = findMetric(name);
  if (metric === undefined) throw new Error(`no metric ${name}`);
  return metric;
});

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
        .map(([b, o]) => metric.perReplication(o) - metric.perReplication(b))
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
