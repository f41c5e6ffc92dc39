import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/index.js';

/** Fires every event one by one and returns their labels. */
function drain(sim: Simulation): string[] {
  const labels: string[] = [];
  for (let step = sim.step(); step !== undefined; step = sim.step()) labels.push(step.label);
  return labels;
}

describe('Simulation', () => {
  it('fires events in order of time, and events at equal times in the order they were scheduled', () => {
    const sim = new Simulation();
    const fired: string[] = [];
    const at = (time: number, label: string): void => {
      sim.scheduleAt(time, () => fired.push(`${label}@${sim.now}`), label);
    };
    at(3, 'c1');
    at(1, 'a1');
    at(2, 'b1');
    at(1, 'a2');
    at(3, 'c2');
    at(1, 'a3');
    sim.run();
    expect(fired).toEqual(['a1@1', 'a2@1', 'a3@1', 'b1@2', 'c1@3', 'c2@3']);
  });

  it('fires a hundred timers due at the same time in insertion order', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    // Interleave with other times so the heap has to move the equal-time entries around.
    for (let i = 0; i < 100; i++) {
      sim.schedule(5, () => fired.push(i));
      sim.schedule(1 + (i % 7), () => undefined);
    }
    sim.run();
    expect(fired).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('fires an event scheduled with zero delay after the events already due at the current time', () => {
    const sim = new Simulation();
    const fired: string[] = [];
    sim.schedule(1, () => {
      fired.push('first');
      sim.schedule(0, () => fired.push('spawned'));
    });
    sim.schedule(1, () => fired.push('second'));
    sim.run();
    expect(fired).toEqual(['first', 'second', 'spawned']);
  });

  it('never fires a cancelled event, does not count it, and skips it in peekTime', () => {
    const sim = new Simulation();
    const fired: string[] = [];
    const doomed = sim.schedule(1, () => fired.push('doomed'), 'doomed');
    sim.schedule(2, () => fired.push('kept'), 'kept');
    sim.cancel(doomed);
    expect(sim.peekTime()).toBe(2);
    expect(sim.pendingEvents().map((e) => e.label)).toEqual(['kept']);
    sim.run();
    expect(fired).toEqual(['kept']);
    expect(sim.processed).toBe(1);
  });

  it('lets an event cancel another event due at the same time', () => {
    const sim = new Simulation();
    const fired: string[] = [];
    sim.schedule(1, () => {
      fired.push('canceller');
      sim.cancel(victim);
    });
    const victim = sim.schedule(1, () => fired.push('victim'));
    sim.run();
    expect(fired).toEqual(['canceller']);
  });

  it('step() fires exactly one event, moves the clock to it, and returns undefined once the queue is empty', () => {
    const sim = new Simulation();
    let count = 0;
    sim.schedule(2, () => count++, 'two');
    sim.schedule(5, () => count++, 'five');
    expect(sim.step()).toEqual({ time: 2, label: 'two' });
    expect(sim.now).toBe(2);
    expect(count).toBe(1);
    expect(sim.step()).toEqual({ time: 5, label: 'five' });
    expect(sim.now).toBe(5);
    expect(count).toBe(2);
    expect(sim.step()).toBeUndefined();
    expect(sim.now).toBe(5);
  });

  it('step() skips cancelled events instead of returning them', () => {
    const sim = new Simulation();
    const first = sim.schedule(1, () => undefined, 'first');
    sim.schedule(3, () => undefined, 'second');
    sim.cancel(first);
    expect(sim.step()).toEqual({ time: 3, label: 'second' });
  });

  it('runUntil(t) fires every event at or before t, none after, and leaves the clock at t', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    for (const time of [1, 4, 4.5, 5, 5.0000001, 9]) sim.scheduleAt(time, () => fired.push(time));
    sim.runUntil(5);
    expect(fired).toEqual([1, 4, 4.5, 5]);
    expect(sim.now).toBe(5);
    sim.runUntil(7);
    expect(fired).toEqual([1, 4, 4.5, 5, 5.0000001]);
    expect(sim.now).toBe(7);
    expect(sim.peekTime()).toBe(9);
  });

  it('runUntil(t) with an empty queue still advances the clock to t, and never moves it backwards', () => {
    const sim = new Simulation(10);
    sim.runUntil(12.5);
    expect(sim.now).toBe(12.5);
    sim.runUntil(3);
    expect(sim.now).toBe(12.5);
  });

  it('run() fires events scheduled by other events until the queue is empty', () => {
    const sim = new Simulation();
    let remaining = 50;
    const tick = (): void => {
      if (--remaining > 0) sim.schedule(0.5, tick, 'tick');
    };
    sim.schedule(0.5, tick, 'tick');
    sim.run();
    expect(remaining).toBe(0);
    expect(sim.pending).toBe(0);
    expect(sim.peekTime()).toBe(Infinity);
    expect(sim.processed).toBe(50);
    expect(sim.now).toBe(25);
  });

  it('rejects scheduling in the past, at a non-finite time, or with a negative or NaN delay', () => {
    const sim = new Simulation();
    sim.schedule(4, () => undefined);
    sim.run();
    expect(sim.now).toBe(4);
    expect(() => sim.scheduleAt(3.999, () => undefined)).toThrow(RangeError);
    expect(() => sim.scheduleAt(Infinity, () => undefined)).toThrow(RangeError);
    expect(() => sim.scheduleAt(Number.NaN, () => undefined)).toThrow(RangeError);
    expect(() => sim.schedule(-1, () => undefined)).toThrow(RangeError);
    expect(() => sim.schedule(Number.NaN, () => undefined)).toThrow(RangeError);
    expect(() => sim.schedule(Infinity, () => undefined)).toThrow(RangeError);
    expect(sim.pending).toBe(0);
    // The present is not the past.
    expect(() => sim.scheduleAt(4, () => undefined)).not.toThrow();
  });

  it('starts its clock at the given start time and schedules relative to it', () => {
    const sim = new Simulation(100);
    expect(sim.now).toBe(100);
    sim.schedule(2, () => undefined, 'later');
    expect(drain(sim)).toEqual(['later']);
    expect(sim.now).toBe(102);
  });

  it('lists pending events in firing order, without cancelled ones', () => {
    const sim = new Simulation();
    sim.schedule(3, () => undefined, 'c');
    const b = sim.schedule(2, () => undefined, 'b');
    sim.schedule(1, () => undefined, 'a1');
    sim.schedule(1, () => undefined, 'a2');
    sim.cancel(b);
    expect(sim.pendingEvents().map((e) => e.label)).toEqual(['a1', 'a2', 'c']);
  });
});
