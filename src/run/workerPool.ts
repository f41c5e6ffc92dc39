import { Worker } from 'node:worker_threads';

/**
 * Worker threads kept from one batch of replications to the next within a process. A thread
 * loads the model and warms its JIT once, which costs about as much as a replication; a
 * capacity search or a precision run asks for a batch per round, and fresh threads each round
 * spent most of their time warming up. Idle threads are unref'd: they never keep the process
 * alive, and they end with it.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];

  constructor(private readonly script: URL) {}

  /** `n` threads for a batch, idle ones first. */
  take(n: number): Worker[] {
    const workers = this.idle.splice(0, n);
    while (workers.length < n) workers.push(this.spawn());
    for (const worker of workers) worker.ref();
    return workers;
  }

  /** Threads whose batch went well, kept for the next one. */
  give(workers: readonly Worker[]): void {
    for (const worker of workers) {
      worker.unref();
      this.idle.push(worker);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.script);
    worker.once('exit', () => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return worker;
  }
}

const pools = new Map<string, WorkerPool>();

/** The process's pool for `script`. */
export function workerPool(script: URL): WorkerPool {
  let pool = pools.get(script.href);
  if (pool === undefined) {
    pool = new WorkerPool(script);
    pools.set(script.href, pool);
  }
  return pool;
}
