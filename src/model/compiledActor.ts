import { matchesState, type EventObject, type StateValue } from 'xstate';
import type { ActionStep, CompiledMachine, Route } from './compiledMachine.js';

/**
 * One running instance of a compiled machine: what an XState actor of the same machine would
 * report (`value`, `context`, `status`, `can`, `matches`) and do (the same actions with the same
 * arguments, in the same order), at the cost of a table lookup per event.
 */
export class CompiledActor<TContext, TEvent extends EventObject> {
  context: TContext;
  status: 'active' | 'done' = 'active';
  private leaf: number;
  private busy = false;

  constructor(
    readonly machine: CompiledMachine<TContext, TEvent>,
    readonly input: unknown,
  ) {
    this.context = machine.createContext(input);
    this.leaf = machine.initialLeaf;
  }

  /** Enters the initial states, running their entry actions (XState's `actor.start()`). */
  start(): void {
    const init: EventObject & { readonly input: unknown } = { type: 'xstate.init', input: this.input };
    this.run(this.machine.initialSteps, init);
    if (this.machine.initialDone) this.status = 'done';
  }

  get value(): StateValue {
    return this.machine.leaves[this.leaf].value;
  }

  matches(value: StateValue): boolean {
    return matchesState(value, this.value);
  }

  /** As XState's `snapshot.can`: a transition is enabled and it has a target or actions. */
  can(event: TEvent): boolean {
    const route = this.select(event);
    return route !== undefined && !route.forbidden;
  }

  /** Takes the event; false when no transition takes it (XState would leave its snapshot as it was). */
  send(event: TEvent): boolean {
    if (this.status !== 'active') return false;
    const route = this.select(event);
    if (route === undefined || route.forbidden) return false;
    this.run(route.steps, event);
    this.leaf = route.to;
    if (route.done) this.status = 'done';
    return true;
  }

  private select(event: TEvent): Route | undefined {
    const routes = this.machine.leaves[this.leaf].routes.get(event.type);
    if (routes === undefined) return undefined;
    for (const route of routes) {
      if (route.guard === undefined || route.guard({ context: this.context, event })) return route;
    }
    return undefined;
  }

  private run(steps: readonly ActionStep[], event: EventObject): void {
    if (this.busy) {
      throw new Error(`${this.machine.id}: ${event.type} sent while an action of the machine is running (XState would queue it; the compiled runtime refuses)`);
    }
    this.busy = true;
    try {
      for (const step of steps) {
        if (step.kind === 'assign') {
          this.context = Object.assign({}, this.context, step.values);
        } else {
          const args = { context: this.context, event };
          step.exec(args, step.paramsOf === undefined ? step.params : step.paramsOf(args));
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
