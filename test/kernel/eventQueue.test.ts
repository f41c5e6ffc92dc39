import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, type QueueEntry } from '../../src/kernel/index.js';

interface Entry extends QueueEntry {
  readonly id: number;
}

describe('EventQueue', () => {
  it('pops entries in ascending time, breaking ties by ascending seq', () => {
    const queue = new EventQueue<Entry>();
    const entries: Entry[] = [
      { time: 3, seq: 0, id: 0 },
      { time: 1, seq: 1, id: 1 },
      { time: 2, seq: 2, id: 2 },
      { time: 1, seq: 3, id: 3 },
      { time: 3, seq: 4, id: 4 },
      { time: 0.5, seq: 5, id: 5 },
    ];
    for (const e of entries) queue.push(e);
    const order: number[] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) order.push(e.id);
    expect(order).toEqual([5, 1, 3, 2, 0, 4]);
  });

  it('pops many entries with one equal time in seq order, whatever order they were pushed in', () => {
    const queue = new EventQueue<Entry>();
    const seqs = Array.from({ length: 200 }, (_, i) => (i * 73) % 200); // a permutation of 0..199
    for (const seq of seqs) queue.push({ time: 7, seq, id: seq });
    const popped: number[] = [];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) popped.push(e.seq);
    expect(popped).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('reports size and peek without removing, and pop on an empty queue returns undefined', () => {
    const queue = new EventQueue<Entry>();
    expect(queue.pop()).toBeUndefined();
    expect(queue.peek()).toBeUndefined();
    queue.push({ time: 2, seq: 0, id: 0 });
    queue.push({ time: 1, seq: 1, id: 1 });
    expect(queue.size).toBe(2);
    expect(queue.peek()?.id).toBe(1);
    expect(queue.size).toBe(2);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
  });

  it('agrees with a stable sort on (time, seq) for any interleaving of pushes and pops (property)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), time: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const queue = new EventQueue<Entry>();
        const reference: Entry[] = [];
        let seq = 0;
        for (const op of operations) {
          if (op.kind === 'push') {
            const entry = { time: op.time, seq, id: seq };
            seq++;
            queue.push(entry);
            reference.push(entry);
            reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
          } else {
            expect(queue.pop()).toBe(reference.shift());
          }
          expect(queue.size).toBe(reference.length);
        }
      }),
      { seed: 20251201, numRuns: 300 },
    );
  });
});
