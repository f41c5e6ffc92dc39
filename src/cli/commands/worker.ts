import { availableParallelism } from 'node:os';
import { stopGracefullyOnSignal } from '../../run/shutdown.js';
import type { RedisTarget } from '../../run/queue/redisUrl.js';
import { UsageError } from '../errors.js';
import { reportedQueueError } from '../queueOption.js';

export interface WorkerOptions {
  readonly queue?: RedisTarget;
  /** Default: every core. */
  readonly concurrency?: number;
  readonly stallSeconds: number;
}

/**
 * `khunjerab worker --queue URL`: runs replication jobs until stopped. SIGTERM or Ctrl-C: no new
 * job, the ones in hand finish (their results reach their submitter), then exit 0; a second
 * signal ends it at once.
 */
export async function worker(options: WorkerOptions): Promise<void> {
  if (options.queue === undefined) throw new UsageError('worker needs --queue redis://HOST:PORT[/DB] (or --queue with REDIS_URL in the environment)');
  const { startWorker } = await import('../../run/queue/worker.js');
  const log = (line: string): void => void process.stderr.write(`${new Date().toISOString()} khunjerab worker: ${line}\n`);
  let running: Awaited<ReturnType<typeof startWorker>>;
  try {
    running = await startWorker({ target: options.queue, concurrency: options.concurrency ?? availableParallelism(), stallSeconds: options.stallSeconds, log });
  } catch (error) {
    throw reportedQueueError(error);
  }
  await new Promise<void>((resolve) => {
    stopGracefullyOnSignal((signal) => {
      const busy = running.busy();
      log(busy === 0 ? `${signal}: stopping` : `${signal}: finishing the ${busy === 1 ? 'job' : `${busy} jobs`} in hand, then stopping (a second signal stops at once)`);
      running.stop().finally(resolve);
    });
  });
  log('stopped');
  // Nothing is left to write: end now, rather than leave a client reconnecting to a Redis that has gone.
  process.exit(0);
}
