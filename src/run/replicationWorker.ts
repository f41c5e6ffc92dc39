import { parentPort } from 'node:worker_threads';
import { runTask, type ReplicationTask } from './replicationTask.js';

/** Worker thread entry: runs replication tasks as they arrive and posts their summaries back. */
if (parentPort !== null) {
  const port = parentPort;
  port.on('message', (task: ReplicationTask) => {
    try {
      port.postMessage({ ok: true, summary: runTask(task) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ ok: false, message, stack: error instanceof Error ? error.stack : undefined });
    }
  });
}
