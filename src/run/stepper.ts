import { produce } from 'immer';
import { BEIJING, Corridor, PKT, stateString, type TransitionRecord } from '../model/corridor.js';
import type { ContainerContext } from '../model/containerJourney.js';
import { MILESTONE_LABELS, MILESTONES, type Milestone } from '../model/milestones.js';
import type { CorridorParams } from '../model/params.js';
import type { DayWeather } from '../model/weather.js';
import { replicationSeed } from './replication.js';

/** What an analyst can do to a running corridor from the stepper. */
export type WhatIf =
  | { readonly kind: 'snowstorm'; readonly snowfallCm: number }
  | { readonly kind: 'closePass'; readonly days: number }
  | { readonly kind: 'webocOutage'; readonly hours: number }
  | { readonly kind: 'powerCut'; readonly hours: number }
  | { readonly kind: 'scannerBreakdown'; readonly hours: number }
  | { readonly kind: 'forceRed'; readonly container: number };

export interface CorridorView {
  readonly step: number;
  readonly now: number;
  readonly day: number;
  readonly clock: { readonly pkt: string; readonly beijing: string };
  readonly finished: boolean;
  readonly lastEvent: string;
  readonly road: { readonly state: string; readonly cause: string | null };
  readonly posts: {
    readonly china: { readonly state: string; readonly reason: string | null };
    readonly pakistan: { readonly state: string; readonly reason: string | null };
  };
  readonly facility: string;
  readonly weather: DayWeather;
  readonly heatingOn: boolean;
  readonly examProductivity: number;
  /** Containers in each journey state, in journey order, zeros included. */
  readonly stages: ReadonlyArray<{ readonly state: string; readonly count: number }>;
  readonly resources: ReadonlyArray<{ readonly name: string; readonly capacity: number; readonly busy: number; readonly queue: number }>;
  readonly stranded: number;
  readonly arrived: number;
  readonly released: number;
  readonly inside: number;
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
  readonly milestones: ReadonlyArray<{ readonly milestone: Milestone; readonly label: string; readonly t: number; readonly pkt: string }>;
  readonly spoiled: boolean;
  readonly incident: boolean;
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
    if (whatIf.kind === 'forceRed' && this.container(whatIf.container)?.events.includes('FORCE_RED') !== true) return false;
    this.history = produce(this.history, (draft) => {
      draft.injections.push({ atStep: this.steps, whatIf });
    });
    this.apply(whatIf);
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
    const road = c.road.getSnapshot();
    const china = c.posts.china.getSnapshot();
    const pakistan = c.posts.pakistan.getSnapshot();
    const counts = new Map<string, number>();
    for (const id of c.active.keys()) {
      const state = c.journeyState(id)?.value ?? 'done';
      counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    const totals = c.totals();
    return {
      step: this.steps,
      now: c.now,
      day: Math.floor(c.now / 24 + 1e-9),
      clock: { pkt: `${c.axis.format(c.now, PKT)} PKT`, beijing: `${c.axis.format(c.now, BEIJING)} CST` },
      finished: c.done,
      lastEvent: this.lastLabel,
      road: { state: String(road.value), cause: road.context.cause },
      posts: {
        china: { state: String(china.value), reason: china.context.reason },
        pakistan: { state: String(pakistan.value), reason: pakistan.context.reason },
      },
      facility: stateString(c.facility.getSnapshot().value),
      weather: c.weather,
      heatingOn: c.heatingOn(),
      examProductivity: c.examProductivity(),
      stages: journeyStates(c).filter((s) => s !== 'done').map((state) => ({ state, count: counts.get(state) ?? 0 })),
      resources: Object.values(c.resources).map((r) => ({ name: r.name, capacity: r.capacity, busy: r.busy, queue: r.queueLength })),
      stranded: c.strandedNow,
      arrived: totals.arrivedTotal,
      released: totals.releasedTotal,
      inside: c.active.size,
    };
  }

  /** The container with this id, if it has arrived. */
  container(id: number): ContainerView | undefined {
    const c = this.corridor;
    const record = c.records[id - 1];
    if (record === undefined) return undefined;
    const snapshot = c.journeyState(id);
    const state = snapshot === undefined ? 'done' : snapshot.value;
    const machine = c.journeyMachine;
    const events = state === 'done' ? [] : [...machine.getStateNodeById(`container.${state}`).ownEvents, ...machine.root.ownEvents];
    return {
      id,
      state,
      finished: snapshot === undefined,
      context: snapshot?.context ?? {
        id,
        cargo: record.cargo,
        channel: record.channel,
        scan: record.scan,
        exportInspection: record.exportInspection,
        needsPermit: record.needsPermit,
        held: record.held,
      },
      events,
      states: journeyStates(c),
      milestones: MILESTONES.flatMap((milestone, i) => {
        const t = record.milestones[i];
        return Number.isNaN(t) ? [] : [{ milestone, label: MILESTONE_LABELS[milestone], t, pkt: c.axis.format(t, PKT) }];
      }),
      spoiled: record.spoiled,
      incident: record.incident,
    };
  }

  /** Ids of containers in the corridor now, oldest first. */
  activeIds(): number[] {
    return [...this.corridor.active.keys()];
  }

  private reached(id: number): number {
    const record = this.corridor.records[id - 1];
    if (record === undefined) return -1;
    let n = 0;
    for (const t of record.milestones) if (!Number.isNaN(t)) n++;
    return n;
  }

  private isInside(id: number): boolean {
    return this.corridor.records[id - 1] === undefined || this.corridor.active.has(id);
  }

  private apply(whatIf: WhatIf): void {
    const c = this.corridor;
    switch (whatIf.kind) {
      case 'snowstorm':
        c.injectSnowstorm(whatIf.snowfallCm);
        return;
      case 'closePass':
        c.injectRoadClosure('what-if', whatIf.days * 24, 0);
        return;
      case 'webocOutage':
        c.injectOutage('weboc', whatIf.hours);
        return;
      case 'powerCut':
        c.injectOutage('power', whatIf.hours);
        return;
      case 'scannerBreakdown':
        c.injectOutage('scanner', whatIf.hours);
        return;
      case 'forceRed':
        c.injectForceRed(whatIf.container);
        return;
    }
  }

  private reset(): void {
    this.recent = [];
    this.corridor = new Corridor(this.params, {
      seed: replicationSeed(this.seed, this.replication),
      keepRecords: true,
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

function journeyStates(c: Corridor): string[] {
  return Object.keys(c.journeyMachine.root.states);
}
