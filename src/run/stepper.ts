import { produce } from 'immer';
import type { ContainerContext } from '../model/containerJourney.js';
import { Corridor, contextOf, type CorridorView as CorridorState, type TransitionRecord } from '../model/corridor/index.js';
import type { CorridorParams } from '../model/params.js';
import { BEIJING, PKT } from '../model/timeZones.js';
import type { WhatIf } from '../model/whatIfs.js';
import { replicationSeed } from './replication.js';

export type { WhatIf } from '../model/whatIfs.js';

/** The corridor as the stepper shows it: the model's view plus the stepper's own counters. */
export interface CorridorView extends CorridorState {
  readonly step: number;
  readonly day: number;
  readonly clock: { readonly pkt: string; readonly beijing: string };
  readonly lastEvent: string;
}

export interface ContainerView {
  readonly id: number;
  readonly state: string;
  readonly finished: boolean;
  readonly context: ContainerContext;
  /** Events the machine accepts in its current state. */
  readonly events: readonly string[];
  /** Every state of the journey machine, in order, to draw the active one among them. */
  readonly states: readonly string[];
  readonly milestones: ReadonlyArray<{ readonly milestone: string; readonly label: string; readonly t: number; readonly pkt: string }>;
  readonly spoiled: boolean;
  readonly incident: boolean;
  /** Still inside, released at Sost, or lost (spoiled food destroyed or returned). */
  readonly outcome: 'inside' | 'released' | 'lost';
}

/** The final state a journey that left the corridor rests in. */
function finalState(finals: ReadonlyMap<string, string>, outcome: string): string {
  for (const [state, how] of finals) if (how === outcome) return state;
  return 'done';
}

interface History {
  readonly injections: ReadonlyArray<{ readonly atStep: number; readonly whatIf: WhatIf }>;
}

const LOG_LIMIT = 200;

/**
 * Drives one replication of a scenario one kernel event at a time, for the interactive UI.
 *
 * Stepping back replays the run from the start to step n − 1 with the same seed and the same
 * injected what-ifs at the same steps. Runs are deterministic, so the replay is exact; the
 * history of injections is an immutable (immer) record that replays read.
 *
 * @example
 * const stepper = new Stepper(scenario, 2025);
 * stepper.step();
 * stepper.view().road.state; // 'open'
 */
export class Stepper {
  private corridor!: Corridor;
  private history: History = { injections: [] };
  private steps = 0;
  private lastLabel = 'start';
  private recent: TransitionRecord[] = [];

  constructor(
    readonly params: CorridorParams,
    readonly seed: number,
    readonly replication = 0,
  ) {
    this.reset();
  }

  get stepCount(): number {
    return this.steps;
  }

  get now(): number {
    return this.corridor.now;
  }

  get finished(): boolean {
    return this.corridor.done;
  }

  /** The latest transitions, oldest first (at most 200). */
  get log(): readonly TransitionRecord[] {
    return this.recent;
  }

  /** Fires one kernel event. Returns false at the end of the horizon. */
  step(): boolean {
    const result = this.corridor.step();
    if (result === undefined) return false;
    this.steps++;
    this.lastLabel = result.label;
    return true;
  }

  /** Goes back one event by replaying from the start. Returns false at step 0. */
  back(): boolean {
    if (this.steps === 0) return false;
    this.replayTo(this.steps - 1);
    return true;
  }

  /** Steps until the container reaches its next milestone or leaves; returns events fired. */
  toNextMilestone(id: number, limit = 1_000_000): number {
    const before = this.reached(id);
    let fired = 0;
    while (fired < limit && this.reached(id) === before && this.isInside(id) && this.step()) fired++;
    return fired;
  }

  /** Steps until simulated time passes the next midnight PKT. */
  toNextDay(limit = 1_000_000): number {
    const target = (Math.floor(this.corridor.now / 24 + 1e-9) + 1) * 24;
    let fired = 0;
    while (fired < limit && this.corridor.sim.peekTime() < target && this.step()) fired++;
    return fired;
  }

  /** Applies a what-if now and records it for replays. False (and nothing recorded) when it cannot apply. */
  inject(whatIf: WhatIf): boolean {
    if (!this.apply(whatIf)) return false;
    this.history = produce(this.history, (draft) => {
      draft.injections.push({ atStep: this.steps, whatIf });
    });
    return true;
  }

  /** "2025-12-05 14:30" for simulated time `t` in an IANA zone. */
  formatTime(t: number, timeZone: string = PKT): string {
    return this.corridor.axis.format(t, timeZone);
  }

  get injections(): History['injections'] {
    return this.history.injections;
  }

  view(): CorridorView {
    const c = this.corridor;
    return {
      ...c.view(),
      step: this.steps,
      day: Math.floor(c.now / 24 + 1e-9),
      clock: { pkt: `${c.axis.format(c.now, PKT)} PKT`, beijing: `${c.axis.format(c.now, BEIJING)} CST` },
      lastEvent: this.lastLabel,
    };
  }

  /** The container with this id, if it has arrived. */
  container(id: number): ContainerView | undefined {
    const c = this.corridor;
    const record = c.records[id - 1];
    if (record === undefined) return undefined;
    const journey = c.pool.state(id);
    const { table } = c;
    return {
      id,
      state: journey?.value ?? finalState(table.finals, record.outcome),
      finished: journey === undefined,
      context: journey?.context ?? contextOf(record),
      events: journey === undefined ? [] : c.pool.acceptedEvents(id),
      states: table.states,
      milestones: table.milestones.flatMap((milestone, i) => {
        const t = record.milestones[i];
        return Number.isNaN(t) ? [] : [{ milestone: milestone.id, label: milestone.label, t, pkt: c.axis.format(t, PKT) }];
      }),
      spoiled: record.spoiled,
      incident: record.incident,
      outcome: record.outcome,
    };
  }

  /** Ids of containers in the corridor now, oldest first. */
  activeIds(): number[] {
    return [...this.corridor.pool.active.keys()];
  }

  private reached(id: number): number {
    const record = this.corridor.records[id - 1];
    if (record === undefined) return -1;
    let n = 0;
    for (const t of record.milestones) if (!Number.isNaN(t)) n++;
    return n;
  }

  private isInside(id: number): boolean {
    return this.corridor.records[id - 1] === undefined || this.corridor.pool.active.has(id);
  }

  private apply(whatIf: WhatIf): boolean {
    return this.corridor.apply(whatIf);
  }

  private reset(): void {
    this.recent = [];
    this.corridor = new Corridor(this.params, {
      seed: replicationSeed(this.seed, this.replication),
      keepRecords: true,
      // The stepper shows live XState actors (and parks idle ones), as an inspector would see them.
      journeyRuntime: 'xstate',
      onTransition: (record) => {
        this.recent.push(record);
        if (this.recent.length > LOG_LIMIT * 2) this.recent = this.recent.slice(-LOG_LIMIT);
      },
    });
    this.steps = 0;
    this.lastLabel = 'start';
  }

  private replayTo(target: number): void {
    const injections = this.history.injections.filter((i) => i.atStep <= target);
    this.history = { injections };
    this.reset();
    let next = 0;
    for (;;) {
      while (next < injections.length && injections[next].atStep === this.steps) this.apply(injections[next++].whatIf);
      if (this.steps >= target || !this.step()) break;
    }
  }
}
