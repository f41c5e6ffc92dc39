import { addWorkingTime, serveWork, type Resource, type ScheduledEvent, type Simulation, type WorkingCalendar } from '../../kernel/index.js';
import type { BeginParams, ContainerContext, ContainerEvent } from '../containerJourney.js';
import { readLeg, readRoadChance } from '../paramPath.js';
import type { LegParams } from '../params.js';
import type { CalendarName, Condition, ContextFlag, Pace, StageMeta, StageTable, Step } from '../stageTable.js';
import type { ActiveContainer, JourneyPool } from './journeyPool.js';
import type { Road } from './road.js';
import type { Stations } from './stations.js';

/** A step with everything it reads from the parameters resolved once. */
type CompiledStep =
  | { readonly kind: 'serve'; readonly resource: Resource; readonly slot: number; readonly pace?: () => number; readonly label?: string }
  | { readonly kind: 'travel'; readonly leg: LegParams }
  | { readonly kind: 'elapsedWait'; readonly slot: number; readonly countedFrom?: { readonly milestone: number; readonly when: ContextFlag }; readonly label?: string }
  | { readonly kind: 'workingWait'; readonly slot: number; readonly calendar: WorkingCalendar; readonly label?: string }
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
    this.run(container, compiled, 0);
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

  private run(container: ActiveContainer, stage: CompiledStage, i: number): void {
    const { sim, road } = this.deps;
    if (i >= stage.steps.length) return this.complete(container, stage);
    const step = stage.steps[i];
    const next = i === stage.steps.length - 1 ? () => this.complete(container, stage) : () => this.run(container, stage, i + 1);
    const label = ('label' in step ? step.label : undefined) ?? stage.done.type;
    const timer = (event: ScheduledEvent, travel = false): void => {
      container.cancelPending = () => sim.cancel(event);
      container.activity = { kind: 'timer', label, until: event.time, travel };
    };
    container.cancelPending = undefined;
    container.activity = undefined;
    switch (step.kind) {
      case 'serve': {
        const job = serveWork(sim, step.resource, container.draws[step.slot], next, { productivity: step.pace, label });
        container.cancelPending = () => job.cancel();
        container.activity = { kind: 'serve', resource: step.resource, request: job.request, label };
        return;
      }
      case 'travel':
        timer(sim.schedule(road.travelHours(step.leg), next, label), true);
        return;
      case 'elapsedWait': {
        let hours = container.draws[step.slot];
        const from = step.countedFrom;
        if (from !== undefined && container.record[from.when]) {
          const start = container.record.milestones[from.milestone];
          if (!Number.isNaN(start)) hours = Math.max(0, start + hours - sim.now);
        }
        timer(sim.schedule(hours, next, label));
        return;
      }
      case 'workingWait': {
        const t = addWorkingTime(step.calendar, sim.now, container.draws[step.slot]);
        if (t < Infinity) timer(sim.scheduleAt(t, next, label));
        return;
      }
      case 'gate':
        container.activity = { kind: 'gate' };
        this.deps.joinGate(next);
        return;
      case 'depart':
        container.activity = { kind: 'depart' };
        this.deps.joinDepartures(() => {
          container.record.snowyDeparture = road.snowy();
          next();
        });
        return;
      case 'cross':
        return this.cross(container, step, next);
    }
  }

  /** Takes the container out of whatever it is doing now (spoiled food leaves the flow). */
  abandon(container: ActiveContainer): void {
    container.cancelPending?.();
    container.cancelPending = undefined;
  }

  /** Over the pass to Sost; an incident strikes part-way with the road's chance, and the rest of the drive follows recovery. */
  private cross(container: ActiveContainer, step: Extract<CompiledStep, { kind: 'cross' }>, arrived: () => void): void {
    const { sim, road, pool } = this.deps;
    const snowy = road.snowy();
    const timer = (event: ScheduledEvent): void => {
      container.cancelPending = () => sim.cancel(event);
      container.activity = { kind: 'timer', label: 'crossing the pass', until: event.time, travel: true };
    };
    if (container.remainingTravel >= 0) {
      const left = container.remainingTravel;
      container.remainingTravel = -1;
      timer(sim.schedule(left, arrived, 'reached Sost'));
      return;
    }
    const hours = step.legs.reduce((sum, leg) => sum + road.travelHours(leg), 0);
    const chance = snowy ? step.chance.snow : step.chance.clear;
    if (container.draws[step.incidentDraw] < chance) {
      container.record.incident = true;
      const at = hours * container.draws[step.incidentAt];
      container.remainingTravel = hours - at;
      timer(sim.schedule(at, () => pool.send(container, step.incidentEvent), 'incident on the pass'));
    } else {
      timer(sim.schedule(hours, arrived, 'reached Sost'));
    }
  }

  private complete(container: ActiveContainer, stage: CompiledStage): void {
    const { conditions, pool } = this.deps;
    if (stage.doneWhen !== undefined && !conditions.holds(stage.doneWhen)) {
      let abandoned = false;
      container.cancelPending = () => {
        abandoned = true;
      };
      container.activity = { kind: 'condition', condition: stage.doneWhen };
      conditions.waitFor(stage.doneWhen, () => abandoned || this.complete(container, stage));
      return;
    }
    container.cancelPending = undefined;
    container.activity = undefined;
    pool.send(container, stage.done);
  }

  private compile(meta: StageMeta): CompiledStage {
    const { table, params, stations, calendars, paces } = this.deps;
    const slot = (name: string): number => table.draws.findIndex((d) => d.name === name);
    const steps = meta.steps.map((step: Step): CompiledStep => {
      switch (step.kind) {
        case 'serve':
          return { kind: 'serve', resource: stations.resource(step.station.id), slot: slot(step.work.name), pace: step.pace === undefined ? undefined : paces[step.pace], label: step.label };
        case 'travel':
          return { kind: 'travel', leg: readLeg(params, step.leg) };
        case 'elapsedWait': {
          const from = step.countedFrom;
          const milestone = from === undefined ? undefined : table.milestoneIndex.get(from.milestone);
          if (from !== undefined && milestone === undefined) throw new Error(`a wait is counted from milestone ${from.milestone}, which the journey does not have`);
          return { kind: 'elapsedWait', slot: slot(step.hours.name), label: step.label, countedFrom: from === undefined || milestone === undefined ? undefined : { milestone, when: from.when } };
        }
        case 'workingWait':
          return { kind: 'workingWait', slot: slot(step.hours.name), calendar: calendars[step.calendar], label: step.label };
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
