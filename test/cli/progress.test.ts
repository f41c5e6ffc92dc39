import { describe, expect, test } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

/** A terminal that keeps what is written to it. */
function terminal(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY: true, columns: 100, write: (text: string) => written.push(text) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

/**
 * Two workers each take 3 s to start (threads, loading, compiling the model), then run
 * replications of 1 s each: 60 replications end at 33 s. The times each replication finishes.
 */
function finishTimes(workers: number, startUp: number, each: number, total: number): number[] {
  return Array.from({ length: total }, (_, i) => startUp + (Math.floor(i / workers) + 1) * each + (i % workers) * 10).sort((a, b) => a - b);
}

describe('progress', () => {
  test('the first ETA comes from work done after the start-up, and is close to the time left', () => {
    const times = finishTimes(2, 3000, 1000, 60);
    let clock = 0;
    const { stream, written } = terminal();
    const progress = createProgress(stream, true, 'replications', { workers: 2, now: () => clock });
    let first: { eta: number; left: number } | undefined;
    times.forEach((at, i) => {
      clock = at;
      progress.update(i + 1, times.length);
      const eta = /ETA ([\d.]+) s/.exec(written.at(-1) ?? '');
      if (first === undefined && eta !== null) first = { eta: Number(eta[1]), left: (times.at(-1)! - at) / 1000 };
    });
    expect(first).toBeDefined();
    expect(Math.abs(first!.eta - first!.left) / first!.left).toBeLessThan(0.2);
  });

  test('says "ETA …" until every worker has finished one replication', () => {
    const { stream, written } = terminal();
    let clock = 0;
    const progress = createProgress(stream, true, 'replications', { workers: 4, now: () => clock });
    for (let done = 1; done <= 4; done++) {
      clock = 3000 + done;
      progress.update(done, 40);
      expect(written.at(-1)).toContain('ETA …');
    }
    clock = 4000;
    progress.update(5, 40);
    expect(written.at(-1)).toMatch(/ETA [\d.]+ s/);
  });

  test('stays silent when not on a terminal or not allowed', () => {
    const { stream, written } = terminal();
    createProgress(stream, false, 'replications').update(1, 2);
    createProgress({ ...stream, isTTY: false } as NodeJS.WriteStream, true, 'replications').update(1, 2);
    expect(written).toEqual([]);
  });
});
