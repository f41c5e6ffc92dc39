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
  for (let s = 1; s < runs.length; s++) {
    for (const metric of COMPARED_METRICS) {
      const { difference, ci95, significant } = pairedDifference(metric, runs[0], runs[s]);
      differences.push({ metric: metric.name, unit: metric.unit, baseline: names[0], scenario: names[s], difference, ci95, significant });
    }
  }
  return differences;
}

export interface PairedDifference {
  /** Mean of (other − baseline) over the replications both have and the metric measures; 0 when none. */
  readonly difference: number;
  readonly ci95: readonly [number, number];
  /** True when there are two pairs or more and the 95 % CI of the difference does not contain zero. */
  readonly significant: boolean;
  /** Replication pairs the difference is the mean of. */
  readonly pairs: number;
}

/** `metric` of `other` minus `metric` of `baseline`, paired by replication (common random numbers). */
export function pairedDifference(
  metric: Metric,
  baseline: readonly ReplicationSummary[],
  other: readonly ReplicationSummary[],
): PairedDifference {
  const others = byReplication(other);
  const deltas = byReplication(baseline)
    .map((b, i) => [b, others[i]] as const)
    .filter(([, o]) => o !== undefined)
    .map(([b, o]) => metric.perReplication(o) - metric.perReplication(b))
    .filter((d) => Number.isFinite(d));
  const e = estimate(deltas);
  return {
    difference: deltas.length > 0 ? e.mean : 0,
    ci95: e.ci95,
    significant: deltas.length > 1 && (e.ci95[0] > 0 || e.ci95[1] < 0),
    pairs: deltas.length,
  };
}

function byReplication(summaries: readonly ReplicationSummary[]): ReplicationSummary[] {
  return [...summaries].sort((a, b) => a.replication - b.replication);
}
