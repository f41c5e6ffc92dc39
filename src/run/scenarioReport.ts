import { CARGO_TYPES, CHANNELS, CLOSURE_CAUSES, type CargoType, type Channel } from '../model/params.js';
import { TimeAxis } from '../kernel/index.js';
import type { ObservedParams } from '../model/observedParams.js';
import type { ScheduledWhatIf } from '../model/params.js';
import { PKT } from '../model/timeZones.js';
import { describeWhatIf } from '../model/whatIfs.js';
import { estimate, mean, type Estimate } from './confidence.js';
import { dayByDay, poolDailySeries } from './dailySeries.js';
import { pooledGroups, type GroupStats } from './groupStats.js';
import { LogHistogram, type HistogramData } from './histogram.js';
import { LODGEMENTS, type CarriedTotals, type Lodgement, type ReplicationSummary } from './replication.js';
import { observedReport, type ObservedRowReport } from './observed/index.js';
import { poolReleasePattern, type ReleasePatternStats } from './releasePattern.js';

/**
 * The `--json` contract of `khunjerab run` (documented in the README). Times are hours;
 * counts are means per replication; quantiles pool the containers of all replications.
 *
 * Each field is defined once, in `REPORT_FIELDS` below: its type is what its rule returns,
 * and the JSON keeps the table's order. A run's totals reach the report through the
 * replication summary; every total needs a rule here or a reason in `NOT_REPORTED`.
 */
export type ScenarioReport = { readonly [K in keyof typeof REPORT_FIELDS]: ReturnType<(typeof REPORT_FIELDS)[K]['build']> } & {
  /** What-ifs the scenario schedules in every replication; present only when there are some. */
  readonly whatIfs?: readonly ScheduledWhatIfReport[];
};

export interface ScheduledWhatIfReport {
  /** "2025-12-10 08:00" PKT. */
  readonly at: string;
  readonly kind: string;
  readonly what: string;
}

export type { GroupStats } from './groupStats.js';

export interface TimeStats {
  readonly unit: 'hours';
  readonly mean: number;
  readonly ci95: readonly [number, number];
  readonly median: number;
  readonly p90: number;
  readonly p95: number;
}

export interface IntervalStats {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
}

/** A group's time release, hours, pooled over the containers of all replications: the figures of a box plot. */
export interface TimeSpread {
  readonly p10: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
}

export interface ResourceReport {
  readonly name: string;
  readonly utilization: number;
  /** Time-average number waiting, over the measured window. */
  readonly meanQueue: number;
  readonly maxQueue: number;
  /** The whole wait, every stretch in the queue (after a preemption too). */
  readonly meanWaitHours: number;
  /** The longest whole wait of a job that left the queue, over the replications. */
  readonly maxWaitHours: number;
  /** Jobs that joined the queue in the measured window, per replication (Little: meanQueue = arrivals / window hours × meanWaitHours). */
  readonly arrivals: number;
  /** Jobs given a server in the measured window, per replication. */
  readonly served: number;
}

export interface ScenarioInfo {
  readonly name: string;
  readonly description?: string;
  readonly start: string;
  readonly days: number;
  readonly warmupDays: number;
  readonly drainDays: number;
  readonly whatIfs?: readonly ScheduledWhatIf[];
  /** Sost customs' working week (ISO weekdays, 1 = Monday); without it no day is a weekend. */
  readonly calendars?: { readonly pakistan: { readonly workingDays: readonly number[] } };
  /** The observed rows to check the run against, and the ones the scenario claims. */
  readonly observed?: ObservedParams;
}

interface PoolContext {
  readonly info: ScenarioInfo;
  readonly seed: number;
  /** Replications in replication order. */
  readonly reps: readonly ReplicationSummary[];
  readonly timeRelease: LogHistogram;
  readonly corridorTime: LogHistogram;
  readonly histogramWidth: number;
}

/** A report field pooled from one total that every replication carries. */
function carried<K extends keyof CarriedTotals, R>(source: K, pool: (values: ReadonlyArray<CarriedTotals[K]>, ctx: PoolContext) => R) {
  return { source, build: (ctx: PoolContext): R => pool(ctx.reps.map((r) => r[source]), ctx) };
}

/** A report field from the scenario, the seed or what the replications streamed. */
function derived<R>(build: (ctx: PoolContext) => R) {
  return { source: undefined, build };
}

const REPORT_FIELDS = {
  scenario: derived((c): string => c.info.name),
  description: derived((c): string => c.info.description ?? ''),
  start: derived((c): string => c.info.start),
  seed: derived((c): number => c.seed),
  replications: derived((c): number => c.reps.length),
  days: derived((c): number => c.info.days),
  warmupDays: derived((c): number => c.info.warmupDays),
  arrived: carried('arrivedTotal', mean),
  released: carried('releasedTotal', mean),
  /** Spoiled food destroyed or returned: arrived = released + lost + inSystemAtEnd. */
  lost: carried('lostTotal', mean),
  inSystemAtEnd: carried('inSystem', mean),
  completed: derived((c): number => c.reps.reduce((s, r) => s + r.completed, 0) / Math.max(1, c.reps.length)),
  /** Containers per replication that entered after the warm-up and had not left when the drain period ended. */
  unfinishedAfterDrain: derived((c): number => mean(c.reps.map((r) => r.unfinished))),
  drainDays: derived((c): number => c.info.drainDays),
  throughputPerDay: derived((c): Estimate => estimate(c.reps.map((r) => r.throughputPerDay))),
  timeRelease: derived((c): TimeStats => timeStats(c.timeRelease, c.reps.map((r) => meanOf(r.timeRelease)))),
  corridorTime: derived((c): TimeStats => timeStats(c.corridorTime, c.reps.map((r) => meanOf(r.corridorTime)))),
  milestones: derived((c): readonly IntervalStats[] =>
    (c.reps[0]?.intervals ?? []).map(({ name, from, to }, i) => {
      const h = pooled(c.reps.map((r) => r.intervals[i].hours));
      return { name, from, to, mean: orZero(h.mean), median: orZero(h.quantile(0.5)), p90: orZero(h.quantile(0.9)) };
    }),
  ),
  channels: derived((c): Readonly<Record<Channel, GroupStats>> => pooledGroups(CHANNELS, c.reps.map((r) => r.channels))),
  cargo: derived((c): Readonly<Record<CargoType, GroupStats>> => pooledGroups(CARGO_TYPES, c.reps.map((r) => r.cargo))),
  /** Time release of each channel's and each cargo type's containers: p10, quartiles and p90 (0 where a group has none). */
  timeReleaseSpread: derived((c): { readonly channels: Readonly<Record<Channel, TimeSpread>>; readonly cargo: Readonly<Record<CargoType, TimeSpread>> } => ({
    channels: spreads(CHANNELS, c.reps.map((r) => r.timeReleaseByGroup.channels)),
    cargo: spreads(CARGO_TYPES, c.reps.map((r) => r.timeReleaseByGroup.cargo)),
  })),
  /** GDs filed in WeBOC before the truck reached Sost, and on arrival: share and mean time release. */
  lodgement: derived((c): Readonly<Record<Lodgement, GroupStats>> => pooledGroups(LODGEMENTS, c.reps.map((r) => r.lodgement))),
  passClosedDays: carried('closedDaysByCause', closedDays),
  /** Each day from day 0 (warm-up included): the share of replications in which the crossing was shut at some time that day. */
  passClosedShareByDay: carried('closedHoursPerDay', (values): readonly number[] => dayByDay(values.map((hours) => hours.map((h) => (h > 0 ? 1 : 0))))),
  stranded: carried('stranded', (values): { readonly mean: number; readonly peak: number } => ({
    mean: mean(values.map((v) => v.mean)),
    peak: mean(values.map((v) => v.peak)),
  })),
  resources: carried('resources', (values): readonly ResourceReport[] =>
    (values[0] ?? []).map((first, i) => ({
      name: first.name,
      utilization: mean(values.map((r) => r[i].utilization)),
      meanQueue: mean(values.map((r) => r[i].meanQueue)),
      maxQueue: Math.max(...values.map((r) => r[i].maxQueue)),
      meanWaitHours: mean(values.map((r) => r[i].meanWait)),
      maxWaitHours: Math.max(...values.map((r) => r[i].maxWait)),
      arrivals: mean(values.map((r) => r[i].arrivals)),
      served: mean(values.map((r) => r[i].served)),
    })),
  ),
  /** Time-average containers inside over the measured window: the whole corridor, and Sost (arrived, not yet left). */
  averageInside: carried('averageInside', (values): { readonly corridor: number; readonly sost: number } => ({
    corridor: mean(values.map((v) => v.corridor)),
    sost: mean(values.map((v) => v.sost)),
  })),
  perishablesLost: carried('perishablesLost', mean),
  /** Mean containers gated out per day, day 0 first (warm-up included). */
  releasedPerDay: carried('releasedPerDay', (values): readonly number[] => dayByDay(values)),
  /** The days (0 = the start date) that fall on a weekday Sost customs does not work. */
  sostWeekendDays: derived((c): readonly number[] => weekendDays(c.info)),
  /** Time release histogram: `counts[i]` containers in [i·width, (i+1)·width) hours, the last bucket open. */
  timeReleaseHistogram: derived((c): { readonly width: number; readonly counts: readonly number[] } => ({
    width: c.histogramWidth,
    counts: c.timeRelease.buckets(c.histogramWidth * 20, 20).map((n) => n / Math.max(1, c.reps.length)),
  })),
  /** The model against each observed figure: mean and CI over replications, the band and the verdict. */
  observed: derived((c): readonly ObservedRowReport[] => observedReport(c.info.observed ?? { rows: [], claims: [] }, c.reps.map((r) => r.observed ?? []))),
  /** Day by day from day 0: containers inside the corridor and at Sost and stranded at Tashkurgan (mean, p90, max), and the backlog at each day's end; means over replications. */
  series: carried('daily', poolDailySeries),
  /** Time release by PKT hour and weekday of arrival at Sost and of gate-out: share of the containers and mean hours. */
  timeReleasePattern: derived((c): ReleasePatternStats => poolReleasePattern(c.reps.map((r) => r.timeReleasePattern))),
};

/** Totals a run measures that the report leaves out on purpose, and why. */
const NOT_REPORTED = {
  days: 'the report states the horizon from the scenario',
  transitions: 'a cost of the run, for the benchmark',
  kernelEvents: 'a cost of the run, for the benchmark',
} as const satisfies Partial<Record<keyof CarriedTotals, string>>;

type Reported = { [K in keyof typeof REPORT_FIELDS]: (typeof REPORT_FIELDS)[K]['source'] }[keyof typeof REPORT_FIELDS];
type Unaccounted = Exclude<keyof CarriedTotals, Reported | keyof typeof NOT_REPORTED>;
// A total with no pooling rule and no reason is a compile error that names it.
const everyTotalAccountedFor: [Unaccounted] extends [never] ? true : { readonly noPoolingRuleFor: Unaccounted } = true;
void everyTotalAccountedFor;

/**
 * Pools a scenario's replications into its report. `histogramWidth` fixes the time-release
 * bucket width, so that the scenarios of a comparison share buckets.
 */
export function buildScenarioReport(
  info: ScenarioInfo,
  seed: number,
  summaries: readonly ReplicationSummary[],
  histogramWidth = timeReleaseBucketWidth([summaries]),
): ScenarioReport {
  const reps = [...summaries].sort((a, b) => a.replication - b.replication);
  const ctx: PoolContext = {
    info,
    seed,
    reps,
    timeRelease: pooled(reps.map((r) => r.timeRelease)),
    corridorTime: pooled(reps.map((r) => r.corridorTime)),
    histogramWidth,
  };
  return { ...buildFields(REPORT_FIELDS, ctx), ...scheduledWhatIfs(info) };
}

type Built<T extends Record<string, { build(ctx: PoolContext): unknown }>> = { [K in keyof T]: ReturnType<T[K]['build']> };

/** Every field of the table built in the table's order (the JSON's key order). */
function buildFields<T extends Record<string, { build(ctx: PoolContext): unknown }>>(fields: T, ctx: PoolContext): Built<T> {
  const out = {} as Built<T>;
  for (const key of Object.keys(fields) as Array<keyof T>) out[key] = fields[key].build(ctx) as Built<T>[typeof key];
  return out;
}

function scheduledWhatIfs(info: ScenarioInfo): { whatIfs?: ScheduledWhatIfReport[] } {
  const list = info.whatIfs ?? [];
  if (list.length === 0) return {};
  const axis = TimeAxis.startingAt(info.start, PKT);
  return { whatIfs: list.map(({ at, whatIf }) => ({ at: axis.format(axis.fromEpoch(at), PKT), kind: whatIf.kind, what: describeWhatIf(whatIf) })) };
}

/** A round bucket width so that 20 buckets cover about the largest 95th percentile of the runs. */
export function timeReleaseBucketWidth(runs: ReadonlyArray<readonly ReplicationSummary[]>): number {
  const p95 = Math.max(0, ...runs.map((reps) => pooled(reps.map((r) => r.timeRelease)).quantile(0.95)).filter(Number.isFinite));
  return niceWidth(p95);
}

function pooled(data: readonly HistogramData[]): LogHistogram {
  const h = new LogHistogram();
  for (const d of data) h.merge(d);
  return h;
}

function meanOf(data: HistogramData): number {
  return data.count > 0 ? data.sum / data.count : NaN;
}

function timeStats(h: LogHistogram, repMeans: readonly number[]): TimeStats {
  const ci = estimate(repMeans.filter((m) => !Number.isNaN(m)));
  return {
    unit: 'hours',
    mean: orZero(h.mean),
    ci95: h.count > 0 ? ci.ci95 : [0, 0],
    median: orZero(h.quantile(0.5)),
    p90: orZero(h.quantile(0.9)),
    p95: orZero(h.quantile(0.95)),
  };
}

function spreads<K extends string>(keys: readonly K[], perRep: ReadonlyArray<Readonly<Record<K, HistogramData>>>): Record<K, TimeSpread> {
  return Object.fromEntries(
    keys.map((k) => {
      const h = pooled(perRep.map((r) => r[k]));
      return [k, { p10: orZero(h.quantile(0.1)), p25: orZero(h.quantile(0.25)), median: orZero(h.quantile(0.5)), p75: orZero(h.quantile(0.75)), p90: orZero(h.quantile(0.9)) }];
    }),
  ) as Record<K, TimeSpread>;
}

function weekendDays(info: ScenarioInfo): number[] {
  const working = new Set(info.calendars?.pakistan.workingDays ?? [1, 2, 3, 4, 5, 6, 7]);
  const axis = TimeAxis.startingAt(info.start, PKT);
  return Array.from({ length: info.days }, (_, day) => day).filter((day) => !working.has(axis.localDate(day * 24 + 12, PKT).weekday));
}

function closedDays(perRep: ReadonlyArray<Readonly<Record<string, number>>>): { readonly mean: number; readonly byCause: Readonly<Record<string, number>> } {
  const causes = new Set<string>(CLOSURE_CAUSES);
  for (const r of perRep) for (const c of Object.keys(r)) causes.add(c);
  const byCause: Record<string, number> = {};
  for (const cause of [...causes].sort()) byCause[cause] = mean(perRep.map((r) => r[cause] ?? 0));
  return { mean: Object.values(byCause).reduce((s, v) => s + v, 0), byCause };
}

/** A round bucket width so 20 buckets cover about the 95th percentile. */
function niceWidth(p95: number): number {
  if (!(p95 > 0)) return 1;
  const raw = p95 / 20;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].find((s) => s * magnitude >= raw) ?? 10;
  return step * magnitude;
}

function orZero(x: number): number {
  return Number.isFinite(x) ? x : 0;
}
