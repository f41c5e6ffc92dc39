import { describe, expect, test } from 'vitest';
import { runReplication } from '../../src/run/replication.js';
import { buildScenarioReport } from '../../src/run/scenarioReport.js';
import { testParams } from '../fixtures/params.js';

/** The report's day-by-day closures, Sost's weekends and the spread of time release by group, as the HTML charts read them. */
describe('report figures by day and by group', () => {
  const params = testParams({ seed: 5 });
  const reps = [0, 1, 2].map((i) => runReplication(params, 5, i));
  const report = buildScenarioReport(params, 5, reps);

  test('each day\u2019s pass-closed share is the share of replications with closure hours that day, and the hours after the warm-up make the days by cause', () => {
    expect(report.passClosedShareByDay).toHaveLength(params.days);
    report.passClosedShareByDay.forEach((share, day) => expect(share).toBeCloseTo(reps.filter((r) => r.closedHoursPerDay[day] > 0).length / reps.length, 12));
    expect(report.passClosedShareByDay.some((share) => share > 0)).toBe(true);
    for (const r of reps) {
      const afterWarmup = r.closedHoursPerDay.slice(params.warmupDays).reduce((s, h) => s + h, 0) / 24;
      expect(afterWarmup).toBeCloseTo(Object.values(r.closedDaysByCause).reduce((s, d) => s + d, 0), 9);
      for (const hours of r.closedHoursPerDay) expect(hours).toBeLessThanOrEqual(24 + 1e-9);
    }
  });

  test('weekends are the days of the week Sost customs does not work: from Monday 1 December 2025, the Saturdays and Sundays', () => {
    expect(report.sostWeekendDays).toEqual([5, 6, 12, 13, 19, 20, 26, 27]);
    const sixDays = buildScenarioReport({ ...params, calendars: { ...params.calendars, pakistan: { ...params.calendars.pakistan, workingDays: [1, 2, 3, 4, 5, 6] } } }, 5, reps);
    expect(sixDays.sostWeekendDays).toEqual([6, 13, 20, 27]);
  });

  test('each channel\u2019s and cargo type\u2019s spread is ordered, and the groups together hold the pooled median', () => {
    const spreads = [...Object.values(report.timeReleaseSpread.channels), ...Object.values(report.timeReleaseSpread.cargo)];
    for (const s of spreads) expect([s.p10, s.p25, s.median, s.p75, s.p90]).toEqual([...[s.p10, s.p25, s.median, s.p75, s.p90]].sort((a, b) => a - b));
    const medians = Object.values(report.timeReleaseSpread.channels).map((s) => s.median);
    expect(Math.min(...medians)).toBeLessThanOrEqual(report.timeRelease.median);
    expect(Math.max(...medians)).toBeGreaterThanOrEqual(report.timeRelease.median);
  });
});
