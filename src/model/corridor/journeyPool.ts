import type { Actor, StateValue } from 'xstate';
import type { Fireable, Resource, ResourceRequest, ScheduledEvent, Simulation, WorkJob } from '../../kernel/index.js';
import { CompiledActor } from '../compiledActor.js';
import type { CompiledMachine } from '../compiledMachine.js';
import type { ContainerTraits } from '../containerDraws.js';
import type { ContainerContext, ContainerEvent, ContainerJourneyMachine } from '../containerJourney.js';
import type { CargoType, Channel } from '../params.js';
import { leafState, type Condition } from '../stageTable.js';
import type { ActorPort } from './actors.js';

/** What one container went through. Milestone times are simulated hours; NaN = not reached. */
export interface ContainerRecord {
  readonly id: number;
  readonly cargo: CargoType;
  channel: Channel;
  scan: boolean;
  readonly held: boolean;
  readonly needsPermit: boolean;
  readonly exportInspection: boolean;
  readonly preArrival: boolean;
  readonly milestones: Float64Array;
  incident: boolean;
  spoiled: boolean;
  /** The road was snowy when the truck left Tashkurgan for the pass. */
  snowyDeparture: boolean;
  /** Still in the corridor, released at Sost, or lost (spoiled food destroyed or returned). */
  outcome: ContainerOutcome;
}

export type ContainerOutcome = 'inside' | 'released' | 'lost';

export interface ActiveContainer {
  readonly record: ContainerRecord;
  /** Its machine's name in the transition log, "container:ID". */
  readonly name: string;
  /** The numbers drawn at arrival, in the stage table's slots. */
  readonly draws: Float64Array;
  /** The live journey actor, or undefined while the machine is parked or runs compiled. */
  actor: Actor<ContainerJourneyMachine> | undefined;
  /** The journey machine in its compiled form (batch runs); never parked, it is as cheap as a parked actor. */
  compiled: CompiledActor<ContainerContext, ContainerEvent> | undefined;
  /** The state a parked machine rests in. */
  parkedIn: StateValue;
  /** Simulated time of the last event sent to the machine. */
  lastEventAt: number;
  /** Hours of the crossing left after an incident; negative when none is pending. */
  remainingTravel: number;
  /**
   * What the container is waiting for now, to be abandoned if it leaves the flow: a timer, a
   * job at a station (in its queue or in service), or another wait (the gate, a condition).
   */
  pendingEvent: ScheduledEvent | undefined;
  pendingJob: WorkJob | undefined;
  cancelPending: (() => void) | undefined;
  /** The stage runner's place in the journey, set when the first stage begins. */
  cursor: Fireable | undefined;
}

/** What a container is doing at this instant (the stage runner works it out when asked): at a station, on a timer, in a queue, or waiting for a condition. */
export type Activity =
  | { readonly kind: 'serve'; readonly resource: Resource; readonly request: ResourceRequest; readonly label: string }
  | { readonly kind: 'timer'; readonly label: string; readonly until: number; readonly travel: boolean }
  | { readonly kind: 'gate' }
  | { readonly kind: 'depart' }
  | { readonly kind: 'condition'; readonly condition: Condition };

/** A container's journey machine as the stepper shows it. */
export interface JourneyState {
  readonly value: string;
  readonly context: ContainerContext;
}

/** What the pool asks of a journey machine, an XState snapshot or a compiled instance. */
interface JourneyReading {
  readonly value: StateValue;
  readonly context: ContainerContext;
  can(event: ContainerEvent): boolean;
}

/** A day without an event: overnight waits stay live, weekend and backlog waits park. */
const PARK_AFTER_IDLE_HOURS = 24;

/**
 * The containers in the corridor and their journey machines. The container's context lives
 * in one place, its record. A long closure or a backlog can leave hundreds of thousands of
 * containers idle at once, so one with no event for a day keeps its machine as a state value
 * instead of a live actor, and is woken in that state (entry actions not re-run) by its next event.
 */
export class JourneyPool {
  /** Containers between Kashgar gate-in and Sost gate-out, by id. */
  readonly active = new Map<number, ActiveContainer>();
  /** Every container so far, in arrival order, when records are kept. */
  readonly records: ContainerRecord[] = [];

  constructor(
    private readonly sim: Simulation,
    readonly machine: ContainerJourneyMachine,
    private readonly port: ActorPort,
    private readonly milestoneCount: number,
    private readonly keepRecords: boolean,
    /** The same machine compiled: containers run it instead of XState actors (see compiledMachine.ts). */
    private compiledMachine?: CompiledMachine<ContainerContext, ContainerEvent>,
  ) {}

  /**
   * From now on containers run as XState actors: each compiled machine becomes a parked actor in
   * the same state, woken by its next event with \`resolveState\` (entry actions not re-run), as
   * parking does. The stepper replays in the compiled runtime, then hands over to XState.
   */
  useXState(): void {
    this.compiledMachine = undefined;
    for (const container of this.active.values()) {
      if (container.compiled === undefined) continue;
      container.parkedIn = container.compiled.value;
      container.compiled = undefined;
    }
  }

  /** A new container enters at Kashgar; its machine starts (and so begins its first stage). */
  enter(id: number, traits: ContainerTraits, draws: Float64Array): ActiveContainer {
    const record: ContainerRecord = { id, ...traits, milestones: new Float64Array(this.milestoneCount).fill(NaN), incident: false, spoiled: false, snowyDeparture: false, outcome: 'inside' };
    if (this.keepRecords) this.records.push(record);
    const compiled = this.compiledMachine === undefined ? undefined : new CompiledActor(this.compiledMachine, contextOf(record));
    const actor = compiled === undefined ? this.port.create(this.machine, { input: contextOf(record) }) : undefined;
    const name = `container:${id}`;
    const container: ActiveContainer = { record, name, draws, actor, compiled, parkedIn: '', lastEventAt: this.sim.now, remainingTravel: -1, pendingEvent: undefined, pendingJob: undefined, cancelPending: undefined, cursor: undefined };
    this.active.set(id, container);
    this.port.transitions++;
    if (compiled !== undefined) this.port.launchCompiled(compiled, name, leafState);
    else if (actor !== undefined) this.port.launch(actor, name, leafState);
    return container;
  }

  get(id: number): ActiveContainer {
    const container = this.active.get(id);
    if (container === undefined) throw new Error(`container ${id} is not in the corridor`);
    return container;
  }

  leave(id: number): void {
    this.active.delete(id);
  }

  send(container: ActiveContainer, event: ContainerEvent): void {
    container.lastEventAt = this.sim.now;
    if (container.compiled !== undefined) this.port.sendCompiled(container.compiled, container.name, event, leafState);
    else this.port.send(this.wake(container), container.name, event, leafState);
  }

  /** Whether the container's machine would take `event` now. */
  can(container: ActiveContainer, event: ContainerEvent): boolean {
    return this.readingOf(container).can(event);
  }

  /** The events the container's machine takes in its state now, asked of the snapshot. */
  acceptedEvents(id: number): string[] {
    const container = this.active.get(id);
    if (container === undefined) return [];
    const journey = this.readingOf(container);
    return this.machine.events.filter((type) => journey.can({ type } as ContainerEvent));
  }

  /** The state and context of a container's journey machine, parked or live. */
  state(id: number): JourneyState | undefined {
    const container = this.active.get(id);
    if (container === undefined) return undefined;
    const journey = this.readingOf(container);
    return { value: leafState(journey.value), context: journey.context };
  }

  /** Parks every live machine that has been idle for a day. */
  parkIdle(): void {
    if (this.compiledMachine !== undefined) return; // compiled machines are never parked
    for (const c of this.active.values()) {
      if (c.actor !== undefined && this.sim.now - c.lastEventAt > PARK_AFTER_IDLE_HOURS) this.park(c);
    }
  }

  /** After a what-if changed the context, the record follows. */
  syncRecord(container: ActiveContainer): void {
    const { channel, scan } = container.compiled === undefined ? this.wake(container).getSnapshot().context : container.compiled.context;
    container.record.channel = channel;
    container.record.scan = scan;
  }

  private readingOf(container: ActiveContainer): JourneyReading {
    if (container.compiled !== undefined) return container.compiled;
    if (container.actor !== undefined) return container.actor.getSnapshot();
    return this.machine.resolveState({ value: container.parkedIn, context: contextOf(container.record) });
  }

  private park(container: ActiveContainer): void {
    const actor = container.actor;
    if (actor === undefined) return;
    container.parkedIn = actor.getSnapshot().value;
    actor.stop();
    container.actor = undefined;
  }

  private wake(container: ActiveContainer): Actor<ContainerJourneyMachine> {
    if (container.actor !== undefined) return container.actor;
    const context = contextOf(container.record);
    const snapshot = this.machine.resolveState({ value: container.parkedIn, context });
    container.actor = this.port.start(this.machine, container.name, { snapshot, input: context });
    return container.actor;
  }
}

/** The journey machine's context, kept in the container's record. */
export function contextOf(record: ContainerRecord): ContainerContext {
  const { id, cargo, channel, scan, exportInspection, needsPermit, held, preArrival } = record;
  return { id, cargo, channel, scan, exportInspection, needsPermit, held, preArrival };
}
