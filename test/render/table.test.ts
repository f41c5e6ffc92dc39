import { describe, expect, test } from 'vitest';
import { fitWidths, renderTable, tableWidth } from '../../src/cli/render/table.js';
import { wrap } from '../../src/cli/render/text.js';
import { hasAnsi, overlong, plain } from './support.js';

const columns = [{ header: 'Resource' }, { header: 'Utilisation', align: 'right' as const }];
const rows = [
  ['Sost examination bays', '67.0%'],
  ['Kashgar inspection bays with a very long descriptive label that must wrap somewhere', '12.5%'],
];

describe('tables that fit the terminal', () => {
  test('a table that fits keeps its natural widths', () => {
    const widths = fitWidths(columns, [rows[0]], 100);
    expect(widths).toEqual(['Sost examination bays'.length + 2, 'Utilisation'.length + 2]);
  });

  test('a table too wide shrinks its widest column and wraps it, never past the width', () => {
    for (const width of [40, 60, 80]) {
      const widths = fitWidths(columns, rows, width);
      expect(tableWidth(widths)).toBeLessThanOrEqual(width);
      const text = renderTable(columns, rows, { width, color: false });
      expect(overlong(text, width)).toEqual([]);
      expect(text.replace(/[\s│]+/g, ' ')).toContain('must wrap');
    }
  });

  test('a header wraps only when that spares the body more lines, and never leaves a lone character', () => {
    const cols = [{ header: 'Metric' }, { header: 'Difference', align: 'right' as const }, { header: 'CI excludes 0', align: 'right' as const }];
    const body = [
      ['Still in the corridor at the end (containers)', '-328.4', 'yes'],
      ['Time release at Sost, mean (h)', '-9.3', 'yes'],
    ];
    const text = plain(renderTable(cols, body, { width: 50, color: false }));
    expect(text.split('\n')[1]).toMatch(/│ Difference │ CI excludes 0 │$/);
    expect(text.split('\n')[2]).toMatch(/^├/);
    expect(text).toMatch(/│ Still in the +│/);
  });

  test('figures are right-aligned and labels left-aligned', () => {
    const line = plain(renderTable(columns, [rows[0], ['Scanners', '5.0%']], { width: 80, color: false }))
      .split('\n')
      .find((l) => l.includes('Scanners'));
    expect(line).toBe('│ Scanners              │        5.0% │');
  });

  test('a section row spans the whole table', () => {
    const text = plain(renderTable(columns, [{ section: 'At Sost Dry Port' }, rows[0]], { width: 80, color: false }));
    expect(text).toMatch(/^│ At Sost Dry Port +│$/m);
  });

  test('headers are bold only with colour, and cli-table3 adds no colour of its own', () => {
    expect(hasAnsi(renderTable(columns, rows, { width: 80, color: false }))).toBe(false);
    const coloured = renderTable(columns, rows, { width: 80, color: true });
    expect(coloured).toContain('\u001b[1mResource\u001b[22m');
    expect(coloured).not.toMatch(/\u001b\[(3\d|9\d)m/);
  });
});

describe('word wrap', () => {
  test('wraps on spaces and breaks over-long words after a hyphen', () => {
    expect(wrap('summer-2025 (baseline)', 12)).toEqual(['summer-2025', '(baseline)']);
    expect(wrap('winter-2025-unheated', 14)).toEqual(['winter-2025-', 'unheated']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  test('measures terminal columns: a CJK character or an emoji takes two, and is never split', () => {
    expect(wrap('喀什 Kashgar → 苏斯特', 12)).toEqual(['喀什 Kashgar', '→ 苏斯特']);
    expect(wrap('喀什苏斯特', 4)).toEqual(['喀什', '苏斯', '特']);
    expect(wrap('🚚🚚🚚', 5)).toEqual(['🚚🚚', '🚚']);
    expect(wrap('👩‍👩‍👧x', 1)).toEqual(['👩‍👩‍👧', 'x']);
  });
});
