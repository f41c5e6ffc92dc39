export { Corridor, type CorridorOptions, type JourneyRuntime } from './corridor.js';
export { ActorPort, DroppedEventError, stateString, type TransitionRecord } from './actors.js';
export { contextOf, type Activity, type ContainerRecord, type JourneyState } from './journeyPool.js';
export type { CorridorTotals, ClosureSegment, DailyLevels } from './measures.js';
export type { CorridorView } from './view.js';
export type { OutageKind } from './sostConditions.js';
