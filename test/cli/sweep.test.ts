import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { khunjerab, numbersIn } from './support.js';

const WINTER = 'scenarios/winter-2025.yaml';
const SMALL = ['--days', '10', '--set', 'drainDays=3', '--replications', '2', '--seed', '4'];
const GRID = ['--vary', 'sost.examBays=2,8', '--vary', 'arrivals.scale=1,2'];

interface Summary {
  readonly mean: number | null;
  readonly ci95: [number, number] | null;
  readonly pooled: number | null;
}

interface Point {
  readonly point: number;
  readonly values: Record<string, unknown>;
  readonly set: string[];
  readonly metrics: Record<string, Summary>;
}

describe('khunjerab sweep', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khunjerab-sweep-'));
  const csv = join(dir, 'sweep.csv');
  const one = khunjerab(['sweep', WINTER, ...GRID, ...SMALL, '--json', '--workers', '1', '--csv', csv]);
  const out = JSON.parse(one.stdout);
  const points = out.points as Point[];

  test('runs every point of the grid in order, the first --vary changing slowest', () => {
    expect(one.status, one.stderr).toBe(0);
    expect(out).toMatchObject({ scenario: 'winter-2025', file: WINTER, seed: 4, replications: 2 });
    expect(out.vary).toEqual([
      { path: 'sost.examBays', values: [2, 8] },
      { path: 'arrivals.scale', values: [1, 2] },
    ]);
    expect(points.map((p) => p.point)).toEqual([1, 2, 3, 4]);
    expect(points.map((p) => p.values)).toEqual([
      { 'sost.examBays': 2, 'arrivals.scale': 1 },
      { 'sost.examBays': 2, 'arrivals.scale': 2 },
      { 'sost.examBays': 8, 'arrivals.scale': 1 },
      { 'sost.examBays': 8, 'arrivals.scale': 2 },
    ]);
    expect(points[1].set).toEqual(['sost.examBays=2', 'arrivals.scale=2']);
  });

  test('reports the default metrics at every point, each with mean, CI and pooled value, and no NaN', () => {
    expect(out.metrics.map((m: { name: string }) => m.name)).toEqual(['timeRelease.mean', 'timeRelease.p90', 'throughputPerDay', 'corridorTime.p90']);
    for (const p of points) {
      expect(Object.keys(p.metrics)).toEqual(['timeRelease.mean', 'timeRelease.p90', 'throughputPerDay', 'corridorTime.p90']);
      for (const s of Object.values(p.metrics)) expect(s.ci95?.[0]).toBeLessThanOrEqual(s.mean ?? NaN);
    }
    expect(numbersIn(out).filter((n) => typeof n.value === 'number' && !Number.isFinite(n.value))).toEqual([]);
    // Twice the demand releases more containers a day.
    expect(points[1].metrics.throughputPerDay.mean).toBeGreaterThan(points[0].metrics.throughputPerDay.mean ?? Infinity);
  });

  test('each point is what `run --set` gives with the same seed: every point runs on the same replication seeds', () => {
    const run = khunjerab(['run', WINTER, ...SMALL, '--set', 'sost.examBays=8', '--set', 'arrivals.scale=2', '--json', '--workers', '2']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const last = points[3].metrics;
    expect(last.throughputPerDay.mean).toBe(report.throughputPerDay.mean);
    expect(last.throughputPerDay.ci95).toEqual(report.throughputPerDay.ci95);
    expect(last['timeRelease.mean'].pooled).toBe(report.timeRelease.mean);
    expect(last['timeRelease.mean'].ci95).toEqual(report.timeRelease.ci95);
    expect(last['timeRelease.p90'].pooled).toBe(report.timeRelease.p90);
  });

  test('a value that changes nothing in the model gives the same figures at every point (common random numbers)', () => {
    const same = khunjerab(['sweep', WINTER, '--vary', 'description=first,second', ...SMALL, '--json', '--workers', '2']);
    expect(same.status, same.stderr).toBe(0);
    const [a, b] = JSON.parse(same.stdout).points as Point[];
    expect(b.metrics).toEqual(a.metrics);
  });

  test('--workers does not change a byte of the JSON', () => {
    const two = khunjerab(['sweep', WINTER, ...GRID, ...SMALL, '--json', '--workers', '2']);
    expect(two.stdout).toBe(one.stdout);
  });

  test('--csv writes one row per point: the values, then each metric\'s mean, CI ends and pooled value', () => {
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0].split(',').slice(0, 7)).toEqual(['point', 'sost.examBays', 'arrivals.scale', 'timeRelease.mean_mean', 'timeRelease.mean_ci_low', 'timeRelease.mean_ci_high', 'timeRelease.mean_pooled']);
    const row = lines[4].split(',');
    expect(row.slice(0, 3)).toEqual(['4', '8', '2']);
    expect(Number(row[8])).toBe(points[3].metrics['timeRelease.p90'].ci95?.[0]);
  });

  test('the text report is a table with one row per point and the figures as mean ± half-width', () => {
    const text = khunjerab(['sweep', WINTER, '--vary', 'sost.examBays=2,8', ...SMALL, '--metric', 'throughputPerDay']);
    expect(text.status, text.stderr).toBe(0);
    const rows = text.stdout.split('\n').filter((l) => /^│ [28] /.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/\d+\.\d ±\d+\.\d │$/);
    expect(text.stdout).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('khunjerab sweep --precision', () => {
  test('holds every point to the goal on the first --metric and reports it', () => {
    const result = khunjerab(['sweep', WINTER, '--vary', 'sost.examBays=2,8', ...SMALL, '--metric', 'throughputPerDay', '--precision', '30%', '--max-replications', '3', '--json', '--workers', '2']);
    expect(result.status, result.stderr).toBe(0);
    const { precision, replications } = JSON.parse(result.stdout);
    expect(precision.metric).toBe('throughputPerDay');
    expect(precision.checks.map((c: { subject: string }) => c.subject)).toEqual(['winter-2025[sost.examBays=2]', 'winter-2025[sost.examBays=8]']);
    expect(replications).toBe(precision.replications);
    expect(precision.batches[0]).toBe(2);
  });
});

describe('bad sweep input exits 2 before running', () => {
  test.each([
    [['--vary', 'sost.examBays=2,-1'], /--vary sost\.examBays=-1: expected an integer >= 0, got -1/],
    [['--vary', 'sost.documentCheck={type: exponential, mean: 3},{type: exponential, mean: -4}'], /--vary sost\.documentCheck=\{type: exponential, mean: -4\}: sost\.documentCheck\.mean: expected a mean > 0 hours, got -4/],
    [['--vary', 'sost.examBays=2,,3'], /--vary sost\.examBays: value 2 is empty/],
    [['--vary', 'sost.documentCheck={type: exponential'], /"\{" is never closed/],
    [['--vary', 'sost.examBays'], /expected path=value1,value2/],
    [['--vary', 'sost.examBays=1,2', '--set', 'sost.examBays=3'], /--vary sost\.examBays and --set sost\.examBays change the same field/],
    [['--vary', 'sost=1,2', '--vary', 'sost.examBays=1,2'], /--vary sost\.examBays and --vary sost change the same field/],
    [['--vary', 'seed=1,2'], /give --seed instead/],
    [[], /sweep needs at least one --vary/],
    [['--vary', 'sost.examBays=1,2', '--metric', 'speed'], /unknown metric "speed"/],
    [['--vary', 'sost.examBays=1,2,3,4,5,6,7,8,9,10', '--vary', 'arrivals.scale=1,2,3,4,5,6,7,8,9,10', '--replications', '101'], /100 points × 101 replications = 10,100 replications; at most 10,000/],
    [['--vary', 'sost.examBays=1,2', '--precision', '5%', '--max-replications', '5001'], /2 points × --max-replications 5001 = 10,002 replications; at most 10,000/],
    [['--vary', 'sost.examBays=1,2', '--csv', 'scenarios'], /--csv scenarios: is a directory/],
  ])('%j', (args, message) => {
    const result = khunjerab(['sweep', WINTER, '--days', '10', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
