import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { ReplicationSummary } from '../replication.js';
import type { ReplicationTask } from '../replicationTask.js';
import type { TaskRunner } from '../runReplications.js';
import { within } from '../shutdown.js';
import { codeVersion } from './codeHash.js';
import { probeRedis, reasonOf, redisOptions, unreachable } from './connect.js';
import { QueueError } from './errors.js';
import { QUEUE_NAME, decodeResult, jobData, unpackFile, type JobData } from './protocol.js';
import type { RedisTarget } from './redisUrl.js';

/** A submitter whose Redis has not answered for this long stops the run with an error. */
export const LOST_DEADLINE_MS = 10_000;
const HEARTBEAT_MS = 1_000;
/** Besides the job events, how often the finished jobs are looked up (an event can be missed). */
const RECONCILE_MS = 5_000;
/** A run's finished jobs are removed as they are gathered; these ages only clear what a killed submitter left. */
const KEEP_COMPLETED_S = 3_600;
const KEEP_FAILED_S = 24 * 3_600;
const ADD_CHUNK = 500;
/** How long cutting a lost connection waits for a client that is still being set up. */
const CUT_WAIT_MS = 500;

export interface SessionOptions {
  /** A line for the user (stderr): no worker yet, a worker lost mid-job. */
  readonly notice?: (text: string) => void;
  readonly lostDeadlineMs?: number;
}

/**
 * A submitter's side of the queue: every batch of replication tasks becomes one job each, named
 * after this run, and comes back as summaries in task order, however many workers take them and
 * in whatever order they finish. Opened once per command (it may run many batches), closed at
 * the end, when it removes whatever of its jobs is still waiting.
 */
export class QueueSession implements TaskRunner {
  /** Unique to this run: every job id starts with it. */
  private readonly runId = randomUUID();
  private batches = 0;
  /** Jobs queued and not yet gathered, across batches: what closing removes. */
  private readonly pending = new Set<string>();
  private lost = false;

  private constructor(
    private readonly target: RedisTarget,
    private readonly queue: Queue<JobData, string>,
    private readonly events: QueueEvents,
    private readonly heartbeat: Redis,
    private readonly options: SessionOptions,
  ) {
    // Connection trouble shows in the heartbeat (run); these only keep the emitters from throwing.
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    heartbeat.on('error', () => undefined);
  }

  /** Connects (exit 2 if Redis does not answer, before anything is queued) and says if no worker is listening. */
  static async open(target: RedisTarget, options: SessionOptions = {}): Promise<QueueSession> {
    await probeRedis(target);
    const session = new QueueSession(
      target,
      new Queue<JobData, string>(QUEUE_NAME, { connection: redisOptions(target) }),
      new QueueEvents(QUEUE_NAME, { connection: redisOptions(target) }),
      new Redis(redisOptions(target)),
      options,
    );
    try {
      await Promise.all([session.queue.waitUntilReady(), session.events.waitUntilReady()]);
    } catch (error) {
      session.lost = true;
      await session.close();
      throw unreachable(target, error);
    }
    // A hint only (CLIENT LIST, which a managed Redis may refuse): no answer, no hint.
    const workers = await session.queue.getWorkersCount().catch(() => undefined);
    if (workers === 0) options.notice?.(`no worker is listening on ${target.shown} yet; the replications wait for one (khunjerab worker --queue …)`);
    return session;
  }

  async run(tasks: readonly ReplicationTask[], onProgress?: (done: number, total: number) => void): Promise<ReplicationSummary[]> {
    if (tasks.length === 0) return [];
    if (this.lost) throw this.lostError();
    const batch = ++this.batches;
    const ids = tasks.map((_, i) => `${this.runId}-${batch}-${i}`);
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const results = new Array<ReplicationSummary | undefined>(tasks.length);
    const claimed = new Set<string>();
    const deadline = this.options.lostDeadlineMs ?? LOST_DEADLINE_MS;
    let done = 0;

    return new Promise<ReplicationSummary[]>((resolve, reject) => {
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const finish = (error?: unknown): void => {
        if (settled) return;
        settled = true;
        timers.forEach(clearInterval);
        this.events.off('completed', onCompleted);
        this.events.off('failed', onFailed);
        this.events.off('stalled', onStalled);
        if (error === undefined) resolve(results as ReplicationSummary[]);
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      const label = (id: string): string => {
        const task = tasks[indexOf.get(id) ?? 0];
        return `${task.params.name}, replication ${task.replication}`;
      };
      const gather = async (id: string): Promise<void> => {
        const index = indexOf.get(id);
        if (index === undefined || claimed.has(id) || settled) return;
        claimed.add(id);
        const job = await Job.fromId<JobData, string>(this.queue, id);
        if (job === undefined) throw new QueueError('failed', `the job of ${label(id)} vanished from the queue before its result was read (was the queue emptied?)`);
        const result = decodeResult(job.returnvalue);
        const task = tasks[index];
        if (task.csvPath !== undefined) writeFileSync(task.csvPath, unpackFile(result.csv));
        if (task.eventsPath !== undefined) writeFileSync(task.eventsPath, unpackFile(result.events));
        results[index] = result.summary;
        this.pending.delete(id);
        await this.queue.remove(id);
        onProgress?.(++done, tasks.length);
        if (done === tasks.length) finish();
      };
      const fail = (id: string, reason: string): void => {
        if (claimed.has(id) || settled) return;
        claimed.add(id);
        this.pending.delete(id);
        void this.queue.remove(id).catch(() => undefined);
        finish(new QueueError('failed', `${label(id)} failed on a worker: ${reason}`));
      };
      const take = (id: string): void => {
        gather(id).catch((error: unknown) => finish(this.readError(error)));
      };
      const onCompleted = ({ jobId }: { jobId: string }): void => {
        if (indexOf.has(jobId)) take(jobId);
      };
      const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }): void => {
        if (indexOf.has(jobId)) fail(jobId, failedReason);
      };
      const onStalled = ({ jobId }: { jobId: string }): void => {
        if (indexOf.has(jobId)) this.options.notice?.(`${label(jobId)}: its worker stopped answering; the job goes back on the queue for another`);
      };
      this.events.on('completed', onCompleted);
      this.events.on('failed', onFailed);
      this.events.on('stalled', onStalled);

      let lastAnswer = Date.now();
      timers.push(
        setInterval(() => {
          if (Date.now() - lastAnswer > deadline) {
            this.lost = true;
            finish(this.lostError(deadline));
            return;
          }
          this.heartbeat.ping().then(
            () => (lastAnswer = Date.now()),
            () => undefined,
          );
        }, HEARTBEAT_MS),
        setInterval(() => {
          this.reconcile(indexOf, take, fail).catch(() => undefined);
        }, RECONCILE_MS),
      );

      this.add(tasks, ids).catch((error: unknown) => finish(new QueueError('lost', `could not queue the replications on ${this.target.shown}: ${reasonOf(error, this.target)}`)));
    });
  }

  /** Removes this run's jobs still waiting (those a worker holds finish and expire), then disconnects. */
  async close(): Promise<void> {
    if (this.lost) return this.cut();
    await Promise.allSettled([...this.pending].map((id) => this.queue.remove(id)));
    this.pending.clear();
    await Promise.allSettled([this.queue.close(), this.events.close(), this.heartbeat.quit()]);
  }

  /**
   * Redis gone: BullMQ's QUIT would wait for a reconnection, and an ioredis client told to
   * disconnect while it waits to reconnect never says it has ended. So: stop BullMQ's loops
   * (close sets their flag at once), cut every client's reconnecting, and wait for none of it.
   */
  private async cut(): Promise<void> {
    this.pending.clear();
    void this.queue.close().catch(() => undefined);
    void this.events.close().catch(() => undefined);
    this.heartbeat.disconnect();
    const backends = [this.queue.backend, this.events.backend];
    const raw = backends.flatMap((b) => (b.blockingClient === undefined ? [b.client] : [b.client, b.blockingClient]));
    const clients = await Promise.allSettled(raw.map((c) => within(c, CUT_WAIT_MS)));
    for (const client of clients) if (client.status === 'fulfilled') client.value?.disconnect();
  }

  private async add(tasks: readonly ReplicationTask[], ids: readonly string[]): Promise<void> {
    const from = codeVersion();
    for (let start = 0; start < tasks.length; start += ADD_CHUNK) {
      const chunk = tasks.slice(start, start + ADD_CHUNK).map((task, k) => {
        const jobId = ids[start + k];
        this.pending.add(jobId);
        return {
          name: `${this.runId.slice(0, 8)} ${task.params.name} #${task.replication}`,
          data: jobData(task, from),
          opts: { jobId, attempts: 1, removeOnComplete: { age: KEEP_COMPLETED_S }, removeOnFail: { age: KEEP_FAILED_S } },
        };
      });
      await this.queue.addBulk(chunk);
    }
  }

  /** Finished jobs whose events were missed (a stream trimmed, a reconnect): found by listing. */
  private async reconcile(indexOf: ReadonlyMap<string, number>, take: (id: string) => void, fail: (id: string, reason: string) => void): Promise<void> {
    for (const job of await this.queue.getJobs(['failed'])) {
      if (job.id !== undefined && indexOf.has(job.id)) fail(job.id, job.failedReason);
    }
    for (const job of await this.queue.getJobs(['completed'])) {
      if (job.id !== undefined && indexOf.has(job.id)) take(job.id);
    }
  }

  private readError(error: unknown): QueueError {
    return error instanceof QueueError ? error : new QueueError('failed', `could not read a result from ${this.target.shown}: ${reasonOf(error, this.target)}`);
  }

  private lostError(deadline = this.options.lostDeadlineMs ?? LOST_DEADLINE_MS): QueueError {
    return new QueueError('lost', `lost Redis at ${this.target.shown}: no answer for ${deadline / 1000} s, so the run stops here without a report`, [
      'jobs it had queued may still run once Redis is back; their results are not kept',
    ]);
  }
}

