import { describe, expect, test } from 'vitest';
import type { Chart } from '../../src/cli/html/charts/chart.js';
import { capacityLimitChart, capacityThroughputChart } from '../../src/cli/html/charts/capacity.js';
import { releasedPerDayChart, strandedChart } from '../../src/cli/html/charts/daily.js';
import { differencesChart } from '../../src/cli/html/charts/differences.js';
import { tornadoChart } from '../../src/cli/html/charts/sensitivity.js';
import { distributionChart, spreadChart, waterfallChart } from '../../src/cli/html/charts/timeRelease.js';
import type { CapacityReport, CapacityStudy, OneAtATimeReport } from '../../src/run/index.js';
import { differencesFor, makeReport, winterReport } from '../render/fixtures.js';

/** Chart specs are data built from the report: checked here without drawing them. */
type Json = { readonly [key: string]: unknown };

const summer = makeReport();
const winter = winterReport();

function json(chart: Chart): Json {
  return JSON.parse(JSON.stringify(chart.spec)) as Json;
}

function panelsOf(chart: Chart): Json[] {
  return json(chart).vconcat as Json[];
}

function layersOf(panel: Json): Json[] {
  return (panel.layer as Json[] | undefined) ?? [panel];
}

/** The data rows a layer draws: its own, else its panel's. */
function rowsOf(panel: Json, layer: Json): Json[] {
  return (((layer.data ?? panel.data) as Json | undefined)?.values as Json[] | undefined) ?? [];
}

/** Every object anywhere inside `value`. */
function objectsIn(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Json, ...Object.values(value).flatMap(objectsIn)];
}

const capacityReport = (scenario: string, allowed: number, capacity: number): CapacityReport => ({
  scenario,
  description: '',
  demandPerDay: 50,
  metric: 'corridorTime.median',
  unit: 'hours',
  lightTraffic: { demandPerDay: 5, value: 100 },
  allowed,
  capacity: { vehiclesPerDay: capacity, ci95: [capacity - 5, capacity + 5], multiplier: capacity / 50, censored: 'none' },
  saturation: { demandPerDay: 200, throughputPerDay: { mean: 80, ci95: [78, 82] }, saturated: true },
  bottleneck: null,
  probes: [5, 50, 100, 200].map((demand) => ({
    multiplier: demand / 50,
    demandPerDay: demand,
    value: demand < 100 ? 100 + demand / 10 : 10 * allowed,
    holds: demand < 100,
    throughputPerDay: { mean: Math.min(demand, 80), ci95: [Math.min(demand, 80) - 1, Math.min(demand, 80) + 1] },
    unfinished: 0,
  })),
});

const study: CapacityStudy = {
  limit: 'corridorTime.median<=+24h',
  seed: 7,
  replications: 3,
  settings: { light: 0.1, ceiling: 4, steps: 2, resamples: 100 },
  scenarios: [capacityReport('summer-2025', 124, 70), capacityReport('winter-2025', 150, 40)],
};

const oneAtATime: OneAtATimeReport = {
  method: 'oat',
  scenario: 'winter-2025',
  scenarioFile: 'scenarios/winter-2025.yaml',
  start: '2025-12-01',
  days: 90,
  warmupDays: 7,
  seed: 7,
  replications: 5,
  metrics: [{ name: 'timeRelease.mean', unit: 'hours', what: 'mean Sost time release' }],
  factors: [],
  designPoints: 5,
  ranking: [
    { factor: 'small', rank: 2, effects: [{ metric: 'timeRelease.mean', unit: 'hours', atLow: 80, atHigh: 81, effect: 1, ci95: [-1, 3], significant: false, pairs: 5 }] },
    { factor: 'large', rank: 1, effects: [{ metric: 'timeRelease.mean', unit: 'hours', atLow: 80, atHigh: 70, effect: -10, ci95: [-12, -8], significant: true, pairs: 5 }] },
  ],
};

const ALL_CHARTS: readonly Chart[] = [
  releasedPerDayChart([summer, winter]),
  strandedChart([summer, winter]),
  distributionChart([summer, winter]),
  waterfallChart([summer, winter]),
  spreadChart([summer, winter], 'channels'),
  spreadChart([summer, winter], 'cargo'),
  differencesChart(differencesFor([summer, winter])),
  capacityLimitChart(study),
  capacityThroughputChart(study),
  tornadoChart(oneAtATime),
];

describe('chart specs', () => {
  test.each(ALL_CHARTS.map((c) => [c.id, c] as const))('%s: every quantitative axis has a title with its unit', (_, chart) => {
    const axes = objectsIn(json(chart)).filter((o) => o.type === 'quantitative' && typeof o.axis === 'object' && o.axis !== null);
    expect(axes.length).toBeGreaterThan(0);
    for (const encoding of axes) expect(String((encoding.axis as Json).title)).toMatch(/\([^)]+\)|hours|per day/i);
  });

  test('released per day shades exactly the weekends and the days with a closure, and marks the end of the warm-up between days 7 and 8', () => {
    const [panel] = panelsOf(releasedPerDayChart([winter]));
    const rows = rowsOf(panel, layersOf(panel)[0]);
    // 2025-12-01 was a Monday: days 6 and 7 (the 6th and 7th) are the first weekend.
    expect(rows.filter((r) => r.weekend === true).map((r) => r.day).slice(0, 4)).toEqual([6, 7, 13, 14]);
    expect(rows.filter((r) => (r.closed as number) > 0).map((r) => r.day)).toEqual(winter.passClosedShareByDay.flatMap((share, i) => (share > 0 ? [i + 1] : [])));
    const warmup = layersOf(panel).find((l) => (l.mark as Json).type === 'rule');
    expect(rowsOf(panel, warmup as Json)).toEqual([{ at: 7.5 }]);
    const x = objectsIn(panel).find((o) => o.field === 'from' && typeof o.axis === 'object') as Json;
    expect((x.axis as Json).title).toMatch(/^Day of the run \(day 1 = 2025-12-01; days and times in PKT/);
    expect(JSON.stringify(panel)).not.toMatch(/UTC day/);
  });

  test('a comparison puts every scenario on the same scales', () => {
    for (const chart of [releasedPerDayChart([summer, winter]), distributionChart([summer, winter]), waterfallChart([summer, winter]), spreadChart([summer, winter], 'cargo')]) {
      const domains = panelsOf(chart).map((panel) => JSON.stringify(objectsIn(panel).filter((o) => typeof o.scale === 'object' && o.scale !== null && 'domain' in (o.scale as Json)).map((o) => (o.scale as Json).domain)));
      expect(domains.length, chart.id).toBe(2);
      expect(domains[1], chart.id).toBe(domains[0]);
    }
  });

  test('the distribution is each scenario\u2019s share of its containers by bucket', () => {
    for (const panel of panelsOf(distributionChart([summer, winter]))) {
      const total = rowsOf(panel, panel).reduce((s, r) => s + (r.share as number), 0);
      expect(total).toBeCloseTo(100, 6);
    }
  });

  test('the waterfall stacks the interval means in journey order and puts each median from the same start', () => {
    const [panel] = panelsOf(waterfallChart([summer]));
    const rows = rowsOf(panel, layersOf(panel)[0]);
    expect(rows.map((r) => r.interval)).toEqual(summer.milestones.map((m, i) => `${i + 1}. ${m.name.charAt(0).toUpperCase()}${m.name.slice(1)}`));
    rows.slice(1).forEach((r, i) => expect(r.start).toBe(rows[i].end));
    expect(rows.at(-1)?.end).toBeCloseTo(summer.milestones.reduce((s, m) => s + m.mean, 0), 9);
    rows.forEach((r, i) => expect((r.medianAt as number) - (r.start as number)).toBeCloseTo(summer.milestones[i].median, 9));
  });

  test('a box plot leaves out a channel with no container measured', () => {
    const report = makeReport({}, { channels: { ...summer.channels, red: { share: 0, meanHours: 0 } } });
    const [panel] = panelsOf(spreadChart([report], 'channels'));
    expect(rowsOf(panel, panel).map((r) => r.group)).toEqual(['Green (release without checks)', 'Yellow (document check)']);
  });

  test('the differences have one panel per metric, each titled with its unit', () => {
    const differences = differencesFor([summer, winter]);
    const chart = differencesChart(differences);
    expect(panelsOf(chart).map((p) => p.title)).toEqual(['Throughput (containers/day)', 'Time release at Sost, mean (h)', 'Corridor time, mean (h)', 'Pass closed (days)', 'Stranded at Tashkurgan, mean (containers)', 'Perishables lost (containers)', 'Still in the corridor at the end (containers)']);
  });

  test('the tornado puts the largest effect on top, a bar from zero with its CI', () => {
    const [panel] = panelsOf(tornadoChart(oneAtATime));
    expect(rowsOf(panel, layersOf(panel)[0])).toEqual([
      { factor: 'large', effect: -10, lo: -12, hi: -8 },
      { factor: 'small', effect: 1, lo: -1, hi: 3 },
    ]);
  });

  test('capacity charts draw each limit line and capacity, and the metric no higher than twice the largest limit', () => {
    const [panel] = panelsOf(capacityLimitChart(study));
    const layers = layersOf(panel);
    expect(rowsOf(panel, layers[1])).toEqual([{ scenario: 'summer-2025', allowed: 124 }, { scenario: 'winter-2025', allowed: 150 }]);
    expect(rowsOf(panel, layers[2])).toEqual([{ scenario: 'summer-2025', capacity: 70 }, { scenario: 'winter-2025', capacity: 40 }]);
    expect(Math.max(...rowsOf(panel, layers[0]).map((r) => r.value as number))).toBe(300);
    const [throughput] = panelsOf(capacityThroughputChart(study));
    expect(rowsOf(throughput, layersOf(throughput)[0])).toEqual([{ demand: 0, throughput: 0 }, { demand: 200, throughput: 200 }]);
  });
});
