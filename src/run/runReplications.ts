import { appendFileSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { CorridorParams } from '../model/params.js';
import { csvHeader } from './outputFiles.js';
import type { ReplicationSummary } from './replication.js';
import { runTask, type ReplicationTask } from './replicationTask.js';
import { removeAtExit } from './temporaryFiles.js';
import { workerPool } from './workerPool.js';

export interface BatchOptions {
  readonly seed: number;
  readonly replications: number;
  /** Index of the first replication run (default 0): a later batch continues where an earlier stopped, on the same seeds. */
  readonly firstReplication?: number;
  /** Worker threads; 1 runs everything in this thread. Results never depend on it. */
  readonly workers?: number;
  readonly csvPath?: string;
  readonly eventsPath?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Thin every scenario's arrivals from this demand scale: nested demands (see arrivals.ts). */
  readonly demandCeiling?: number;
  /** Run the replications somewhere else (a Redis queue, see queue/) instead of this machine's threads. */
  readonly queue?: TaskRunner;
}

/**
 * Runs replication tasks and returns their summaries in task order, whatever order they finish
 * in; a task's CSV rows and events end up in its `csvPath` and `eventsPath`, as when it runs here.
 */
export interface TaskRunner {
  run(tasks: readonly ReplicationTask[], onProgress?: (done: number, total: number) => void): Promise<ReplicationSummary[]>;
}

/**
 * Runs `replications` replications of every scenario, spread over worker threads, and
 * returns the summaries per scenario in replication order. Replication i of every scenario
 * uses the seed derived from (seed, i): common random numbers across scenarios, and the
 * same answer whatever the number of workers.
 */
export async function runBatch(scenarios: readonly CorridorParams[], options: BatchOptions): Promise<ReplicationSummary[][]> {
  const outputDir = options.csvPath !== undefined || options.eventsPath !== undefined ? mkdtempSync(join(tmpdir(), 'khunjerab-')) : undefined;
  const removeOutputDir = outputDir === undefined ? undefined : removeAtExit(outputDir);
  const tasks: ReplicationTask[] = [];
  scenarios.forEach((params, scenarioIndex) => {
    const first = options.firstReplication ?? 0;
    for (let replication = first; replication < first + options.replications; replication++) {
      const stem = outputDir === undefined ? '' : join(outputDir, `${scenarioIndex}-${replication}`);
      tasks.push({
        scenarioIndex,
        params,
        seed: options.seed,
        replication,
        csvPath: options.csvPath === undefined ? undefined : `${stem}.csv`,
        eventsPath: options.eventsPath === undefined ? undefined : `${stem}.ndjson`,
        demandCeiling: options.demandCeiling,
      });
    }
  });
  try {
    const summaries =
      options.queue === undefined ? await execute(tasks, options.workers ?? defaultWorkers(), options.onProgress) : await options.queue.run(tasks, options.onProgress);
    if (options.csvPath !== undefined) concatenate(tasks.map((t) => t.csvPath as string), options.csvPath, csvHeader());
    if (options.eventsPath !== undefined) concatenate(tasks.map((t) => t.eventsPath as string), options.eventsPath);
    return scenarios.map((_, s) =>
      tasks.flatMap((t, i) => (t.scenarioIndex === s ? [summaries[i]] : [])),
    );
  } finally {
    removeOutputDir?.();
  }
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

async function execute(
  tasks: readonly ReplicationTask[],
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ReplicationSummary[]> {
  const results = new Array<ReplicationSummary>(tasks.length);
  const script = workerScript();
  const threads = Math.min(workers, tasks.length);
  let done = 0;
  if (threads <= 1 || script === undefined) {
    for (let i = 0; i < tasks.length; i++) {
      results[i] = runTask(tasks[i]);
      onProgress?.(++done, tasks.length);
      await Promise.resolve();
    }
    return results;
  }
  let next = 0;
  const runOn = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      let current = -1;
      const finish = (error?: Error): void => {
        worker.off('message', onMessage);
        worker.off('error', finish);
        worker.off('exit', onExit);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onMessage = (message: { ok: true; summary: ReplicationSummary } | { ok: false; message: string; stack?: string }): void => {
        if (!message.ok) {
          const error = new Error(message.message);
          error.stack = message.stack ?? error.stack;
          finish(error);
          return;
        }
        results[current] = message.summary;
        onProgress?.(++done, tasks.length);
        feed();
      };
      const onExit = (code: number): void => finish(new Error(`a worker thread ended (exit code ${code}) during replication ${tasks[current].replication} of ${tasks[current].params.name}`));
      const feed = (): void => {
        if (next >= tasks.length) {
          finish();
          return;
        }
        current = next++;
        worker.postMessage(tasks[current]);
      };
      worker.on('message', onMessage);
      worker.on('error', finish);
      worker.on('exit', onExit);
      feed();
    });
  const pool = workerPool(script);
  const threadsTaken = pool.take(threads);
  try {
    await Promise.all(threadsTaken.map(runOn));
  } catch (error) {
    await Promise.all(threadsTaken.map((w) => w.terminate()));
    throw error;
  }
  pool.give(threadsTaken);
  return results;
}

/** The compiled worker next to this module; absent when running from TypeScript sources (tests). */
function workerScript(): URL | undefined {
  const url = new URL('./replicationWorker.js', import.meta.url);
  return url.protocol === 'file:' && import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Joins the parts into `target` through a temporary file beside it, renamed once whole: a reader never sees half a file. */
function concatenate(parts: readonly string[], target: string, header?: string): void {
  const temporary = `${target}.partial-${process.pid}`;
  const remove = removeAtExit(temporary);
  try {
    writeFileSync(temporary, header === undefined ? '' : `${header}\n`);
    for (const part of parts) {
      if (existsSync(part)) appendFileSync(temporary, readFileSync(part));
    }
    renameSync(temporary, target);
  } finally {
    remove();
  }
}
