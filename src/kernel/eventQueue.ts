/**
 * A binary min-heap of scheduled entries ordered by `(time, seq)`.
 *
 * `seq` is a counter stamped at insertion, so two entries at the same time
 * leave the heap in the order they went in. That tie-break is what makes a
 * run reproducible: nothing depends on object identity or wall-clock time.
 *
 * ```
 *            (2.0, #4)
 *           /         \
 *      (3.5, #1)    (2.0, #9)      pop() -> (2.0, #4), then (2.0, #9), then (3.5, #1)
 * ```
 */
export interface QueueEntry {
  readonly time: number;
  readonly seq: number;
}

export class EventQueue<E extends QueueEntry> {
  private readonly heap: E[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): E | undefined {
    return this.heap[0];
  }

  push(entry: E): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = entry;
  }

  pop(): E | undefined {
    const heap = this.heap;
    const n = heap.length;
    if (n === 0) return undefined;
    const top = heap[0];
    const last = heap.pop() as E;
    if (n > 1) {
      const size = n - 1;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && before(heap[right], heap[left]) ? right : left;
        if (!before(heap[child], last)) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  /** Entries in heap order (not sorted); for snapshots and inspection. */
  entries(): readonly E[] {
    return this.heap;
  }

  clear(): void {
    this.heap.length = 0;
  }
}

function before(a: QueueEntry, b: QueueEntry): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
