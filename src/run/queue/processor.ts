import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxedJob } from 'bullmq';
import { runTask, type ReplicationTask } from '../replicationTask.js';
import { removeAtExit } from '../temporaryFiles.js';
import { codeVersion, describeVersion, type CodeVersion } from './codeHash.js';
import { encodeResult, packFile, readJobData, type JobData, type JobResult, type QueuedTask } from './protocol.js';

/**
 * BullMQ's sandboxed processor (worker.ts runs it in worker threads): one replication per job,
 * off the worker's main thread so that its lock renewals go on while the replication computes.
 */
export default function processReplication(job: SandboxedJob<JobData, string>): Promise<string> {
  const { task, from } = readJobData(job.data);
  const mine = codeVersion();
  if (from.code !== mine.code || from.version !== mine.version) return Promise.reject(new Error(mismatch(from, mine)));
  return Promise.resolve(runQueued(task));
}

/** "refused: this worker runs khunjerab 0.1.0, code …, on b; the job comes from khunjerab 0.1.0, code …, on a: …". */
export function mismatch(from: CodeVersion, mine: CodeVersion): string {
  return `refused: this worker runs ${describeVersion(mine)}; the job comes from ${describeVersion(from)}: run the same build on both`;
}

/** Runs the task as runBatch would here, its rows and events into part files that travel back with the summary. */
export function runQueued(task: QueuedTask): string {
  const { csv, events, ...rest } = task;
  const dir = csv || events ? mkdtempSync(join(tmpdir(), 'khunjerab-job-')) : undefined;
  const remove = dir === undefined ? undefined : removeAtExit(dir);
  try {
    const local: ReplicationTask = {
      ...rest,
      csvPath: dir !== undefined && csv ? join(dir, 'rows.csv') : undefined,
      eventsPath: dir !== undefined && events ? join(dir, 'events.ndjson') : undefined,
    };
    const summary = runTask(local);
    const result: JobResult = {
      summary,
      ...(local.csvPath === undefined ? {} : { csv: packFile(local.csvPath) }),
      ...(local.eventsPath === undefined ? {} : { events: packFile(local.eventsPath) }),
    };
    return encodeResult(result);
  } finally {
    remove?.();
  }
}
