/**
 * What must happen before the process ends, at the end of a command or on Ctrl-C: a queued
 * run removes the jobs it still has waiting and closes its Redis connections. Kept apart from
 * the queue so that the CLI can call it without loading the queue's modules.
 */
type Closer = () => Promise<void>;

/** How long the closers get before the process ends anyway (Redis may be gone). */
export const CLOSE_DEADLINE_MS = 5_000;

const closers = new Set<Closer>();
let graceful: ((signal: NodeJS.Signals) => void) | undefined;

/** Registers `close`; the returned function forgets it (once it has closed by itself). */
export function closeAtEnd(close: Closer): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

/** Runs every registered closer, at most `deadlineMs` in all. */
export async function closeAll(deadlineMs = CLOSE_DEADLINE_MS): Promise<void> {
  const pending = [...closers];
  closers.clear();
  if (pending.length > 0) await within(Promise.allSettled(pending.map((c) => c())), deadlineMs);
}

/** `promise`'s value, or undefined if it takes longer than `ms` (the promise itself goes on). */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * A long-running command (the queue worker) that stops by itself on SIGINT or SIGTERM,
 * finishing the work in hand: the first signal goes to `stop` instead of ending the process.
 */
export function stopGracefullyOnSignal(stop: (signal: NodeJS.Signals) => void): void {
  graceful = stop;
}

/** The first stop signal for a graceful command: true when it took the signal. */
export function takeStopSignal(signal: NodeJS.Signals): boolean {
  const stop = graceful;
  graceful = undefined;
  stop?.(signal);
  return stop !== undefined;
}
