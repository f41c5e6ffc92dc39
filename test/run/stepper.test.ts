import { describe, expect, test } from 'vitest';
import { Stepper } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { testParams } from '../fixtures/params.js';

/** Everything the stepper shows of a run: the corridor, every container that arrived, the log tail, the days. */
function shown(stepper: Stepper): unknown {
  const ids = Array.from({ length: stepper.arrived }, (_, i) => i + 1);
  return {
    view: stepper.view(),
    containers: ids.map((id) => [stepper.container(id), stepper.waitReason(id)]),
    log: stepper.log.slice(-50),
    days: stepper.days,
    fired: stepper.whatIfsFired,
  };
}

function stepperAt(steps: number, seed = 1): Stepper {
  const stepper = new Stepper(testParams(), seed);
  stepper.stepMany(steps);
  return stepper;
}

describe('going back by replay', () => {
  test('back 5 from step 300 shows exactly what stepping straight to 295 shows, and stepping on stays in step', () => {
    const replayed = stepperAt(300);
    expect(replayed.back(5)).toEqual({ to: 295, undid: [] });
    const straight = stepperAt(295);
    expect(shown(replayed)).toEqual(shown(straight));
    replayed.stepMany(400);
    straight.stepMany(400);
    expect(shown(replayed)).toEqual(shown(straight));
  });

  test('a replay runs compiled and hands over to XState: no step is replayed through XState', () => {
    const stepper = stepperAt(500);
    stepper.back();
    expect(stepper.lastReplay).toEqual({ from: 0, to: 499, compiledSteps: 499, xstateSteps: 0 });
  });

  test('going back before a what-if undoes it and says which; stepping forward redoes it to identical states', () => {
    const stepper = stepperAt(238);
    expect(stepper.inject({ kind: 'closePass', days: 5 })).toBe(true);
    expect(stepper.view().road.state).toBe('closed');
    stepper.stepMany(10);
    const ahead = shown(stepper);
    const back = stepper.back(11);
    expect(back?.undid).toEqual([{ atStep: 238, whatIf: { kind: 'closePass', days: 5 } }]);
    expect(stepper.view().road.state).toBe('open');
    expect(stepper.pending).toHaveLength(1);
    const moved = stepper.stepMany(11);
    expect(moved.whatIfs.map((w) => `${w.text} at step ${w.step}`)).toEqual(['pass closed for 5 days at step 238']);
    expect(shown(stepper)).toEqual(ahead);
  });

  test('a what-if kept for redo can be dropped, and then stepping forward leaves it out', () => {
    const stepper = stepperAt(238);
    stepper.inject({ kind: 'closePass', days: 5 });
    stepper.back(1);
    expect(stepper.dropPending()).toHaveLength(1);
    stepper.stepMany(2);
    expect(stepper.view().road.state).toBe('open');
    expect(stepper.injections).toEqual([]);
  });
});

describe('going to a step or a time', () => {
  test('go to a time lands on the first event at or after it, forward and back', () => {
    const stepper = stepperAt(0);
    const t = stepper.timeOf('2025-12-03', '10:00');
    stepper.goToTime(t);
    const landed = stepper.stepCount;
    expect(stepper.now).toBeGreaterThanOrEqual(t);
    stepper.back();
    expect(stepper.now).toBeLessThan(t);
    stepper.stepMany(2000);
    stepper.goToTime(t);
    expect(stepper.stepCount).toBe(landed);
    expect(stepper.now).toBeGreaterThanOrEqual(t);
  });

  test('go to a step forward and back', () => {
    const stepper = stepperAt(0);
    stepper.goToStep(700);
    expect(stepper.stepCount).toBe(700);
    stepper.goToStep(120);
    expect(stepper.stepCount).toBe(120);
    expect(shown(stepper)).toEqual(shown(stepperAt(120)));
  });
});

describe('past the horizon', () => {
  test('the day counter says drain day N after the horizon, and runFor stops once at the horizon', () => {
    const stepper = stepperAt(0);
    while (stepper.view().day < 29) stepper.toNextDay();
    expect(stepper.view().dayLabel).toBe('day 30 of 30');
    stepper.runFor(24 * 10, 1_000_000);
    expect(stepper.horizonOver).toBe(true);
    expect(stepper.view().dayLabel).toBe('day 30 of 30');
    stepper.toNextDay();
    expect(stepper.view().dayLabel).toBe('drain day 1');
    expect(stepper.view().draining).toBe(true);
  });
});

describe('checkpoints', () => {
  const winter = loadScenario('scenarios/winter-2025.yaml', [], { allowDirs: [] });

  test('b at step 20,000 of the winter run replays at most one checkpoint interval, compiled, none through XState', () => {
    if (!winter.ok) throw new Error('the winter scenario does not load');
    const stepper = new Stepper(winter.scenario, winter.scenario.seed);
    stepper.stepMany(20_000);
    while (stepper.prepare(5000));
    expect(stepper.checkpoints).toEqual([18_000, 19_000]);
    stepper.back();
    expect(stepper.stepCount).toBe(19_999);
    expect(stepper.lastReplay).toEqual({ from: 19_000, to: 19_999, compiledSteps: 999, xstateSteps: 0 });
    // A second b before the idle work rebuilds the 19,000 checkpoint replays from the one below it.
    stepper.back();
    expect(stepper.lastReplay.compiledSteps).toBeLessThanOrEqual(2 * 1000);
    expect(stepper.lastReplay.xstateSteps).toBe(0);
  }, 60_000);
});
