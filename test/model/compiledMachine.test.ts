import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assign, createActor, createMachine, raise, setup, type AnyStateMachine, type EventObject } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { CompiledActor } from '../../src/model/compiledActor.js';
import { compileMachine, UnsupportedMachineError } from '../../src/model/compiledMachine.js';
import { containerJourney, type ContainerContext, type ContainerEvent } from '../../src/model/containerJourney.js';
import { CARGO_TYPES, CHANNELS } from '../../src/model/params.js';

interface Call {
  readonly name: string;
  readonly params: unknown;
  readonly context: unknown;
  readonly event: string;
}

type Recorder = (name: string) => (args: { context: unknown; event: EventObject }, params: unknown) => void;

/** An XState actor and a compiled instance of the same machine, each recording its action calls. */
function twins(provide: (record: Recorder) => AnyStateMachine, input: unknown) {
  const calls = { xstate: [] as Call[], compiled: [] as Call[] };
  const recorder =
    (into: Call[]): Recorder =>
    (name) =>
    ({ context, event }, params) => {
      into.push({ name, params, context, event: event.type });
    };
  const machine = provide(recorder(calls.xstate));
  const actor = createActor(machine, { input });
  actor.subscribe({ error: () => undefined });
  const compiled = new CompiledActor(compileMachine(provide(recorder(calls.compiled))), input);
  actor.start();
  compiled.start();
  const events = machine.events.map((type): EventObject => ({ type }));

  const expectSame = (): void => {
    const snapshot = actor.getSnapshot();
    expect(compiled.value).toEqual(snapshot.value);
    expect(compiled.context).toEqual(snapshot.context);
    expect(compiled.status).toBe(snapshot.status);
    expect(events.map((e) => compiled.can(e))).toEqual(events.map((e) => snapshot.can(e)));
    expect(compiled.matches(snapshot.value)).toBe(true);
    expect(calls.compiled).toEqual(calls.xstate);
  };
  const send = (event: EventObject): void => {
    // XState keeps its snapshot object when a transition re-enters the same states without an
    // assign, so whether it takes the event is read as the ActorPort reads a refusal: from `can`.
    const before = actor.getSnapshot();
    const taken = before.status === 'active' && before.can(event);
    // A done actor ignores events (XState warns of each); the compiled one must refuse them too.
    if (before.status === 'active') actor.send(event);
    expect(compiled.send(event)).toBe(taken);
    expectSame();
  };
  expectSame();
  return { actor, compiled, events, send };
}

const journey = (record: Recorder): AnyStateMachine =>
  containerJourney.provide({ actions: { begin: record('begin'), finish: record('finish'), lose: record('lose') } });

/** Every combination of the context flags that steer the journey. */
function journeyInputs(): ContainerContext[] {
  const inputs: ContainerContext[] = [];
  for (const channel of CHANNELS)
    for (const scan of [false, true])
      for (const held of [false, true])
        for (const needsPermit of [false, true])
          for (const exportInspection of [false, true]) inputs.push({ id: 7, cargo: 'food', channel, scan, held, needsPermit, exportInspection, preArrival: false });
  return inputs;
}

const contextArb: fc.Arbitrary<ContainerContext> = fc.record({
  id: fc.nat(),
  cargo: fc.constantFrom(...CARGO_TYPES),
  channel: fc.constantFrom(...CHANNELS),
  scan: fc.boolean(),
  exportInspection: fc.boolean(),
  needsPermit: fc.boolean(),
  held: fc.boolean(),
  preArrival: fc.boolean(),
});

/** Each step picks either any event (mostly refused) or one the XState snapshot accepts, so walks go deep. */
const stepsArb = fc.array(fc.record({ pick: fc.nat(), any: fc.boolean() }), { maxLength: 40 });

function randomWalk(provide: (record: Recorder) => AnyStateMachine, input: unknown, steps: ReadonlyArray<{ pick: number; any: boolean }>): void {
  const { actor, events, send } = twins(provide, input);
  for (const { pick, any } of steps) {
    const accepted = events.filter((e) => actor.getSnapshot().can(e));
    const pool = any || accepted.length === 0 ? events : accepted;
    send(pool[pick % pool.length]);
  }
}

describe('the compiled journey machine behaves as XState', () => {
  const allEvents = containerJourney.events.map((type) => ({ type }) as ContainerEvent);

  test('along every shortest path, for every combination of steering flags', () => {
    let paths = 0;
    for (const input of journeyInputs()) {
      for (const path of getShortestPaths(containerJourney, { input, events: allEvents })) {
        const { send } = twins(journey, input);
        for (const step of path.steps) send(step.event);
        paths++;
      }
    }
    expect(paths).toBeGreaterThan(500);
  });

  test('along every simple path, for a green, a scanned red and a held yellow container', () => {
    let paths = 0;
    const base = journeyInputs()[0];
    const inputs: ContainerContext[] = [
      { ...base, channel: 'green', exportInspection: true },
      { ...base, channel: 'red', scan: true, needsPermit: true },
      { ...base, channel: 'yellow', held: true },
    ];
    for (const input of inputs) {
      for (const path of getSimplePaths(containerJourney, { input, events: allEvents })) {
        const { send } = twins(journey, input);
        for (const step of path.steps) send(step.event);
        paths++;
      }
    }
    expect(paths).toBeGreaterThan(100);
  });

  test('for random event sequences and random contexts', () => {
    fc.assert(
      fc.property(contextArb, stepsArb, (input, steps) => randomWalk(journey, input, steps)),
      { numRuns: 2000 },
    );
  });
});

/**
 * A machine with what the journey does not have: exit actions, a deeper nesting, targetless
 * and reentering transitions, transitions on ancestors into and out of compound states,
 * guards with params, action params computed from the context, and the root's own entry.
 */
const nested = (record: Recorder): AnyStateMachine =>
  setup({
    types: { context: {} as { n: number; flag: boolean }, input: {} as { n: number; flag: boolean } },
    actions: { log: record('log'), bump: assign({ flag: true }) },
    guards: { flagged: ({ context }) => context.flag, atLeast: ({ context }, params: { n: number }) => context.n >= params.n },
  }).createMachine({
    id: 'nested',
    context: ({ input }) => input,
    entry: { type: 'log', params: { at: 'root' } },
    exit: { type: 'log', params: { at: 'root exit' } },
    initial: 'a',
    on: { STOP: '.stopped' },
    states: {
      a: {
        initial: 'a1',
        entry: { type: 'log', params: { at: 'a' } },
        exit: { type: 'log', params: { at: 'a exit' } },
        on: { BUMP: { actions: 'bump' }, JUMP: { target: '#nested.b.b2' }, AGAIN: { target: 'a', reenter: true }, RESET: { target: '.a1', reenter: true, actions: { type: 'log', params: { at: 'reset' } } } },
        states: {
          a1: {
            entry: { type: 'log', params: ({ context }: { context: { n: number } }) => ({ at: 'a1', n: context.n }) },
            exit: { type: 'log', params: { at: 'a1 exit' } },
            on: { NEXT: [{ guard: 'flagged', target: 'a2' }, { guard: { type: 'atLeast', params: { n: 3 } }, target: '#nested.b' }], SELF: 'a1', INNER: { target: 'a1', reenter: true } },
          },
          a2: {
            initial: 'deep',
            entry: { type: 'log', params: { at: 'a2' } },
            states: { deep: { entry: { type: 'log', params: { at: 'deep' } }, on: { NEXT: '#nested.b', UP: '#nested.a' } } },
          },
        },
      },
      b: {
        initial: 'b1',
        exit: { type: 'log', params: { at: 'b exit' } },
        on: { NEXT: '.b2', NOOP: {} },
        states: {
          b1: { entry: { type: 'log', params: { at: 'b1' } } },
          b2: { entry: { type: 'log', params: { at: 'b2' } }, on: { NEXT: '#nested.done' } },
        },
      },
      stopped: { type: 'final', entry: { type: 'log', params: { at: 'stopped' } }, exit: { type: 'log', params: { at: 'stopped exit' } } },
      done: { type: 'final', entry: { type: 'log', params: { at: 'done' } } },
    },
  });

describe('the compiled form of a machine with exits, reentry and deeper nesting behaves as XState', () => {
  test('for random event sequences and random contexts', () => {
    const input = fc.record({ n: fc.integer({ min: 0, max: 5 }), flag: fc.boolean() });
    fc.assert(
      fc.property(input, stepsArb, (i, steps) => randomWalk(nested, i, steps)),
      { numRuns: 1000 },
    );
  });
});

test('a machine that starts in its final state is done at once, in XState and compiled', () => {
  const finished = (record: Recorder): AnyStateMachine =>
    createMachine({ id: 'f', initial: 'over', states: { over: { type: 'final', entry: { type: 'end', params: { at: 'over' } } } } }).provide({ actions: { end: record('end') } });
  const { compiled, send } = twins(finished, undefined);
  expect(compiled.status).toBe('done');
  send({ type: 'ANY' });
});

describe('the compiler refuses what it does not implement, naming the state and the feature', () => {
  const refusal = (machine: AnyStateMachine): unknown => {
    try {
      compileMachine(machine);
      return undefined;
    } catch (error) {
      return error;
    }
  };

  test('a delayed transition', () => {
    const error = refusal(createMachine({ id: 'm', initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } }));
    expect(error).toBeInstanceOf(UnsupportedMachineError);
    expect(String(error)).toMatch(/state m\.a uses delayed transitions \(after\)/);
  });

  test('an eventless transition', () => {
    expect(String(refusal(createMachine({ id: 'm', initial: 'a', states: { a: { always: 'b' }, b: {} } })))).toMatch(/state m\.a uses eventless transitions \(always\)/);
  });

  test('parallel states', () => {
    const machine = createMachine({ id: 'm', initial: 'p', states: { p: { type: 'parallel', states: { x: { initial: 'x1', states: { x1: {} } }, y: { initial: 'y1', states: { y1: {} } } } } } });
    expect(String(refusal(machine))).toMatch(/state m\.p uses parallel states/);
  });

  test('an assign computed by a function, and a raise', () => {
    const computed = createMachine({ id: 'm', context: { n: 0 }, initial: 'a', states: { a: { on: { GO: { actions: assign({ n: ({ context }) => context.n + 1 }) } } } } });
    expect(String(refusal(computed))).toMatch(/state m\.a uses the action .*an assign computed by a function/);
    const raising = createMachine({ id: 'm', initial: 'a', states: { a: { entry: raise({ type: 'GO' }) } } });
    expect(String(refusal(raising))).toMatch(/state m\.a uses the action .*the XState built-in xstate\.raise/);
  });
});
