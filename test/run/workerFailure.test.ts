import { describe, expect, test } from 'vitest';
import { testParams } from '../fixtures/params.js';

/**
 * A replication that fails fails the whole batch, once, with the same error whether it ran
 * in this thread or on worker threads. The worker path needs the compiled worker, so this
 * uses the build in dist/ (`npm test` builds it first).
 */
describe('a failing replication', () => {
  test.each([1, 2])('with --workers %i rejects the batch with the replication\'s own error', async (workers) => {
    const built = '../../dist/run/index.js';
    const { runBatch } = (await import(/* @vite-ignore */ built)) as typeof import('../../src/run/index.js');
    // Eleven monthly rates: the model refuses them when the run starts (validation would have).
    const broken = testParams({ arrivals: { ...testParams().arrivals, vehiclesPerDayByMonth: new Array<number>(11).fill(10) } });
    await expect(runBatch([testParams(), broken], { seed: 1, replications: 3, workers })).rejects.toThrow('expected 12 monthly rates, got 11');
  });
});
