import { Corridor, type JourneyRuntime, type TransitionRecord } from '../model/corridor/index.js';
import type { CorridorParams } from '../model/params.js';
import { describeWhatIf, type WhatIf } from '../model/whatIfs.js';
import { DayTrack } from './dayTrack.js';
import { replicationSeed } from './replication.js';

/** Transitions a run keeps for the stepper's log (the newest; older ones are dropped in blocks). */
export const LOG_LIMIT = 2000;

/** A what-if as it fired: injected from the stepper's menu, or scheduled in the scenario file. */
export interface FiredWhatIf {
  readonly step: number;
  readonly t: number;
  readonly whatIf: WhatIf;
  readonly text: string;
  readonly source: 'stepper' | 'scenario';
}

/**
 * One replication of a corridor driven event by event, with what the stepper keeps beside the
 * model: the steps fired, the label of the last one, the recent transitions, the day-by-day
 * levels for the timeline and the what-ifs that fired. The live run has XState journeys; the
 * runs kept as checkpoints and replayed are compiled until they hand over (`useXState`).
 */
export class SteppedRun {
  readonly corridor: Corridor;
  readonly days: DayTrack;
  steps = 0;
  lastLabel = 'start';
  /** Journal entries applied so far (the journal is ordered by step). */
  applied = 0;
  private recent: TransitionRecord[] = [];
  private readonly fired: FiredWhatIf[] = [];
  private runtime: JourneyRuntime;

  constructor(params: CorridorParams, seed: number, replication: number, runtime: JourneyRuntime) {
    this.runtime = runtime;
    this.corridor = new Corridor(params, {
      seed: replicationSeed(seed, replication),
      keepRecords: true,
      journeyRuntime: runtime,
      onTransition: (record) => this.logged(record),
    });
    this.days = new DayTrack(this.corridor);
  }

  get journeyRuntime(): JourneyRuntime {
    return this.runtime;
  }

  /** The latest transitions, oldest first. */
  get log(): readonly TransitionRecord[] {
    return this.recent;
  }

  get whatIfs(): readonly FiredWhatIf[] {
    return this.fired;
  }

  /** Fires one kernel event; false once the run is done. */
  step(): boolean {
    const result = this.corridor.step();
    if (result === undefined) return false;
    this.steps++;
    this.lastLabel = result.label;
    this.days.observe();
    return true;
  }

  /** The stepper applied a what-if now. */
  injected(whatIf: WhatIf): void {
    this.fired.push({ step: this.steps, t: this.corridor.now, whatIf, text: describeWhatIf(whatIf), source: 'stepper' });
    this.days.markWhatIf();
  }

  /** Journeys run as XState actors from here on (see JourneyPool.useXState). */
  useXState(): void {
    this.corridor.useXStateJourneys();
    this.runtime = 'xstate';
  }

  /** The scenario's what-if of this kind scheduled at simulated hour `t`. */
  private scheduledAt(t: number, kind: string): WhatIf | undefined {
    const { axis, params } = this.corridor;
    return params.whatIfs.find((w) => w.whatIf.kind === kind && axis.fromEpoch(w.at) === t)?.whatIf;
  }

  private logged(record: TransitionRecord): void {
    // The corridor logs a scheduled what-if as it fires, during the step that is being taken.
    if (record.machine === 'what-if' && record.from === '' && !record.to.startsWith('not applied')) {
      const scheduled = this.scheduledAt(record.t, record.event);
      if (scheduled !== undefined) this.fired.push({ step: this.steps + 1, t: record.t, whatIf: scheduled, text: record.to, source: 'scenario' });
      this.days.markWhatIf();
    }
    this.recent.push(record);
    if (this.recent.length > LOG_LIMIT * 2) this.recent = this.recent.slice(-LOG_LIMIT);
  }
}
