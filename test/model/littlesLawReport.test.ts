import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { runReplication } from '../../src/run/replication.js';
import { buildScenarioReport } from '../../src/run/scenarioReport.js';

/**
 * Little's law, L = λW, checked on the figures the report prints. For a station over a window of
 * T hours, L·T counts every hour waited in the window and λW·T counts the settled waits plus
 * the mean wait once for each job still waiting at the end: the two differ by at most
 * (jobs still waiting) × (the longest wait) / T, with the peak queue bounding the jobs still
 * waiting. For the corridor, containers straddle both ends of the window, so the bound is
 * about 2·L·W/T.
 */
function summer() {
  const result = loadScenario('scenarios/summer-2025.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

describe("Little's law holds on the report's own figures", () => {
  const params = summer();
  const report = buildScenarioReport(params, 7, [runReplication(params, 7, 0)]);
  const hours = (report.days - report.warmupDays) * 24;

  test.each(report.resources.map((r) => [r.name, r] as const))('%s: time-average queue = arrival rate × whole mean wait', (_, r) => {
    const lambda = r.arrivals / hours;
    const bound = (r.maxQueue * Math.max(r.maxWaitHours, r.meanWaitHours)) / hours + 1e-9;
    expect(r.arrivals).toBeGreaterThan(0);
    expect(Math.abs(r.meanQueue - lambda * r.meanWaitHours)).toBeLessThanOrEqual(bound);
  });

  test('containers inside the corridor and at Sost: time-average = throughput × mean time inside', () => {
    const lambda = report.throughputPerDay.mean / 24;
    for (const [L, W] of [
      [report.averageInside.corridor, report.corridorTime.mean],
      [report.averageInside.sost, report.timeRelease.mean],
    ] as const) {
      expect(L).toBeGreaterThan(0);
      expect(Math.abs(L - lambda * W)).toBeLessThanOrEqual((2 * L * W) / hours);
      // The bound is loose on purpose; in practice the two sides agree to a few per cent.
      expect(Math.abs(L - lambda * W) / L).toBeLessThan(0.05);
    }
  });
});
