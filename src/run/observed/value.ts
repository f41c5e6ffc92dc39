import type { ClosureSegment, ContainerRecord } from '../../model/corridor/index.js';

/** One replication's figure for one observed row. */
export interface ObservedValue {
  /** The figure; 0 when nothing was measured (see `count`). */
  readonly value: number;
  /** Containers, days or closures it was measured over; 0 when there was nothing to measure, 1 for an input check. */
  readonly count: number;
}

export const NOTHING_MEASURED: ObservedValue = { value: 0, count: 0 };

/** What a row does with a run: containers streamed in as they leave, the road's closures at the end. */
export interface RowAccumulator {
  /** A container counted in the time statistics (entered after the warm-up, followed to gate-out). */
  add(record: ContainerRecord): void;
  value(closures: readonly ClosureSegment[]): ObservedValue;
}
