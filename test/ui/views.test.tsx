import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { activeState, renderApp, stepperAt } from './support/app.js';
import { KEY, press } from './support/terminal.js';

afterEach(() => cleanup());

describe('the two views', () => {
  test('the app opens on the corridor view: the road, the pass, the posts, the weather and the resources', async () => {
    const app = await renderApp(stepperAt(300));
    const screen = app.screen();
    expect(screen).toContain('CORRIDOR');
    expect(screen).toMatch(/Kashgar ─+▶ Tashkurgan/);
    expect(screen).toMatch(/Pass road\s+(OPEN|CLOSED|CLEARING)/);
    expect(screen).toMatch(/China post\s+(open|closed)/);
    expect(screen).toMatch(/Pakistan post\s+(open|closed)/);
    expect(screen).toMatch(/Pass weather\s+−?\d+\.\d °C/);
    expect(screen).toMatch(/GD officers\s+(\d+\/\d+|off)\s+\d+/);
    expect(screen).toMatch(/stranded at Tashkurgan \d+/);
    expect(screen).toMatch(/declaring\s+\d+/);
  });

  test('the corridor view counts the containers at each stage as the stepper does', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    const declaring = stepper.view().stages.find((s) => s.state === 'exportDeclaration')?.count;
    expect(app.screen()).toMatch(new RegExp(`declaring\\s+${declaring} `));
    expect(app.screen()).toContain(`inside ${stepper.view().inside}`);
  });

  test('Tab switches from the corridor to the container view, then the timeline, then back', async () => {
    const app = await renderApp(stepperAt(50));
    expect(app.screen()).toContain('CORRIDOR');
    expect(app.screen()).not.toContain('CONTAINER');
    await press(app, KEY.tab);
    expect(app.screen()).toContain('CONTAINER 1');
    expect(app.screen()).toContain('milestones below, PKT');
    expect(app.screen()).not.toContain('CORRIDOR');
    await press(app, KEY.tab);
    expect(app.screen()).toContain('TIMELINE');
    expect(app.screen()).toMatch(/stranded Tkg +\S+ max \d+/);
    await press(app, KEY.tab);
    expect(app.screen()).toContain('CORRIDOR');
  });

  test('before the first arrival the container view says no container has arrived yet', async () => {
    const app = await renderApp(stepperAt(0));
    await press(app, KEY.tab);
    expect(app.screen()).toContain('No container has arrived at Kashgar yet');
  });

  test('the container view follows container 1 once it arrives: its state, events, context and milestones', async () => {
    const stepper = stepperAt(0);
    const app = await renderApp(stepper);
    await press(app, KEY.tab);
    while (stepper.container(1) === undefined) await press(app, ' ');
    const container = stepper.container(1);
    const screen = app.screen();
    expect(activeState(screen)).toBe(container?.state);
    expect(screen).toContain(`Accepts ${container?.events.join(' · ')}`);
    expect(screen).toContain(`cargo ${container?.context.cargo} · channel ${container?.context.channel}`);
    expect(screen).toMatch(/(no exam|exam by scanner|exam by de-stuffing) · held (yes|no) · needs permit (yes|no)/);
    expect(screen).toMatch(/12-01 \d\d:\d\d gate-in at Kashgar/);
  });

  test('/ then an id follows that container; an unknown id shows an error', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    await press(app, '/', '1', '2', KEY.enter);
    expect(app.screen()).toContain('CONTAINER 12');
    expect(activeState(app.screen())).toBe(stepper.container(12)?.state);
    await press(app, '/', '9', '9', '9', KEY.enter);
    expect(app.screen()).toContain(`container 999 has not arrived (${stepper.view().arrived} so far)`);
    expect(app.screen()).toContain('CONTAINER 12');
  });

  test('esc leaves the find prompt without changing the followed container (the first still inside)', async () => {
    const stepper = stepperAt(300);
    const app = await renderApp(stepper);
    await press(app, '/', '7');
    expect(app.screen()).toContain('Find container: 7');
    await press(app, KEY.escape, KEY.tab);
    expect(app.screen()).toContain(`CONTAINER ${stepper.activeIds()[0]} `);
  });

  test('? shows the help panel and ? again hides it', async () => {
    const app = await renderApp(stepperAt(10));
    await press(app, '?');
    expect(app.screen()).toContain('HELP');
    expect(app.screen()).toContain('back one event');
    await press(app, '?');
    expect(app.screen()).not.toContain('HELP');
    expect(app.screen()).toContain('CORRIDOR');
  });

  test('the log at the bottom shows recent transitions with their PKT time', async () => {
    const stepper = stepperAt(60);
    const app = await renderApp(stepper);
    const last = stepper.log.at(-1);
    expect(app.screen()).toContain('recent transitions');
    expect(app.screen()).toContain(`${last?.machine} ${last?.event}: ${last?.from} → ${last?.to}`);
    expect(app.screen()).toMatch(/12-0\d \d\d:\d\d (container|road|post|facility)/);
  });
});
