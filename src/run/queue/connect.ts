import { Redis, type RedisOptions } from 'ioredis';
import { QueueError } from './errors.js';
import type { RedisTarget } from './redisUrl.js';

/** How long a first connection may take before Redis counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** ioredis options that BullMQ's connection type also takes (its retryStrategy may not be null). */
export type ConnectionSettings = Omit<RedisOptions, 'retryStrategy'> & { readonly retryStrategy: (times: number) => number | null };

/** The ioredis options for `target`; the password goes to the client, never to a message. */
export function redisOptions(target: RedisTarget): ConnectionSettings {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    username: target.username,
    password: target.password,
    tls: target.tls ? {} : undefined,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // ioredis waits this long for a socket to close after disconnect(), even one already closed,
    // and its timer holds the process: a failed or lost connection would delay every exit by 2 s.
    disconnectTimeout: 200,
    // Reconnect quickly after a blip; a submitter gives up on its own deadline (submit.ts).
    retryStrategy: (times: number) => Math.min(200 * times, 2_000),
  };
}

/**
 * One connection attempt, no retries: Redis answers PING or this throws a QueueError
 * (`unreachable`) naming the redacted URL and the reason, before any work is queued.
 */
export async function probeRedis(target: RedisTarget): Promise<void> {
  const client = new Redis({ ...redisOptions(target), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  // The client reports why (ECONNREFUSED, WRONGPASS) as an event; the promise only says "closed".
  let cause: unknown;
  client.on('error', (error: unknown) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw unreachable(target, cause ?? error);
  } finally {
    if (client.status !== 'end') client.disconnect();
  }
}

export function unreachable(target: RedisTarget, error: unknown): QueueError {
  return new QueueError('unreachable', `cannot reach Redis at ${target.shown}: ${reasonOf(error, target)}`, [
    'check that redis-server runs there and that the URL is right: --queue redis://[:PASSWORD@]HOST:PORT[/DB], or REDIS_URL=… with --queue',
  ]);
}

/** An error's message with the password, should a library ever echo it, blanked out. */
export function reasonOf(error: unknown, target: RedisTarget): string {
  const text = error instanceof Error ? error.message : String(error);
  const message = text === '' ? 'no reason given' : text;
  return target.password === undefined ? message : message.split(target.password).join('***');
}
