import type { CorridorParams } from '../model/params.js';
import { estimate, mean } from './confidence.js';
import type { Metric } from './metrics.js';
import type { ReplicationSummary } from './replication.js';
import { runBatch, type BatchOptions } from './runReplications.js';

/**
 * Replications by precision (`--precision 5%`): run replications in batches until the 95 % CI
 * of the main metric is narrow enough, checking after each batch.
 *
 *   batch 1: replications 0‥9    half-width 9 % of the mean   → projected need 33, at most doubled: 20
 *   batch 2: replications 10‥19  half-width 6 % of the mean   → projected need 29
 *   batch 3: replications 20‥28  half-width 4.8 % of the mean → within 5 %: stop at 29
 *
 * Batches continue the replication indices, and replication i always runs on the seed derived
 * from (seed, i), so stopping at N gives exactly what `--replications N` gives.
 *
 * The rule, for each subject (see {@link checkPrecision}): a scenario's half-width must be at
 * most `relative` × |its mean|; a paired difference from the baseline (compare) at most
 * `relative` × the larger of |the difference| and |the baseline's mean|, so that a difference
 * near zero is known to within the precision of the baseline itself rather than forever
 * chasing a relative precision on almost nothing.
 */
export interface PrecisionGoal {
  /** The half-width allowed as a fraction of the scale: 0.05 for `--precision 5%`. */
  readonly relative: number;
  readonly metric: Metric;
  /** Replications per scenario in the first batch. */
  readonly firstBatch: number;
  /** Replications per scenario at most; the run stops there, met or not. */
  readonly maxReplications: number;
  /** compare: every scenario's paired difference from the first must be precise too. */
  readonly paired: boolean;
}

/** One figure the goal holds to, after a batch. Non-finite figures are null, never NaN. */
export interface PrecisionCheck {
  /** "winter-2025", or "winter-2025 − summer-2025" for a paired difference. */
  readonly subject: string;
  readonly mean: number | null;
  /** Half the width of the 95 % CI; null with fewer than two finite values. */
  readonly halfWidth: number | null;
  /** The largest half-width the goal allows. */
  readonly allowed: number | null;
  readonly met: boolean;
}

/** What `--precision` reached: in the JSON as `precision`, and in the text report. */
export interface PrecisionOutcome {
  readonly metric: string;
  /** The goal as a fraction: 0.05 for 5 %. */
  readonly target: number;
  /** Replications per scenario run in all. */
  readonly replications: number;
  readonly maxReplications: number;
  /** True when the run stopped at the cap without meeting the goal. */
  readonly capped: boolean;
  /** Replications per scenario after each batch. */
  readonly batches: readonly number[];
  readonly checks: readonly PrecisionCheck[];
}

/** The runs in replication order, and what precision they reached. */
export interface PrecisionRun {
  readonly runs: ReplicationSummary[][];
  readonly outcome: PrecisionOutcome;
}

/**
 * Runs every scenario in batches until `goal` is met or `goal.maxReplications` is reached.
 * `subjects` names the scenarios in the checks (default: their names).
 *
 * @example
 * const { runs, outcome } = await runToPrecision([scenario], { seed: 7 }, { relative: 0.05, metric, firstBatch: 10, maxReplications: 200, paired: false });
 * outcome.replications; // the N at which every half-width was within 5 % (or the cap)
 */
export async function runToPrecision(
  scenarios: readonly CorridorParams[],
  options: Pick<BatchOptions, 'seed' | 'workers' | 'queue' | 'onProgress'>,
  goal: PrecisionGoal,
  subjects: readonly string[] = scenarios.map((s) => s.name),
): Promise<PrecisionRun> {
  let runs: ReplicationSummary[][] = scenarios.map(() => []);
  let done = 0;
  let target = Math.min(goal.firstBatch, goal.maxReplications);
  const batches: number[] = [];
  for (;;) {
    const already = done;
    const batch = await runBatch(scenarios, {
      seed: options.seed,
      workers: options.workers,
      queue: options.queue,
      replications: target - already,
      firstReplication: already,
      onProgress: (d, total) => options.onProgress?.(already * scenarios.length + d, already * scenarios.length + total),
    });
    runs = runs.map((reps, s) => [...reps, ...batch[s]]);
    done = target;
    batches.push(done);
    const checks = checkPrecision(valuesOf(runs, goal.metric), subjects, goal.relative, goal.paired);
    const met = checks.every((c) => c.met);
    if (met || done >= goal.maxReplications) {
      const outcome = { metric: goal.metric.name, target: goal.relative, replications: done, maxReplications: goal.maxReplications, capped: !met, batches, checks };
      return { runs, outcome };
    }
    target = nextTarget(done, checks, goal.maxReplications);
  }
}

/** Each scenario's metric per replication, in replication order (NaN where it has none). */
export function valuesOf(runs: ReadonlyArray<readonly ReplicationSummary[]>, metric: Metric): number[][] {
  return runs.map((reps) => reps.map((r) => metric.perReplication(r)));
}

/**
 * The stopping rule on values per replication (`values[s][i]`: scenario s, replication i).
 * Each scenario: half-width ≤ relative × |mean|. With `paired`, each later scenario's
 * difference from the first, paired by replication: half-width ≤ relative × max(|mean
 * difference|, |baseline mean|). Non-finite values are left out; fewer than two finite values
 * never meet the goal.
 */
export function checkPrecision(values: ReadonlyArray<readonly number[]>, subjects: readonly string[], relative: number, paired: boolean): PrecisionCheck[] {
  const checks = values.map((v, s) => {
    const finite = v.filter(Number.isFinite);
    return check(subjects[s], finite, relative * Math.abs(mean(finite)));
  });
  if (!paired || values.length < 2) return checks;
  const baseline = values[0];
  const baselineMean = Math.abs(mean(baseline.filter(Number.isFinite)));
  for (let s = 1; s < values.length; s++) {
    const deltas = values[s].map((v, i) => v - baseline[i]).filter(Number.isFinite);
    checks.push(check(`${subjects[s]} − ${subjects[0]}`, deltas, relative * Math.max(Math.abs(mean(deltas)), baselineMean)));
  }
  return checks;
}

function check(subject: string, finite: readonly number[], allowed: number): PrecisionCheck {
  if (finite.length < 2) return { subject, mean: finite.length === 1 ? finite[0] : null, halfWidth: null, allowed: null, met: false };
  const e = estimate(finite);
  const halfWidth = (e.ci95[1] - e.ci95[0]) / 2;
  return { subject, mean: e.mean, halfWidth, allowed, met: halfWidth <= allowed };
}

/**
 * Replications per scenario for the next batch: the need projected from the widest miss
 * (a half-width shrinks as 1/√n, so n × (half-width / allowed)²), grown by at least a quarter
 * and at most doubled (an early estimate of the spread is rough), and never past the cap.
 */
export function nextTarget(done: number, checks: readonly PrecisionCheck[], cap: number): number {
  let ratio = 1;
  for (const c of checks) {
    if (c.met) continue;
    const miss = c.halfWidth === null || c.allowed === null || c.allowed <= 0 ? Infinity : (c.halfWidth / c.allowed) ** 2;
    ratio = Math.max(ratio, miss);
  }
  const projected = Number.isFinite(ratio) ? Math.ceil(done * ratio) : 2 * done;
  const grown = Math.max(done + Math.ceil(done / 4), Math.min(2 * done, projected));
  return Math.min(cap, Math.max(done + 1, grown));
}
