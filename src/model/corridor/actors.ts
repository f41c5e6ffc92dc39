import { createActor, type Actor, type AnyStateMachine, type EventObject, type InspectionEvent, type StateValue } from 'xstate';
import type { CompiledActor } from '../compiledActor.js';

/** One XState transition, stamped with simulated time. */
export interface TransitionRecord {
  readonly t: number;
  readonly machine: string;
  readonly event: string;
  readonly from: string;
  readonly to: string;
}

/** An event a machine could not take in its state: always a modelling error, never ignored. */
export class DroppedEventError extends Error {
  constructor(
    readonly machine: string,
    readonly state: string,
    readonly event: string,
  ) {
    super(`${machine} cannot take ${event} in state ${state}`);
    this.name = 'DroppedEventError';
  }
}

interface Sendable<E> {
  send(event: E): void;
  getSnapshot(): { value: unknown; status: string; error?: unknown; can(event: E): boolean };
}

export type StateFormatter = (value: unknown) => string;

/**
 * Where the corridor's machines meet the kernel: every event sent to any actor passes here,
 * to be counted, logged with simulated time, and checked. XState ignores an event a state
 * cannot take and turns an error in an action into an error status reported later; both
 * would strand a container silently, so both throw here at once.
 */
export class ActorPort {
  transitions = 0;

  constructor(
    private readonly now: () => number,
    private readonly log?: (record: TransitionRecord) => void,
    private readonly inspect?: (event: InspectionEvent) => void,
  ) {}

  /** Creates and starts an actor, logging its initial state (a woken, restored actor is not logged). */
  start<M extends AnyStateMachine>(machine: M, name: string, options: { input?: unknown; snapshot?: unknown } = {}, format: StateFormatter = stateString): Actor<M> {
    const actor = this.create(machine, options);
    if (options.snapshot === undefined) this.launch(actor, name, format);
    else actor.start();
    return actor;
  }

  create<M extends AnyStateMachine>(machine: M, options: { input?: unknown; snapshot?: unknown } = {}): Actor<M> {
    const actor = createActor(machine, { ...options, inspect: this.inspect } as never) as Actor<M>;
    // `send` rethrows an action's error at once; observing it here stops XState reporting it again later.
    actor.subscribe({ error: () => undefined });
    return actor;
  }

  /** Starts a created actor and logs its initial state. */
  launch(actor: Actor<AnyStateMachine>, name: string, format: StateFormatter = stateString): void {
    actor.start();
    this.log?.({ t: this.now(), machine: name, event: 'xstate.init', from: '', to: format(actor.getSnapshot().value) });
  }

  send<E extends { type: string }>(actor: Sendable<E>, machine: string, event: E, format: StateFormatter = stateString): void {
    this.transitions++;
    const before = actor.getSnapshot();
    actor.send(event);
    const after = actor.getSnapshot();
    if (after === before) {
      if (!before.can(event)) throw new DroppedEventError(machine, format(before.value), event.type);
    } else if (after.status === 'error') {
      throw after.error instanceof Error ? after.error : new Error(`${machine}: ${String(after.error)}`);
    }
    this.log?.({ t: this.now(), machine, event: event.type, from: format(before.value), to: format(after.value) });
  }

  /** Starts a compiled machine and logs its initial state, as `launch` does for an actor. */
  launchCompiled<C, E extends EventObject>(instance: CompiledActor<C, E>, name: string, format: StateFormatter = stateString): void {
    instance.start();
    this.log?.({ t: this.now(), machine: name, event: 'xstate.init', from: '', to: format(instance.value) });
  }

  /** `send` for a compiled machine: counted, logged and checked the same way. */
  sendCompiled<C, E extends EventObject>(instance: CompiledActor<C, E>, machine: string, event: E, format: StateFormatter = stateString): void {
    this.transitions++;
    const from = instance.value;
    if (!instance.send(event) && !instance.can(event)) throw new DroppedEventError(machine, format(from), event.type);
    this.log?.({ t: this.now(), machine, event: event.type, from: format(from), to: format(instance.value) });
  }
}

/** "power.on, weboc.up" for a parallel state value, "crossing" for a flat one. */
export function stateString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (typeof v === 'string' ? `${k}.${v}` : `${k}.(${stateString(v)})`))
      .join(', ');
  }
  return String(value);
}

/**
 * Whether an actor is in a state, worked out again only when its snapshot has changed: the
 * corridor asks whether the road and the posts are open at every truck, and XState's `matches`
 * walks the state value each time.
 */
export class StateWatch {
  private snapshot: unknown = undefined;
  private answer = false;

  constructor(
    private readonly actor: { getSnapshot(): { matches(value: never): boolean } },
    private readonly value: StateValue,
  ) {}

  holds(): boolean {
    const snapshot = this.actor.getSnapshot();
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      this.answer = snapshot.matches(this.value as never);
    }
    return this.answer;
  }
}
