import { containerJourney } from '../../src/model/containerJourney.js';
import { readStageTable } from '../../src/model/stageTable.js';

const INTERVALS = readStageTable(containerJourney).intervals;
import type { Difference, IntervalStats, ObservedRowReport, ScenarioReport } from '../../src/run/index.js';
import type { DailySeriesReport, DayLevelSeries } from '../../src/run/dailySeries.js';
import type { GroupStats } from '../../src/run/groupStats.js';
import type { TimeSpread } from '../../src/run/scenarioReport.js';
import { WEEKDAYS, type ReleasePatternStats, type Weekday } from '../../src/run/releasePattern.js';

const RESOURCES = [
  'Kashgar export officers',
  'Kashgar inspection bays',
  'Tashkurgan exit officers',
  'Sost GD officers',
  'Sost examination bays',
  'Sost scanners',
  'Sost bank counters',
];

/** Typical mean hours of each TRS interval, in INTERVALS order. */
const INTERVAL_HOURS = [14.2, 9.1, 3.4, 11.8, 1.9, 0, 1.2, 2.6, 0.4, 16.9, 4.2, 1.1, 0.3, 0.8];

export interface FixtureShape {
  readonly scenario: string;
  readonly start: string;
  readonly days: number;
  /** Weekday releases per day; weekends release nothing (the port works weekdays only). */
  readonly perWeekday: number;
  /** Multiplies every time figure: winter is slower. */
  readonly slowdown: number;
  /** Day indices on which the pass was closed: nothing is released then. */
  readonly closedDays: readonly number[];
}

const SUMMER: FixtureShape = { scenario: 'summer-2025', start: '2025-06-01', days: 92, perWeekday: 62, slowdown: 1, closedDays: [40, 41] };

/**
 * A realistic report built by hand: the figures are plausible for the corridor (domain.md)
 * and internally consistent (interval means add up to the corridor time).
 */
export function makeReport(shape: Partial<FixtureShape> = {}, overrides: Partial<ScenarioReport> = {}): ScenarioReport {
  const s: FixtureShape = { ...SUMMER, ...shape };
  const releasedPerDay = Array.from({ length: s.days }, (_, day) => releasedOn(s, day));
  const warmupDays = 7;
  const measured = releasedPerDay.slice(warmupDays);
  const throughput = measured.reduce((a, b) => a + b, 0) / measured.length;
  const milestones: IntervalStats[] = INTERVALS.map(({ name, from, to }, i) => ({
    name,
    from: from.label,
    to: to.label,
    mean: INTERVAL_HOURS[i] * s.slowdown,
    median: INTERVAL_HOURS[i] * s.slowdown * 0.7,
    p90: INTERVAL_HOURS[i] * s.slowdown * 2.4,
  }));
  const corridorMean = milestones.reduce((a, m) => a + m.mean, 0);
  const releaseMean = milestones.slice(milestones.findIndex((m) => m.name === 'GD lodgement')).reduce((a, m) => a + m.mean, 0);
  const completed = throughput * (s.days - warmupDays) * 0.9;
  return {
    scenario: s.scenario,
    description: `${s.scenario === 'summer-2025' ? 'Summer' : 'Winter'} season on the year-round regime, demand from domain.md.`,
    start: s.start,
    seed: 2025,
    replications: 20,
    days: s.days,
    warmupDays,
    drainDays: 60,
    unfinishedAfterDrain: 1.5,
    arrived: throughput * s.days * 1.05,
    released: throughput * s.days,
    lost: 0,
    inSystemAtEnd: throughput * 3.2,
    completed,
    throughputPerDay: { mean: throughput, ci95: [throughput * 0.97, throughput * 1.03] },
    timeRelease: { unit: 'hours', mean: releaseMean, ci95: [releaseMean * 0.95, releaseMean * 1.05], median: releaseMean * 0.6, p90: releaseMean * 2.1, p95: releaseMean * 3.2 },
    corridorTime: { unit: 'hours', mean: corridorMean, ci95: [corridorMean * 0.96, corridorMean * 1.04], median: corridorMean * 0.75, p90: corridorMean * 1.9, p95: corridorMean * 2.6 },
    milestones,
    channels: {
      green: { share: 0.45, meanHours: 6.4 * s.slowdown },
      yellow: { share: 0.35, meanHours: 24.8 * s.slowdown },
      red: { share: 0.2, meanHours: 71.5 * s.slowdown },
    },
    cargo: {
      machinery: { share: 0.3, meanHours: 25.1 * s.slowdown },
      textiles: { share: 0.25, meanHours: 22.3 * s.slowdown },
      electronics: { share: 0.25, meanHours: 24.0 * s.slowdown },
      food: { share: 0.2, meanHours: 38.6 * s.slowdown },
    },
    timeReleaseSpread: {
      channels: { green: spread(6.4 * s.slowdown), yellow: spread(24.8 * s.slowdown), red: spread(71.5 * s.slowdown) },
      cargo: { machinery: spread(25.1 * s.slowdown), textiles: spread(22.3 * s.slowdown), electronics: spread(24.0 * s.slowdown), food: spread(38.6 * s.slowdown) },
    },
    lodgement: { preArrival: { share: 0.4, meanHours: 18.2 * s.slowdown }, onArrival: { share: 0.6, meanHours: 31.7 * s.slowdown } },
    passClosedDays: {
      mean: s.closedDays.length,
      byCause: { avalanche: s.closedDays.length * 0.2, landslide: s.closedDays.length * 0.3, snow: s.closedDays.length * 0.5 },
    },
    passClosedShareByDay: Array.from({ length: s.days }, (_, day) => (s.closedDays.includes(day) ? 0.6 : day % 9 === 0 ? 0.05 : 0)),
    stranded: { mean: 2.1 * s.slowdown, peak: 31 * s.slowdown },
    averageInside: { corridor: 160 * s.slowdown, sost: 55 * s.slowdown },
    resources: RESOURCES.map((name, i) => ({
      name,
      utilization: Math.min(0.97, (0.35 + 0.08 * i) * (s.perWeekday / 62)),
      meanQueue: 0.4 * i * s.slowdown,
      maxQueue: 3 + 5 * i,
      meanWaitHours: 0.3 * i * s.slowdown,
      maxWaitHours: 3 * i * s.slowdown,
      arrivals: 900,
      served: 890,
    })),
    perishablesLost: s.slowdown > 1 ? 3.4 : 0,
    releasedPerDay,
    sostWeekendDays: Array.from({ length: s.days }, (_, day) => day).filter((day) => isWeekend(s.start, day)),
    timeReleaseHistogram: { width: 5 * s.slowdown, counts: HISTOGRAM.map((c) => c * completed / 1000) },
    observed: observedRows(s.slowdown),
    series: dailySeries(s),
    timeReleasePattern: releasePattern(s.slowdown),
    ...overrides,
  };
}

/** A right-skewed spread around a mean time release, as the corridor's are. */
function spread(meanHours: number): TimeSpread {
  return { p10: meanHours * 0.15, p25: meanHours * 0.35, median: meanHours * 0.6, p75: meanHours * 1.1, p90: meanHours * 2.2 };
}

function isWeekend(start: string, day: number): boolean {
  const weekday = new Date(Date.parse(`${start}T00:00:00Z`) + day * 86_400_000).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * Observed rows as the report carries them: one of each verdict, a share, elapsed and working
 * hours, an open-ended band, a conflict and two claims (O4 passes, O5 does not).
 */
export function observedRows(slowdown = 1): ObservedRowReport[] {
  const row = (id: string, figure: string, unit: ObservedRowReport['unit'], band: ObservedRowReport['band'], mean: number, half: number, verdict: ObservedRowReport['verdict'], more: Partial<ObservedRowReport> = {}): ObservedRowReport => ({
    id,
    figure,
    source: `docs/sources.md ${id}`,
    unit,
    band,
    model: { mean, ci95: [mean - half, mean + half], replications: verdict === 'no data' ? 0 : 20 },
    input: verdict === 'input pass' || verdict === 'input fail' || id === 'O17',
    verdict,
    claimed: false,
    conflictsWith: [],
    ...more,
  });
  return [
    row('O1', '80 % of consignments cleared within 24 h (Pakistan Customs)', 'share', { atLeast: 0.7, atMost: 0.9 }, 0.613, 0.021, 'fail', { conflictsWith: ['O2'] }),
    row('O2', 'Border compliance for imports, 120 h (World Bank)', 'elapsed hours', { atLeast: 72, atMost: 168 }, 31.4 * slowdown, 2.2, 'fail', { conflictsWith: ['O1'] }),
    row('O3', 'Kashgar export clearance 0.5–1 working day', 'working hours', { atLeast: 3, atMost: 10 }, 5.62, 0.08, 'pass', { calendar: 'china' }),
    row('O4', 'Yellow document check, median about 12 h', 'elapsed hours', { atLeast: 8, atMost: 18 }, 17.1, 1.3, 'inconclusive', { claimed: true }),
    row('O5', 'Red examination with de-stuffing, median 24–48 h', 'elapsed hours', { atLeast: 24, atMost: 48 }, 52.6, 2.9, 'fail', { claimed: true }),
    row('O6', 'First TIR run, Kashgar to Pakistan by the next day', 'share', { atLeast: 0.5 }, 0.82, 0.03, 'pass'),
    row('O9', 'Pass road closed 10–20 % of days in Dec–Feb', 'share', { atLeast: 0.1, atMost: 0.2 }, 0, 0, 'no data'),
    row('O16', '40 containers reached Sost on 2 Dec 2024', 'containers/day', { atLeast: 40 }, 210, 0, 'input pass'),
    row('O17', '12,000 t at Sost in Dec 2025, about 40 vehicles a day', 'vehicles/day', { atLeast: 25, atMost: 55 }, 15, 0, 'report only'),
  ];
}

/** The winter counterpart of the summer fixture: lower demand, slower, closed for a fortnight of snow. */
export function winterReport(overrides: Partial<ScenarioReport> = {}): ScenarioReport {
  const closedDays = [20, 21, 22, 45, 46, 47, 48, 49, 50, 70, 71];
  return makeReport({ scenario: 'winter-2025', start: '2025-12-01', days: 90, perWeekday: 18, slowdown: 2, closedDays }, overrides);
}

/** A report from replications that released nothing measurable: NaN wherever a figure could be. */
export function emptyReport(): ScenarioReport {
  return {
    ...makeReport({ scenario: 'closed-all-winter', start: '2025-12-01', days: 30 }),
    description: '',
    released: 0,
    completed: 0,
    throughputPerDay: { mean: NaN, ci95: [NaN, NaN] },
    timeRelease: { unit: 'hours', mean: NaN, ci95: [NaN, NaN], median: NaN, p90: NaN, p95: NaN },
    corridorTime: { unit: 'hours', mean: NaN, ci95: [Infinity, -Infinity], median: NaN, p90: NaN, p95: NaN },
    milestones: INTERVALS.map(({ name, from, to }) => ({ name, from: from.label, to: to.label, mean: NaN, median: NaN, p90: NaN })),
    channels: { green: { share: 0, meanHours: NaN }, yellow: { share: 0, meanHours: NaN }, red: { share: NaN, meanHours: NaN } },
    cargo: { machinery: { share: 0, meanHours: 0 }, textiles: { share: 0, meanHours: 0 }, electronics: { share: 0, meanHours: 0 }, food: { share: 0, meanHours: 0 } },
    lodgement: { preArrival: { share: 0, meanHours: NaN }, onArrival: { share: NaN, meanHours: NaN } },
    passClosedDays: { mean: NaN, byCause: { snow: NaN } },
    stranded: { mean: NaN, peak: NaN },
    resources: [{ name: 'Sost GD officers', utilization: NaN, meanQueue: NaN, maxQueue: -Infinity, meanWaitHours: NaN, maxWaitHours: NaN, arrivals: NaN, served: NaN }],
    perishablesLost: NaN,
    releasedPerDay: Array.from({ length: 30 }, (_, i) => (i % 7 === 3 ? NaN : 0)),
    timeReleaseHistogram: { width: NaN, counts: Array.from({ length: 20 }, () => 0) },
    observed: observedRows().map((r) => ({ ...r, model: { mean: NaN, ci95: [NaN, Infinity], replications: r.model.replications } })),
    series: {
      corridor: { mean: [0, NaN, 3], p90: [0, NaN, 4], max: [0, NaN, Infinity] },
      sost: { mean: [], p90: [], max: [] },
      stranded: { mean: [NaN, NaN, NaN], p90: [NaN, NaN, NaN], max: [NaN, NaN, NaN] },
      backlog: { ageHours: NaN, atEndOfDay: [NaN, 0, 1] },
    },
  };
}

/** Differences of each later report from the first, as `compareScenarios` would shape them. */
export function differencesFor(reports: readonly ScenarioReport[]): Difference[] {
  const [baseline, ...others] = reports;
  return others.flatMap((r) => [
    diff(baseline, r, 'throughputPerDay', 'containers/day', r.throughputPerDay.mean - baseline.throughputPerDay.mean, 1.1),
    diff(baseline, r, 'timeRelease.mean', 'hours', r.timeRelease.mean - baseline.timeRelease.mean, 2.4),
    diff(baseline, r, 'corridorTime.mean', 'hours', r.corridorTime.mean - baseline.corridorTime.mean, 3.0),
    diff(baseline, r, 'passClosedDays', 'days', r.passClosedDays.mean - baseline.passClosedDays.mean, 2.2),
    diff(baseline, r, 'stranded.mean', 'containers', r.stranded.mean - baseline.stranded.mean, 0.9),
    diff(baseline, r, 'perishablesLost', 'containers', r.perishablesLost - baseline.perishablesLost, 4.1),
    diff(baseline, r, 'inSystemAtEnd', 'containers', r.inSystemAtEnd - baseline.inSystemAtEnd, 60),
  ]);
}

function diff(baseline: ScenarioReport, r: ScenarioReport, metric: string, unit: string, difference: number, half: number): Difference {
  const ci95 = [difference - half, difference + half] as const;
  return { metric, unit, baseline: baseline.scenario, scenario: r.scenario, difference, ci95, significant: ci95[0] > 0 || ci95[1] < 0 };
}

/** Day-by-day levels: the corridor fills over the first week, and the pass's closed days strand trucks. */
function dailySeries(s: FixtureShape): DailySeriesReport {
  const days = Array.from({ length: s.days }, (_, day) => day);
  const level = (base: number, day: number): number => base * s.slowdown * Math.min(1, (day + 1) / 7) * (s.closedDays.includes(day) ? 1.3 : 1);
  const series = (base: number): DayLevelSeries => ({
    mean: days.map((d) => level(base, d)),
    p90: days.map((d) => level(base, d) * 1.2),
    max: days.map((d) => Math.ceil(level(base, d) * 1.4)),
  });
  const stranded = (day: number): number => (s.closedDays.includes(day) ? 25 * s.slowdown : 1.5);
  return {
    corridor: series(160),
    sost: series(55),
    stranded: { mean: days.map(stranded), p90: days.map((d) => stranded(d) * 1.5), max: days.map((d) => Math.ceil(stranded(d) * 2)) },
    backlog: { ageHours: 72, atEndOfDay: days.map((d) => level(60, d)) },
  };
}

/** Arrivals at Sost through the day, releases in office hours, weekends slower. */
function releasePattern(slowdown: number): ReleasePatternStats {
  const arrivalWeights = Array.from({ length: 24 }, (_, h) => (h >= 8 && h <= 20 ? 3 + (h % 5) : 1));
  const releaseWeights = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 4 + (h % 3) : 0));
  const hours = (weights: readonly number[], base: number): GroupStats[] => {
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w, h) => ({ share: w / total, meanHours: w > 0 ? (base + (h % 7) * 3) * slowdown : 0 }));
  };
  const week = (shares: readonly number[], means: readonly number[]): Record<Weekday, GroupStats> =>
    Object.fromEntries(WEEKDAYS.map((d, i) => [d, { share: shares[i], meanHours: means[i] * slowdown }])) as Record<Weekday, GroupStats>;
  return {
    byArrivalHour: hours(arrivalWeights, 30),
    byArrivalWeekday: week([0.16, 0.15, 0.15, 0.15, 0.15, 0.12, 0.12], [30, 31, 33, 38, 52, 49, 40]),
    byReleaseHour: hours(releaseWeights, 28),
    byReleaseWeekday: week([0.21, 0.2, 0.2, 0.2, 0.19, 0, 0], [44, 34, 32, 33, 31, 0, 0]),
  };
}

/** Per-mille of containers in each 20 buckets of time release: a long right tail. */
const HISTOGRAM = [92, 168, 141, 112, 88, 71, 58, 47, 38, 31, 25, 21, 17, 14, 12, 10, 8, 7, 6, 34];

function releasedOn(s: FixtureShape, day: number): number {
  if (s.closedDays.includes(day) || isWeekend(s.start, day)) return 0;
  const wobble = ((day * 7919) % 13) / 13 - 0.5; // deterministic ±50 % of a tenth
  const catchUp = s.closedDays.includes(day - 1) || s.closedDays.includes(day - 3) ? 1.4 : 1;
  return Math.round(s.perWeekday * (1 + wobble * 0.2) * catchUp * 10) / 10;
}
