import { describe, expect, test } from 'vitest';
import { requireTty, runStepUi, summaryText } from '../../src/ui/index.js';
import { stepperAt } from './support/app.js';
import { fakeTerminal, press, streamsOf, tick } from './support/terminal.js';

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
    const summary = summaryText(stepper);
    expect(summary).toContain('401 steps');
    expect(summary).toMatch(/\d+ d \d+ h \d\d min simulated, to 2025-12-\d\d \d\d:\d\d PKT\n/);
    expect(summary).toContain(`${view.arrived} arrived, ${view.released} released, ${view.inside} inside`);
    expect(summary).toContain('what-ifs: 2 injected: pass closed for 2 days at step 400; power cut (6 h) at step 401');
  });

  test('the summary of an untouched run says no what-ifs', () => {
    expect(summaryText(stepperAt(0))).toBe(
      'khunjerab step: 0 steps, 0 min simulated, to 2025-12-01 00:00 PKT\ncontainers: 0 arrived, 0 released, 0 inside\nwhat-ifs: none',
    );
  });

  test('requireTty explains that the stepper needs a terminal when stdin is not one', () => {
    expect(requireTty({ isTTY: false })).toBe('khunjerab step needs an interactive terminal');
    expect(requireTty({})).toBe('khunjerab step needs an interactive terminal');
    expect(requireTty({ isTTY: true })).toBeUndefined();
  });
});
