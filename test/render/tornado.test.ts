import { describe, expect, test } from 'vitest';
import { renderTornado } from '../../src/cli/render/tornado.js';
import { NON_FIGURES, overlong, plain } from './support.js';

const bars = [
  { label: 'Heating at Sost', effect: -6, ci95: [-7.1, -4.9] as const },
  { label: 'A label far longer than the label column allows', effect: 2.5, ci95: [-0.5, 5.5] as const },
  { label: 'Nothing measured', effect: 0, ci95: [0, 0] as const },
];

function barRow(text: string, start: string): string {
  const row = plain(text).split('\n').find((line) => line.startsWith(start));
  if (row === undefined) throw new Error(`no row ${start}`);
  return row;
}

describe('tornado', () => {
  test('a decrease draws left of the zero axis and an increase right of it', () => {
    const text = renderTornado(bars, { width: 80, color: false });
    const axis = plain(text).split('\n')[0].indexOf('│');
    const down = barRow(text, 'Heating');
    const up = barRow(text, 'A label');
    expect(down.lastIndexOf('█')).toBeLessThan(axis);
    expect(down[axis]).toBe('│');
    expect(up.indexOf('█')).toBeGreaterThan(axis);
    expect(up).toContain('+2.5 [-0.5, 5.5]');
  });

  test('the CI is marked at both ends, and reaches across zero when it includes zero', () => {
    const up = barRow(renderTornado(bars, { width: 80, color: false }), 'A label');
    expect(up.indexOf('├')).toBeLessThan(up.indexOf('│'));
    expect(up.indexOf('┤')).toBeGreaterThan(up.indexOf('█'));
  });

  test('no line is wider than the width, long labels are shortened, and nothing prints as NaN', () => {
    for (const width of [60, 80, 120]) {
      const text = renderTornado([...bars, { label: 'NaN effect', effect: NaN, ci95: [NaN, NaN] as const }], { width, color: false });
      expect(overlong(text, width)).toEqual([]);
      expect(text).toMatch(/A label far [a-z ]*…/);
      expect(text.replace('NaN effect', '')).not.toMatch(NON_FIGURES);
    }
  });

  test('all-zero effects still draw an axis and a scale', () => {
    const text = renderTornado([{ label: 'x', effect: 0, ci95: [0, 0] }], { width: 80, color: false });
    expect(text).toMatch(/-1\.0 +0 +1\.0/);
  });
});

test('a CI narrower than one column leaves the bar drawn', () => {
  const text = renderTornado(
    [
      { label: 'big', effect: -46, ci95: [-48.7, -43.2] },
      { label: 'small', effect: -2.3, ci95: [-2.5, -2.1] },
    ],
    { width: 80, color: false },
  );
  const small = plain(text).split('\n').find((line) => line.startsWith('small'));
  expect(small).toMatch(/█│/);
});
