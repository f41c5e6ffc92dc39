import { describe, expect, test } from 'vitest';
import { requireTty, runStepUi, summaryText } from '../../src/ui/index.js';
import { stepShown, stepperAt, until } from './support/app.js';
import { fakeTerminal, plain, press, streamsOf, tick } from './support/terminal.js';

describe('quitting and the summary', () => {
  test('q exits the app and runStepUi returns a summary that mentions the steps', async () => {
    const stepper = stepperAt();
    const terminal = fakeTerminal(80, 24);
    const exited = runStepUi(stepper, streamsOf(terminal));
    await tick();
    await press(terminal, ' ', ' ', ' ');
    terminal.stdin.write('q');
    const summary = await exited;
    expect(summary).toMatch(/^khunjerab step: 3 steps, /);
    expect(summary).toContain('containers: ');
  });

  test('the summary gives steps, simulated time, arrived, released, inside and the injected what-ifs', () => {
    const stepper = stepperAt(400);
    stepper.inject({ kind: 'closePass', days: 2 });
    stepper.step();
    stepper.inject({ kind: 'powerCut', hours: 6 });
    const view = stepper.view();
    const summary = summaryText(stepper).replace(/\n {2}/g, ' ');
    expect(summary).toContain('401 steps');
    expect(summary).toMatch(/\d+ d \d+ h \d\d min simulated, to 2025-12-\d\d \d\d:\d\d PKT \(day \d+ of 30\)\n/);
    expect(summary).toContain(`${view.arrived} arrived, ${view.released} released, ${view.inside} inside`);
    expect(summary).toContain('what-ifs: 2 injected: pass closed for 2 days at step 400; power cut (6 h) at step 401');
  });

  test('the summary of an untouched run says no what-ifs', () => {
    expect(summaryText(stepperAt(0))).toBe(
      'khunjerab step: 0 steps, 0 min simulated, to 2025-12-01 00:00 PKT (day 1 of 30)\ncontainers: 0 arrived, 0 released, 0 inside\nwhat-ifs: none',
    );
  });

  test('pause then quit: the last frame, the stepper and the summary give the same step', async () => {
    const stepper = stepperAt();
    const terminal = fakeTerminal(80, 24);
    const exited = runStepUi(stepper, streamsOf(terminal));
    await tick();
    await press(terminal, '+', '+', '+', '+', 'r');
    await until(() => stepper.stepCount > 300);
    await press(terminal, 'r');
    const shown = stepShown(plain(terminal.stdout.lastFrame()));
    await tick(300);
    expect(stepper.stepCount).toBe(shown);
    terminal.stdin.write('q');
    const summary = await exited;
    expect(summary).toMatch(new RegExp(`^khunjerab step: ${shown} steps, `));
  });

  test('Ctrl-C while running quits like q: the last frame agrees with the printed summary', async () => {
    const stepper = stepperAt();
    const terminal = fakeTerminal(80, 24);
    const exited = runStepUi(stepper, streamsOf(terminal));
    await tick();
    await press(terminal, '+', '+', '+', '+', 'r');
    await until(() => stepper.stepCount > 300);
    terminal.stdin.write('\u0003');
    const summary = await exited;
    const frame = plain(terminal.stdout.frames.findLast((f) => f.includes('step ')));
    const steps = Number(/^khunjerab step: (\d+) steps/.exec(summary)?.[1]);
    expect(stepShown(frame)).toBe(steps);
    expect(frame).toContain(`released ${stepper.view().released} `);
    expect(summary).toContain(`${stepper.view().released} released`);
  });

  test('the summary is wrapped to the terminal, and says when the run went past the horizon', () => {
    const stepper = stepperAt();
    while (!stepper.finished) stepper.toNextDay();
    const summary = summaryText(stepper, 60);
    for (const line of summary.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(summary.replace(/\n {2}/g, ' ')).toMatch(/\(drain day \d+\); the 30-day horizon ended 2025-12-31 00:00 PKT; run over/);
  });

  test('requireTty explains that the stepper needs a terminal when stdin is not one', () => {
    expect(requireTty({ isTTY: false })).toBe('khunjerab step needs an interactive terminal');
    expect(requireTty({})).toBe('khunjerab step needs an interactive terminal');
    expect(requireTty({ isTTY: true })).toBeUndefined();
  });
});
