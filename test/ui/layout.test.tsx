import { afterEach, describe, expect, test } from 'vitest';
import type { Instance } from 'ink';
import { StepperApp } from '../../src/ui/index.js';
import { keyHintText } from '../../src/ui/KeyHints.js';
import { frameRows, logRows, placeWidths, wrapItems } from '../../src/ui/layout.js';
import { stepperAt } from './support/app.js';
import { CLEARS_SCREEN, KEY, plain, press, renderAt, tick, type FakeTerminal } from './support/terminal.js';

const mounted: Instance[] = [];
afterEach(() => {
  for (const instance of mounted.splice(0)) instance.unmount();
});

async function renderOn(columns: number, rows: number, steps: number, debug = true): Promise<FakeTerminal> {
  const { terminal, instance } = renderAt(<StepperApp stepper={stepperAt(steps)} />, columns, rows, debug);
  mounted.push(instance);
  await tick();
  return terminal;
}

function lines(terminal: FakeTerminal): string[] {
  return plain(terminal.stdout.lastFrame()).replace(/\n$/, '').split('\n');
}

const widest = (ls: readonly string[]): number => Math.max(...ls.map((l) => [...l].length));

describe('below the minimum size', () => {
  test('a 60×20 terminal shows the notice and a compact status, and keys still work', async () => {
    const terminal = await renderOn(60, 20, 300);
    const frame = lines(terminal);
    expect(frame[0]).toBe('terminal too small (need 80×23, have 60×20)');
    expect(frame.join('\n')).toMatch(/step 300 · day \d+ of 30 · paused/);
    expect(widest(frame)).toBeLessThanOrEqual(60);
    expect(frame.length).toBeLessThan(20);
    await press(terminal, ' ', ' ');
    expect(lines(terminal).join('\n')).toContain('step 302 ·');
  });

  test('no redraw at 60×20, nor at 80×24, clears the screen or the scrollback', async () => {
    for (const [columns, rows] of [[60, 20], [80, 24], [80, 22]] as const) {
      const terminal = await renderOn(columns, rows, 300, false);
      await press(terminal, ' ', 'd', 'b', KEY.tab, ' ');
      await tick(100);
      // Under CI (is-in-ci) Ink writes no redraw, only the last frame when it unmounts.
      mounted.at(-1)?.unmount();
      const written = terminal.stdout.frames.join('');
      expect(written.length).toBeGreaterThan(0);
      expect(written).not.toMatch(CLEARS_SCREEN);
    }
  });
});

describe('layout on a small terminal', () => {
  test('at 80×24 no line of the corridor view is wider than 80 columns and the frame leaves the last row free', async () => {
    const terminal = await renderOn(80, 24, 3000);
    const frame = lines(terminal);
    expect(frame[2]).toContain('CORRIDOR');
    expect(widest(frame)).toBeLessThanOrEqual(80);
    expect(frame.length).toBeLessThanOrEqual(23);
  });

  test('at 80×24 nothing in the corridor or container view has to be cut short', async () => {
    const terminal = await renderOn(80, 24, 3000);
    const corridor = lines(terminal).join('\n');
    expect(corridor).not.toContain('…');
    expect(corridor).toContain('Sost Dry Port');
    expect(corridor).toContain('Tashkurgan officers');
    expect(corridor).toContain('q quit·? help');
    await press(terminal, KEY.tab);
    expect(lines(terminal).join('\n')).not.toContain('…');
  });

  test('at 80×24 the container view, the what-if menu and the help panel fit too', async () => {
    const terminal = await renderOn(80, 24, 3000);
    for (const keys of [[KEY.tab], ['i'], [KEY.escape, '?'], ['?', '/']]) {
      await press(terminal, ...keys);
      const frame = lines(terminal);
      expect(widest(frame)).toBeLessThanOrEqual(80);
      expect(frame.length).toBeLessThanOrEqual(23);
    }
  });

  test('a late container with a full milestone timeline fits 80×24', async () => {
    const terminal = await renderOn(80, 24, 3000);
    await press(terminal, '/', '5', KEY.enter);
    const frame = lines(terminal);
    expect(frame.join('\n')).toContain('gate-out at Sost');
    expect(widest(frame)).toBeLessThanOrEqual(80);
    expect(frame.length).toBeLessThanOrEqual(23);
  });

  test('a larger terminal gets wider columns and a longer log', async () => {
    const terminal = await renderOn(120, 40, 3000);
    const frame = lines(terminal);
    expect(widest(frame)).toBeLessThanOrEqual(120);
    expect(widest(frame)).toBeGreaterThan(100);
    expect(frame.length).toBe(39);
    expect(logRows({ columns: 120, rows: 40 })).toBeGreaterThan(logRows({ columns: 80, rows: 24 }));
  });
});

describe('layout arithmetic', () => {
  test('the four places on the road share the full width', () => {
    for (const columns of [80, 81, 100, 133, 200]) expect(placeWidths(columns).reduce((a, b) => a + b, 0)).toBe(columns);
  });

  test('the frame is one row shorter than a 24-row terminal', () => {
    expect(frameRows({ columns: 80, rows: 24 })).toBe(23);
    expect(frameRows({ columns: 80, rows: 30 })).toBe(29);
  });

  test('the key hints fit in 80 columns', () => {
    expect(keyHintText('keys', false, 80).length).toBeLessThanOrEqual(80);
    expect(keyHintText('keys', false, 92).length).toBeLessThanOrEqual(92);
    expect(keyHintText('keys', true, 110).length).toBeLessThanOrEqual(110);
    expect(keyHintText('keys', true, 110)).toContain('? help');
  });

  test('wrapping puts items on a new line when the next would pass the width', () => {
    expect(wrapItems(['aaa', 'bb', 'cccc', 'd'], (s) => s.length, 7)).toEqual([['aaa', 'bb'], ['cccc', 'd']]);
    expect(wrapItems(['toolongforline', 'a'], (s) => s.length, 5)).toEqual([['toolongforline'], ['a']]);
  });
});
