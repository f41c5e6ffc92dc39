import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { setup } from 'xstate';
import { Simulation } from '../../src/kernel/index.js';
import { ActorPort, Corridor, DroppedEventError } from '../../src/model/corridor/index.js';
import type { ContainerEvent } from '../../src/model/containerJourney.js';
import { createPassRoadMachine } from '../../src/model/passRoad.js';
import { testParams } from '../fixtures/params.js';

/** What `run` threw, so a test can look at the error's fields. */
function thrownBy(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}

function corridorWithContainer(id: number): Corridor {
  const corridor = new Corridor(testParams(), { seed: 5 });
  while (!corridor.pool.active.has(id)) {
    if (corridor.step() === undefined) throw new Error(`container ${id} never arrived`);
  }
  return corridor;
}

const noEffects = { opened: () => undefined, closed: () => undefined, clearingStarted: () => undefined };

describe('an event a machine cannot take in its state throws DroppedEventError', () => {
  test('a container sent GATED_OUT while it is being declared at Kashgar throws naming the container, its state and the event', () => {
    const corridor = corridorWithContainer(1);
    const container = corridor.pool.get(1);
    const before = corridor.pool.state(1);
    const error = thrownBy(() => corridor.pool.send(container, { type: 'GATED_OUT' }));
    expect(error).toBeInstanceOf(DroppedEventError);
    expect(error).toMatchObject({ machine: 'container:1', state: 'exportDeclaration', event: 'GATED_OUT' });
    expect(String((error as Error).message)).toContain('container:1');
    // The container stays where it was.
    expect(corridor.pool.state(1)).toEqual(before);
  });

  test('a parked container is woken in its state and still refuses an event it cannot take', () => {
    const corridor = new Corridor(testParams(), { seed: 5, journeyRuntime: 'xstate' });
    corridor.runUntil(10 * 24);
    const parked = [...corridor.pool.active.values()].find((c) => c.actor === undefined);
    expect(parked).toBeDefined();
    const id = parked!.record.id;
    const state = corridor.pool.state(id)!.value;
    const refused = corridor.pool.machine.events.find((type) => !corridor.pool.acceptedEvents(id).includes(type))!;
    const error = thrownBy(() => corridor.pool.send(parked!, { type: refused } as ContainerEvent));
    expect(error).toBeInstanceOf(DroppedEventError);
    expect(error).toMatchObject({ machine: `container:${id}`, state, event: refused });
  });

  test('the road and the Sost facility refuse an event their state cannot take', () => {
    const corridor = corridorWithContainer(1);
    expect(corridor.road.isOpen()).toBe(true);
    expect(thrownBy(() => corridor.port.send(corridor.road.actor, 'road', { type: 'CLEARED' }))).toMatchObject({
      machine: 'road',
      state: 'open',
      event: 'CLEARED',
    });
    expect(thrownBy(() => corridor.port.send(corridor.conditions.actor, 'facility', { type: 'WEBOC_UP' }))).toMatchObject({
      machine: 'facility',
      state: 'power.on, weboc.up, scanner.working',
      event: 'WEBOC_UP',
    });
  });

  test('an open border post refuses OPEN', () => {
    const corridor = new Corridor(testParams(), { seed: 5 });
    // Monday 1 December 2025, 10:00 PKT: Sost is at work.
    corridor.runUntil(10);
    expect(corridor.posts.isOpen('pakistan')).toBe(true);
    expect(thrownBy(() => corridor.port.send(corridor.posts.actors.pakistan, 'post:pakistan', { type: 'OPEN' }))).toMatchObject({
      machine: 'post:pakistan',
      state: 'open',
      event: 'OPEN',
    });
  });

  test('the pass road sent STORM_OVER while open throws through the ActorPort', () => {
    const sim = new Simulation();
    const port = new ActorPort(() => sim.now);
    const road = port.start(createPassRoadMachine(noEffects), 'road');
    const error = thrownBy(() => port.send(road, 'road', { type: 'STORM_OVER' }));
    expect(error).toBeInstanceOf(DroppedEventError);
    expect(error).toMatchObject({ machine: 'road', state: 'open', event: 'STORM_OVER', message: 'road cannot take STORM_OVER in state open' });
    expect(road.getSnapshot().value).toBe('open');
  });

  test('an event the state takes goes through and is logged with simulated time', () => {
    const sim = new Simulation(12);
    const log: Array<{ t: number; event: string; from: string; to: string }> = [];
    const port = new ActorPort(() => sim.now, (r) => log.push({ t: r.t, event: r.event, from: r.from, to: r.to }));
    const road = port.start(createPassRoadMachine(noEffects), 'road');
    port.send(road, 'road', { type: 'CLOSE', cause: 'snow' });
    expect(road.getSnapshot().value).toBe('closed');
    expect(log).toEqual([
      { t: 12, event: 'xstate.init', from: '', to: 'open' },
      { t: 12, event: 'CLOSE', from: 'open', to: 'closed' },
    ]);
  });
});

describe('an action that throws inside a machine', () => {
  const failing = setup({
    types: { events: {} as { type: 'GO' } },
    actions: {
      fail: () => {
        throw new Error('the action failed');
      },
    },
  }).createMachine({ id: 'failing', initial: 'idle', states: { idle: { on: { GO: { target: 'gone', actions: 'fail' } } }, gone: {} } });

  // XState reports an actor's unobserved error on a timer; fake timers keep it inside the test.
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
  });

  test('surfaces synchronously from port.send', () => {
    const sim = new Simulation();
    const port = new ActorPort(() => sim.now);
    const actor = port.start(failing, 'failing');
    expect(() => port.send(actor, 'failing', { type: 'GO' })).toThrow('the action failed');
    expect(actor.getSnapshot().status).toBe('error');
  });

  // Fails today: ActorPort (src/model/corridor/actors.ts) rethrows the error, but the actor has
  // no error observer, so XState also reports it on a timer (reportUnhandledError), where it
  // becomes an uncaught exception after the caller has handled the first throw. Turn
  // `test.fails` back into `test` once the port's actors observe their errors.
  test('is not reported again later, on a timer, as an uncaught error', () => {
    const sim = new Simulation();
    const port = new ActorPort(() => sim.now);
    const actor = port.start(failing, 'failing');
    expect(() => port.send(actor, 'failing', { type: 'GO' })).toThrow('the action failed');
    expect(() => vi.runAllTimers()).not.toThrow();
  });
});
