import { pairedDifference } from './comparison.js';
import type { Metric, MetricUnit } from './metrics.js';
import type { ReplicationSummary } from './replication.js';

/**
 * One-at-a-time sensitivity: each factor moved from its low to its high level, every other
 * factor at the scenario's own value. Both levels run on the same seeds, so replication i at
 * low and replication i at high share their random streams and the effect is a paired
 * difference:
 *
 *   effect = mean over i of ( metric(high, i) − metric(low, i) )   with a 95 % Student-t CI
 *
 * Factors are ranked by the size of their effect on the first metric: the tornado's order.
 */
export interface FactorRuns {
  readonly factor: string;
  readonly low: readonly ReplicationSummary[];
  readonly high: readonly ReplicationSummary[];
}

export interface OneAtATimeEffect {
  readonly metric: string;
  readonly unit: MetricUnit;
  /** The metric at the low level, pooled over replications (0 when nothing was measured). */
  readonly atLow: number;
  readonly atHigh: number;
  /** Mean of (high − low) over paired replications. */
  readonly effect: number;
  readonly ci95: readonly [number, number];
  /** The CI excludes zero. */
  readonly significant: boolean;
  /** Replication pairs in the effect. */
  readonly pairs: number;
}

export interface RankedFactor {
  readonly factor: string;
  /** 1 = the largest |effect| on the first metric. */
  readonly rank: number;
  readonly effects: readonly OneAtATimeEffect[];
}

export function oneAtATimeEffects(runs: readonly FactorRuns[], metrics: readonly Metric[]): RankedFactor[] {
  const measured = runs.map((r) => ({ factor: r.factor, effects: metrics.map((m) => effectOf(m, r)) }));
  return rankBy(measured, (f) => Math.abs(f.effects[0]?.effect ?? 0)).map(({ item, rank }) => ({ ...item, rank }));
}

/** `items` from the largest `size` down, ties in their given order, with ranks from 1. */
export function rankBy<T>(items: readonly T[], size: (item: T) => number): Array<{ item: T; rank: number }> {
  return items
    .map((item, index) => ({ item, index, size: size(item) }))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map(({ item }, i) => ({ item, rank: i + 1 }));
}

function effectOf(metric: Metric, runs: FactorRuns): OneAtATimeEffect {
  const paired = pairedDifference(metric, runs.low, runs.high);
  return {
    metric: metric.name,
    unit: metric.unit,
    atLow: finiteOrZero(metric.pooled(runs.low)),
    atHigh: finiteOrZero(metric.pooled(runs.high)),
    effect: paired.difference,
    ci95: paired.ci95,
    significant: paired.significant,
    pairs: paired.pairs,
  };
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
