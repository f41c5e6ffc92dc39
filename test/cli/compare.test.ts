import { describe, expect, test } from 'vitest';
import { khunjerab, numbersIn } from './support.js';

describe('khunjerab compare', () => {
  const args = ['compare', 'scenarios/summer-2025.yaml', 'scenarios/winter-2025.yaml', '--days', '21', '--replications', '4', '--seed', '9'];
  const json = khunjerab([...args, '--json']);

  test('--json has one run object per scenario and paired differences against the first', () => {
    expect(json.status, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['summer-2025', 'winter-2025']);
    const throughput = out.differences.find((d: { metric: string }) => d.metric === 'throughputPerDay');
    expect(throughput).toEqual(expect.objectContaining({ baseline: 'summer-2025', scenario: 'winter-2025', significant: expect.any(Boolean) }));
    expect(throughput.difference).toBeLessThan(0);
    expect(numbersIn(out).filter((n) => typeof n.value !== 'number' || !Number.isFinite(n.value))).toEqual([]);
  });

  test('the side-by-side report names both scenarios and says it uses common random numbers', () => {
    const text = khunjerab(args);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('summer-2025');
    expect(text.stdout).toContain('winter-2025');
    expect(text.stdout).toMatch(/common random numbers/);
    expect(text.stdout).not.toMatch(/NaN|undefined|Infinity/);
  });

  test('--workers does not change the result', () => {
    const two = khunjerab([...args, '--json', '--workers', '2']);
    const one = khunjerab([...args, '--json', '--workers', '1']);
    expect(two.stdout).toBe(one.stdout);
  });
});
