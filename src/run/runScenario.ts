import { Corridor, type ContainerRecord, type CorridorTotals } from '../model/corridor/index.js';
import type { CorridorParams } from '../model/params.js';
import { replicationSeed } from './replication.js';

export interface ScenarioRun {
  readonly seed: number;
  /** Every container that arrived, with its milestone times in simulated hours (NaN = not reached). */
  readonly containers: readonly ContainerRecord[];
  readonly totals: CorridorTotals;
}

/**
 * Runs one replication of a scenario and keeps every container: the programmatic API.
 * For many replications, and for the report, use `runBatch` and `buildScenarioReport`;
 * to advance one event at a time, use `Stepper`.
 *
 * @example
 * const { containers, totals } = runScenario(scenario, { seed: 2025 });
 * totals.releasedTotal; // containers gated out at Sost
 */
export function runScenario(params: CorridorParams, options: { seed: number; replication?: number }): ScenarioRun {
  const seed = replicationSeed(options.seed, options.replication ?? 0);
  const corridor = new Corridor(params, { seed, keepRecords: true });
  const totals = corridor.run();
  return { seed, containers: corridor.records, totals };
}
