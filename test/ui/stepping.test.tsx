import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { activeState, headerOf, renderApp, stepperAt } from './support/app.js';
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
    expect(app.screen()).toMatch(/container 1: .+ at 2025-12-\d\d \d\d:\d\d PKT/);
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

  test('r runs on its own in chunks until r pauses it', async () => {
    const stepper = stepperAt();
    const app = await renderApp(stepper);
    await press(app, 'r');
    expect(app.screen()).toContain('RUNNING');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await press(app, 'r');
    const paused = stepper.stepCount;
    expect(paused).toBeGreaterThan(50);
    expect(app.screen()).toContain('paused');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(stepper.stepCount).toBe(paused);
  });

  test('r stops by itself at the end of the horizon', async () => {
    const stepper = stepperAt();
    while (stepper.view().day < 29) stepper.step();
    const app = await renderApp(stepper);
    await press(app, 'r');
    for (let i = 0; i < 100 && !stepper.finished; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stepper.finished).toBe(true);
    expect(app.screen()).toContain('END OF RUN');
    expect(app.screen()).toContain('end of the horizon');
  });
});
