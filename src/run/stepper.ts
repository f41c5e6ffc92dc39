import type { TransitionRecord } from '../model/corridor/index.js';
import type { CorridorParams } from '../model/params.js';
import { PKT } from '../model/timeZones.js';
import { applyWhatIf, type WhatIf } from '../model/whatIfs.js';
import { CheckpointShelf, CHECKPOINT_INTERVAL } from './checkpointShelf.js';
import { containerView, timeSpent, type ContainerView, type TimeSpent } from './containerReading.js';
import { corridorView, type CorridorView } from './corridorReading.js';
import type { DayLevels } from './dayTrack.js';
import type { GoToTarget } from './goToTarget.js';
import { SteppedRun, type FiredWhatIf } from './steppedRun.js';
import { waitReason, type WaitReason } from './waitReason.js';
import { EMPTY_JOURNAL, entriesAfter, entriesBetween, journalUpTo, journalWith, type JournalEntry, type WhatIfJournal } from './whatIfJournal.js';

export type { WhatIf } from '../model/whatIfs.js';
export type { JournalEntry } from './whatIfJournal.js';
export type { FiredWhatIf } from './steppedRun.js';
export type { DayLevels } from './dayTrack.js';
export type { WaitReason } from './waitReason.js';
export type { ContainerView, TimeSpent } from './containerReading.js';
export type { CorridorView } from './corridorReading.js';




/** What a replay cost: the steps fired in each journey runtime to rebuild the target state. */
export interface ReplayWork {
  readonly from: number;
  readonly to: number;
  readonly compiledSteps: number;
  readonly xstateSteps: number;
}

/** What going back did: the step it reached and the what-ifs it undid (kept for redo). */
export interface BackResult {
  readonly to: number;
  readonly undid: readonly JournalEntry[];
}

/** What a move forward did besides stepping: what-ifs that fired on the way (redone or scheduled). */
export interface Moved {
  readonly fired: number;
  readonly whatIfs: readonly FiredWhatIf[];
}


/**
 * Drives one replication of a scenario one kernel event at a time, for the interactive UI.
 *
 * Runs are deterministic, so going back is an exact replay with the same seed and the same
 * injected what-ifs at the same steps. Replays start from the nearest checkpoint (see
 * CheckpointShelf) and run in the compiled journey runtime; the run then hands its containers to
 * XState actors (resolveState, as parking does), so the live run shows XState machines.
 * What-ifs injected after the step gone back to stay in the journal and are applied again when
 * the run steps forward to their step (a redo) unless `dropPending` forgets them.
 *
 * @example
 * const stepper = new Stepper(scenario, 2025);
 * stepper.step();
 * stepper.view().road.state; // 'open'
 */
export class Stepper {
  private live: SteppedRun;
  private journal: WhatIfJournal = EMPTY_JOURNAL;
  private readonly shelf: CheckpointShelf;
  private replay: ReplayWork = { from: 0, to: 0, compiledSteps: 0, xstateSteps: 0 };

  constructor(
    readonly params: CorridorParams,
    readonly seed: number,
    readonly replication = 0,
    checkpointInterval = CHECKPOINT_INTERVAL,
  ) {
    this.shelf = new CheckpointShelf(() => this.freshRun('compiled'), (run, done, budget) => this.advance(run, done, budget), checkpointInterval);
    this.live = this.freshRun('xstate');
  }

  get stepCount(): number {
    return this.live.steps;
  }

  get now(): number {
    return this.live.corridor.now;
  }

  /** The run is over: past the horizon with every container out, or at the end of the drain period. */
  get finished(): boolean {
    return this.live.corridor.done;
  }

  /** The next event is at or past the end of the horizon: arrivals are over, the drain follows. */
  get horizonOver(): boolean {
    return this.live.corridor.sim.peekTime() >= this.live.corridor.end;
  }

  /** End of the horizon in simulated hours. */
  get horizonEnd(): number {
    return this.live.corridor.end;
  }

  /** The latest transitions, oldest first. */
  get log(): readonly TransitionRecord[] {
    return this.live.log;
  }

  /** What-ifs that fired so far in this run, injected or scheduled in the scenario. */
  get whatIfsFired(): readonly FiredWhatIf[] {
    return this.live.whatIfs;
  }

  /** The days so far, for the timeline. */
  get days(): readonly DayLevels[] {
    return this.live.days.days;
  }

  /** What the last replay (back or go to) cost. */
  get lastReplay(): ReplayWork {
    return this.replay;
  }

  /** Steps of the checkpoints kept now. */
  get checkpoints(): number[] {
    return this.shelf.steps;
  }

  /** What-ifs injected at steps the run is not at yet: re-applied on reaching them. */
  get pending(): readonly JournalEntry[] {
    return entriesAfter(this.journal, this.live.steps);
  }

  /** Every what-if injected and in effect at this step. */
  get injections(): readonly JournalEntry[] {
    return journalUpTo(this.journal, this.live.steps);
  }

  /** Fires one kernel event (and re-applies a what-if due at the new step). False once the run is over. */
  step(): boolean {
    if (!this.live.step()) return false;
    this.catchUp(this.live);
    return true;
  }

  /** Fires up to `n` events; returns how many fired. */
  stepMany(n: number): Moved {
    return this.moving(() => {
      let fired = 0;
      while (fired < n && this.step()) fired++;
      return fired;
    });
  }

  /** Goes back `n` events by replay. Undefined at step 0. */
  back(n = 1): BackResult | undefined {
    if (this.live.steps === 0) return undefined;
    const from = this.live.steps;
    const to = Math.max(0, from - n);
    this.rewind((run) => run.steps <= to, (run) => run.steps >= to);
    return { to, undid: entriesBetween(this.journal, to, from) };
  }

  /** Steps a replay to step `target` would fire, from the nearest checkpoint (0 when no replay is needed). */
  replayCost(target: number): number {
    if (target >= this.live.steps) return 0;
    return target - this.shelf.nearest((run) => run.steps <= target);
  }

  /** Goes to step `target`, back by replay or forward by stepping. */
  goToStep(target: number): Moved & BackResult {
    const from = this.live.steps;
    if (target < from) {
      const back = this.back(from - target) ?? { to: from, undid: [] };
      return { ...back, fired: 0, whatIfs: [] };
    }
    return { ...this.moving(() => this.advance(this.live, (run) => run.steps >= target, Infinity)), to: this.live.steps, undid: [] };
  }

  /**
   * Goes to the first event at or after simulated hour `t`: the state just after it fires. Back
   * by replay when the clock is already past `t`.
   */
  goToTime(t: number): Moved & BackResult {
    const from = this.live.steps;
    const reached = (run: SteppedRun): boolean => run.steps > 0 && run.corridor.now >= t;
    if (reached(this.live) && this.live.corridor.now > t) {
      this.rewind((run) => !reached(run), reached);
      return { to: this.live.steps, undid: entriesBetween(this.journal, this.live.steps, from), fired: 0, whatIfs: [] };
    }
    return { ...this.moving(() => this.advance(this.live, reached, Infinity)), to: this.live.steps, undid: [] };
  }

  /** Goes where `g` was asked to: a step, the first event of a day, or of a PKT date and time. */
  goTo(target: Exclude<GoToTarget, { readonly kind: 'error' }>): Moved & BackResult {
    if (target.kind === 'step') return this.goToStep(target.step);
    return this.goToTime(target.kind === 'day' ? (target.day - 1) * 24 : this.timeOf(target.date, target.time));
  }

  /** Steps until the container reaches its next milestone or leaves; returns events fired. */
  toNextMilestone(id: number, limit = 1_000_000): Moved {
    const before = this.reached(id);
    return this.moving(() => this.advance(this.live, () => this.reached(id) !== before || !this.isInside(id), limit));
  }

  /** Steps to the first event of the next PKT day (its midnight weather draw). */
  toNextDay(limit = 1_000_000): Moved {
    const target = (Math.floor(this.now / 24 + 1e-9) + 1) * 24;
    return this.moving(() => this.advance(this.live, (run) => run.corridor.now >= target, limit));
  }

  /**
   * Runs on for `hours` of simulated time at most `maxEvents` events, stopping at the end of
   * the horizon (so the stepper can say the drain begins). Returns the events fired.
   */
  runFor(hours: number, maxEvents: number): Moved {
    const c = this.live.corridor;
    const until = c.now + hours;
    const stopAtHorizon = c.sim.peekTime() < c.end;
    return this.moving(() => {
      let fired = 0;
      while (fired < maxEvents && c.sim.peekTime() <= until && !(stopAtHorizon && c.sim.peekTime() >= c.end) && this.step()) fired++;
      return fired;
    });
  }

  /** Applies a what-if now and records it for replays. False (and nothing recorded) when it cannot apply. */
  inject(whatIf: WhatIf): boolean {
    if (!applyWhatIf(this.live.corridor, whatIf)) return false;
    this.journal = journalWith(this.journal, this.live.steps, whatIf);
    this.live.applied++;
    this.live.injected(whatIf);
    this.shelf.invalidateFrom(this.live.steps);
    return true;
  }

  /** Forgets the what-ifs kept for redo (those at steps ahead of the run); returns them. */
  dropPending(): readonly JournalEntry[] {
    const dropped = this.pending;
    if (dropped.length === 0) return dropped;
    this.journal = journalUpTo(this.journal, this.live.steps);
    this.shelf.invalidateFrom(this.live.steps + 1);
    return dropped;
  }

  /** Builds checkpoints near the current step, `budget` steps at a time; true while there is more to do. */
  prepare(budget = 2000): boolean {
    return this.shelf.work(this.live.steps, budget);
  }

  /** "2025-12-05 14:30" for simulated time `t` in an IANA zone. */
  formatTime(t: number, timeZone: string = PKT): string {
    return this.live.corridor.axis.format(t, timeZone);
  }

  /** Simulated hours of a PKT wall-clock time, "2025-12-05 14:30". */
  timeOf(date: string, time: string): number {
    return this.live.corridor.axis.fromEpoch(Date.parse(`${date}T${time}:00+05:00`));
  }

  view(): CorridorView {
    return corridorView(this.live, this.params.days);
  }


  /** The container with this id, if it has arrived. */
  container(id: number): ContainerView | undefined {
    return containerView(this.live.corridor, id);
  }

  /** Why the container is where it is now; undefined when it is not in the corridor. */
  waitReason(id: number): WaitReason | undefined {
    const container = this.live.corridor.pool.active.get(id);
    return container === undefined ? undefined : waitReason(this.live.corridor, container);
  }

  /** Where the container's time went so far (see `timeSpent` in containerReading.ts). */
  timeSpent(id: number): TimeSpent | undefined {
    return timeSpent(this.live.corridor, id);
  }

  /** Ids of containers in the corridor now, oldest first. */
  activeIds(): number[] {
    return [...this.live.corridor.pool.active.keys()];
  }

  /** Containers that have arrived so far (ids run 1 to this). */
  get arrived(): number {
    return this.live.corridor.records.length;
  }

  private freshRun(runtime: 'xstate' | 'compiled'): SteppedRun {
    const run = new SteppedRun(this.params, this.seed, this.replication, runtime);
    this.catchUp(run);
    return run;
  }

  /** Applies the journal's what-ifs due at the run's step that it has not applied yet. */
  private catchUp(run: SteppedRun): void {
    const journal = this.journal;
    while (run.applied < journal.length && journal[run.applied].atStep <= run.steps) {
      const { whatIf } = journal[run.applied++];
      if (applyWhatIf(run.corridor, whatIf)) run.injected(whatIf);
    }
  }

  private advance(run: SteppedRun, done: (run: SteppedRun) => boolean, budget: number): number {
    let fired = 0;
    while (fired < budget && !done(run) && run.step()) {
      fired++;
      this.catchUp(run);
    }
    return fired;
  }

  /** Replaces the live run by a replay from the nearest checkpoint that `usable` accepts, until `reached`. */
  private rewind(usable: (run: SteppedRun) => boolean, reached: (run: SteppedRun) => boolean): void {
    const run = this.shelf.take(usable);
    const from = run.steps;
    const steps = this.advance(run, reached, Infinity);
    const compiled = run.journeyRuntime === 'compiled';
    run.useXState();
    this.live = run;
    this.replay = { from, to: run.steps, compiledSteps: compiled ? steps : 0, xstateSteps: compiled ? 0 : steps };
  }

  private moving(move: () => number): Moved {
    const before = this.live.whatIfs.length;
    const fired = move();
    return { fired, whatIfs: this.live.whatIfs.slice(before) };
  }

  private reached(id: number): number {
    const record = this.live.corridor.records[id - 1];
    if (record === undefined) return -1;
    let n = 0;
    for (const t of record.milestones) if (!Number.isNaN(t)) n++;
    return n;
  }

  private isInside(id: number): boolean {
    return this.live.corridor.records[id - 1] === undefined || this.live.corridor.pool.active.has(id);
  }
}
