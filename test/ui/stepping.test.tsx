import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { SPEEDS } from '../../src/ui/runSpeed.js';
import { activeState, headerOf, renderApp, stepperAt, stepShown, until } from './support/app.js';
import { KEY, press } from './support/terminal.js';

afterEach(() => cleanup());

/** First step at which container 1's journey state changes, and its states before and after. */
function firstStateChange(): { at: number; before: string; after: string } {
  const stepper = stepperAt();
  while (stepper.container(1) === undefined) stepper.step();
  for (;;) {
    const before = stepper.container(1)?.state ?? '';
    const at = stepper.stepCount;
    if (!stepper.step()) throw new Error('container 1 never changed state');
    const after = stepper.container(1)?.state ?? '';
    if (after !== before) return { at, before, after };
  }
}

describe('stepping with the keyboard', () => {
  test('space fires one event: the step count and the last event in the header change', async () => {
    const stepper = stepperAt();
    const app = await renderApp(stepper);
    expect(headerOf(app.screen())).toMatch(/step 0 · last event: start/);
    await press(app, ' ');
    expect(stepper.stepCount).toBe(1);
    expect(headerOf(app.screen())).toMatch(/step 1 · last event: /);
    expect(headerOf(app.screen())).not.toMatch(/last event: start/);
    await press(app, ' ');
    expect(headerOf(app.screen())).toMatch(/step 2 · /);
  });

  test('a step changes the followed container’s state in the container view, and b brings it back', async () => {
    const { at, before, after } = firstStateChange();
    const app = await renderApp(stepperAt(at));
    await press(app, KEY.tab);
    expect(app.screen()).toContain('CONTAINER 1');
    expect(activeState(app.screen())).toBe(before);
    await press(app, ' ');
    expect(activeState(app.screen())).toBe(after);
    await press(app, 'b');
    expect(activeState(app.screen())).toBe(before);
    expect(headerOf(app.screen())).toMatch(new RegExp(`step ${at} `));
  });

  test('stepping back then forward again shows the same screens as stepping forward only', async () => {
    const forwardOnly = await renderApp(stepperAt(120));
    await press(forwardOnly, ' ', ' ', ' ', ' ', ' ');
    const replayed = await renderApp(stepperAt(120));
    await press(replayed, ' ', ' ', ' ', ' ', ' ', 'b', 'b', 'b', ' ', ' ', ' ');
    expect(replayed.screen()).toBe(forwardOnly.screen());
    await press(forwardOnly, KEY.tab);
    await press(replayed, KEY.tab);
    expect(replayed.screen()).toBe(forwardOnly.screen());
  });

  test('b at step 0 says there is nothing to go back to', async () => {
    const app = await renderApp(stepperAt());
    await press(app, 'b');
    expect(app.screen()).toContain('already at step 0');
  });

  test('m runs to the followed container’s next milestone', async () => {
    const stepper = stepperAt(10);
    const reached = stepper.container(1)?.milestones.length ?? 0;
    const app = await renderApp(stepper);
    await press(app, 'm');
    expect(stepper.container(1)?.milestones.length).toBe(reached + 1);
    expect(app.screen()).toMatch(/container 1: .+ at 12-\d\d \d\d:\d\d PKT/);
  });

  test('d runs to the first event of the next day', async () => {
    const stepper = stepperAt(5);
    const app = await renderApp(stepper);
    expect(app.screen()).toContain('day 1 of 30');
    await press(app, 'd');
    expect(stepper.view().day).toBe(1);
    expect(app.screen()).toContain('day 2 of 30');
    expect(app.screen()).toContain('2025-12-02 00:00 PKT');
  });

  test('r runs on its own at the speed in the header until r pauses it; the frame shown is the state kept', async () => {
    const stepper = stepperAt();
    const app = await renderApp(stepper, { speed: SPEEDS.length - 1 });
    expect(app.screen()).toMatch(/day 1 of 30 · r 10 d\/s\n/);
    await press(app, 'r');
    expect(app.screen()).toContain('RUNNING 10 d/s');
    await until(() => stepper.stepCount > 200);
    await press(app, 'r');
    const paused = stepper.stepCount;
    expect(stepShown(app.screen())).toBe(paused);
    expect(app.screen()).toContain('paused');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stepper.stepCount).toBe(paused);
    expect(stepShown(app.screen())).toBe(paused);
  });

  test('+ and - change the speed of r, shown in the header', async () => {
    const app = await renderApp(stepperAt());
    expect(app.screen()).toContain('day 1 of 30 · r 6 h/s');
    await press(app, '+');
    expect(app.screen()).toContain('day 1 of 30 · r 12 h/s');
    await press(app, '-', '-', '-', '-', '-', '-');
    expect(app.screen()).toContain('day 1 of 30 · r 15 min/s');
  });

  test('r pauses at the end of the horizon and says the drain comes next; r again drains to the end of the run', async () => {
    const stepper = stepperAt();
    while (stepper.view().day < 29) stepper.toNextDay();
    const app = await renderApp(stepper, { speed: SPEEDS.length - 1 });
    await press(app, 'r');
    await until(() => app.screen().includes('horizon ends'));
    expect(app.screen()).toContain('paused');
    expect(app.screen()).toContain('day 30 of 30');
    expect(app.screen()).toMatch(/the 30-day horizon ends 2025-12-31 00:00 PKT: no more arrivals/);
    await press(app, 'r');
    await until(() => stepper.finished, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.screen()).toContain('END OF RUN');
    expect(app.screen()).toMatch(/drain day \d+/);
    expect(app.screen()).not.toContain('day 30 of 30');
    expect(app.screen()).toMatch(/run over at .+ \(drain day \d+\)/);
  }, 30_000);
});

describe('every press counts', () => {
  test('a burst of five b (one chunk of input, as tmux send-keys or a held key sends it) goes back five steps', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    app.stdin.write('bbbbb');
    await until(() => stepper.stepCount === 295 && stepShown(app.screen()) === 295);
    expect(stepShown(app.screen())).toBe(295);
    expect(app.screen()).toContain('back to step 295');
  });

  test('five b pressed one by one while the stepper is busy go back five steps too', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    for (let i = 0; i < 5; i++) app.stdin.write('b');
    await until(() => stepShown(app.screen()) === 295);
    expect(stepper.stepCount).toBe(295);
  });

  test('four d in one chunk advance four days, and a burst of spaces fires that many events', async () => {
    const stepper = stepperAt(5);
    const app = await renderApp(stepper);
    await press(app, 'dddd');
    expect(app.screen()).toContain('day 5 of 30');
    const at = stepper.stepCount;
    await press(app, '   ');
    expect(stepper.stepCount).toBe(at + 3);
  });
});

describe('past the horizon', () => {
  test('d after the last day says drain day 1, not day 30 of 30, and the header says the horizon is over', async () => {
    const stepper = stepperAt();
    while (stepper.view().day < 29) stepper.toNextDay();
    const app = await renderApp(stepper);
    expect(app.screen()).toContain('day 30 of 30');
    await press(app, 'd');
    expect(app.screen()).toContain('2025-12-31 00:00 PKT');
    expect(app.screen()).toContain('drain day 1');
    expect(app.screen()).toContain('drain day 1 (no arrivals)');
    expect(app.screen()).not.toContain('day 30 of 30');
    await press(app, 'd');
    expect(app.screen()).toContain('drain day 2');
  });
});

describe('what-ifs and going back', () => {
  test('going back before a what-if says what it undid; stepping forward redoes it and the screens match', async () => {
    const stepper = stepperAt(238);
    const app = await renderApp(stepper);
    await press(app, 'i', KEY.down, KEY.enter, '5', KEY.enter);
    expect(app.screen()).toContain('injected at step 238: pass closed for 5 days');
    await press(app, '   ');
    const ahead = app.screen();
    app.stdin.write('bbbb');
    await until(() => stepShown(app.screen()) === 237);
    expect(app.screen()).toContain('undid: pass closed for 5 days at step 238');
    expect(app.screen()).toMatch(/Pass road\s+OPEN/);
    await press(app, ' ');
    expect(app.screen()).toContain('redid: pass closed for 5 days at step 238');
    await press(app, '   ');
    expect(app.screen().split('\n').slice(0, -5)).toEqual(ahead.split('\n').slice(0, -5));
    expect(stepper.injections).toEqual([{ atStep: 238, whatIf: { kind: 'closePass', days: 5 } }]);
  });
});

describe('go to', () => {
  test('g to a date lands on the first event at or after it', async () => {
    const stepper = stepperAt();
    const app = await renderApp(stepper);
    await press(app, 'g', ...'12-03 10:00', KEY.enter);
    await until(() => stepper.stepCount > 0 && stepShown(app.screen()) === stepper.stepCount);
    const t = stepper.timeOf('2025-12-03', '10:00');
    expect(stepper.now).toBeGreaterThanOrEqual(t);
    const check = stepperAt(stepper.stepCount - 1);
    expect(check.now).toBeLessThan(t);
    expect(app.screen()).toMatch(/at step \d+, 2025-12-03 1\d:\d\d PKT \(day 3 of 30\)/);
  });

  test('g to a step goes back by replay, and a typo says what g takes', async () => {
    const stepper = stepperAt(400);
    const app = await renderApp(stepper);
    await press(app, 'g', ...'120', KEY.enter);
    await until(() => stepShown(app.screen()) === 120);
    expect(stepper.stepCount).toBe(120);
    await press(app, 'g', ...'soon', KEY.enter);
    expect(app.screen(), app.screen()).toContain('go to what?');
  });
});
