import type { ClosureSegment, ContainerRecord } from '../../model/corridor/index.js';
import type { ObservedRow } from '../../model/observedParams.js';
import type { CorridorParams } from '../../model/params.js';
import type { StageTable } from '../../model/stageTable.js';
import { containerRow } from './containerRows.js';
import { inputValue } from './inputRows.js';
import { roadRow } from './roadRows.js';
import type { ObservedValue, RowAccumulator } from './value.js';

/**
 * One replication's figures for the scenario's observed rows: containers are streamed in as
 * they leave, the road's closures come at the end, and input checks read the parameters.
 *
 * @example
 * const tally = new ObservedTally(params, readStageTable(containerJourney));
 * // for each container counted in the time statistics: tally.add(record)
 * tally.values(corridor.road.closureSegments(corridor.now)); // one { value, count } per row
 */
export class ObservedTally {
  private readonly rows: readonly RowAccumulator[];

  constructor(params: CorridorParams, table: StageTable) {
    this.rows = params.observed.rows.map((row) => accumulatorOf(row, params, table));
  }

  /** A container that entered after the warm-up and was followed to gate-out. */
  add(record: ContainerRecord): void {
    for (const row of this.rows) row.add(record);
  }

  /** The figure of each row, in the order of `params.observed.rows`. */
  values(closures: readonly ClosureSegment[]): ObservedValue[] {
    return this.rows.map((row) => row.value(closures));
  }
}

function accumulatorOf(row: ObservedRow, params: CorridorParams, table: StageTable): RowAccumulator {
  const { measure } = row;
  switch (measure.kind) {
    case 'demandPerDay':
    case 'gateCapacityPerDay': {
      const value = inputValue(measure, params);
      return { add: () => undefined, value: () => value };
    }
    case 'closedShare':
    case 'closureLength':
      return roadRow(measure, params);
    default:
      return containerRow(measure, params, table);
  }
}
