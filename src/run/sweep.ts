import { estimate } from './confidence.js';
import type { Metric, MetricUnit } from './metrics.js';
import type { PrecisionOutcome } from './precision.js';
import type { ReplicationSummary } from './replication.js';

/**
 * The `--json` contract of `khunjerab sweep`: one entry per point of the grid, in grid order
 * (the first `--vary` changing slowest), each with every metric's mean over replications, its
 * 95 % CI and its value pooled over replications. Non-finite figures are null, never NaN.
 */
export interface SweepReport {
  readonly scenario: string;
  readonly file: string;
  readonly seed: number;
  /** Replications per point; every point runs replications 0‥n−1 on the same seeds. */
  readonly replications: number;
  readonly vary: ReadonlyArray<{ readonly path: string; readonly values: readonly unknown[] }>;
  readonly metrics: ReadonlyArray<{ readonly name: string; readonly unit: MetricUnit; readonly what: string }>;
  readonly points: readonly SweepPoint[];
  /** With `--precision`: what it reached (see precision.ts). */
  readonly precision?: PrecisionOutcome;
}

export interface SweepPoint {
  /** 1-based position in grid order. */
  readonly point: number;
  /** Each swept path's value at this point, read as YAML. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The same as `--set` arguments: `run FILE --set …` reruns this point alone. */
  readonly set: readonly string[];
  readonly metrics: Readonly<Record<string, MetricSummary>>;
}

export interface MetricSummary {
  /** Mean over replications of the value per replication. */
  readonly mean: number | null;
  /** Student-t 95 % CI of that mean; null without a finite value. */
  readonly ci95: readonly [number, number] | null;
  /** Pooled over replications: quantiles over every replication's containers, other figures the mean. */
  readonly pooled: number | null;
}

export interface SweepInput {
  readonly scenario: string;
  readonly file: string;
  readonly seed: number;
  readonly vary: ReadonlyArray<{ readonly path: string; readonly values: ReadonlyArray<{ readonly text: string; readonly value: unknown }> }>;
  /** Each point's values, one per `vary`, in grid order. */
  readonly grid: ReadonlyArray<ReadonlyArray<{ readonly text: string; readonly value: unknown }>>;
  readonly metrics: readonly Metric[];
  /** Per point, in replication order. */
  readonly runs: ReadonlyArray<readonly ReplicationSummary[]>;
  readonly precision?: PrecisionOutcome;
}

export function buildSweepReport(input: SweepInput): SweepReport {
  return {
    scenario: input.scenario,
    file: input.file,
    seed: input.seed,
    replications: input.runs[0]?.length ?? 0,
    vary: input.vary.map((v) => ({ path: v.path, values: v.values.map((x) => x.value) })),
    metrics: input.metrics.map((m) => ({ name: m.name, unit: m.unit, what: m.what })),
    points: input.grid.map((point, p) => ({
      point: p + 1,
      values: Object.fromEntries(point.map((v, k) => [input.vary[k].path, v.value])),
      set: point.map((v, k) => `${input.vary[k].path}=${v.text}`),
      metrics: Object.fromEntries(input.metrics.map((m) => [m.name, summariseMetric(m, input.runs[p])])),
    })),
    ...(input.precision === undefined ? {} : { precision: input.precision }),
  };
}

export function summariseMetric(metric: Metric, reps: readonly ReplicationSummary[]): MetricSummary {
  const values = reps.map((r) => metric.perReplication(r)).filter(Number.isFinite);
  const pooled = metric.pooled(reps);
  if (values.length === 0) return { mean: null, ci95: null, pooled: finiteOrNull(pooled) };
  const e = estimate(values);
  return { mean: e.mean, ci95: e.ci95, pooled: finiteOrNull(pooled) };
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
