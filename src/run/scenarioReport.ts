import { CARGO_TYPES, CHANNELS, CLOSURE_CAUSES, type CargoType, type Channel } from '../model/params.js';
import { TimeAxis } from '../kernel/index.js';
import type { ScheduledWhatIf } from '../model/params.js';
import { PKT } from '../model/timeZones.js';
import { describeWhatIf } from '../model/whatIfs.js';
import { estimate, mean, type Estimate } from './confidence.js';
import { LogHistogram } from './histogram.js';
import type { ReplicationSummary } from './replication.js';

/**
 * The `--json` contract of `khunjerab run` (documented in the README). Times are hours;
 * counts are means per replication; quantiles pool the containers of all replications.
 */
export interface ScenarioReport {
  readonly scenario: string;
  readonly description: string;
  readonly start: string;
  readonly seed: number;
  readonly replications: number;
  readonly days: number;
  readonly warmupDays: number;
  readonly arrived: number;
  readonly released: number;
  readonly inSystemAtEnd: number;
  readonly completed: number;
  /** Containers per replication that entered after the warm-up and had not left when the drain period ended. */
  readonly unfinishedAfterDrain: number;
  readonly drainDays: number;
  readonly throughputPerDay: Estimate;
  readonly timeRelease: TimeStats;
  readonly corridorTime: TimeStats;
  readonly milestones: readonly IntervalStats[];
  readonly channels: Readonly<Record<Channel, GroupStats>>;
  readonly cargo: Readonly<Record<CargoType, GroupStats>>;
  readonly passClosedDays: { readonly mean: number; readonly byCause: Readonly<Record<string, number>> };
  readonly stranded: { readonly mean: number; readonly peak: number };
  readonly resources: readonly ResourceReport[];
  readonly perishablesLost: number;
  /** Mean containers gated out per day, day 0 first (warm-up included). */
  readonly releasedPerDay: readonly number[];
  /** Time release histogram: `counts[i]` containers in [i·width, (i+1)·width) hours, the last bucket open. */
  readonly timeReleaseHistogram: { readonly width: number; readonly counts: readonly number[] };
  /** What-ifs the scenario schedules in every replication; present only when there are some. */
  readonly whatIfs?: readonly ScheduledWhatIfReport[];
}

export interface ScheduledWhatIfReport {
  /** "2025-12-10 08:00" PKT. */
  readonly at: string;
  readonly kind: string;
  readonly what: string;
}

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

export interface GroupStats {
  readonly share: number;
  readonly meanHours: number;
}

export interface ResourceReport {
  readonly name: string;
  readonly utilization: number;
  readonly meanQueue: number;
  readonly maxQueue: number;
  readonly meanWaitHours: number;
}

export interface ScenarioInfo {
  readonly name: string;
  readonly description?: string;
  readonly start: string;
  readonly days: number;
  readonly warmupDays: number;
  readonly drainDays: number;
  readonly whatIfs?: readonly ScheduledWhatIf[];
}

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
  const timeRelease = pooled(reps.map((r) => r.timeRelease));
  const corridorTime = pooled(reps.map((r) => r.corridorTime));
  const completed = reps.reduce((s, r) => s + r.completed, 0);
  return {
    scenario: info.name,
    description: info.description ?? '',
    start: info.start,
    seed,
    replications: reps.length,
    days: info.days,
    warmupDays: info.warmupDays,
    arrived: mean(reps.map((r) => r.arrivedTotal)),
    released: mean(reps.map((r) => r.releasedTotal)),
    inSystemAtEnd: mean(reps.map((r) => r.inSystem)),
    completed: completed / Math.max(1, reps.length),
    unfinishedAfterDrain: mean(reps.map((r) => r.unfinished)),
    drainDays: info.drainDays,
    throughputPerDay: estimate(reps.map((r) => r.throughputPerDay)),
    timeRelease: timeStats(timeRelease, reps.map((r) => meanOf(r.timeRelease))),
    corridorTime: timeStats(corridorTime, reps.map((r) => meanOf(r.corridorTime))),
    milestones: (reps[0]?.intervals ?? []).map(({ name, from, to }, i) => {
      const h = pooled(reps.map((r) => r.intervals[i].hours));
      return {
        name,
        from,
        to,
        mean: orZero(h.mean),
        median: orZero(h.quantile(0.5)),
        p90: orZero(h.quantile(0.9)),
      };
    }),
    channels: groups(CHANNELS, reps.map((r) => r.channels)),
    cargo: groups(CARGO_TYPES, reps.map((r) => r.cargo)),
    passClosedDays: closedDays(reps),
    stranded: {
      mean: mean(reps.map((r) => r.stranded.mean)),
      peak: mean(reps.map((r) => r.stranded.peak)),
    },
    resources: (reps[0]?.resources ?? []).map((first, i) => ({
      name: first.name,
      utilization: mean(reps.map((r) => r.resources[i].utilization)),
      meanQueue: mean(reps.map((r) => r.resources[i].meanQueue)),
      maxQueue: Math.max(...reps.map((r) => r.resources[i].maxQueue)),
      meanWaitHours: mean(reps.map((r) => r.resources[i].meanWait)),
    })),
    perishablesLost: mean(reps.map((r) => r.perishablesLost)),
    releasedPerDay: (reps[0]?.releasedPerDay ?? []).map((_, day) => mean(reps.map((r) => r.releasedPerDay[day]))),
    timeReleaseHistogram: { width: histogramWidth, counts: timeRelease.buckets(histogramWidth * 20, 20).map((c) => c / Math.max(1, reps.length)) },
    ...scheduledWhatIfs(info),
  };
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

function pooled(data: ReadonlyArray<Parameters<typeof LogHistogram.from>[0]>): LogHistogram {
  const h = new LogHistogram();
  for (const d of data) h.merge(d);
  return h;
}

function meanOf(data: Parameters<typeof LogHistogram.from>[0]): number {
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

function groups<K extends string>(keys: readonly K[], tallies: ReadonlyArray<Readonly<Record<K, { count: number; hours: number }>>>): Record<K, GroupStats> {
  const total = tallies.reduce((s, t) => s + keys.reduce((a, k) => a + t[k].count, 0), 0);
  return Object.fromEntries(
    keys.map((k) => {
      const count = tallies.reduce((s, t) => s + t[k].count, 0);
      const hours = tallies.reduce((s, t) => s + t[k].hours, 0);
      return [k, { share: total > 0 ? count / total : 0, meanHours: count > 0 ? hours / count : 0 }];
    }),
  ) as Record<K, GroupStats>;
}

function closedDays(reps: readonly ReplicationSummary[]): ScenarioReport['passClosedDays'] {
  const causes = new Set<string>(CLOSURE_CAUSES);
  for (const r of reps) for (const c of Object.keys(r.closedDaysByCause)) causes.add(c);
  const byCause: Record<string, number> = {};
  for (const cause of [...causes].sort()) byCause[cause] = mean(reps.map((r) => r.closedDaysByCause[cause] ?? 0));
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
