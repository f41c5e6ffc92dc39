import { performance } from 'node:perf_hooks';
import { EventQueue, Rng, type QueueEntry } from '../kernel/index.js';
import { buildStation } from './mmcStation.js';

/**
 * Two kernel benchmarks, for `npm run bench`:
 *
 * - `runKernelBench`: an M/M/3 station (λ = 2.4, μ = 1, so ρ = 0.8) built from `Simulation`,
 *   `Resource` and exponential samplers on named streams: the cost of a real kernel event,
 *   closures and resource bookkeeping included.
 * - `runPlainHeapLoop`: the same number of pops and pushes through the bare `EventQueue`, with a
 *   similar number of pending entries: the floor that the heap alone sets.
 *
 * Only the benchmark reads wall time (`performance.now()`); the kernel never does.
 *
 * @example
 * const kernel = runKernelBench(1_000_000);
 * const heap = runPlainHeapLoop(1_000_000);
 * console.log(`${Math.round(kernel.eventsPerSecond)} vs ${Math.round(heap.eventsPerSecond)} events/s`);
 */
export interface KernelBenchResult {
  readonly name: string;
  /** Events processed: at least the number asked for (the station stops between whole events). */
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Simulated time reached when the run stopped. */
  readonly simulatedTime: number;
}

export interface StationBenchResult extends KernelBenchResult {
  /** Customers who started service, and their mean wait: a sanity check that the model ran. */
  readonly served: number;
  readonly meanWait: number;
}

const SERVERS = 3;
const ARRIVAL_RATE = 2.4;
const SERVICE_RATE = 1;

/**
 * Runs the M/M/3 station until at least `events` kernel events have fired. Each customer costs
 * two events (arrival, departure), so the run is about `events / (2λ)` simulated hours long.
 */
export function runKernelBench(events: number, seed = 1): StationBenchResult {
  checkEvents(events);
  const { sim, station } = buildStation(seed, SERVERS, ARRIVAL_RATE, SERVICE_RATE, false);

  const start = performance.now();
  // runUntil is the hot path; aim each chunk at the events still missing (2λ events per hour).
  while (sim.processed < events) {
    sim.runUntil(sim.now + Math.max(1, (events - sim.processed) / (2 * ARRIVAL_RATE)));
  }
  const seconds = (performance.now() - start) / 1000;
  const stats = station.stats();
  return {
    name: `kernel M/M/${SERVERS} (Simulation + Resource)`,
    events: sim.processed,
    seconds,
    eventsPerSecond: sim.processed / seconds,
    simulatedTime: sim.now,
    served: stats.served,
    meanWait: stats.meanWait,
  };
}

interface HeapEvent extends QueueEntry {
  readonly time: number;
  readonly seq: number;
}

/**
 * Pops and pushes `events` entries through the kernel's `EventQueue` alone: a "hold" loop that
 * keeps `pending` entries in the heap (4 by default, close to the M/M/3 station's one pending
 * arrival plus 2.4 busy servers on average) and replaces each popped entry by one an exponential
 * time later.
 */
export function runPlainHeapLoop(events: number, pending = 4, seed = 1): KernelBenchResult {
  checkEvents(events);
  if (!Number.isInteger(pending) || pending < 1) throw new RangeError(`pending must be a whole number >= 1, got ${pending}`);
  const queue = new EventQueue<HeapEvent>();
  const rng = new Rng(seed);
  let seq = 0;
  for (let i = 0; i < pending; i++) queue.push({ time: -Math.log(rng.nextOpen()), seq: seq++ });

  const start = performance.now();
  let now = 0;
  let processed = 0;
  while (processed < events) {
    const entry = queue.pop();
    if (entry === undefined) break;
    now = entry.time;
    processed++;
    queue.push({ time: now - Math.log(rng.nextOpen()), seq: seq++ });
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    name: 'plain EventQueue loop',
    events: processed,
    seconds,
    eventsPerSecond: processed / seconds,
    simulatedTime: now,
  };
}

function checkEvents(events: number): void {
  if (!Number.isInteger(events) || events < 1) throw new RangeError(`events must be a whole number >= 1, got ${events}`);
}
