import { defaultWorkers } from '../run/runReplications.js';

/**
 * A progress bar with replications done and an ETA, on stderr. It draws only when stderr is a
 * terminal and the caller allows it (not with --json); otherwise it stays silent.
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export interface ProgressOptions {
  /** Worker threads (`--workers`, default all cores): the first that many replications finish together. */
  readonly workers?: number;
  /** Milliseconds; a clock a test can drive. */
  readonly now?: () => number;
}

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean, label: string, options: ProgressOptions = {}): Progress {
  if (!enabled || !stream.isTTY) return { update: () => undefined, finish: () => undefined };
  const eta = etaEstimator(options.workers ?? defaultWorkers(), options.now ?? Date.now);
  let drawn = false;
  return {
    update(done, total) {
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
      const filled = Math.round((Math.min(done, total) / total) * width);
      const seconds = eta(done, total);
      const etaText = seconds === undefined ? 'ETA …' : `ETA ${seconds.toFixed(1)} s`;
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${etaText}  `);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

/**
 * Seconds left, from the work done since the first replication finished: the time before it
 * is mostly start-up (worker threads, loading and compiling the model), which an ETA from the
 * start would charge to every replication still to run. The rate is measured once more than
 * `parallel` replications are done, when every worker has finished one since the start-up.
 * Undefined until then.
 */
function etaEstimator(parallel: number, now: () => number): (done: number, total: number) => number | undefined {
  let first: { readonly at: number; readonly done: number } | undefined;
  return (done, total) => {
    const at = now();
    if (first === undefined) {
      if (done > 0) first = { at, done };
      return undefined;
    }
    if (done <= Math.max(1, parallel) || done <= first.done || at <= first.at) return undefined;
    const perReplication = (at - first.at) / 1000 / (done - first.done);
    return perReplication * Math.max(0, total - done);
  };
}
