import { morrisEffects, type MorrisDesign } from './morris.js';
import type { Metric, MetricUnit } from './metrics.js';
import { rankBy } from './oneAtATime.js';
import type { ReplicationSummary } from './replication.js';

/**
 * Morris screening of a simulation: the output at each design point is a metric pooled over
 * that point's replications; each metric gets its own μ, μ* and σ per factor, and the factors
 * are ranked by μ* on the first metric.
 */
export interface MorrisMetricEffect {
  readonly metric: string;
  readonly unit: MetricUnit;
  /** Mean elementary effect, in the metric's unit over the factor's whole range. */
  readonly mu: number;
  /** Mean absolute elementary effect: the importance. */
  readonly muStar: number;
  /** Spread of the elementary effects: non-linearity or interaction. */
  readonly sigma: number;
  /** Elementary effects measured. */
  readonly effects: number;
}

export interface MorrisRankedFactor {
  readonly factor: string;
  /** 1 = the largest μ* on the first metric. */
  readonly rank: number;
  readonly effects: readonly MorrisMetricEffect[];
}

/** `runs[t][j]`: the replications of point j of trajectory t. */
export function morrisRanking(
  design: MorrisDesign,
  runs: ReadonlyArray<ReadonlyArray<readonly ReplicationSummary[]>>,
  metrics: readonly Metric[],
): MorrisRankedFactor[] {
  const perMetric = metrics.map((metric) => morrisEffects(design, runs.map((points) => points.map((reps) => metric.pooled(reps)))));
  const factors = design.factors.map((factor, i) => ({
    factor: factor.name,
    effects: metrics.map((metric, m): MorrisMetricEffect => {
      const { mu, muStar, sigma, effects } = perMetric[m][i];
      return { metric: metric.name, unit: metric.unit, mu, muStar, sigma, effects };
    }),
  }));
  return rankBy(factors, (f) => f.effects[0]?.muStar ?? 0).map(({ item, rank }) => ({ ...item, rank }));
}
