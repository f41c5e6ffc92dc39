import type { ResourceStats } from '../../../src/kernel/index.js';
import { buildStation, type Station } from '../../../src/bench/mmcStation.js';

export { buildStation, type Station };

/**
 * Erlang's C formula: the probability that an arrival to an M/M/c queue has to wait,
 *
 *            (aᶜ / c!) · c / (c − a)
 *   C = ─────────────────────────────────────,   a = λ/μ  (offered load, a < c)
 *       Σ_{k<c} aᵏ/k!  +  (aᶜ / c!) · c / (c − a)
 */
export function erlangC(servers: number, offeredLoad: number): number {
  const c = servers;
  const a = offeredLoad;
  if (!(a < c)) throw new RangeError(`the queue is unstable: offered load ${a} >= ${c} servers`);
  let term = 1; // a^k / k!
  let below = 0;
  for (let k = 0; k < c; k++) {
    below += term;
    term *= a / (k + 1);
  }
  const waiting = (term * c) / (c - a);
  return waiting / (below + waiting);
}

/** Mean wait in queue of an M/M/c queue: Wq = C(c, λ/μ) / (cμ − λ). */
export function mmcMeanWaitInQueue(arrivalRate: number, serviceRate: number, servers: number): number {
  return erlangC(servers, arrivalRate / serviceRate) / (servers * serviceRate - arrivalRate);
}

export interface StationOptions {
  readonly seed: number;
  readonly servers: number;
  readonly arrivalRate: number;
  readonly serviceRate: number;
  /** Statistics are reset at this time (end of the warm-up). */
  readonly warmUp: number;
  /** Length of the measured run after the warm-up. */
  readonly horizon: number;
}

export interface StationRun extends Station {
  readonly stats: ResourceStats;
}

/** Runs a station through its warm-up, resets the statistics, and runs the measured horizon. */
export function runStation(options: StationOptions): StationRun {
  const { sim, station, requests } = buildStation(options.seed, options.servers, options.arrivalRate, options.serviceRate);
  sim.runUntil(options.warmUp);
  station.resetStats();
  sim.runUntil(options.warmUp + options.horizon);
  return { sim, station, stats: station.stats(), requests };
}
