import { describe, expect, test } from 'vitest';
import { khunjerab } from './support.js';

const WINTER = 'scenarios/winter-2025.yaml';
/** Three measured days and no drain: replications cheap enough for a test, noisy enough to need several batches. */
const PLAIN = ['--days', '10', '--set', 'drainDays=0', '--seed', '3'];
const SMALL = [...PLAIN, '--metric', 'throughputPerDay'];

interface Checked {
  readonly subject: string;
  readonly mean: number;
  readonly halfWidth: number;
  readonly allowed: number;
  readonly met: boolean;
}

function withoutPrecision(json: string): string {
  const { precision: _precision, ...report } = JSON.parse(json);
  return JSON.stringify(report);
}

describe('khunjerab run --precision', () => {
  const precise = khunjerab(['run', WINTER, ...SMALL, '--replications', '3', '--precision', '25%', '--json', '--workers', '2']);
  const outcome = JSON.parse(precise.stdout).precision;

  test('replicates in batches that continue the first, and reports where it stopped and the half-width reached', () => {
    expect(precise.status, precise.stderr).toBe(0);
    expect(outcome).toMatchObject({ metric: 'throughputPerDay', target: 0.25, maxReplications: 200, capped: false });
    expect(outcome.batches[0]).toBe(3);
    expect(outcome.batches.length).toBeGreaterThan(1);
    expect(outcome.replications).toBe(outcome.batches.at(-1));
    expect(JSON.parse(precise.stdout).replications).toBe(outcome.replications);
    const [check] = outcome.checks as Checked[];
    expect(check.subject).toBe('winter-2025');
    expect(check.met).toBe(true);
    expect(check.halfWidth).toBeLessThanOrEqual(0.25 * check.mean);
  });

  test('gives exactly what a plain run with the N it stopped at gives, whatever the workers', () => {
    const plain = khunjerab(['run', WINTER, ...PLAIN, '--replications', String(outcome.replications), '--json', '--workers', '1']);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/"precision"/);
    expect(withoutPrecision(precise.stdout)).toBe(JSON.stringify(JSON.parse(plain.stdout)));
  });

  test('stops at the first batch that meets the goal: the batch before did not', () => {
    const before = outcome.batches.at(-2) as number;
    const plain = khunjerab(['run', WINTER, ...PLAIN, '--replications', String(before), '--json', '--workers', '2']);
    const { ci95 } = JSON.parse(plain.stdout).throughputPerDay as { ci95: [number, number] };
    const halfWidth = (ci95[1] - ci95[0]) / 2;
    expect(halfWidth).toBeGreaterThan(0.25 * ((ci95[0] + ci95[1]) / 2));
  });

  test('the text report ends with the replications run and the half-width reached', () => {
    const text = khunjerab(['run', WINTER, ...SMALL, '--replications', '2', '--precision', '25%', '--max-replications', '3']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Precision\n─+\n/);
    expect(text.stdout).toMatch(/± half-width/);
    expect(text.stdout).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('the cap of --precision', () => {
  test('stops at --max-replications with a message on stderr and capped in the JSON', () => {
    const result = khunjerab(['run', WINTER, ...SMALL, '--replications', '2', '--precision', '1%', '--max-replications', '3', '--json', '--workers', '1']);
    expect(result.status, result.stderr).toBe(0);
    const { precision, replications } = JSON.parse(result.stdout);
    expect(precision).toMatchObject({ capped: true, replications: 3, batches: [2, 3] });
    expect(precision.checks[0].met).toBe(false);
    expect(replications).toBe(3);
    expect(result.stderr).toMatch(/--precision 1% not reached for throughputPerDay within --max-replications 3 \(not within it: winter-2025\); the figures are from 3 replications/);
  });
});

describe('khunjerab compare --precision', () => {
  test('holds every scenario and every paired difference from the baseline to the goal', () => {
    const result = khunjerab(['compare', 'scenarios/summer-2025.yaml', WINTER, ...SMALL, '--replications', '2', '--precision', '30%', '--max-replications', '4', '--json', '--workers', '2']);
    expect(result.status, result.stderr).toBe(0);
    const { precision, scenarios } = JSON.parse(result.stdout);
    expect(precision.checks.map((c: Checked) => c.subject)).toEqual(['summer-2025', 'winter-2025', 'winter-2025 − summer-2025']);
    for (const s of scenarios) expect(s.replications).toBe(precision.replications);
    const [summer, , difference] = precision.checks as Checked[];
    expect(difference.allowed).toBeCloseTo(0.3 * Math.max(Math.abs(difference.mean), Math.abs(summer.mean)), 10);
    expect(precision.capped).toBe(!(precision.checks as Checked[]).every((c) => c.met));
  });
});

describe('bad --precision input exits 2', () => {
  test.each([['0%'], ['100%'], ['120'], ['-5%'], ['five'], ['5%%']])('--precision %s', (value) => {
    const result = khunjerab(['run', WINTER, '--precision', value]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/expected a percentage between 0 and 100/);
  });

  test('with --csv: the number of replications is known only at the end', () => {
    const result = khunjerab(['run', WINTER, '--days', '10', '--precision', '5%', '--csv', '/tmp/khunjerab-precision-test.csv']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--precision cannot be combined with --csv/);
  });

  test('--metric without --precision, or an unknown metric', () => {
    expect(khunjerab(['run', WINTER, '--days', '10', '--metric', 'throughputPerDay']).stderr).toMatch(/--metric only applies with --precision/);
    const unknown = khunjerab(['run', WINTER, '--days', '10', '--precision', '5%', '--metric', 'speed']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown metric "speed"/);
  });

  test('a first batch larger than the cap', () => {
    const result = khunjerab(['run', WINTER, '--days', '10', '--precision', '5%', '--replications', '30', '--max-replications', '20']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/more than --max-replications 20/);
  });
});
