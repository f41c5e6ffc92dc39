/**
 * A queued run that cannot go on. `unreachable`: Redis did not answer before any work was
 * queued (a usage problem: exit 2). `lost`: Redis stopped answering mid-run. `failed`: a job
 * failed on a worker (its message is the worker's). The CLI prints the message, never a stack.
 */
export class QueueError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'lost' | 'failed',
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'QueueError';
  }
}
