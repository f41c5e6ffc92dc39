import { describe, expect, test } from 'vitest';
import { COMMON_RANDOM_NUMBERS, renderComparison } from '../../src/cli/render/index.js';
import type { ScenarioReport } from '../../src/run/index.js';
import { differencesFor, emptyReport, makeReport, winterReport } from './fixtures.js';
import { flat, hasAnsi, NON_FIGURES, overlong, plain } from './support.js';

const plainOptions = { width: 100, color: false };

function unheated(): ScenarioReport {
  return makeReport({ scenario: 'winter-2025-unheated', start: '2025-12-01', days: 90, perWeekday: 16, slowdown: 2.4, closedDays: [20, 21, 22, 45, 46] });
}

function threeScenarios(): ScenarioReport[] {
  return [makeReport(), winterReport(), unheated()];
}

/** The header row of the first side-by-side table: its cells, trimmed. */
function sideBySideHeader(text: string): string[] {
  const lines = plain(text).split('\n');
  const top = lines.findIndex((l, i) => l.startsWith('┌') && lines[i - 1]?.startsWith('─') && lines[i - 2] === 'Scenarios side by side');
  return lines[top + 1].split('│').slice(1, -1).map((c) => c.trim());
}

describe('renderComparison', () => {
  test('puts each scenario in its own column, the first marked as the baseline', () => {
    const reports = threeScenarios();
    const text = renderComparison(reports, differencesFor(reports), plainOptions);
    expect(sideBySideHeader(text)).toEqual(['', 'summer-2025 (baseline)', 'winter-2025', 'winter-2025-unheated']);
  });

  test('shows the same rows as the run report, one figure per scenario', () => {
    const reports = threeScenarios();
    const text = flat(renderComparison(reports, differencesFor(reports), { width: 160, color: false }));
    expect(text).toContain('Throughput, containers released per day');
    expect(text).toMatch(/Mean 43\.4 12\.0 11\.1/);
    expect(text).toMatch(/95% CI \[42\.1, 44\.7\] \[11\.6, 12\.3\] \[10\.7, 11\.4\]/);
    expect(text).toContain('Time release at Sost (arrival at Sost → gate-out), hours');
    expect(text).toMatch(/Mean 26\.3 52\.6 63\.1 95% CI \[25\.0, 27\.6\]/);
    expect(text).toMatch(/95th percentile 84\.2 168\.3 202\.0/);
    expect(text).toContain('Corridor time (Kashgar gate-in → Sost gate-out), hours');
    expect(text).toMatch(/checks and holds 16\.9 33\.8 40\.6/);
    expect(text).toMatch(/Red 71\.5 \(20%\) 143\.0 \(20%\) 171\.6 \(20%\)/);
    expect(text).toMatch(/Snow 1\.0 5\.5 2\.5 Total 2\.0 11\.0 5\.0/);
    expect(text).toMatch(/Stranded at Tashkurgan, peak 31\.0 62\.0 74\.4/);
    expect(text).toMatch(/Perishables lost to frost 0\.0 3\.4 3\.4/);
    expect(text).toMatch(/Sost bank counters 83\.0% 24\.1% 21\.4%/);
  });

  test('lists each difference from the baseline with its 95% CI and whether the CI excludes zero', () => {
    const reports = threeScenarios();
    const text = flat(renderComparison(reports, differencesFor(reports), plainOptions));
    expect(text).toContain('Metric Difference 95% CI CI excludes 0');
    expect(text).toContain('winter-2025 − summer-2025');
    expect(text).toContain('winter-2025-unheated − summer-2025');
    expect(text).toContain('Throughput (containers/day) -31.4 [-32.5, -30.3] yes');
    expect(text).toContain('Time release at Sost, mean (h) +26.3 [23.9, 28.7] yes');
    expect(text).toContain('Perishables lost (containers) +3.4 [-0.7, 7.5] no');
  });

  test('states the day convention once, in the header', () => {
    const reports = threeScenarios();
    const text = flat(renderComparison(reports, differencesFor(reports), plainOptions));
    expect(text.match(/Day 1 is the scenario's start date\. Days run midnight to midnight Pakistan time \(PKT, UTC\+5\)/g)).toHaveLength(1);
    expect(text.indexOf("Day 1 is the scenario's start date")).toBeLessThan(text.indexOf('Scenarios side by side'));
  });

  test('says in one sentence that the comparison uses common random numbers', () => {
    const reports = threeScenarios();
    const text = flat(renderComparison(reports, differencesFor(reports), plainOptions));
    expect(text).toContain(COMMON_RANDOM_NUMBERS);
    expect(COMMON_RANDOM_NUMBERS).toContain('replication i of every scenario shares the arrival, cargo and weather streams');
  });

  test('stacks one released-per-day chart per scenario on the same y scale, then the histograms', () => {
    const reports = threeScenarios();
    const text = plain(renderComparison(reports, differencesFor(reports), plainOptions));
    const charts = text.slice(text.indexOf('Containers released per day at Sost (same y scale)'), text.indexOf('Distribution of the time release'));
    const yAxes = charts
      .split('\n\n')
      .map((block) => block.split('\n').filter((l) => /^ *[\d.]+ [┤┼]/.test(l)).map((l) => l.trim().split(' ')[0]))
      .filter((axis) => axis.length > 0);
    expect(yAxes).toHaveLength(3);
    expect(yAxes[0][0]).toBe('100'); // the summer peak sets the scale for all three
    expect(yAxes[1]).toEqual(yAxes[0]);
    expect(yAxes[2]).toEqual(yAxes[0]);
    const histograms = text.slice(text.indexOf('Distribution of the time release'));
    for (const r of reports) expect(histograms).toContain(r.scenario);
    expect(histograms).toContain('≥ 228 h');
  });

  test.each([80, 120])('no line is wider than %i columns', (width) => {
    const reports = threeScenarios();
    for (const color of [false, true]) {
      expect(overlong(renderComparison(reports, differencesFor(reports), { width, color }), width)).toEqual([]);
      const withEmpty = [makeReport(), emptyReport()];
      expect(overlong(renderComparison(withEmpty, differencesFor(withEmpty), { width, color }), width)).toEqual([]);
    }
  });

  test('splits the side-by-side table when the scenarios do not fit, repeating the row labels', () => {
    const reports = ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => makeReport({ scenario: `scenario-${s}-with-a-long-name` }));
    const text = renderComparison(reports, differencesFor(reports), { width: 80, color: false });
    expect(overlong(text, 80)).toEqual([]);
    expect(flat(text)).toContain('so they are split over');
    for (const r of reports) expect(flat(text)).toContain(r.scenario.slice(0, 10));
    expect(plain(text).match(/^│ Perishables lost to frost/gm)?.length).toBeGreaterThan(1);
  });

  test('a scenario with no completed containers and NaN fields shows "n/a" and why, never NaN, undefined or Infinity', () => {
    const reports = [makeReport(), emptyReport()];
    const differences = differencesFor(reports);
    expect(differences.some((d) => Number.isNaN(d.difference))).toBe(true);
    const text = renderComparison(reports, differences, plainOptions);
    expect(text).not.toMatch(NON_FIGURES);
    expect(flat(text)).toContain('closed-all-winter: n/a: no container both entered the corridor after the warm-up');
    expect(flat(text)).toMatch(/Time release at Sost, mean \(h\) n\/a n\/a n\/a/);
  });

  test('with a single replication the differences have no CI, and say so', () => {
    const reports = [makeReport({}, { replications: 1 }), winterReport({ replications: 1 })];
    const text = flat(renderComparison(reports, differencesFor(reports), plainOptions));
    expect(text).toContain('Throughput (containers/day) -31.4 n/a n/a');
    expect(text).toContain('with a single replication there is no confidence interval');
  });

  test('a single scenario renders without a differences table', () => {
    const text = flat(renderComparison([makeReport()], [], plainOptions));
    expect(text).toContain('Only one scenario: nothing to compare it with.');
    expect(text).not.toMatch(NON_FIGURES);
  });

  test('colour off means no ANSI escape codes at all; colour on adds them and changes nothing else', () => {
    const reports = threeScenarios();
    const differences = differencesFor(reports);
    const bare = renderComparison(reports, differences, plainOptions);
    const coloured = renderComparison(reports, differences, { width: 100, color: true });
    expect(hasAnsi(bare)).toBe(false);
    expect(hasAnsi(coloured)).toBe(true);
    expect(plain(coloured)).toBe(bare);
  });
});
