import { runBatch, runToPrecision, type CorridorParams, type TaskRunner, type PrecisionGoal, type PrecisionOutcome, type ReplicationSummary } from '../../run/index.js';
import { UsageError } from '../errors.js';
import { formatGoal } from '../render/format.js';
import type { Progress } from '../progress.js';

export interface ReplicateOptions {
  readonly seed: number;
  readonly replications: number;
  readonly workers?: number;
  /** `--queue`: the replications run as jobs on Redis. */
  readonly queue?: TaskRunner;
  readonly csv?: string;
  readonly events?: string;
}

export interface Replicated {
  /** Per scenario, in replication order. */
  readonly runs: ReplicationSummary[][];
  /** What `--precision` reached; absent without it. */
  readonly precision?: PrecisionOutcome;
}

/**
 * The replications a command asked for: `--replications N` in one batch, or under `--precision`
 * batches until the goal is met (see run/precision.ts). When the cap stops the run first, a
 * message says so on stderr.
 */
export async function replicate(
  scenarios: readonly CorridorParams[],
  options: ReplicateOptions,
  goal: PrecisionGoal | undefined,
  progress: Progress,
  subjects?: readonly string[],
): Promise<Replicated> {
  const onProgress = (done: number, total: number): void => progress.update(done, total);
  if (goal === undefined) {
    const runs = await runBatch(scenarios, { seed: options.seed, replications: options.replications, workers: options.workers, queue: options.queue, csvPath: options.csv, eventsPath: options.events, onProgress });
    progress.finish();
    return { runs };
  }
  refuseContainerFiles(options);
  const { runs, outcome } = await runToPrecision(scenarios, { seed: options.seed, workers: options.workers, queue: options.queue, onProgress }, goal, subjects);
  progress.finish();
  if (outcome.capped) process.stderr.write(`khunjerab: ${cappedMessage(outcome)}\n`);
  return { runs, precision: outcome };
}

/** "--precision 5% not reached for timeRelease.mean within --max-replications 200: …". */
export function cappedMessage(outcome: PrecisionOutcome): string {
  const missed = outcome.checks.filter((c) => !c.met).map((c) => c.subject);
  const shown = missed.length > 3 ? `${missed.slice(0, 3).join(', ')} and ${missed.length - 3} more` : missed.join(', ');
  return (
    `--precision ${formatGoal(outcome.target)} not reached for ${outcome.metric} within --max-replications ${outcome.maxReplications} ` +
    `(not within it: ${shown}); the figures are from ${outcome.replications} replications`
  );
}

function refuseContainerFiles(options: ReplicateOptions): void {
  const flags = [options.csv === undefined ? '' : '--csv', options.events === undefined ? '' : '--events'].filter((f) => f !== '');
  if (flags.length > 0) {
    throw new UsageError(
      `--precision cannot be combined with ${flags.join(' or ')}: the number of replications is known only at the end; ` +
        'run with --precision first, then again with --replications N (the N it reports) to write the same runs\' rows',
    );
  }
}
