export { runScenario, type ScenarioRun } from './runScenario.js';
export { runReplication, replicationSeed, type ReplicationSummary } from './replication.js';
export { runBatch, defaultWorkers, type BatchOptions } from './runReplications.js';
export { buildScenarioReport, timeReleaseBucketWidth, type ScenarioReport, type TimeStats, type IntervalStats } from './scenarioReport.js';
export { compareScenarios, COMPARED_METRICS, type Difference } from './comparison.js';
export { Stepper, type WhatIf, type CorridorView, type ContainerView } from './stepper.js';
export { estimate, type Estimate } from './confidence.js';
export type { TransitionRecord, ContainerRecord, CorridorTotals } from '../model/corridor.js';
export type { CorridorParams } from '../model/params.js';
