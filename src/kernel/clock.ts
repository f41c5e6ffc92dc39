import type { ScheduledEvent, Simulation } from './simulation.js';

/** The two-method clock XState accepts in `createActor(logic, { clock })`. */
export interface Clock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

/**
 * An XState clock over the kernel's `(time, seq)` heap, so `after` delays run on simulated
 * time and timers due at the same moment fire in the order they were set.
 *
 * XState gives delays in milliseconds; `msPerUnit` converts them to simulation units
 * (3_600_000 when the simulation counts hours).
 *
 * @example
 * const sim = new Simulation();
 * const actor = createActor(machine, { clock: createKernelClock(sim, 3_600_000) }).start();
 * sim.run(); // every `after` delay has fired, in simulated hours
 */
export function createKernelClock(sim: Simulation, msPerUnit = 1): Clock {
  if (!(msPerUnit > 0)) throw new RangeError(`msPerUnit must be > 0, got ${msPerUnit}`);
  return {
    setTimeout(fn, timeout) {
      return sim.schedule(Math.max(0, timeout) / msPerUnit, () => fn(), 'xstate.after');
    },
    clearTimeout(id) {
      sim.cancel(id as ScheduledEvent);
    },
  };
}
