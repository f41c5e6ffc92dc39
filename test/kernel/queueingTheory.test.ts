import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../src/kernel/index.js';
import { buildStation, erlangC, mmcMeanWaitInQueue, runStation } from './support/queueing.js';
import { mean, standardError } from './support/stats.js';

/**
 * The kernel against queueing theory. Each estimate comes from independent replications (seeds
 * from `deriveSeed`), so its standard error is the sample SD of the replication means over √R.
 * With R = 32 the studentised error has 31 degrees of freedom: P(|t| > 4) ≈ 4e-4.
 *
 * Bias allowance. Each replication starts empty and discards a warm-up of more than ten
 * relaxation times τ ≈ 1 / (cμ (1 − √ρ)²) (about 380 h for M/M/1 at ρ = 0.9, 30 h for the M/M/3),
 * which leaves an initial-transient bias of order e^-10 of Wq. The mean wait is a ratio estimator
 * over customers who start service within the window (those already waiting at its start count
 * only their waiting inside it), which adds end effects of order Lq / (λT) ≈ 1e-4 of Wq. We allow 0.5 % of Wq for both: generous against these terms, yet small
 * next to any real kernel error (a wrong server count or service rate moves Wq by tens of percent).
 */
const REPLICATIONS = 32;
const BIAS_ALLOWANCE = 0.005;

function replicate(servers: number, arrivalRate: number, serviceRate: number, warmUp: number, horizon: number) {
  const waits: number[] = [];
  const utilisations: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const { stats } = runStation({ seed: deriveSeed(20251201, r), servers, arrivalRate, serviceRate, warmUp, horizon });
    waits.push(stats.meanWait);
    utilisations.push(stats.utilization);
  }
  return { waits, utilisations };
}

describe('Resource against queueing theory', () => {
  it('the Erlang C helper reproduces values worked out by hand', () => {
    // c = 1: C = ρ. c = 2, a = 1: (1/2 · 2/1) / (1 + 1 + 1) = 1/3.
    // c = 3, a = 2.4: a³/3! · 3/0.6 = 2.304 · 5 = 11.52; 1 + 2.4 + 2.88 = 6.28; C = 11.52 / 17.8.
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 14);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14);
    expect(erlangC(3, 2.4)).toBeCloseTo(11.52 / 17.8, 14);
    expect(mmcMeanWaitInQueue(0.9, 1, 1)).toBeCloseTo(9, 12); // ρ / (μ − λ)
    expect(mmcMeanWaitInQueue(2.4, 1, 3)).toBeCloseTo(11.52 / 17.8 / 0.6, 12);
    expect(() => erlangC(2, 2)).toThrow(RangeError);
  });

  it('an M/M/1 station (λ = 0.9, μ = 1) has the theoretical mean wait in queue Wq = 9 and utilisation 0.9', () => {
    // 32 × 150 000 h after a 4 000 h warm-up: about 4.3 M customers, relative SE ≈ 1 %.
    const wq = mmcMeanWaitInQueue(0.9, 1, 1);
    const { waits, utilisations } = replicate(1, 0.9, 1, 4000, 150_000);
    const se = standardError(waits);
    expect(se / wq).toBeLessThan(0.02); // the test has the power it claims
    expect(Math.abs(mean(waits) - wq)).toBeLessThan(4 * se + BIAS_ALLOWANCE * wq);
    expect(Math.abs(mean(utilisations) - 0.9)).toBeLessThan(4 * standardError(utilisations) + BIAS_ALLOWANCE * 0.9);
  });

  it('an M/M/3 station (λ = 2.4, μ = 1) has the Erlang C mean wait in queue Wq ≈ 1.079 and utilisation 0.8', () => {
    // 32 × 40 000 h after a 500 h warm-up: about 3 M customers, relative SE ≈ 0.6 %.
    const wq = mmcMeanWaitInQueue(2.4, 1, 3);
    const { waits, utilisations } = replicate(3, 2.4, 1, 500, 40_000);
    const se = standardError(waits);
    expect(se / wq).toBeLessThan(0.02);
    expect(Math.abs(mean(waits) - wq)).toBeLessThan(4 * se + BIAS_ALLOWANCE * wq);
    expect(Math.abs(mean(utilisations) - 0.8)).toBeLessThan(4 * standardError(utilisations) + BIAS_ALLOWANCE * 0.8);
  });

  it("Little's law Lq = λ Wq holds on a sample path: meanQueue · T equals the waits plus the waits in progress", () => {
    // Over [0, T] from an empty start, the queue-length area is exactly the sum of every customer's
    // time in queue up to T: the completed waits of those already served (served · meanWait) plus
    // (T − requestedAt) for those still waiting. That is a floating-point identity. Dropping the
    // second (edge) term gives the usual Lq ≈ λ̂ Wq with λ̂ = served / T, within a fraction of 1 %.
    const horizon = 20_000;
    const { sim, station, requests } = buildStation(99, 3, 2.4, 1);
    sim.runUntil(horizon);
    const stats = station.stats();
    const inProgress = requests
      .filter((r) => r.state === 'waiting')
      .reduce((sum, r) => sum + (horizon - r.requestedAt), 0);
    const area = stats.meanQueue * horizon;
    expect(Math.abs(area - (stats.served * stats.meanWait + inProgress))).toBeLessThan(1e-9 * area);
    const lambdaHat = stats.served / horizon;
    expect(Math.abs(stats.meanQueue - lambdaHat * stats.meanWait)).toBeLessThan(0.01 * stats.meanQueue);
    expect(Math.abs(stats.meanQueue - lambdaHat * stats.meanWait)).toBeCloseTo(inProgress / horizon, 9);
  });

  it("Little's law also holds after a warm-up reset, counting only the waiting after the reset", () => {
    // After resetStats at W, the area covers [W, T]. A customer already waiting at W is one of the
    // window's arrivals and counts only its waiting after W, so the waits of the customers served in
    // the window are exactly their parts of the area; the customers still waiting at T add theirs
    // (from the later of W and their request). With λ̂ = arrivals / (T − W), which includes those
    // waiting at W and at T, the sample-path identity is area = λ̂ (T − W) · meanWait plus, for the
    // customers waiting at T, their waits so far minus meanWait each.
    const warmUp = 1000;
    const horizon = 21_000;
    const { sim, station, requests } = buildStation(5, 1, 0.9, 1);
    sim.runUntil(warmUp);
    const waitingAtReset = station.queueLength;
    station.resetStats();
    sim.runUntil(horizon);
    const stats = station.stats();
    let inProgress = 0;
    let stillWaiting = 0;
    for (const r of requests) {
      if (r.state !== 'waiting') continue;
      inProgress += horizon - Math.max(r.requestedAt, warmUp);
      stillWaiting++;
    }
    const area = stats.meanQueue * (horizon - warmUp);
    expect(waitingAtReset).toBeGreaterThan(0); // the case this test is about
    expect(stats.arrivals).toBe(waitingAtReset + requests.filter((r) => r.requestedAt > warmUp).length);
    expect(Math.abs(area - (stats.served * stats.meanWait + inProgress))).toBeLessThan(1e-9 * area);
    expect(Math.abs(area - (stats.arrivals * stats.meanWait + inProgress - stillWaiting * stats.meanWait))).toBeLessThan(1e-9 * area);
  });
});
