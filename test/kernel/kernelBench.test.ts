import { describe, expect, it } from 'vitest';
import { runKernelBench, runPlainHeapLoop } from '../../src/bench/kernelBench.js';
import { mmcMeanWaitInQueue } from './support/queueing.js';

// Functional checks only: the benchmark's speed is never asserted.
describe('kernel benchmark', () => {
  it('runKernelBench processes at least the events asked for and runs a real M/M/3 station', () => {
    const result = runKernelBench(200_000);
    expect(result.events).toBeGreaterThanOrEqual(200_000);
    expect(result.events).toBeLessThan(200_000 * 1.01);
    // 2λ = 4.8 events per simulated hour.
    expect(result.simulatedTime).toBeGreaterThan((0.95 * 200_000) / 4.8);
    expect(result.served).toBeGreaterThan(0.45 * result.events);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.eventsPerSecond).toBeCloseTo(result.events / result.seconds, 6);
    // One 40 000-hour run: a loose check that the station is the M/M/3 of the queueing tests.
    expect(Math.abs(result.meanWait - mmcMeanWaitInQueue(2.4, 1, 3))).toBeLessThan(0.15);
  });

  it('runPlainHeapLoop pops exactly the events asked for', () => {
    const result = runPlainHeapLoop(100_000);
    expect(result.events).toBe(100_000);
    // Four pending entries with mean-1 gaps: the clock advances about 1/4 per event.
    expect(result.simulatedTime).toBeGreaterThan(20_000);
    expect(result.simulatedTime).toBeLessThan(30_000);
    expect(result.eventsPerSecond).toBeGreaterThan(0);
  });

  it('both benchmarks reject a number of events that is not a positive whole number', () => {
    expect(() => runKernelBench(0)).toThrow(RangeError);
    expect(() => runPlainHeapLoop(1.5)).toThrow(RangeError);
    expect(() => runPlainHeapLoop(10, 0)).toThrow(RangeError);
  });
});
