import { describe, expect, test } from 'vitest';
import { Simulation, TimeAxis, WorkingCalendar, type CalendarSpec } from '../../src/kernel/index.js';
import { ActorPort } from '../../src/model/corridor/index.js';
import { BorderPosts } from '../../src/model/corridor/borderPosts.js';
import { KhunjerabGate } from '../../src/model/corridor/gate.js';
import { Road } from '../../src/model/corridor/road.js';
import { SostConditions } from '../../src/model/corridor/sostConditions.js';
import type { CorridorParams } from '../../src/model/params.js';
import { BEIJING, PKT } from '../../src/model/timeZones.js';
import type { DayWeather } from '../../src/model/weather.js';
import { testParams } from '../fixtures/params.js';

/** A bare kernel and port: each controller is driven on its own, with no corridor around it. */
function kernel() {
  const sim = new Simulation();
  return { sim, port: new ActorPort(() => sim.now) };
}

describe('Road', () => {
  const params = testParams();
  const fleet = params.weather.clearanceFleet;

  function road() {
    const { sim, port } = kernel();
    const opened: number[] = [];
    const r = new Road(sim, params, port, () => opened.push(sim.now));
    const state = (): string => String(r.actor.getSnapshot().value);
    return { sim, port, road: r, opened, state };
  }

  test('a snowstorm closes the road for its length, the fleet then clears the work at its pace, and the road opens once', () => {
    const { sim, road: r, opened, state } = road();
    r.close('snow', 10, 40);
    expect(state()).toBe('closed');
    expect(r.isOpen()).toBe(false);
    sim.runUntil(9.99);
    expect(state()).toBe('closed');
    sim.runUntil(10);
    expect(state()).toBe('clearing');
    expect(r.isOpen()).toBe(false);
    sim.runUntil(10 + 40 / fleet - 0.01);
    expect(state()).toBe('clearing');
    sim.runUntil(10 + 40 / fleet);
    expect(state()).toBe('open');
    expect(r.isOpen()).toBe(true);
    sim.runUntil(1000);
    expect(opened).toEqual([10 + 40 / fleet]);
  });

  test('whether the road is open is the machine state, not a copy of it', () => {
    const { sim, port, road: r, state } = road();
    r.close('avalanche', 2, 100);
    sim.runUntil(2);
    expect(state()).toBe('clearing');
    port.send(r.actor, 'road', { type: 'CLEARED' });
    expect(r.isOpen()).toBe(true);
  });

  test('a landslide during clearing closes the road again and the work left carries over', () => {
    const { sim, road: r, opened, state } = road();
    r.close('snow', 10, 40);
    sim.runUntil(15); // clearing since 10: 5 h of 10 done, 20 unit-hours left
    expect(state()).toBe('clearing');
    r.close('landslide', 3, 12);
    expect(state()).toBe('closed');
    sim.runUntil(18);
    expect(state()).toBe('clearing');
    const reopens = 18 + (20 + 12) / fleet;
    sim.runUntil(reopens - 0.01);
    expect(state()).toBe('clearing');
    sim.runUntil(reopens);
    expect(state()).toBe('open');
    sim.runUntil(1000);
    expect(opened).toEqual([reopens]);
  });

  test('closure segments report the closure under way cut at the time asked, then the whole closure with its first cause', () => {
    const { sim, road: r } = road();
    sim.runUntil(5);
    r.close('snow', 10, 40);
    sim.runUntil(17);
    r.close('landslide', 1, 4);
    expect(r.closureSegments(20)).toEqual([{ from: 5, to: 20, cause: 'snow' }]);
    sim.runUntil(1000);
    const reopened = 18 + (((5 + 10 + 40 / fleet - 17) * fleet + 4) / fleet);
    expect(r.closureSegments(1000)).toEqual([{ from: 5, to: reopened, cause: 'snow' }]);
  });
});

describe('BorderPosts', () => {
  const weekdays = [1, 2, 3, 4, 5];
  // Monday 1 December 2025 from 00:00 PKT. Beijing 10:00–19:00 is 07:00–16:00 PKT.
  const axis = TimeAxis.startingAt('2025-12-01', PKT);
  const china: CalendarSpec = { timeZone: BEIJING, workingDays: weekdays, hours: [{ from: '10:00', to: '19:00' }] };
  const pakistan: CalendarSpec = {
    timeZone: PKT,
    workingDays: weekdays,
    hours: [{ from: '09:00', to: '17:00' }],
    closures: [{ from: '2025-12-03', to: '2025-12-03', reason: 'sit-in' }],
  };

  function posts(start = axis) {
    const { sim, port } = kernel();
    let changes = 0;
    const p = new BorderPosts(sim, { china: new WorkingCalendar(china, start), pakistan: new WorkingCalendar(pakistan, start) }, port, () => changes++);
    p.watch('china', 24 * 14);
    p.watch('pakistan', 24 * 14);
    const reason = (side: 'china' | 'pakistan'): string | null => p.actors[side].getSnapshot().context.reason;
    return { sim, posts: p, reason, changes: () => changes };
  }

  test("each post opens and closes at its calendar's hours and the crossing is open only in the overlap", () => {
    const { sim, posts: p } = posts();
    const at = (t: number): [boolean, boolean, boolean] => {
      sim.runUntil(t);
      return [p.isOpen('china'), p.isOpen('pakistan'), p.bothOpen()];
    };
    expect(at(6.9)).toEqual([false, false, false]);
    expect(at(7)).toEqual([true, false, false]);
    expect(at(9)).toEqual([true, true, true]);
    expect(at(15.9)).toEqual([true, true, true]);
    expect(at(16)).toEqual([false, true, false]);
    expect(at(17)).toEqual([false, false, false]);
  });

  test('the gate hears of each opening and closing of a post', () => {
    const { sim, changes } = posts();
    const initial = changes();
    sim.runUntil(24); // Monday: each post opens once and closes once
    expect(changes() - initial).toBe(4);
  });

  test("a closed post gives the calendar's reason: after hours, a closure, the weekend", () => {
    const { sim, reason } = posts();
    sim.runUntil(20);
    expect(reason('pakistan')).toBe('after hours');
    expect(reason('china')).toBe('after hours');
    const { reason: weekendReason } = posts(TimeAxis.startingAt('2025-12-06', PKT));
    expect(weekendReason('pakistan')).toBe('weekend');
    const { reason: sitInReason } = posts(TimeAxis.startingAt('2025-12-03', PKT));
    expect(sitInReason('pakistan')).toBe('sit-in');
    expect(sitInReason('china')).toBe('after hours');
  });

  // Fails today: BorderPosts.watch (src/model/corridor/borderPosts.ts) asks the calendar for the
  // reason only at the instant the post closes, and watchCalendar does not tick again while it
  // stays closed, so a post that shut on Friday at 17:00 says "after hours" all weekend, and
  // through a sit-in day, a holiday or the seasonal closure that follows a working day.
  test("a post that closed after a working day gives the calendar's reason on the days it stays shut", () => {
    const { sim, reason } = posts();
    sim.runUntil(2 * 24 + 12); // Wednesday: the sit-in
    expect(reason('pakistan')).toBe('sit-in');
    sim.runUntil(5 * 24 + 12); // Saturday
    expect(reason('pakistan')).toBe('weekend');
    expect(reason('china')).toBe('weekend');
  });

  test('closureAt names a closure but not a weekend', () => {
    const { posts: p } = posts();
    expect(p.closureAt(2 * 24 + 12)).toBe('sit-in');
    expect(p.closureAt(5 * 24 + 12)).toBeUndefined();
    expect(p.closureAt(12)).toBeUndefined();
  });
});

describe('SostConditions', () => {
  const weather: DayWeather = { month: 12, passTempC: -18, sostTempC: -8, snowfallCm: 0, closure: null };

  function conditions(heating: Partial<CorridorParams['heating']> = {}) {
    const { sim, port } = kernel();
    const base = testParams();
    let changed = 0;
    const c = new SostConditions(sim, { ...base, heating: { ...base.heating, ...heating } }, port, () => weather, () => changed++);
    return { sim, conditions: c, changed: () => changed };
  }

  test('a WeBOC outage takes the link down until it ends', () => {
    const { sim, conditions: c, changed } = conditions();
    expect(c.holds('webocUp')).toBe(true);
    c.startOutage('weboc', 3);
    expect(c.holds('webocUp')).toBe(false);
    sim.runUntil(2.99);
    expect(c.holds('webocUp')).toBe(false);
    sim.runUntil(3);
    expect(c.holds('webocUp')).toBe(true);
    expect(changed()).toBe(2);
  });

  test('a power cut stops the heating and the scanner unless there is a generator', () => {
    for (const generator of [false, true]) {
      const { sim, conditions: c } = conditions({ sostHeated: true, generator });
      expect(c.heatingOn()).toBe(true);
      c.startOutage('power', 4);
      expect(c.heatingOn()).toBe(generator);
      expect(c.holds('scannerWorking')).toBe(generator);
      sim.runUntil(4);
      expect(c.heatingOn()).toBe(true);
      expect(c.holds('scannerWorking')).toBe(true);
    }
  });

  test('a completion waiting for WeBOC runs only once the link is back and the waiters are released', () => {
    const { sim, conditions: c } = conditions();
    const ran: number[] = [];
    c.startOutage('weboc', 3);
    c.waitFor('webocUp', () => ran.push(sim.now));
    c.releaseWaiters();
    sim.runUntil(3);
    expect(ran).toEqual([]);
    c.releaseWaiters();
    expect(ran).toEqual([]);
    sim.runUntil(3);
    expect(ran).toEqual([3]);
    c.releaseWaiters();
    sim.runUntil(10);
    expect(ran).toEqual([3]);
  });
});

describe('KhunjerabGate', () => {
  test('lets trucks through one at a time at its pace, in arrival order, only while it is open, and reports its queue', () => {
    const { sim } = kernel();
    let open = false;
    const through: Array<[string, number]> = [];
    const sizes: number[] = [];
    const gate = new KhunjerabGate<string>(sim, 4, () => open, (truck) => through.push([truck, sim.now]), (n) => sizes.push(n));
    for (const truck of ['a', 'b', 'c', 'd']) gate.join(truck);
    sim.runUntil(10);
    expect(through).toEqual([]);
    expect(gate.waiting).toBe(4);
    open = true;
    gate.dispatch();
    sim.runUntil(10.3);
    expect(through).toEqual([['a', 10], ['b', 10.25]]);
    open = false;
    sim.runUntil(20);
    expect(through.map(([t]) => t)).toEqual(['a', 'b']);
    expect(gate.waiting).toBe(2);
    open = true;
    gate.dispatch();
    sim.runUntil(30);
    expect(through).toEqual([['a', 10], ['b', 10.25], ['c', 20], ['d', 20.25]]);
    expect(sizes).toEqual([1, 2, 3, 4, 3, 2, 1, 0]);
  });
});
