import { describe, expect, test } from 'vitest';
import { CORE_MILESTONES } from '../../src/model/containerJourney.js';
import { Corridor, type CorridorTotals } from '../../src/model/corridor/index.js';
import type { CorridorParams } from '../../src/model/params.js';
import { runReplication } from '../../src/run/replication.js';
import { buildScenarioReport } from '../../src/run/scenarioReport.js';
import { testParams } from '../fixtures/params.js';

/** When a container entered, reached Sost (NaN: never) and left (Infinity: still inside after the drain). */
interface Stay {
  readonly entered: number;
  readonly atSost: number;
  readonly left: number;
}

/** A run of the corridor with every container's stay, taken from its record as it leaves. */
function runWithStays(params: CorridorParams): { totals: CorridorTotals; stays: Stay[] } {
  const stays: Stay[] = [];
  const corridor: Corridor = new Corridor(params, {
    seed: 3,
    onContainerDone: (record, finished) => {
      const atSost = record.milestones[corridor.table.milestoneIndex.get(CORE_MILESTONES.arrivedSost) ?? -1];
      stays.push({ entered: record.milestones[0], atSost, left: finished ? corridor.now : Infinity });
    },
  });
  const totals = corridor.run();
  corridor.flushUnfinished();
  return { totals, stays };
}

/** Hours of [from, to) inside day `day`. */
function overlap(from: number, to: number, day: number): number {
  return Math.max(0, Math.min(to, (day + 1) * 24) - Math.max(from, day * 24));
}

describe('the day-by-day levels of a run', () => {
  const params = testParams({ report: { backlogAgeHours: 72 } });
  const { totals, stays } = runWithStays(params);
  const days = Array.from({ length: params.days }, (_, d) => d);

  test('each day has a figure, and every container stay is accounted for', () => {
    expect(totals.daily.corridor).toHaveLength(params.days);
    expect(totals.daily.backlog.atEndOfDay).toHaveLength(params.days);
    expect(stays.length).toBe(totals.arrivedTotal);
  });

  test("a day's mean inside the corridor and at Sost is the containers' hours inside that day over 24", () => {
    for (const day of days) {
      const corridorHours = stays.reduce((s, c) => s + overlap(c.entered, c.left, day), 0);
      const sostHours = stays.reduce((s, c) => s + (Number.isNaN(c.atSost) ? 0 : overlap(c.atSost, c.left, day)), 0);
      expect(totals.daily.corridor[day].mean, `day ${day}`).toBeCloseTo(corridorHours / 24, 9);
      expect(totals.daily.sost[day].mean, `day ${day}`).toBeCloseTo(sostHours / 24, 9);
    }
    expect(totals.daily.corridor.some((d) => d.mean > 0)).toBe(true);
  });

  test('the backlog at the end of a day counts the containers inside that entered more than the age before', () => {
    for (const day of days) {
      const end = (day + 1) * 24;
      const inside = stays.filter((c) => c.entered < end && c.left >= end);
      const old = inside.filter((c) => c.entered < end - params.report.backlogAgeHours);
      expect(totals.daily.backlog.atEndOfDay[day], `day ${day}`).toBe(old.length);
      expect(old.length).toBeLessThanOrEqual(inside.length);
      expect(inside.length).toBeLessThanOrEqual(totals.daily.corridor[day].max);
    }
    expect(Math.max(...totals.daily.backlog.atEndOfDay)).toBeGreaterThan(0);
    expect(totals.daily.backlog.ageHours).toBe(72);
  });

  test('a younger backlog age counts at least as many containers every day', () => {
    const younger = runWithStays(testParams({ report: { backlogAgeHours: 24 } })).totals.daily.backlog.atEndOfDay;
    days.forEach((day) => expect(younger[day]).toBeGreaterThanOrEqual(totals.daily.backlog.atEndOfDay[day]));
    expect(younger.reduce((a, b) => a + b, 0)).toBeGreaterThan(totals.daily.backlog.atEndOfDay.reduce((a, b) => a + b, 0));
  });

  test('every day the mean and the p90 are at most the max, and nothing is negative', () => {
    for (const series of [totals.daily.corridor, totals.daily.sost, totals.daily.stranded]) {
      for (const d of series) {
        expect(d.mean).toBeGreaterThanOrEqual(0);
        expect(d.mean).toBeLessThanOrEqual(d.max + 1e-9);
        expect(d.p90).toBeLessThanOrEqual(d.max);
      }
    }
  });
});

describe('the report pools the day-by-day series and the time-release pattern', () => {
  const params = testParams();
  const summaries = [0, 1].map((i) => runReplication(params, 9, i));
  const report = buildScenarioReport(params, 9, summaries);
  const measured = (values: readonly number[]): number => values.slice(params.warmupDays).reduce((a, b) => a + b, 0) / (params.days - params.warmupDays);

  test("the measured days' mean inside equals the report's time-average inside, and the same for the stranded", () => {
    expect(measured(report.series.corridor.mean)).toBeCloseTo(report.averageInside.corridor, 9);
    expect(measured(report.series.sost.mean)).toBeCloseTo(report.averageInside.sost, 9);
    expect(measured(report.series.stranded.mean)).toBeCloseTo(report.stranded.mean, 9);
    expect(report.averageInside.corridor).toBeGreaterThan(0);
  });

  test("each replication's stranded peak is the highest daily max after the warm-up", () => {
    for (const s of summaries) expect(Math.max(...s.daily.stranded.slice(params.warmupDays).map((d) => d.max))).toBe(s.stranded.peak);
  });

  test('the series are the mean over replications of each day', () => {
    const day = params.days - 1;
    expect(report.series.corridor.max[day]).toBeCloseTo((summaries[0].daily.corridor[day].max + summaries[1].daily.corridor[day].max) / 2, 12);
    expect(report.series.backlog.atEndOfDay[day]).toBeCloseTo((summaries[0].daily.backlog.atEndOfDay[day] + summaries[1].daily.backlog.atEndOfDay[day]) / 2, 12);
    expect(report.series.corridor.mean).toHaveLength(params.days);
  });

  test('the hour and weekday tallies of arrival and release each count every completed container once', () => {
    for (const s of summaries) {
      const p = s.timeReleasePattern;
      expect(p.byArrivalHour).toHaveLength(24);
      expect(p.byReleaseWeekday).toHaveLength(7);
      for (const tally of [p.byArrivalHour, p.byArrivalWeekday, p.byReleaseHour, p.byReleaseWeekday]) {
        expect(tally.reduce((a, g) => a + g.count, 0)).toBe(s.completed);
        expect(tally.reduce((a, g) => a + g.hours, 0)).toBeCloseTo(s.timeRelease.sum, 6);
      }
    }
    const pattern = report.timeReleasePattern;
    for (const groups of [pattern.byArrivalHour, Object.values(pattern.byReleaseWeekday)]) {
      expect(groups.reduce((a, g) => a + g.share, 0)).toBeCloseTo(1, 12);
      // Container-weighted, the groups' means average back to the report's mean time release.
      expect(groups.reduce((a, g) => a + g.share * g.meanHours, 0)).toBeCloseTo(report.timeRelease.mean, 6);
    }
  });
});
