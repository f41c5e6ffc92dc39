import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition, ContextFrom, EventFrom, EventObject, StateValue } from 'xstate';

/**
 * An XState machine compiled into tables, for runs that create hundreds of thousands of
 * short-lived machines: integer leaf states, and per leaf and event the candidate transitions
 * in the order XState selects them (the leaf's own first, then its ancestors', the root's last),
 * each with the whole microstep's actions flattened in XState's order (exits deepest first,
 * the transition's own, entries shallowest first, and on reaching a final state the exits of
 * everything left). Only a subset of XState is compiled; anything else is refused by name.
 * Actions and guards are called as XState calls them, with `({ context, event }, params)`;
 * they are not given `self` or `system`.
 */
export interface CompiledMachine<TContext, TEvent extends EventObject> {
  readonly id: string;
  /** The leaf states, by index. */
  readonly leaves: readonly CompiledLeaf<TEvent>[];
  /** The leaf the machine starts in, and what starting runs (the root's and each initial state's entry). */
  readonly initialLeaf: number;
  readonly initialSteps: readonly ActionStep[];
  /** The initial state is a final state: the machine is done as soon as it starts. */
  readonly initialDone: boolean;
  /** The machine's context from the actor's input; a context factory is given `{ input }` only. */
  createContext(input: unknown): TContext;
}

export interface CompiledLeaf<TEvent extends EventObject> {
  readonly key: string;
  /** The state value XState reports in this leaf (shared and frozen). */
  readonly value: StateValue;
  readonly routes: ReadonlyMap<TEvent['type'], readonly Route[]>;
}

/** One candidate transition, as taken from one leaf. */
export interface Route {
  readonly guard: GuardCheck | undefined;
  /** The leaf after the transition; the same leaf for a targetless one. */
  readonly to: number;
  readonly steps: readonly ActionStep[];
  /** No target and no actions: XState selects it but does not count it as taking the event. */
  readonly forbidden: boolean;
  /** Reaching a final state of the root ends the machine. */
  readonly done: boolean;
}

export interface ActionArgs {
  readonly context: unknown;
  readonly event: EventObject;
}

export type GuardCheck = (args: ActionArgs) => boolean;

/** A custom action called with XState's arguments, or an `assign` of fixed values. */
export type ActionStep =
  | { readonly kind: 'call'; readonly name: string; readonly exec: ActionFunction; readonly params: unknown; readonly paramsOf: ParamsFunction | undefined }
  | { readonly kind: 'assign'; readonly name: string; readonly values: Readonly<Record<string, unknown>> };

type ActionFunction = (args: ActionArgs, params: unknown) => unknown;
type ParamsFunction = (args: ActionArgs) => unknown;

/** A machine feature the compiled runtime does not implement. */
export class UnsupportedMachineError extends Error {
  constructor(machine: string, state: string, feature: string) {
    super(`cannot compile machine ${machine}: state ${state} uses ${feature}, which the compiled runtime does not support`);
    this.name = 'UnsupportedMachineError';
  }
}

export function compileMachine<M extends AnyStateMachine>(machine: M): CompiledMachine<ContextFrom<M>, EventFrom<M>> {
  if (Object.keys(machine.root.states).length === 0) throw new UnsupportedMachineError(machine.id, machine.root.id, 'no child states (a machine of one state)');
  const nodes = allNodes(machine.root);
  for (const node of nodes) refuseUnsupported(machine, node);
  const leafNodes = nodes.filter((n) => n.type === 'atomic' || n.type === 'final');
  const leafIndex = new Map<AnyStateNode, number>(leafNodes.map((n, i) => [n, i]));
  const actions = (node: AnyStateNode, list: readonly unknown[]): ActionStep[] => list.map((a) => compileAction(machine, node, a));

  const leaves = leafNodes.map((leaf): CompiledLeaf<EventFrom<M>> => {
    const routes = new Map<EventFrom<M>['type'], Route[]>();
    for (const node of chainOf(leaf)) {
      for (const [descriptor, transitions] of node.transitions) {
        const list = routes.get(descriptor as EventFrom<M>['type']) ?? [];
        for (const t of transitions) list.push(compileRoute(machine, leaf, node, t, leafIndex, actions));
        routes.set(descriptor as EventFrom<M>['type'], list);
      }
    }
    return { key: leaf.key, value: deepFreeze(stateValueOf(leaf)), routes };
  });

  const initialChain = [machine.root];
  for (let n = machine.root; n.type === 'compound'; ) {
    n = initialChildOf(machine, n);
    initialChain.push(n);
  }
  const initialLeaf = initialChain[initialChain.length - 1];
  const initialSteps = initialChain.flatMap((n) => actions(n, n.entry));
  return {
    id: machine.id,
    leaves,
    initialLeaf: leafIndex.get(initialLeaf) ?? -1,
    initialSteps,
    initialDone: initialLeaf.type === 'final',
    createContext: contextFactory(machine),
  };
}

function allNodes(root: AnyStateNode): AnyStateNode[] {
  const out: AnyStateNode[] = [root];
  for (const child of Object.values(root.states)) out.push(...allNodes(child));
  return out;
}

/** The leaf and its ancestors, the leaf first. */
function chainOf(node: AnyStateNode): AnyStateNode[] {
  const chain: AnyStateNode[] = [];
  for (let n: AnyStateNode | undefined = node; n !== undefined; n = n.parent) chain.push(n);
  return chain;
}

function isDescendant(node: AnyStateNode, of: AnyStateNode): boolean {
  for (let n = node.parent; n !== undefined; n = n.parent) if (n === of) return true;
  return false;
}

function stateValueOf(leaf: AnyStateNode): StateValue {
  let value: StateValue = leaf.key;
  for (let n = leaf.parent; n !== undefined && n.parent !== undefined; n = n.parent) value = { [n.key]: value };
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function refuseUnsupported(machine: AnyStateMachine, node: AnyStateNode): void {
  const refuse = (feature: string): never => {
    throw new UnsupportedMachineError(machine.id, node.id, feature);
  };
  const config: object = node.config;
  const has = (key: string): boolean => hasKey(config, key) && config[key] !== undefined;
  if (node.type === 'parallel') refuse('parallel states');
  if (node.type === 'history') refuse('history states');
  if (has('after')) refuse('delayed transitions (after)');
  if (has('always')) refuse('eventless transitions (always)');
  if (has('invoke') || node.invoke.length > 0) refuse('invoke');
  if (has('onDone')) refuse('onDone');
  if (has('route')) refuse('route');
  if (node.type === 'final' && node.parent !== undefined && node.parent.parent !== undefined) refuse('a final state inside a compound state (done events)');
  if (node.type === 'compound' && node.initial.actions.length > 0) refuse('actions on the initial transition');
  for (const [descriptor, transitions] of node.transitions) {
    if (descriptor === '*' || descriptor.endsWith('.*')) refuse(`the wildcard event descriptor '${descriptor}'`);
    if (descriptor.startsWith('xstate.')) refuse(`the internal event '${descriptor}'`);
    for (const t of transitions) if (t.target !== undefined && t.target.length !== 1) refuse(`a transition on ${descriptor} with ${t.target.length} targets`);
  }
}

function initialChildOf(machine: AnyStateMachine, node: AnyStateNode): AnyStateNode {
  const child = node.initial.target[0];
  if (child === undefined) throw new UnsupportedMachineError(machine.id, node.id, 'a compound state without an initial state');
  return child;
}

/**
 * The transition `t`, declared on `source`, taken while the machine is in `leaf`: XState's
 * transition domain, exit set and entry set (getTransitionDomain, computeExitSet,
 * computeEntrySet) for a machine whose configuration is one chain of states.
 */
function compileRoute(
  machine: AnyStateMachine,
  leaf: AnyStateNode,
  source: AnyStateNode,
  t: AnyTransitionDefinition,
  leafIndex: ReadonlyMap<AnyStateNode, number>,
  actions: (node: AnyStateNode, list: readonly unknown[]) => ActionStep[],
): Route {
  const guard = t.guard === undefined ? undefined : compileGuard(machine, source, t.guard);
  const own = actions(source, t.actions);
  const from = leafIndex.get(leaf) ?? -1;
  if (t.target === undefined) return { guard, to: from, steps: own, forbidden: own.length === 0, done: false };
  const target = t.target[0];
  const domain = transitionDomain(machine, source, target, t.reenter);
  const config = chainOf(leaf);
  const exits = config.filter((n) => isDescendant(n, domain) || (t.reenter && n === domain && source === domain));
  const enters = new Set<AnyStateNode>();
  if (source !== target || source !== domain || t.reenter) enters.add(target);
  let deepest = target;
  while (deepest.type === 'compound') {
    deepest = initialChildOf(machine, deepest);
    enters.add(deepest);
  }
  for (let n = target.parent; n !== undefined && n !== domain; n = n.parent) if (isDescendant(n, domain)) enters.add(n);
  const byOrder = (a: AnyStateNode, b: AnyStateNode): number => a.order - b.order;
  const entered = [...enters].sort(byOrder);
  const steps = [...exits.sort((a, b) => b.order - a.order).flatMap((n) => actions(n, n.exit)), ...own, ...entered.flatMap((n) => actions(n, n.entry))];
  const done = deepest.type === 'final';
  // Reaching the root's final state exits every state left, deepest first (XState's microstep).
  if (done) steps.push(...chainOf(deepest).flatMap((n) => actions(n, n.exit)));
  return { guard, to: leafIndex.get(deepest) ?? -1, steps, forbidden: false, done };
}

function transitionDomain(machine: AnyStateMachine, source: AnyStateNode, target: AnyStateNode, reenter: boolean): AnyStateNode {
  if (!reenter && (target === source || isDescendant(target, source))) return source;
  for (let n = target.parent; n !== undefined; n = n.parent) if (isDescendant(source, n)) return n;
  if (reenter) throw new UnsupportedMachineError(machine.id, source.id, 'a reentering transition to the root');
  return machine.root;
}

function isFunction(value: unknown): value is (...args: never[]) => unknown {
  return typeof value === 'function';
}

function hasKey<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && key in value;
}

/** Name, implementation and params of an action or guard reference (a name, `{ type, params }`, or inline). */
function resolveReference(reference: unknown, implementations: Record<string, unknown>): { name: string; impl: unknown; params: unknown; paramsOf: ParamsFunction | undefined } {
  if (typeof reference === 'string') return { name: reference, impl: implementations[reference], params: undefined, paramsOf: undefined };
  if (isFunction(reference)) return { name: reference.name === '' ? '(anonymous)' : reference.name, impl: reference, params: undefined, paramsOf: undefined };
  if (hasKey(reference, 'type') && typeof reference.type === 'string') {
    const params = hasKey(reference, 'params') ? reference.params : undefined;
    return { name: reference.type, impl: implementations[reference.type], params, paramsOf: isFunction(params) ? (params as ParamsFunction) : undefined };
  }
  return { name: String(reference), impl: undefined, params: undefined, paramsOf: undefined };
}

function compileAction(machine: AnyStateMachine, node: AnyStateNode, reference: unknown): ActionStep {
  const { name, impl, params, paramsOf } = resolveReference(reference, machine.implementations.actions);
  if (!isFunction(impl)) throw new UnsupportedMachineError(machine.id, node.id, `the action '${name}', which has no implementation`);
  if (!hasKey(impl, 'resolve')) return { kind: 'call', name, exec: impl as ActionFunction, params, paramsOf };
  const builtin = hasKey(impl, 'type') ? String(impl.type) : 'built-in';
  if (builtin === 'xstate.assign' && hasKey(impl, 'assignment')) {
    const assignment = impl.assignment;
    if (typeof assignment === 'object' && assignment !== null && Object.values(assignment).every((v) => !isFunction(v))) {
      return { kind: 'assign', name, values: Object.freeze({ ...assignment }) };
    }
    throw new UnsupportedMachineError(machine.id, node.id, `the action '${name}', an assign computed by a function (only fixed values are compiled)`);
  }
  throw new UnsupportedMachineError(machine.id, node.id, `the action '${name}', the XState built-in ${builtin}`);
}

function compileGuard(machine: AnyStateMachine, node: AnyStateNode, reference: unknown): GuardCheck {
  const { name, impl, params, paramsOf } = resolveReference(reference, machine.implementations.guards);
  if (!isFunction(impl)) throw new UnsupportedMachineError(machine.id, node.id, `the guard '${name}', which has no implementation or is an alias`);
  if (hasKey(impl, 'check')) throw new UnsupportedMachineError(machine.id, node.id, `the guard '${name}', a higher-level guard (and, or, not, stateIn)`);
  const check = impl as (args: ActionArgs, params: unknown) => boolean;
  if (paramsOf !== undefined) return (args) => check(args, paramsOf(args));
  return (args) => check(args, params);
}

function contextFactory<M extends AnyStateMachine>(machine: M): (input: unknown) => ContextFrom<M> {
  const context: unknown = machine.config.context;
  if (isFunction(context)) {
    const factory = context as (args: { input: unknown }) => ContextFrom<M>;
    return (input) => factory({ input });
  }
  const fixed = (context ?? {}) as ContextFrom<M>;
  return () => fixed;
}
