import { addWorkingTime, serveWork, type Fireable, type Resource, type Simulation, type WorkingCalendar, type WorkOptions } from '../../kernel/index.js';
import type { BeginParams, ContainerContext, ContainerEvent } from '../containerJourney.js';
import { readLeg, readRoadChance } from '../paramPath.js';
import type { LegParams } from '../params.js';
import type { CalendarName, Condition, ContextFlag, Pace, StageMeta, StageTable, Step } from '../stageTable.js';
import type { ActiveContainer, Activity, JourneyPool } from './journeyPool.js';
import type { Road } from './road.js';
import type { Stations } from './stations.js';

/** A step with everything it reads from the parameters resolved once. */
type CompiledStep =
  | { readonly kind: 'serve'; readonly resource: Resource; readonly slot: number; readonly work: WorkOptions }
  | { readonly kind: 'travel'; readonly leg: LegParams; readonly label: string }
  | { readonly kind: 'elapsedWait'; readonly slot: number; readonly countedFrom?: { readonly milestone: number; readonly when: ContextFlag }; readonly label: string }
  | { readonly kind: 'workingWait'; readonly slot: number; readonly calendar: WorkingCalendar; readonly label: string }
  | { readonly kind: 'gate' }
  | { readonly kind: 'depart' }
  | {
      readonly kind: 'cross';
      readonly legs: readonly LegParams[];
      readonly chance: { readonly clear: number; readonly snow: number };
      readonly incidentDraw: number;
      readonly incidentAt: number;
      readonly incidentEvent: ContainerEvent;
    };

interface CompiledStage {
  readonly steps: readonly CompiledStep[];
  readonly milestone: number;
  readonly done: ContainerEvent;
  readonly doneWhen?: Condition;
}

export interface StageRunnerDeps {
  readonly sim: Simulation;
  readonly table: StageTable;
  readonly params: object;
  readonly pool: JourneyPool;
  readonly stations: Stations;
  readonly road: Road;
  readonly calendars: Readonly<Record<CalendarName, WorkingCalendar>>;
  readonly paces: Readonly<Record<Pace, () => number>>;
  /** Queues a truck at the Khunjerab gate; `through` runs when the gate lets it pass. */
  readonly joinGate: (through: () => void) => void;
  /** Queues a truck at Tashkurgan; `leave` runs when it may set off for the border. */
  readonly joinDepartures: (leave: () => void) => void;
  readonly conditions: {
    holds(condition: Condition): boolean;
    /** Runs `action` once the condition holds again. */
    waitFor(condition: Condition, action: () => void): void;
  };
  readonly onMilestone: (container: ActiveContainer, milestone: string) => void;
}

/**
 * Runs each stage of a journey from its row of the stage table: marks the milestone, then
 * works through the steps in order on simulated time, and sends the stage's completion event.
 */
export class StageRunner {
  private readonly stages: ReadonlyMap<string, CompiledStage>;

  constructor(private readonly deps: StageRunnerDeps) {
    const stages = new Map<string, CompiledStage>();
    for (const [name, meta] of deps.table.stages) stages.set(name, this.compile(meta));
    this.stages = stages;
  }

  /** The journey entered `stage`: the `begin` action of the journey machine. */
  readonly begin = (context: ContainerContext, { stage }: BeginParams): void => {
    const container = this.deps.pool.get(context.id);
    const compiled = this.stages.get(stage);
    if (compiled === undefined) throw new Error(`journey state ${stage} has no row in the stage table`);
    if (compiled.milestone >= 0 && this.mark(container, compiled.milestone)) {
      this.deps.onMilestone(container, this.deps.table.milestones[compiled.milestone].id);
    }
    let cursor = container.cursor as StepCursor | undefined;
    if (cursor === undefined) {
      cursor = new StepCursor(this, container);
      container.cursor = cursor;
    }
    cursor.stage = compiled;
    cursor.index = 0;
    this.run(cursor);
  };

  /**
   * Records a milestone; any earlier milestone the journey passed through in zero time gets the
   * same time. False when it was reached before (a journey re-entering a stage).
   */
  mark(container: ActiveContainer, index: number): boolean {
    const m = container.record.milestones;
    if (!Number.isNaN(m[index])) return false;
    for (let i = index; i >= 0 && Number.isNaN(m[i]); i--) m[i] = this.deps.sim.now;
    return true;
  }

  /** Runs the cursor's step; when it ends, the cursor fires and `advance` moves it on. */
  run(cursor: StepCursor): void {
    const { sim, road } = this.deps;
    const { container, stage, index } = cursor;
    container.cancelPending = undefined;
    container.pendingEvent = undefined;
    container.pendingJob = undefined;
    cursor.waitingFor = undefined;
    if (index >= stage.steps.length) return this.complete(cursor, stage);
    const step = stage.steps[index];
    switch (step.kind) {
      case 'serve':
        container.pendingJob = serveWork(sim, step.resource, container.draws[step.slot], cursor, step.work);
        return;
      case 'travel':
        container.pendingEvent = sim.schedule(road.travelHours(step.leg), cursor, step.label);
        return;
      case 'elapsedWait': {
        let hours = container.draws[step.slot];
        const from = step.countedFrom;
        if (from !== undefined && container.record[from.when]) {
          const start = container.record.milestones[from.milestone];
          if (!Number.isNaN(start)) hours = Math.max(0, start + hours - sim.now);
        }
        container.pendingEvent = sim.schedule(hours, cursor, step.label);
        return;
      }
      case 'workingWait': {
        const t = addWorkingTime(step.calendar, sim.now, container.draws[step.slot]);
        if (t < Infinity) container.pendingEvent = sim.scheduleAt(t, cursor, step.label);
        return;
      }
      case 'gate':
        this.deps.joinGate(cursor.advance);
        return;
      case 'depart':
        this.deps.joinDepartures(() => {
          container.record.snowyDeparture = road.snowy();
          cursor.fire();
        });
        return;
      case 'cross':
        return this.cross(container, step, cursor);
    }
  }

  /** The cursor's step has ended: on to the next step, or the stage is complete. */
  advance(cursor: StepCursor): void {
    const last = cursor.index === cursor.stage.steps.length - 1;
    if (last) return this.complete(cursor, cursor.stage);
    cursor.index++;
    this.run(cursor);
  }

  /** Takes the container out of whatever it is doing now (spoiled food leaves the flow). */
  abandon(container: ActiveContainer): void {
    container.cancelPending?.();
    container.pendingJob?.cancel();
    if (container.pendingEvent !== undefined) this.deps.sim.cancel(container.pendingEvent);
    container.cancelPending = undefined;
    container.pendingJob = undefined;
    container.pendingEvent = undefined;
  }

  /** Over the pass to Sost; an incident strikes part-way with the road's chance, and the rest of the drive follows recovery. */
  private cross(container: ActiveContainer, step: Extract<CompiledStep, { kind: 'cross' }>, arrived: StepCursor): void {
    const { sim, road, pool } = this.deps;
    const snowy = road.snowy();
    if (container.remainingTravel >= 0) {
      const left = container.remainingTravel;
      container.remainingTravel = -1;
      container.pendingEvent = sim.schedule(left, arrived, 'reached Sost');
      return;
    }
    const hours = step.legs.reduce((sum, leg) => sum + road.travelHours(leg), 0);
    const chance = snowy ? step.chance.snow : step.chance.clear;
    if (container.draws[step.incidentDraw] < chance) {
      container.record.incident = true;
      const at = hours * container.draws[step.incidentAt];
      container.remainingTravel = hours - at;
      container.pendingEvent = sim.schedule(at, () => pool.send(container, step.incidentEvent), 'incident on the pass');
    } else {
      container.pendingEvent = sim.schedule(hours, arrived, 'reached Sost');
    }
  }

  private complete(cursor: StepCursor, stage: CompiledStage): void {
    const { conditions, pool } = this.deps;
    const container = cursor.container;
    if (stage.doneWhen !== undefined && !conditions.holds(stage.doneWhen)) {
      let abandoned = false;
      container.cancelPending = () => {
        abandoned = true;
      };
      cursor.waitingFor = stage.doneWhen;
      conditions.waitFor(stage.doneWhen, () => abandoned || this.complete(cursor, stage));
      return;
    }
    container.cancelPending = undefined;
    cursor.waitingFor = undefined;
    pool.send(container, stage.done);
  }

  /**
   * What the container is doing now, worked out from where its cursor is and what it waits
   * for (the stepper's "why is it waiting?"); undefined between stages. Nothing is recorded
   * for it on the hot path: batch runs never ask.
   */
  activityOf(container: ActiveContainer): Activity | undefined {
    const cursor = container.cursor as StepCursor | undefined;
    if (cursor === undefined) return undefined;
    if (cursor.waitingFor !== undefined) return { kind: 'condition', condition: cursor.waitingFor };
    const step = cursor.stage.steps[cursor.index];
    if (step === undefined) return undefined;
    switch (step.kind) {
      case 'serve': {
        const job = container.pendingJob;
        return job === undefined ? undefined : { kind: 'serve', resource: step.resource, request: job.request, label: step.work.label ?? step.resource.name };
      }
      case 'gate':
      case 'depart':
        return { kind: step.kind };
      default: {
        const event = container.pendingEvent;
        if (event === undefined || event.cancelled) return undefined;
        const crossing = step.kind === 'cross';
        return { kind: 'timer', label: crossing ? 'crossing the pass' : event.label, until: event.time, travel: crossing || step.kind === 'travel' };
      }
    }
  }

  private compile(meta: StageMeta): CompiledStage {
    const { table, params, stations, calendars, paces } = this.deps;
    const slot = (name: string): number => table.draws.findIndex((d) => d.name === name);
    // A step's events carry its own label, else the stage's completion event.
    const labelOf = (step: Step): string => ('label' in step ? step.label : undefined) ?? meta.done;
    const steps = meta.steps.map((step: Step): CompiledStep => {
      switch (step.kind) {
        case 'serve':
          return { kind: 'serve', resource: stations.resource(step.station.id), slot: slot(step.work.name), work: { productivity: step.pace === undefined ? undefined : paces[step.pace], label: labelOf(step) } };
        case 'travel':
          return { kind: 'travel', leg: readLeg(params, step.leg), label: labelOf(step) };
        case 'elapsedWait': {
          const from = step.countedFrom;
          const milestone = from === undefined ? undefined : table.milestoneIndex.get(from.milestone);
          if (from !== undefined && milestone === undefined) throw new Error(`a wait is counted from milestone ${from.milestone}, which the journey does not have`);
          return { kind: 'elapsedWait', slot: slot(step.hours.name), label: labelOf(step), countedFrom: from === undefined || milestone === undefined ? undefined : { milestone, when: from.when } };
        }
        case 'workingWait':
          return { kind: 'workingWait', slot: slot(step.hours.name), calendar: calendars[step.calendar], label: labelOf(step) };
        case 'gate':
          return step;
        case 'depart':
          return { kind: 'depart' };
        case 'cross':
          return {
            kind: 'cross',
            legs: step.legs.map((leg) => readLeg(params, leg)),
            chance: readRoadChance(params, step.incidentChance),
            incidentDraw: slot(step.incidentDraw.name),
            incidentAt: slot(step.incidentAt.name),
            incidentEvent: { type: step.incidentEvent } as ContainerEvent,
          };
      }
    });
    return {
      steps,
      milestone: meta.milestone === undefined ? -1 : (table.milestoneIndex.get(meta.milestone.id) ?? -1),
      done: { type: meta.done } as ContainerEvent,
      doneWhen: meta.doneWhen,
    };
  }
}

/**
 * Where a container is in its journey: the stage and the step it is on. One per container,
 * reused from stage to stage, and itself the event that ends a step (a timer, a served job),
 * so stepping through a journey allocates no closure per step. A container has at most one
 * step under way: a new stage begins only once the last one completed, or was abandoned.
 */
export class StepCursor implements Fireable {
  stage: CompiledStage = EMPTY_STAGE;
  index = 0;
  /** The stage's steps are done and it waits for this condition to complete. */
  waitingFor: Condition | undefined = undefined;
  /** The same as `fire`, for queues that take a callback (the gate). */
  readonly advance = (): void => this.runner.advance(this);

  constructor(
    private readonly runner: StageRunner,
    readonly container: ActiveContainer,
  ) {}

  fire(): void {
    this.runner.advance(this);
  }
}

const EMPTY_STAGE: CompiledStage = { steps: [], milestone: -1, done: { type: 'xstate.none' } as unknown as ContainerEvent };
