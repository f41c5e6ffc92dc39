import { describe, expect, test } from 'vitest';
import { renderSweep, sweepCsv } from '../../src/cli/render/index.js';
import type { MetricSummary, SweepReport } from '../../src/run/index.js';
import { flat, NON_FIGURES, overlong } from './support.js';

const METRICS = [
  { name: 'timeRelease.mean', unit: 'hours', what: 'mean Sost time release' },
  { name: 'timeRelease.p90', unit: 'hours', what: 'p90 Sost time release' },
  { name: 'throughputPerDay', unit: 'containers/day', what: 'containers gated out per day' },
  { name: 'corridorTime.p90', unit: 'hours', what: 'p90 corridor time' },
] as const;

function summary(mean: number | null, half: number, pooled: number | null = mean): MetricSummary {
  return { mean, ci95: mean === null ? null : [mean - half, mean + half], pooled };
}

function report(): SweepReport {
  const documentChecks = ['{type: exponential, mean: 3}', '{type: exponential, mean: 4}'];
  const points = [2, 8].flatMap((bays, i) =>
    documentChecks.map((check, j) => ({
      point: i * 2 + j + 1,
      values: { 'sost.examBays': bays, 'sost.documentCheck': { type: 'exponential', mean: 3 + j } },
      set: [`sost.examBays=${bays}`, `sost.documentCheck=${check}`],
      metrics: {
        'timeRelease.mean': summary(1234.56 + i, 456.7),
        'timeRelease.p90': summary(2345.6, 1500.25),
        throughputPerDay: summary(12.75, 3.25),
        'corridorTime.p90': i === 1 && j === 1 ? summary(null, 0) : summary(3456.7, 1234.5, null),
      },
    })),
  );
  return {
    scenario: 'winter-2025',
    file: 'scenarios/winter-2025.yaml',
    seed: 7,
    replications: 3,
    vary: [
      { path: 'sost.examBays', values: [2, 8] },
      { path: 'sost.documentCheck', values: [{ type: 'exponential', mean: 3 }, { type: 'exponential', mean: 4 }] },
    ],
    metrics: METRICS,
    points,
  };
}

describe('the sweep table', () => {
  test('fits 80 columns with two swept fields and four metrics of four-digit figures', () => {
    const text = renderSweep(report(), { width: 80, color: false });
    expect(overlong(text, 80)).toEqual([]);
  });

  test('has one row per point in grid order, each with its values and every metric as mean ± half-width', () => {
    const text = flat(renderSweep(report(), { width: 200, color: false }));
    expect(text).toContain('2 {type: exponential, mean: 3} 1,234.6 ±456.7 2,345.6 ±1,500.3 12.8 ±3.3 3,456.7 ±1,234.5');
    expect(text.indexOf('2 {type: exponential, mean: 4}')).toBeLessThan(text.indexOf('8 {type: exponential, mean: 3}'));
    expect(text).toMatch(/8 \{type: exponential, mean: 4\} 1,235\.6 ±456\.7 .* n\/a/);
    expect(text).toMatch(/Seed 7, 3 replications per point, 4 points: sost\.examBays \(2\) × sost\.documentCheck \(2\), the first changing slowest/);
    expect(text).toMatch(/common random numbers/);
    expect(text).not.toMatch(NON_FIGURES);
  });
});

test('at 80 columns, two swept fields with short values and four metrics of three-digit means keep each point on one line', () => {
  const base = report();
  const narrow: SweepReport = {
    ...base,
    vary: [
      { path: 'sost.examBays', values: [2, 8] },
      { path: 'arrivals.scale', values: [1, 2] },
    ],
    points: base.points.map((p, i) => ({
      ...p,
      set: [p.set[0], `arrivals.scale=${1 + (i % 2)}`],
      metrics: {
        'timeRelease.mean': summary(182.5, 16.1),
        'timeRelease.p90': summary(360.7, 41.9),
        throughputPerDay: summary(14.3, 0.4),
        'corridorTime.p90': summary(543.1, 36.9),
      },
    })),
  };
  const text = renderSweep(narrow, { width: 80, color: false });
  expect(overlong(text, 80)).toEqual([]);
  const rows = text.split('\n').filter((line) => line.startsWith('│') && line.includes('±'));
  expect(rows).toHaveLength(4);
  for (const row of rows) expect(row.match(/±/g)).toHaveLength(4);
  expect(text).toMatch(/│ sost\.\s+│ arrivals\.\s+│/);
});

describe('the sweep CSV', () => {
  test('has one row per point: the values as typed, then mean, CI ends and pooled value of each metric; a missing figure is empty', () => {
    const lines = sweepCsv(report()).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      'point,sost.examBays,sost.documentCheck,' +
        METRICS.map((m) => `${m.name}_mean,${m.name}_ci_low,${m.name}_ci_high,${m.name}_pooled`).join(','),
    );
    expect(lines[1]).toBe('1,2,"{type: exponential, mean: 3}",1234.56,777.8599999999999,1691.26,1234.56,2345.6,845.3499999999999,3845.85,2345.6,12.75,9.5,16,12.75,3456.7,2222.2,4691.2,');
    expect(lines[4].endsWith(',,,,')).toBe(true);
  });
});
