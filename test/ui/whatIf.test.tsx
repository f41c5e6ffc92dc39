import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { renderApp, stepperAt } from './support/app.js';
import { KEY, press } from './support/terminal.js';

afterEach(() => cleanup());

describe('the what-if menu', () => {
  test('closing the pass for N days from the i menu shows the pass closed by the what-if', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    expect(app.screen()).toMatch(/Pass road\s+OPEN/);
    await press(app, 'i');
    expect(app.screen()).toContain('WHAT-IF');
    await press(app, '2', KEY.enter);
    expect(app.screen()).toContain('Close the pass for how many days? [3]');
    await press(app, '5', KEY.enter);
    expect(app.screen()).toMatch(/Pass road\s+CLOSED · cause what-if/);
    expect(app.screen()).toContain('Tashkurgan ×');
    expect(app.screen()).toContain('injected at step 300: pass closed for 5 days');
    expect(stepper.injections).toEqual([{ atStep: 300, whatIf: { kind: 'closePass', days: 5 } }]);
  });

  test('an empty answer closes the pass for the default 3 days', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    await press(app, 'i', KEY.down, KEY.enter, KEY.enter);
    expect(stepper.injections[0]?.whatIf).toEqual({ kind: 'closePass', days: 3 });
  });

  test('keys that arrive in one chunk (↓ and enter, then 5 and enter, as tmux sends them) act in order', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    await press(app, 'i', `${KEY.down}${KEY.enter}`, `5${KEY.enter}`);
    expect(stepper.injections[0]?.whatIf).toEqual({ kind: 'closePass', days: 5 });
  });

  test('a snowstorm closes the pass with cause snow, and the weather says storm, not no snowfall', async () => {
    const app = await renderApp(stepperAt(300));
    await press(app, 'i', KEY.enter);
    expect(app.screen()).toMatch(/Pass road\s+CLOSED · cause snow/);
    expect(app.screen()).toMatch(/Pass weather\s+−?\d+\.\d °C · storm 40 cm/);
  });

  test('force red says why it cannot apply to the followed container', async () => {
    const stepper = stepperAt(3000);
    const app = await renderApp(stepper);
    const decided = stepper.activeIds().find((id) => stepper.container(id)?.events.includes('FORCE_RED') === false) ?? 0;
    await press(app, '/', ...String(decided), KEY.enter, 'i');
    expect(app.screen()).toContain(`Force the followed container to red (container ${decided}'s channel is already decided: ${stepper.container(decided)?.context.channel})`);
  });

  test('the outages show on Sost’s systems', async () => {
    const app = await renderApp(stepperAt(300));
    await press(app, 'i', '3', KEY.enter);
    expect(app.screen()).toMatch(/WeBOC link\s+DOWN/);
    await press(app, 'i', '4', KEY.enter);
    expect(app.screen()).toMatch(/Sost power\s+CUT/);
    await press(app, 'i', '5', KEY.enter);
    expect(app.screen()).toMatch(/Sost scanner\s+BROKEN/);
  });

  test('force red sets the followed container’s channel to red', async () => {
    const stepper = stepperAt(3);
    const app = await renderApp(stepper);
    await press(app, 'i', '6', KEY.enter, KEY.tab);
    expect(stepper.container(1)?.context.channel).toBe('red');
    expect(app.screen()).toContain('channel red');
  });

  test('esc cancels the menu and injects nothing', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    await press(app, 'i', KEY.down, KEY.escape);
    expect(app.screen()).toContain('CORRIDOR');
    expect(stepper.injections).toEqual([]);
  });

  test('a closure survives stepping back past other steps, as the stepper replays it', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    await press(app, 'i', '2', KEY.enter, KEY.enter, ' ', ' ', 'b');
    expect(app.screen()).toMatch(/Pass road\s+CLOSED · cause what-if/);
  });
});
