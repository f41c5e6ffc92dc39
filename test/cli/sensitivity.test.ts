import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { khunjerab, numbersIn } from './support.js';

interface Effect {
  readonly metric: string;
  readonly effect: number;
  readonly ci95: [number, number];
  readonly significant: boolean;
}
interface Ranked {
  readonly factor: string;
  readonly rank: number;
  readonly effects: Effect[];
}

const dir = mkdtempSync(join(tmpdir(), 'khunjerab-sensitivity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function effectOf(ranking: readonly Ranked[], factor: string, metric: string): Effect {
  const found = ranking.find((f) => f.factor === factor)?.effects.find((e) => e.metric === metric);
  if (found === undefined) throw new Error(`no effect of ${factor} on ${metric}`);
  return found;
}

function finiteNumbersOnly(out: unknown): void {
  expect(numbersIn(out).filter((n) => typeof n.value !== 'number' || !Number.isFinite(n.value))).toEqual([]);
}

describe('khunjerab sensitivity, one factor at a time', () => {
  // Summer demand is more than 6 GD officers can accept; 13 clear it. Short horizon, few replications.
  const summer = ['sensitivity', 'scenarios/summer-2025.yaml', '--factor', 'heating.generator=false..true', '--factor', 'sost.examBays=4..8', '--factor', 'sost.gdOfficers=6..13', '--days', '14', '--replications', '3', '--seed', '4', '--json'];
  const one = khunjerab([...summer, '--workers', '1']);
  const two = khunjerab([...summer, '--workers', '2']);

  test('more GD officers shorten the time release and rank first; more examination bays do not lengthen it', () => {
    expect(one.status, one.stderr).toBe(0);
    const out = JSON.parse(one.stdout);
    expect(out).toMatchObject({ method: 'oat', scenario: 'summer-2025', seed: 4, replications: 3, days: 14 });
    const officers = effectOf(out.ranking, 'sost.gdOfficers', 'timeRelease.mean');
    expect(officers.effect).toBeLessThan(0);
    expect(officers.ci95[1]).toBeLessThan(0);
    expect(out.ranking[0].factor).toBe('sost.gdOfficers');
    expect(effectOf(out.ranking, 'sost.examBays', 'timeRelease.mean').ci95[0]).toBeLessThanOrEqual(0);
    expect(out.ranking.map((f: Ranked) => f.rank)).toEqual([1, 2, 3]);
    finiteNumbersOnly(out);
  });

  test('--workers never changes a byte of the result', () => {
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  test('an unheated Sost loses perishables to frost; the text report draws it right of zero', () => {
    const args = ['sensitivity', 'scenarios/winter-2025.yaml', '--factor', 'heating.sostHeated=true..false', '--metric', 'perishablesLost', '--days', '21', '--replications', '3', '--seed', '5'];
    const json = khunjerab([...args, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const lost = effectOf(JSON.parse(json.stdout).ranking, 'heating.sostHeated', 'perishablesLost');
    expect(lost.effect).toBeGreaterThan(0);
    expect(lost.ci95[0]).toBeGreaterThan(0);
    const text = khunjerab(args);
    expect(text.status, text.stderr).toBe(0);
    const row = text.stdout.split('\n').find((line) => line.startsWith('heating.sostHeated ') && line.includes('['));
    expect(row).toBeDefined();
    const axis = (row as string).indexOf('│');
    expect((row as string).indexOf('█')).toBeGreaterThan(axis);
    expect(text.stdout).not.toMatch(/NaN|undefined|Infinity/);
    expect(text.stdout).toMatch(/common random\s+numbers/);
  });
});

describe('khunjerab sensitivity, Morris screening', () => {
  test('gives μ*, μ and σ per factor, ranked by μ*, the same with any number of workers', () => {
    const args = ['sensitivity', 'scenarios/winter-2025.yaml', '--method', 'morris', '--trajectories', '2', '--factor', 'heating.sostHeated=true..false', '--factor', 'sost.examBays=2..8', '--metric', 'perishablesLost', '--days', '10', '--replications', '1', '--seed', '3', '--json'];
    const one = khunjerab([...args, '--workers', '1']);
    expect(one.status, one.stderr).toBe(0);
    const out = JSON.parse(one.stdout);
    expect(out).toMatchObject({ method: 'morris', trajectories: 2, levels: 4 });
    expect(out.ranking[0].effects[0].muStar).toBeGreaterThanOrEqual(out.ranking[1].effects[0].muStar);
    expect(out.ranking[0].effects[0]).toEqual(expect.objectContaining({ mu: expect.any(Number), sigma: expect.any(Number), effects: expect.any(Number) }));
    finiteNumbersOnly(out);
    expect(khunjerab([...args, '--workers', '2']).stdout).toBe(one.stdout);
  });
});

describe('khunjerab sensitivity, bad input', () => {
  const winter = ['sensitivity', 'scenarios/winter-2025.yaml'];

  test.each([
    [['--factor', 'sost.examBays'], /--factor "sost.examBays": no "="; expected PATH=LOW\.\.HIGH/],
    [['--factor', 'sost.examBays=2-4'], /no "\.\." between the levels/],
    [['--factor', 'sost.exmBays=2..4'], /factor sost\.exmBays, low level 2: unknown key "exmBays"/],
    [['--factor', 'sost.examBays=-1..4'], /factor sost\.examBays, low level -1: expected an integer >= 0, got -1/],
    [['--factor', 'heating.sostHeated=false..7'], /factor heating\.sostHeated, high level 7: expected true or false, got 7/],
    [['--factor', 'sost.examBays=2..4', '--metric', 'nope'], /unknown metric "nope"/],
    [['--factor', 'sost.examBays=2..4', '--method', 'morris', '--levels', '3'], /--levels must be even/],
    [[], /give at least one --factor/],
  ])('%j exits 2 with a message', (args, message) => {
    const result = khunjerab([...winter, ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  test('a study file with errors exits 2 naming each with its line', () => {
    const file = join(dir, 'bad-study.yaml');
    writeFileSync(file, ['scenario: ../nowhere.yaml', 'replications: 0', 'factors:', '  - { path: sost.examBays, low: 2 }', ''].join('\n'));
    const result = khunjerab(['sensitivity', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${file}:2:15 replications: expected a whole number of replications from 1 to 100,000, got 0`);
    expect(result.stderr).toContain(`${file}:4:5 factors[0].high: missing`);
  });

  test('a study file that forgets its scenario is still read as a study, and says so', () => {
    const file = join(dir, 'no-scenario.yaml');
    writeFileSync(file, ['factors:', '  - { path: sost.examBays, low: 2, high: 4 }', ''].join('\n'));
    const result = khunjerab(['sensitivity', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${file}:1:1 scenario: missing; expected the path of a scenario file, relative to the study`);
  });

  test('a level a study file gives that the scenario rejects is named with the study line and the factor label', () => {
    const file = join(dir, 'bad-level.yaml');
    writeFileSync(file, [`scenario: ${join(process.cwd(), 'scenarios/winter-2025.yaml')}`, 'factors:', '  - { label: Exam bays, path: sost.examBays, low: 8, high: 1.5 }', ''].join('\n'));
    const result = khunjerab(['sensitivity', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${file}:3:5 factor "Exam bays" (sost.examBays), high level 1.5: expected an integer >= 0, got 1.5`);
  });

  test('command-line flags override the study file', () => {
    const file = join(dir, 'small-study.yaml');
    writeFileSync(file, [`scenario: ${join(process.cwd(), 'scenarios/winter-2025.yaml')}`, 'replications: 50', 'metrics: [perishablesLost]', 'factors:', '  - { label: Unheated, path: heating.sostHeated, low: true, high: false }', ''].join('\n'));
    const result = khunjerab(['sensitivity', file, '--replications', '2', '--days', '9', '--metric', 'throughputPerDay', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({ study: file, replications: 2, days: 9, metrics: [{ name: 'throughputPerDay' }] });
    expect(out.ranking[0].factor).toBe('Unheated');
  });
});
