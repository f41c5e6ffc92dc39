import { describe, expect, it } from 'vitest';
import { RandomStreams, Resource, Simulation, createSampler, deriveSeed, serveWork } from '../../src/kernel/index.js';
import { mean, standardError } from './support/stats.js';

/**
 * Little's law on the queue of a station that works a daily shift: c servers from 08:00 to 18:00,
 * none at night. Jobs arrive around the clock (Poisson, λ per hour) with exponential work (mean
 * 1/μ hours). At 18:00 the jobs in service are preempted (`dropPolicy: 'preempt'`) and wait in the
 * queue overnight; `serveWork` resumes them next morning with the work they had left.
 *
 * With c = 4, λ = 1, μ = 1 the shift offers 40 server-hours a day for 24 hours of work (ρ = 0.6 over
 * the open hours): the night's 14 arrivals and the jobs preempted at closing are cleared, at a net
 * 3 jobs an hour, by early afternoon, so the queue is usually empty in the late afternoon.
 */
const SERVERS = 4;
const ARRIVAL_RATE = 1;
const SERVICE_RATE = 1;
const OPENS = 8;
const CLOSES = 18;

interface Job {
  readonly requestedAt: number;
  readonly work: number;
  /** Every (re)start: `serveWork` reads the productivity each time the job gets a server. */
  readonly starts: number[];
  doneAt: number;
}

function buildShiftStation(seed: number, arrivalsUntil: number, shiftsUntil: number) {
  const sim = new Simulation();
  const streams = new RandomStreams(seed);
  const arrivalRng = streams.get('arrivals');
  const workRng = streams.get('work');
  const interarrival = createSampler({ type: 'exponential', mean: 1 / ARRIVAL_RATE });
  const workload = createSampler({ type: 'exponential', mean: 1 / SERVICE_RATE });
  const station = new Resource(sim, 'station', 0, { dropPolicy: 'preempt' });
  for (let day = 0; day * 24 < shiftsUntil; day++) {
    sim.scheduleAt(day * 24 + OPENS, () => station.setCapacity(SERVERS), 'shift starts');
    sim.scheduleAt(day * 24 + CLOSES, () => station.setCapacity(0), 'shift ends');
  }
  const jobs: Job[] = [];
  const arrive = (): void => {
    const job: Job = { requestedAt: sim.now, work: workload(workRng), starts: [], doneAt: Number.NaN };
    jobs.push(job);
    serveWork(sim, station, job.work, () => (job.doneAt = sim.now), {
      productivity: () => {
        job.starts.push(sim.now);
        return 1;
      },
    });
    const next = sim.now + interarrival(arrivalRng);
    if (next < arrivalsUntil) sim.scheduleAt(next, arrive, 'arrival');
  };
  sim.scheduleAt(interarrival(arrivalRng), arrive, 'arrival');
  return { sim, station, jobs };
}

describe("Little's law on the queue of a station whose servers go off shift every night", () => {
  it('holds exactly, with the whole waits after preemptions counted, when the run starts and ends with an empty queue', () => {
    // Arrivals for 60 days, then three more shifts to clear the queue; the run ends at midnight with
    // nobody waiting or in service. Each job's whole wait is measured from outside the kernel: its
    // time in the station minus its work (productivity 1), so wait = done − requested − work.
    const days = 60;
    const end = (days + 3) * 24;
    const { sim, station, jobs } = buildShiftStation(20251202, days * 24, end);
    sim.runUntil(end);
    expect(station.queueLength).toBe(0);
    expect(station.busy).toBe(0);
    expect(jobs.every((j) => j.doneAt <= end)).toBe(true);

    const stats = station.stats();
    const waits = jobs.map((j) => j.doneAt - j.requestedAt - j.work);
    const totalWait = waits.reduce((s, w) => s + w, 0);
    expect(stats.arrivals).toBe(jobs.length);
    expect(stats.served).toBe(jobs.length);
    expect(stats.preemptions).toBeGreaterThan(days); // the case at hand: jobs wait overnight
    // The queue-length area is the sum of the whole waits; λ̂ = arrivals / T; L = λ̂ W.
    expect(Math.abs(stats.meanQueue * end - totalWait)).toBeLessThan(1e-9 * totalWait);
    expect(Math.abs(stats.meanWait - totalWait / jobs.length)).toBeLessThan(1e-9 * stats.meanWait);
    expect(Math.abs(stats.maxWait - Math.max(...waits))).toBeLessThan(1e-9 * stats.maxWait);
    expect(Math.abs(stats.meanQueue - (stats.arrivals / end) * stats.meanWait)).toBeLessThan(1e-9 * stats.meanQueue);
    // The wait before the first start alone, as the kernel once reported it, falls short by the
    // waits after preemptions: each preemption (at 18:00) is followed by a wait of at least the
    // 14 h until the shift starts again.
    const firstWaits = jobs.reduce((s, j) => s + (j.starts[0] - j.requestedAt), 0);
    expect(totalWait - firstWaits).toBeGreaterThanOrEqual((24 - CLOSES + OPENS) * stats.preemptions - 1e-9 * totalWait);
  });

  it('holds exactly after a warm-up reset taken while jobs wait, once the queue is empty at the end', () => {
    // The stats are reset at midnight on day 5, with the evening's arrivals and the preempted jobs
    // waiting. Those count as the window's first arrivals with their waiting after the reset, as do
    // jobs in service at the reset that are preempted later: every job with queue time in the window.
    const days = 30;
    const end = (days + 3) * 24;
    const reset = 5 * 24;
    const { sim, station, jobs } = buildShiftStation(20251203, days * 24, end);
    sim.runUntil(reset);
    expect(station.queueLength).toBeGreaterThan(0);
    station.resetStats();
    sim.runUntil(end);
    expect(station.queueLength).toBe(0);
    const stats = station.stats();
    const inWindow = jobs.filter((j) => j.requestedAt > reset || (j.doneAt > reset && j.starts.some((t) => t > reset)));
    expect(stats.arrivals).toBe(inWindow.length);
    const span = end - reset;
    expect(Math.abs(stats.meanQueue - (stats.arrivals / span) * stats.meanWait)).toBeLessThan(1e-9 * stats.meanQueue);
  });

  it('holds within four standard errors over a year of shifts, the queue-time average against the true arrival rate times the mean wait', () => {
    // R = 32 independent replications (seeds from deriveSeed), each a 7-day warm-up, a reset at 17:00
    // and a window of T = 364 days (8 736 h) to 17:00. Per replication, Δ = L̂ − λ Ŵ with the true λ.
    //
    // Statistical error. On every sample path L̂ = λ̂ Ŵ up to edge terms (below), λ̂ being the observed
    // arrival rate, so Δ ≈ (λ̂ − λ) Ŵ: a Poisson count over T has SD √(λT), so SD(Δ) ≈ W √(λ / T),
    // about 0.063 for W ≈ 5.85 h, and SE ≈ 0.011 over √32. The test uses the sample SE of the 32 values
    // of Δ and checks it is no more than twice that figure (its power); with 31 degrees of freedom
    // P(|t| > 4) ≈ 4e-4.
    //
    // Bias allowance. The edges enter Δ·T as (q₀ + p₀ − q_T) Ŵ + I_T over λT Ŵ, with q₀ and q_T the jobs
    // waiting at the reset and at the end, p₀ ≤ c the jobs in service at the reset and preempted later
    // (window arrivals too), and I_T the waits in progress at the end. By 17:00 the night's backlog has
    // long been cleared (q₀ ≈ q_T ≈ 0), so the bias is at most about c / (λT) ≈ 0.05 % of L, plus a
    // covariance term Var(λ̂) · dW/dλ of the same order. The initial transient is gone after a week:
    // each morning the station starts from little more than the night's arrivals. We allow 0.2 % of L,
    // four times that bound, yet far below the 11 % (about 0.64 jobs, 57 SE) by which the wait before
    // the first start alone, as the kernel once reported it, misses.
    const replications = 32;
    const warmUp = 7 * 24 + 17;
    const window = 364 * 24;
    const deltas: number[] = [];
    const deltasFirstWaitOnly: number[] = [];
    const queues: number[] = [];
    const waits: number[] = [];
    for (let r = 0; r < replications; r++) {
      const { sim, station, jobs } = buildShiftStation(deriveSeed(20251204, r), Infinity, warmUp + window + 24);
      sim.runUntil(warmUp);
      station.resetStats();
      sim.runUntil(warmUp + window);
      const stats = station.stats();
      queues.push(stats.meanQueue);
      waits.push(stats.meanWait);
      deltas.push(stats.meanQueue - ARRIVAL_RATE * stats.meanWait);
      const firstWaits = jobs.filter((j) => j.requestedAt > warmUp && j.starts.length > 0).map((j) => j.starts[0] - j.requestedAt);
      deltasFirstWaitOnly.push(stats.meanQueue - ARRIVAL_RATE * mean(firstWaits));
    }
    const se = standardError(deltas);
    const theorySe = (mean(waits) * Math.sqrt(ARRIVAL_RATE / window)) / Math.sqrt(replications);
    const tolerance = 4 * se + 0.002 * mean(queues);
    expect(se).toBeLessThan(2 * theorySe);
    expect(Math.abs(mean(deltas))).toBeLessThan(tolerance);
    expect(Math.abs(mean(deltasFirstWaitOnly))).toBeGreaterThan(tolerance); // the test catches the old defect
  });
});
