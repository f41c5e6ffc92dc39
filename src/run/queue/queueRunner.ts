import type { TaskRunner } from '../runReplications.js';
import { closeAtEnd } from '../shutdown.js';
import type { RedisTarget } from './redisUrl.js';
import type { QueueSession, SessionOptions } from './submit.js';

/**
 * The queue as a TaskRunner for runBatch. BullMQ loads, and Redis is reached, only at the first
 * batch: after the command has checked everything it was given, and never without --queue. The
 * session then serves the command's later batches (a capacity search runs many) and closes
 * when the command ends or is interrupted (shutdown.ts), removing the jobs it still has waiting.
 */
export function queueRunner(target: RedisTarget, options: SessionOptions = {}): TaskRunner {
  let session: Promise<QueueSession> | undefined;
  const open = (): Promise<QueueSession> => {
    const opening = import('./submit.js').then((m) => m.QueueSession.open(target, options));
    closeAtEnd(async () => {
      const opened = await opening.catch(() => undefined);
      await opened?.close();
    });
    return opening;
  };
  return {
    async run(tasks, onProgress) {
      session ??= open();
      return (await session).run(tasks, onProgress);
    },
  };
}
