import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMIT } from '../../src/run/index.js';
import { buildProgram } from '../../src/cli/program.js';
import { khunjerab, numbersIn } from './support.js';

describe('khunjerab capacity', () => {
  const args = ['capacity', 'scenarios/winter-2025.yaml', 'scenarios/summer-2025.yaml', '--days', '14', '--replications', '2', '--steps', '1', '--resamples', '200', '--ceiling', '3', '--seed', '5'];
  const json = khunjerab([...args, '--json', '--workers', '2']);

  test('--json gives each scenario its capacity with a CI, saturation, bottleneck and every probe, with no missing figure', () => {
    expect(json.status, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.limit).toBe(DEFAULT_LIMIT);
    expect(out.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['winter-2025', 'summer-2025']);
    for (const s of out.scenarios) {
      const [lo, hi] = s.capacity.ci95;
      if (s.capacity.censored === 'none') {
        expect(lo).toBeLessThanOrEqual(s.capacity.vehiclesPerDay);
        expect(hi).toBeGreaterThanOrEqual(s.capacity.vehiclesPerDay);
      }
      expect(s.probes.length).toBeGreaterThanOrEqual(3);
      // Probes are by increasing demand, and the held ones sit below the failed ones around the root.
      const demands = s.probes.map((p: { demandPerDay: number }) => p.demandPerDay);
      expect([...demands].sort((a, b) => a - b)).toEqual(demands);
    }
    expect(numbersIn(out).filter((n) => typeof n.value !== 'number' || !Number.isFinite(n.value))).toEqual([]);
  });

  test('--workers does not change a byte', () => {
    const one = khunjerab([...args, '--json', '--workers', '1']);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toBe(json.stdout);
  });

  test('the text report puts the scenarios side by side and draws the demand–response charts', () => {
    const text = khunjerab(args.filter((a) => a !== 'scenarios/summer-2025.yaml'));
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Capacity side by side');
    expect(text.stdout).toMatch(/Demand and response — winter-2025/);
    expect(text.stdout).toMatch(/percentile bootstrap/);
    expect(text.stdout).not.toMatch(/NaN|undefined|Infinity/);
  });

  test.each([
    [['--limit', 'timeRelease.p90>=72h'], /upper bound/],
    [['--limit', 'timeRelease.p99<=72h'], /unknown metric "timeRelease.p99"/],
    [['--limit', 'timeRelease.p90<=72'], /say the unit of 72/],
    [['--limit', 'throughputPerDay<=5h'], /not a time/],
    [['--limit', 'nonsense'], /expected METRIC<=VALUE/],
    [['--metric', 'nosuch'], /--metric: unknown metric "nosuch"/],
    [['--metric', 'timeRelease.p90', '--limit', 'timeRelease.p90<=72h'], /not both/],
    [['--ceiling', '0.4'], /--ceiling must be a number from 1.01/],
    [['--light', '0'], /--light must be a number from 0.001/],
    [['--steps', '40'], /--steps may be at most 12/],
  ])('%j exits 2 with a clear message before any run', (extra, message) => {
    const result = khunjerab(['capacity', 'scenarios/winter-2025.yaml', ...extra]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  test('the default limit in --help is the one the command uses', () => {
    const help = buildProgram().commands.find((c) => c.name() === 'capacity')?.helpInformation() ?? '';
    expect(help.replace(/\s+/g, ' ')).toContain(`(default: "${DEFAULT_LIMIT}")`);
  });
});
