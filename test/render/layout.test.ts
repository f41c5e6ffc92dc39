import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { renderComparison, renderRunReport } from '../../src/cli/render/index.js';
import type { ScenarioReport } from '../../src/run/index.js';
import { differencesFor, makeReport, winterReport } from './fixtures.js';
import { columnsOf, drawnTables, overlong } from './support.js';

/**
 * How the run and compare reports read in a terminal of 80 and 120 columns: nothing wider than
 * the terminal, no header broken inside a word, the milestone table one line per interval, and
 * tables that stay aligned when a scenario is named in CJK characters.
 */
const CJK_NAME = '喀什 Kashgar → 苏斯特';

/** A winter with a heavy-tailed wait at the border gate, as real runs give (most containers never wait). */
function heavyTailed(): ScenarioReport {
  const report = winterReport();
  return { ...report, milestones: report.milestones.map((m) => (m.name === 'at the border gate' ? { ...m, mean: 1.5, median: 0, p90: 0 } : m)) };
}

function reports(): ScenarioReport[] {
  return [makeReport(), heavyTailed(), makeReport({ scenario: CJK_NAME, start: '2025-12-01', days: 90, perWeekday: 16, slowdown: 2.4 })];
}

function renderings(width: number): Array<[string, string]> {
  const all = reports();
  return [
    ['run', renderRunReport(heavyTailed(), { width, color: false })],
    ['run (CJK name)', renderRunReport(all[2], { width, color: false })],
    ['compare', renderComparison(all, differencesFor(all), { width, color: false })],
  ];
}

/** Every header of every table, as it reads when nothing has to wrap. */
function wholeHeaders(): Set<string> {
  return new Set(renderings(400).flatMap(([, text]) => drawnTables(text).flatMap((t) => t.headers)));
}

describe.each([80, 120])('reports at %i columns', (width) => {
  test('no line is wider than the terminal, even with a CJK scenario name', () => {
    for (const [name, text] of renderings(width)) expect(overlong(text, width), name).toEqual([]);
  });

  test('headers wrap only between words: each reads as it does when nothing wraps', () => {
    const whole = wholeHeaders();
    for (const [name, text] of renderings(width)) {
      for (const table of drawnTables(text)) for (const header of table.headers) expect(whole, `${name}: "${header}"`).toContain(header);
    }
  });

  test('every line of a table has the width of its border, and header separators sit on the border\'s joints', () => {
    for (const [name, text] of renderings(width)) {
      for (const table of drawnTables(text)) {
        const [top] = table.lines;
        for (const line of table.lines) expect(stringWidth(line), `${name}: ${line}`).toBe(stringWidth(top));
        const joints = columnsOf(top, '┬');
        const header = table.lines[1];
        expect(columnsOf(header, '│').slice(1, -1), `${name}: ${header}`).toEqual(joints);
      }
    }
  });
});

describe('the milestone table', () => {
  function milestoneTable(text: string) {
    const table = drawnTables(text).find((t) => t.headers[0] === 'Interval');
    if (table === undefined) throw new Error('no milestone table');
    return table;
  }

  test.each([80, 100])('takes one line per interval at %i columns and lists the milestones once below', (width) => {
    const report = heavyTailed();
    const text = renderRunReport(report, { width, color: false });
    const table = milestoneTable(text);
    const sections = 2;
    expect(table.bodyLines).toBe(report.milestones.length + sections);
    expect(table.headers).not.toContain('From → to');
    expect(text.replace(/\s+/g, ' ')).toContain('Milestones in order: gate-in at Kashgar → export cleared at Kashgar → arrived at Tashkurgan →');
  });

  test('shows From → to in its own column where it fits on one line, at 120 columns', () => {
    const table = milestoneTable(renderRunReport(heavyTailed(), { width: 120, color: false }));
    expect(table.headers).toContain('From → to');
    expect(table.bodyLines).toBe(heavyTailed().milestones.length + 2);
  });

  test('marks an interval whose mean lies above its 90th percentile and says why', () => {
    const text = renderRunReport(heavyTailed(), { width: 80, color: false });
    expect(text).toMatch(/│ at the border gate \* +│ +1\.5 │ +0\.0 │ +0\.0 │/);
    expect(text.replace(/\s+/g, ' ')).toContain('* A heavy tail: most containers spend little or no time here');
    expect(renderRunReport(winterReport(), { width: 80, color: false })).not.toContain('heavy tail');
  });
});
