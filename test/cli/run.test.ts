import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { khunjerab, numbersIn } from './support.js';

const WINTER = 'scenarios/winter-2025.yaml';
const SHORT = ['--days', '21', '--replications', '3'];

describe('khunjerab run', () => {
  const json = khunjerab(['run', WINTER, ...SHORT, '--seed', '5', '--json', '--workers', '1']);

  test('--json prints one object with every documented field', () => {
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    for (const key of ['scenario', 'seed', 'replications', 'days', 'arrived', 'released', 'inSystemAtEnd', 'throughputPerDay', 'timeRelease', 'corridorTime', 'milestones', 'channels', 'passClosedDays', 'resources', 'perishablesLost', 'observed']) {
      expect(report, key).toHaveProperty(key);
    }
    expect(report.scenario).toBe('winter-2025');
    expect(report.seed).toBe(5);
    expect(report.replications).toBe(3);
    expect(report.days).toBe(21);
    expect(report.throughputPerDay.ci95).toHaveLength(2);
    for (const times of [report.timeRelease, report.corridorTime]) {
      expect(times).toMatchObject({ unit: 'hours' });
      for (const key of ['mean', 'median', 'p90', 'p95']) expect(typeof times[key]).toBe('number');
    }
    expect(Object.keys(report.channels).sort()).toEqual(['green', 'red', 'yellow']);
    for (const channel of Object.values(report.channels)) expect(channel).toEqual({ share: expect.any(Number), meanHours: expect.any(Number) });
    expect(report.milestones).toHaveLength(14);
    for (const m of report.milestones) {
      expect(m).toEqual(expect.objectContaining({ from: expect.any(String), to: expect.any(String), mean: expect.any(Number), median: expect.any(Number), p90: expect.any(Number) }));
    }
    expect(typeof report.passClosedDays.mean).toBe('number');
    expect(report.passClosedDays).toHaveProperty('byCause');
    expect(report.resources[0]).toEqual(expect.objectContaining({ name: expect.any(String), utilization: expect.any(Number), meanQueue: expect.any(Number), maxQueue: expect.any(Number) }));
    const ids = report.observed.map((o: { id: string }) => o.id);
    for (let i = 1; i <= 17; i++) expect(ids).toContain(`O${i}`);
    for (const o of report.observed) expect(o).toEqual(expect.objectContaining({ band: expect.any(Object), model: expect.objectContaining({ mean: expect.any(Number) }), verdict: expect.any(String), claimed: expect.any(Boolean) }));
  });

  test('--json has day-by-day series of every day and the time-release pattern by hour and weekday', () => {
    const report = JSON.parse(json.stdout);
    for (const name of ['corridor', 'sost', 'stranded']) {
      for (const figure of ['mean', 'p90', 'max']) expect(report.series[name][figure], `${name}.${figure}`).toHaveLength(21);
    }
    expect(report.series.backlog).toEqual({ ageHours: 72, atEndOfDay: expect.any(Array) });
    expect(report.series.backlog.atEndOfDay).toHaveLength(21);
    for (const key of ['byArrivalHour', 'byReleaseHour']) expect(report.timeReleasePattern[key]).toHaveLength(24);
    for (const key of ['byArrivalWeekday', 'byReleaseWeekday']) expect(Object.keys(report.timeReleasePattern[key])).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });

  test('no figure in the JSON is NaN, null or infinite', () => {
    const report = JSON.parse(json.stdout);
    const bad = numbersIn(report).filter((n) => typeof n.value !== 'number' || !Number.isFinite(n.value));
    expect(bad).toEqual([]);
  });

  test('the same seed gives byte-identical JSON, and 2 workers give the same JSON as 1', () => {
    const again = khunjerab(['run', WINTER, ...SHORT, '--seed', '5', '--json', '--workers', '1']);
    const parallel = khunjerab(['run', WINTER, ...SHORT, '--seed', '5', '--json', '--workers', '2']);
    expect(again.stdout).toBe(json.stdout);
    expect(parallel.stdout).toBe(json.stdout);
  });

  test('a different seed gives different results', () => {
    const other = khunjerab(['run', WINTER, ...SHORT, '--seed', '6', '--json', '--workers', '1']);
    expect(other.stdout).not.toBe(json.stdout);
  });

  test('the terminal report has no NaN, undefined or empty figure and no colour without a TTY', () => {
    const text = khunjerab(['run', WINTER, ...SHORT, '--seed', '5']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Time release');
    expect(text.stdout).not.toMatch(/NaN|undefined|Infinity/);
    expect(text.stdout).not.toMatch(/\x1b\[/);
    expect(text.stderr).toBe('');
  });

  test('--set overrides a field and --csv and --events write one row per container and every transition', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khunjerab-test-'));
    const csv = join(dir, 'containers.csv');
    const events = join(dir, 'events.ndjson');
    const result = khunjerab(['run', WINTER, '--days', '10', '--replications', '2', '--json', '--set', 'arrivals.scale=2', '--csv', csv, '--events', events]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^scenario,replication,container,/);
    expect(rows.length - 1).toBe(Math.round(report.arrived * 2));
    const lines = readFileSync(events, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual(expect.objectContaining({ scenario: 'winter-2025', replication: 0, machine: expect.any(String), event: expect.any(String), t: expect.any(Number) }));
    expect(new Set(lines.map((l) => l.replication))).toEqual(new Set([0, 1]));
    const doubled = khunjerab(['run', WINTER, '--days', '10', '--replications', '2', '--json']);
    expect(report.arrived).toBeGreaterThan(JSON.parse(doubled.stdout).arrived * 1.5);
  });
});

describe('bad input', () => {
  test('a bad scenario exits 2 with the file, the field and the line in the message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khunjerab-test-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `extends: ${join(process.cwd(), 'scenarios/winter-2025.yaml')}\nsost:\n  examBays: -3\n`);
    const result = khunjerab(['run', file, '--json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file}:3:`);
    expect(result.stderr).toContain('sost.examBays');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a missing file, an unknown option and a bad --set all exit 2 without a stack trace', () => {
    for (const args of [['run', 'nope.yaml'], ['run', 'scenarios/winter-2025.yaml', '--bogus'], ['run', 'scenarios/winter-2025.yaml', '--set', 'sost.examBays=lots'], ['run', 'scenarios/winter-2025.yaml', '--replications', '0'], ['compare', 'scenarios/winter-2025.yaml']]) {
      const result = khunjerab(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.length).toBeGreaterThan(0);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('validate reports ok files on stdout and exits 0', () => {
    const result = khunjerab(['validate', 'scenarios/summer-2025.yaml', 'scenarios/winter-2025.yaml']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
  });

  test('schema prints a JSON Schema', () => {
    const result = khunjerab(['schema']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty('properties');
  });

  test('step without a terminal says it needs one and exits 2 at once', () => {
    const result = khunjerab(['step', 'scenarios/winter-2025.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/interactive terminal/);
  });
});
