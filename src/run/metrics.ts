import { mean } from './confidence.js';
import { LogHistogram, type HistogramData } from './histogram.js';
import type { ReplicationSummary } from './replication.js';

/**
 * The figures an analysis command can aim at, bisect on or rank by (`--metric`, `--limit`,
 * `--precision`). Each has a value per replication, for CIs and paired differences, and a
 * value pooled over replications: quantiles pool the containers of every replication, like
 * the report; everything else is the mean over replications.
 */
export interface Metric {
  readonly name: string;
  readonly unit: MetricUnit;
  readonly what: string;
  perReplication(r: ReplicationSummary, censoring?: Censoring): number;
  pooled(reps: readonly ReplicationSummary[], censoring?: Censoring): number;
}

export type MetricUnit = 'hours' | 'containers/day' | 'containers' | 'days';

/**
 * What a time figure does with containers that entered after the warm-up but had not left
 * when the drain period ended. `excluded` is the report's rule (they are counted apart, as
 * unfinished). `atEnd` counts each with the time it had spent when the run ended, a lower
 * bound of its time: a capacity search must see a saturated corridor as slow, not as fast
 * because the slowest never finished.
 */
export type Censoring = 'excluded' | 'atEnd';

type HistogramSource = 'timeRelease' | 'corridorTime';

/** Where the age of an unfinished container is kept, for each time figure. */
const UNFINISHED_AGE: Readonly<Record<HistogramSource, 'sost' | 'corridor'>> = { timeRelease: 'sost', corridorTime: 'corridor' };

const TIME_SOURCES: ReadonlyArray<readonly [HistogramSource, string]> = [
  ['timeRelease', 'Sost time release (arrival at Sost to gate-out)'],
  ['corridorTime', 'corridor time (Kashgar arrival to Sost gate-out)'],
];

const STATISTICS: ReadonlyArray<readonly [string, number | 'mean']> = [
  ['mean', 'mean'],
  ['median', 0.5],
  ['p90', 0.9],
  ['p95', 0.95],
];

function timeMetric(source: HistogramSource, what: string, statistic: string, q: number | 'mean'): Metric {
  const histograms = (reps: readonly ReplicationSummary[], censoring: Censoring): HistogramData[] =>
    censoring === 'atEnd' ? reps.flatMap((r) => [r[source], r.unfinishedAge[UNFINISHED_AGE[source]]]) : reps.map((r) => r[source]);
  return {
    name: `${source}.${statistic}`,
    unit: 'hours',
    what: `${statistic} ${what}`,
    perReplication: (r, censoring = 'excluded') => histogramStatistic(histograms([r], censoring), q),
    pooled: (reps, censoring = 'excluded') => histogramStatistic(histograms(reps, censoring), q),
  };
}

/** A figure each replication has once: pooled as the mean over replications. */
function replicationMetric(name: string, unit: MetricUnit, what: string, value: (r: ReplicationSummary) => number): Metric {
  return { name, unit, what, perReplication: (r) => value(r), pooled: (reps) => (reps.length === 0 ? NaN : mean(reps.map(value))) };
}

export const METRICS: readonly Metric[] = [
  ...TIME_SOURCES.flatMap(([source, what]) => STATISTICS.map(([statistic, q]) => timeMetric(source, what, statistic, q))),
  replicationMetric('throughputPerDay', 'containers/day', 'containers gated out at Sost per measured day', (r) => r.throughputPerDay),
  replicationMetric('passClosedDays', 'days', 'days the crossing was shut', (r) => Object.values(r.closedDaysByCause).reduce((s, v) => s + v, 0)),
  replicationMetric('stranded.mean', 'containers', 'time-average trucks stranded at Tashkurgan', (r) => r.stranded.mean),
  replicationMetric('stranded.peak', 'containers', 'most trucks stranded at Tashkurgan at once', (r) => r.stranded.peak),
  replicationMetric('perishablesLost', 'containers', 'perishable containers spoiled', (r) => r.perishablesLost),
  replicationMetric('inSystemAtEnd', 'containers', 'containers still inside when the run ended', (r) => r.inSystem),
  replicationMetric('averageInside.corridor', 'containers', 'time-average containers inside the corridor', (r) => r.averageInside.corridor),
  replicationMetric('averageInside.sost', 'containers', 'time-average containers at Sost', (r) => r.averageInside.sost),
];

export const METRIC_NAMES: readonly string[] = METRICS.map((m) => m.name);

export function findMetric(name: string): Metric | undefined {
  return METRICS.find((m) => m.name === name);
}

/** The metric named, or an error message that lists the names there are. */
export function metricOrProblem(name: string): { metric: Metric } | { problem: string } {
  const metric = findMetric(name.trim());
  if (metric !== undefined) return { metric };
  return { problem: `unknown metric "${name}"; one of ${METRIC_NAMES.join(', ')}` };
}

/** The mean or q-quantile of the values in `data`; NaN when there is nothing to measure. */
function histogramStatistic(data: readonly HistogramData[], q: number | 'mean'): number {
  const h = new LogHistogram();
  for (const d of data) h.merge(d);
  return q === 'mean' ? h.mean : h.quantile(q);
}
