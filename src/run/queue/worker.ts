import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type Job } from 'bullmq';
import { within } from '../shutdown.js';
import { codeVersion, describeVersion } from './codeHash.js';
import { probeRedis, reasonOf, redisOptions } from './connect.js';
import { QUEUE_NAME, type JobData } from './protocol.js';
import type { RedisTarget } from './redisUrl.js';

export interface WorkerSettings {
  readonly target: RedisTarget;
  /** Jobs run at once, each in its own worker thread. */
  readonly concurrency: number;
  /**
   * A job's lock lasts this long and is renewed at half of it while the job runs; a worker that
   * stops renewing (killed, cut off) has its job handed to another after about twice this.
   */
  readonly stallSeconds: number;
  /** One line per event worth a log: started, done, failed, connection trouble. */
  readonly log: (line: string) => void;
}

export interface RunningWorker {
  /**
   * Takes no new job, waits until the ones in hand have finished and their results are in
   * Redis, then disconnects (at most a few seconds more: with Redis gone, BullMQ would wait on).
   */
  stop(): Promise<void>;
  /** Jobs in hand now. */
  readonly busy: () => number;
}

/** The same connection trouble is logged once per this long, not at every reconnection attempt. */
const REPEAT_LOG_MS = 30_000;
/** How long disconnecting may take once no job is in hand. */
const DISCONNECT_MS = 3_000;

/**
 * `khunjerab worker`: takes replication jobs from the queue until stopped. Each job runs in a
 * worker thread (BullMQ's sandboxed processor, processor.ts): a replication keeps a CPU busy for
 * seconds, and on the main thread it would hold up the lock renewals, so BullMQ would declare it
 * stalled and run it twice.
 */
export async function startWorker(settings: WorkerSettings): Promise<RunningWorker> {
  const { target, log } = settings;
  await probeRedis(target);
  const processor = new URL('./processor.js', import.meta.url);
  if (!existsSync(fileURLToPath(processor))) throw new Error('the worker runs from the built program (npm run build): processor.js is missing');
  const lockMs = settings.stallSeconds * 1000;
  const worker = new Worker<JobData, string>(QUEUE_NAME, processor, {
    connection: { ...redisOptions(target), maxRetriesPerRequest: null },
    concurrency: settings.concurrency,
    useWorkerThreads: true,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 1,
    name: `khunjerab@${hostname()}:${process.pid}`,
  });
  const started = new Map<string, number>();
  let busy = 0;
  let lastTrouble = { text: '', at: 0 };
  worker.on('active', (job: Job<JobData, string>) => {
    busy++;
    started.set(job.id ?? '', Date.now());
    log(`${job.name}: started`);
  });
  const ended = (job: Job<JobData, string> | undefined, what: string): void => {
    busy = Math.max(0, busy - 1);
    const id = job?.id ?? '';
    const began = started.get(id);
    started.delete(id);
    log(`${job?.name ?? 'a job'}: ${what}${began === undefined ? '' : ` after ${((Date.now() - began) / 1000).toFixed(1)} s`}`);
  };
  worker.on('completed', (job) => ended(job, 'done'));
  worker.on('failed', (job, error) => ended(job, `failed: ${error.message}`));
  worker.on('error', (error) => {
    const text = reasonOf(error, target);
    if (text === lastTrouble.text && Date.now() - lastTrouble.at < REPEAT_LOG_MS) return;
    lastTrouble = { text, at: Date.now() };
    log(`Redis at ${target.shown}: ${text} (retrying)`);
  });
  await worker.waitUntilReady();
  log(`waiting for jobs on ${target.shown} (queue ${QUEUE_NAME}, concurrency ${settings.concurrency}, ${describeVersion(codeVersion())})`);
  return {
    async stop() {
      const closing = worker.close();
      const idle = (async () => {
        while (busy > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      })();
      await Promise.race([closing, idle]);
      await within(closing, DISCONNECT_MS);
    },
    busy: () => busy,
  };
}
