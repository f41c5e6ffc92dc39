import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { khunjerab, numbersIn } from './support.js';

const PASS = 'test/fixtures/calibrate/claims-pass.yaml';
const FAIL = 'test/fixtures/calibrate/claims-fail.yaml';
const SHORT = ['--days', '14', '--replications', '2', '--seed', '4', '--workers', '1'];

describe('khunjerab calibrate', () => {
  test('exits 0 and prints only the observed table when every claimed row passes', () => {
    const result = khunjerab(['calibrate', PASS, ...SHORT]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Model against observed figures: claims-pass');
    expect(result.stdout).toMatch(/│ T1 \*/);
    expect(result.stdout).toContain('1 of 1 pass');
    expect(result.stdout).not.toContain('Throughput');
    expect(result.stdout).not.toMatch(/NaN|undefined|Infinity/);
  });

  test('exits 3 and names the claimed rows that do not pass, scenario by scenario, when one fails', () => {
    const result = khunjerab(['calibrate', PASS, FAIL, ...SHORT]);
    expect(result.status, result.stderr).toBe(3);
    expect(result.stdout).toContain('Model against observed figures: claims-pass');
    expect(result.stdout).toContain('Model against observed figures: claims-fail');
    expect(result.stderr).toContain('claimed observed rows that do not pass');
    expect(result.stderr).toContain('claims-fail: T2 (fail)');
    expect(result.stderr).not.toContain('T1');
    expect(result.stderr).not.toContain('claims-pass:');
  });

  test('exits 2 with the file, line and column for a claim of a row that does not exist, and for bad options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khunjerab-test-'));
    const file = join(dir, 'bad-claim.yaml');
    writeFileSync(file, `extends: ${join(process.cwd(), 'scenarios/summer-2025.yaml')}\nobserved:\n  claims: [O3, O99]\n`);
    const result = khunjerab(['calibrate', file, ...SHORT]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file}:3:16 observed.claims[1]: claims O99, but there is no observed row O99`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(khunjerab(['calibrate', PASS, '--replications', '0']).status).toBe(2);
  });
});

describe('observed figures in the JSON of run', () => {
  test('each row carries its figure, band, model mean and CI, verdict and claim, with no NaN or null', () => {
    const result = khunjerab(['run', FAIL, ...SHORT, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.observed).toEqual([
      {
        id: 'T1',
        figure: 'Corridor time, median under 100,000 h',
        source: 'test fixture',
        unit: 'elapsed hours',
        band: { atLeast: 0, atMost: 100000 },
        input: false,
        model: { mean: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)], replications: 2 },
        verdict: 'pass',
        claimed: true,
        conflictsWith: [],
      },
      expect.objectContaining({ id: 'T2', verdict: 'fail', claimed: true }),
    ]);
    expect(numbersIn(report.observed).filter((n) => typeof n.value !== 'number' || !Number.isFinite(n.value))).toEqual([]);
  });
});
