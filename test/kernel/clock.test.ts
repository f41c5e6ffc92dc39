import { describe, expect, it } from 'vitest';
import { assign, createActor, setup } from 'xstate';
import { Simulation, createKernelClock } from '../../src/kernel/index.js';

const HOUR_MS = 3_600_000;

describe('createKernelClock', () => {
  it('runs XState `after` delays on simulated hours: after 2 h then after 3 h reaches the final state at t = 5', () => {
    const sim = new Simulation();
    const visits: Array<[string, number]> = [];
    const machine = setup({
      actions: {
        record: (_, params: { state: string }) => visits.push([params.state, sim.now]),
      },
      delays: { twoHours: 2 * HOUR_MS, threeHours: 3 * HOUR_MS },
    }).createMachine({
      initial: 'waiting',
      states: {
        waiting: { entry: { type: 'record', params: { state: 'waiting' } }, after: { twoHours: 'inspecting' } },
        inspecting: { entry: { type: 'record', params: { state: 'inspecting' } }, after: { threeHours: 'cleared' } },
        cleared: { type: 'final', entry: { type: 'record', params: { state: 'cleared' } } },
      },
    });
    const actor = createActor(machine, { clock: createKernelClock(sim, HOUR_MS) }).start();
    expect(actor.getSnapshot().value).toBe('waiting');
    sim.run();
    expect(actor.getSnapshot().status).toBe('done');
    expect(visits).toEqual([
      ['waiting', 0],
      ['inspecting', 2],
      ['cleared', 5],
    ]);
    expect(sim.now).toBe(5);
  });

  it('fires timers with equal delays in the order they were set, across five actors', () => {
    // A heap without the seq tie-break (or XState's SimulatedClock) may fire these in any order.
    const sim = new Simulation();
    const fired: number[] = [];
    const machine = setup({
      types: { input: {} as { id: number }, context: {} as { id: number } },
      actions: { report: ({ context }) => fired.push(context.id) },
    }).createMachine({
      context: ({ input }) => ({ id: input.id }),
      initial: 'idle',
      states: { idle: { after: { [HOUR_MS]: { target: 'done', actions: 'report' } } }, done: { type: 'final' } },
    });
    const clock = createKernelClock(sim, HOUR_MS);
    for (const id of [0, 1, 2, 3, 4]) createActor(machine, { clock, input: { id } }).start();
    sim.run();
    expect(fired).toEqual([0, 1, 2, 3, 4]);
    expect(sim.now).toBe(1);
  });

  it('fires equal-delay timers of parallel regions in document order', () => {
    const sim = new Simulation();
    const machine = setup({
      types: { context: {} as { log: string[] } },
    }).createMachine({
      context: { log: [] },
      type: 'parallel',
      states: {
        north: {
          initial: 'a',
          states: { a: { after: { [HOUR_MS]: { target: 'b', actions: assign({ log: ({ context }) => [...context.log, 'north'] }) } } }, b: {} },
        },
        south: {
          initial: 'a',
          states: { a: { after: { [HOUR_MS]: { target: 'b', actions: assign({ log: ({ context }) => [...context.log, 'south'] }) } } }, b: {} },
        },
      },
    });
    const actor = createActor(machine, { clock: createKernelClock(sim, HOUR_MS) }).start();
    sim.run();
    expect(actor.getSnapshot().context.log).toEqual(['north', 'south']);
  });

  it('cancels a pending delay when the actor leaves the state before it fires', () => {
    const sim = new Simulation();
    const machine = setup({}).createMachine({
      initial: 'queued',
      states: {
        queued: { on: { WITHDRAW: 'withdrawn' }, after: { [4 * HOUR_MS]: 'timedOut' } },
        withdrawn: {},
        timedOut: {},
      },
    });
    const actor = createActor(machine, { clock: createKernelClock(sim, HOUR_MS) }).start();
    sim.schedule(1, () => actor.send({ type: 'WITHDRAW' }));
    sim.run();
    expect(actor.getSnapshot().value).toBe('withdrawn');
    expect(sim.processed).toBe(1); // the cancelled timeout never fired
  });

  it('converts delays with the given unit: milliseconds by default, minutes with msPerUnit = 60 000', () => {
    const machine = setup({}).createMachine({
      initial: 'a',
      states: { a: { after: { 5400000: 'b' } }, b: { type: 'final' } }, // 90 minutes
    });
    const inMs = new Simulation();
    createActor(machine, { clock: createKernelClock(inMs) }).start();
    inMs.run();
    expect(inMs.now).toBe(5_400_000);
    const inMinutes = new Simulation();
    createActor(machine, { clock: createKernelClock(inMinutes, 60_000) }).start();
    inMinutes.run();
    expect(inMinutes.now).toBe(90);
  });

  it('rejects a non-positive time unit', () => {
    expect(() => createKernelClock(new Simulation(), 0)).toThrow(RangeError);
  });
});
