import type { CorridorParams } from '../model/params.js';
import { expectedContainers } from '../scenario/workBound.js';
import { CapacitySearch, bootstrapRoot, type Censored, type LimitRule, type SearchSettings } from './capacitySearch.js';
import { estimate, mean, type Estimate } from './confidence.js';
import { ceilingOf, holds, type Limit } from './limit.js';
import type { Metric } from './metrics.js';
import type { ReplicationSummary } from './replication.js';
import { runBatch, type TaskRunner } from './runReplications.js';

export interface CapacityOptions extends SearchSettings {
  readonly limit: Limit;
  readonly seed: number;
  readonly replications: number;
  readonly workers?: number;
  readonly queue?: TaskRunner;
  /** Bootstrap resamples for the CI of the capacity. */
  readonly resamples: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One demand tried: the figures the search and the demand–response chart read. */
export interface CapacityProbe {
  /** Times the scenario's own demand. */
  readonly multiplier: number;
  readonly demandPerDay: number;
  /** The limit's metric, pooled over the replications (unfinished containers count with their time so far). */
  readonly value: number;
  readonly holds: boolean;
  readonly throughputPerDay: Estimate;
  /** Containers per replication still inside when the drain period ended. */
  readonly unfinished: number;
}

export interface Bottleneck {
  /** The station busiest at the capacity point, and its utilisation. */
  readonly busiest: { readonly name: string; readonly utilization: number };
  /** The station with the most containers waiting, and its share of all waiting at stations (time-average queues). */
  readonly mostWaiting: { readonly name: string; readonly share: number; readonly meanQueue: number };
  /** The demand the figures were measured at: the highest probe at which the limit held. */
  readonly atDemandPerDay: number;
}

export interface CapacityReport {
  readonly scenario: string;
  readonly description: string;
  /** The scenario's own demand: its monthly rates times `arrivals.scale`, averaged over the measured days. */
  readonly demandPerDay: number;
  readonly metric: string;
  readonly unit: string;
  /** The metric under light traffic (the reference of a relative limit). */
  readonly lightTraffic: { readonly demandPerDay: number; readonly value: number };
  /** The largest value the limit allows. */
  readonly allowed: number;
  readonly capacity: {
    readonly vehiclesPerDay: number;
    /** Percentile bootstrap over replications (whole replications resampled, the probes kept paired). */
    readonly ci95: readonly [number, number];
    readonly multiplier: number;
    /** `belowLight`: the limit fails even under light traffic; `aboveCeiling`: it still holds at the highest demand tried. */
    readonly censored: Censored;
  };
  /** Throughput when demand is far above capacity: at twice the lowest demand that failed the limit, within the ceiling. */
  readonly saturation: { readonly demandPerDay: number; readonly throughputPerDay: Estimate; readonly saturated: boolean };
  readonly bottleneck: Bottleneck | null;
  readonly probes: readonly CapacityProbe[];
}

export interface CapacityStudy {
  readonly limit: string;
  readonly seed: number;
  readonly replications: number;
  readonly settings: SearchSettings & { readonly resamples: number };
  readonly scenarios: readonly CapacityReport[];
}

/**
 * Finds, for each scenario, the highest demand at which the limit holds. Each round runs the
 * next probe of every scenario still searching in one batch; every probe of a scenario draws
 * its arrivals at the ceiling and thins them, so a higher demand sees every truck of a lower
 * one (plus more), on the same seeds, and the response to demand is smooth from probe to
 * probe.
 */
export async function findCapacities(scenarios: readonly CorridorParams[], options: CapacityOptions): Promise<CapacityStudy> {
  const metric = options.limit.metric;
  const value = (reps: readonly ReplicationSummary[]): number => metric.pooled(reps, 'atEnd');
  const rule = limitRule(options.limit);
  const searches = scenarios.map(() => new CapacitySearch<ReplicationSummary>(options, rule, value));
  // A search needs at most: light, 1×, the doublings to the ceiling, the steps and the ceiling itself.
  const planned = scenarios.length * (3 + Math.ceil(Math.log2(Math.max(2, options.ceiling))) + options.steps);
  let done = 0;
  for (;;) {
    const round = searches.flatMap((search, s) => search.nextProbes().map((multiplier) => ({ s, multiplier })));
    if (round.length === 0) break;
    const params = round.map(({ s, multiplier }) => atDemand(scenarios[s], multiplier));
    const ceilingParams = round.map(({ s }) => scenarios[s].arrivals.scale * options.ceiling);
    const runs = await runBatchAtCeilings(params, ceilingParams, options, (d) => options.onProgress?.(done + d, Math.max(planned, done + round.length)));
    round.forEach(({ s, multiplier }, i) => searches[s].record(multiplier, runs[i]));
    done += round.length;
  }
  return {
    limit: options.limit.text,
    seed: options.seed,
    replications: options.replications,
    settings: { light: options.light, ceiling: options.ceiling, steps: options.steps, resamples: options.resamples },
    scenarios: scenarios.map((params, s) => reportOf(params, searches[s], metric, rule, value, options)),
  };
}

/**
 * Probes of different scenarios have different ceilings (each scenario's own scale times the
 * ceiling multiplier); runBatch takes one ceiling, so probes are grouped by it.
 */
async function runBatchAtCeilings(
  params: readonly CorridorParams[],
  ceilings: readonly number[],
  options: CapacityOptions,
  onProbesDone: (probes: number) => void,
): Promise<ReplicationSummary[][]> {
  const out = new Array<ReplicationSummary[]>(params.length);
  const groups = [...new Set(ceilings)];
  let finished = 0;
  for (const ceiling of groups) {
    const indices = ceilings.flatMap((c, i) => (c === ceiling ? [i] : []));
    const runs = await runBatch(
      indices.map((i) => params[i]),
      {
        seed: options.seed,
        replications: options.replications,
        workers: options.workers,
        queue: options.queue,
        demandCeiling: ceiling,
        onProgress: (d, total) => onProbesDone(finished + (d / total) * indices.length),
      },
    );
    indices.forEach((i, k) => (out[i] = runs[k]));
    finished += indices.length;
  }
  return out;
}

function limitRule(limit: Limit): LimitRule {
  return { allowed: (reference) => ceilingOf(limit, reference), holds: (v, allowed) => holds(limit, v, allowed) };
}

function atDemand(params: CorridorParams, multiplier: number): CorridorParams {
  return { ...params, arrivals: { ...params.arrivals, scale: params.arrivals.scale * multiplier } };
}

/** Vehicles per day the scenario brings over its measured days (monthly rates × scale). */
export function demandPerDay(params: CorridorParams): number {
  const measured = params.days - params.warmupDays;
  if (measured <= 0) return 0;
  const { vehiclesPerDayByMonth: rates, scale } = params.arrivals;
  return expectedContainers(params.start, params.days, rates, scale, params.warmupDays) / measured;
}

function reportOf(
  params: CorridorParams,
  search: CapacitySearch<ReplicationSummary>,
  metric: Metric,
  rule: LimitRule,
  value: (reps: readonly ReplicationSummary[]) => number,
  options: CapacityOptions,
): CapacityReport {
  const own = demandPerDay(params);
  const allowed = search.allowed();
  const probes = search.allProbes().map((p): CapacityProbe => {
    const v = value(p.reps);
    return {
      multiplier: p.multiplier,
      demandPerDay: own * p.multiplier,
      value: v,
      holds: rule.holds(v, allowed),
      throughputPerDay: estimate(p.reps.map((r) => r.throughputPerDay)),
      unfinished: mean(p.reps.map((r) => r.unfinished)),
    };
  });
  const root = search.root();
  const ci = bootstrapRoot(search.allProbes(), options, rule, value, options.resamples, options.seed);
  const top = probes.find((p) => p.multiplier === search.saturationMultiplier()) ?? probes[probes.length - 1];
  const light = probes[0];
  const lastHeld = [...probes].reverse().find((p) => p.holds && p.multiplier <= root.multiplier);
  const heldReps = lastHeld === undefined ? undefined : search.allProbes().find((p) => p.multiplier === lastHeld.multiplier)?.reps;
  return {
    scenario: params.name,
    description: params.description ?? '',
    demandPerDay: own,
    metric: metric.name,
    unit: metric.unit,
    lightTraffic: { demandPerDay: light.demandPerDay, value: light.value },
    allowed,
    capacity: { vehiclesPerDay: own * root.multiplier, ci95: [own * ci[0], own * ci[1]], multiplier: root.multiplier, censored: root.censored },
    saturation: {
      demandPerDay: top.demandPerDay,
      throughputPerDay: top.throughputPerDay,
      // Saturated: a tenth or more of the demand is not cleared within the horizon.
      saturated: top.throughputPerDay.mean < 0.9 * top.demandPerDay,
    },
    bottleneck: lastHeld === undefined || heldReps === undefined ? null : bottleneckOf(heldReps, lastHeld.demandPerDay),
    probes,
  };
}

function bottleneckOf(reps: readonly ReplicationSummary[], atDemandPerDay: number): Bottleneck | null {
  const stations = reps[0]?.resources ?? [];
  if (stations.length === 0) return null;
  const utilization = stations.map((_, i) => mean(reps.map((r) => r.resources[i].utilization)));
  const queue = stations.map((_, i) => mean(reps.map((r) => r.resources[i].meanQueue)));
  const totalQueue = queue.reduce((s, q) => s + q, 0);
  const busiest = utilization.indexOf(Math.max(...utilization));
  const waiting = queue.indexOf(Math.max(...queue));
  return {
    busiest: { name: stations[busiest].name, utilization: utilization[busiest] },
    mostWaiting: { name: stations[waiting].name, share: totalQueue > 0 ? queue[waiting] / totalQueue : 0, meanQueue: queue[waiting] },
    atDemandPerDay,
  };
}

/**
 * The default limit: congestion may add a day to the median corridor time. The median, not
 * a tail quantile, because the tails are set by closures and holds whatever the demand: a
 * p90 responds to demand late and noisily, and makes a poorly conditioned root.
 */
export const DEFAULT_LIMIT = 'corridorTime.median<=+24h';

