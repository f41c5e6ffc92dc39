import { CORE_MILESTONES, containerJourney, type ContainerJourneyMachine } from '../model/containerJourney.js';
import { Corridor, type ContainerRecord, type CorridorTotals, type JourneyRuntime, type TransitionRecord } from '../model/corridor/index.js';
import { readStageTable } from '../model/stageTable.js';
import { CARGO_TYPES, CHANNELS, type CargoType, type Channel, type CorridorParams } from '../model/params.js';
import { deriveSeed } from '../kernel/index.js';
import { LogHistogram, type HistogramData } from './histogram.js';
import { ObservedTally, type ObservedValue } from './observed/index.js';
import { ReleasePatternCounter, type ReleasePatternCounts } from './releasePattern.js';

/**
 * What a run's totals carry into its replication summary as they are. A field added to
 * `CorridorTotals` flows through here on its own; the report then needs a pooling rule for
 * it (scenarioReport.ts), and the compiler says so until it has one.
 */
export type CarriedTotals = Omit<CorridorTotals, 'warmupDays' | 'arrived' | 'released'>;

/** What one replication measured, small enough to pass between worker threads. */
export interface ReplicationSummary extends CarriedTotals {
  readonly replication: number;
  readonly seed: number;
  readonly measuredDays: number;
  /** Gated out during the measured window, per measured day. */
  readonly throughputPerDay: number;
  /** Containers counted in the time statistics: entered after the warm-up, followed to gate-out. */
  readonly completed: number;
  /** Containers that entered after the warm-up and were still inside when the drain period ran out. */
  readonly unfinished: number;
  /**
   * How long those had been inside when the run ended: since Kashgar gate-in (`corridor`)
   * and, for those that had reached Sost, since arrival there (`sost`). Lower bounds of
   * times they never finished (see metrics.ts, censoring).
   */
  readonly unfinishedAge: { readonly corridor: HistogramData; readonly sost: HistogramData };
  readonly timeRelease: HistogramData;
  readonly corridorTime: HistogramData;
  /** The TRS intervals of the journey's stage table, in order. */
  readonly intervals: readonly IntervalSummary[];
  readonly channels: Readonly<Record<Channel, GroupTally>>;
  readonly cargo: Readonly<Record<CargoType, GroupTally>>;
  /** The time release of each channel's and each cargo type's containers, for their quantiles. */
  readonly timeReleaseByGroup: {
    readonly channels: Readonly<Record<Channel, HistogramData>>;
    readonly cargo: Readonly<Record<CargoType, HistogramData>>;
  };
  /** GDs filed before the truck reached Sost, and on arrival: a TRS segment of its own. */
  readonly lodgement: Readonly<Record<Lodgement, GroupTally>>;
  /** The figure of each of the scenario's observed rows, in their order. */
  readonly observed: readonly ObservedValue[];
  /** The time statistics' containers by PKT hour and weekday of arrival at Sost and of gate-out (releasePattern.ts). */
  readonly timeReleasePattern: ReleasePatternCounts;
}

export const LODGEMENTS = ['preArrival', 'onArrival'] as const;
export type Lodgement = (typeof LODGEMENTS)[number];

export interface IntervalSummary {
  readonly name: string;
  /** Labels of the milestones it runs between. */
  readonly from: string;
  readonly to: string;
  readonly hours: HistogramData;
}

export interface GroupTally {
  readonly count: number;
  /** Sum of Sost time release, hours. */
  readonly hours: number;
}

export interface ReplicationOptions {
  readonly onTransition?: (record: TransitionRecord) => void;
  readonly onContainer?: (record: ContainerRecord, finished: boolean) => void;
  /** A journey machine that extends the bundled one (see stageTable.ts). */
  readonly journey?: ContainerJourneyMachine;
  /** Nested demand for a capacity search: see `CorridorOptions.demandCeiling`. */
  readonly demandCeiling?: number;
  /** XState actors or the compiled journey: see `CorridorOptions.journeyRuntime`. */
  readonly journeyRuntime?: JourneyRuntime;
}

/** The seed of replication `index`: the same whatever thread or order runs it. */
export function replicationSeed(seed: number, index: number): number {
  return deriveSeed(seed, index);
}

/**
 * Runs replication `index` of a scenario to the end of its horizon and summarises it,
 * streaming container statistics instead of keeping every container.
 *
 * @example
 * const summary = runReplication(scenario, 2025, 0);
 * summary.throughputPerDay; // containers gated out at Sost per day after the warm-up
 */
export function runReplication(
  params: CorridorParams,
  seed: number,
  index: number,
  options: ReplicationOptions = {},
): ReplicationSummary {
  const repSeed = replicationSeed(seed, index);
  const warmupEnd = params.warmupDays * 24;
  const timeRelease = new LogHistogram();
  const corridorTime = new LogHistogram();
  const table = readStageTable(options.journey ?? containerJourney);
  const intervals = table.intervals.map(() => new LogHistogram());
  const channels = tally(CHANNELS);
  const cargo = tally(CARGO_TYPES);
  const lodgement = tally(LODGEMENTS);
  const channelTimes = histograms(CHANNELS);
  const cargoTimes = histograms(CARGO_TYPES);
  const arrivedSost = milestoneIndex(table, CORE_MILESTONES.arrivedSost);
  const gatedOut = milestoneIndex(table, CORE_MILESTONES.gatedOut);
  const intervalIndex = table.intervals.map((i) => [i.fromIndex, i.toIndex] as const);
  const observed = new ObservedTally(params, table);
  const releasePattern = new ReleasePatternCounter(params.start);

  let unfinished = 0;
  const unfinishedAge = { corridor: new LogHistogram(), sost: new LogHistogram() };
  const corridor = new Corridor(params, {
    seed: repSeed,
    onTransition: options.onTransition,
    journey: options.journey,
    demandCeiling: options.demandCeiling,
    journeyRuntime: options.journeyRuntime,
    onContainerDone: (record, finished) => {
      options.onContainer?.(record, finished);
      if (record.milestones[0] < warmupEnd) return;
      if (!finished) {
        unfinished++;
        const m = record.milestones;
        unfinishedAge.corridor.add(corridor.now - m[0]);
        if (m[arrivedSost] >= 0) unfinishedAge.sost.add(corridor.now - m[arrivedSost]);
        return;
      }
      // Lost containers left the corridor without being released: no time release to count.
      if (record.outcome !== 'released') return;
      const m = record.milestones;
      const release = m[gatedOut] - m[arrivedSost];
      timeRelease.add(release);
      corridorTime.add(m[gatedOut] - m[0]);
      intervalIndex.forEach(([from, to], i) => intervals[i].add(m[to] - m[from]));
      channels[record.channel].count++;
      channels[record.channel].hours += release;
      cargo[record.cargo].count++;
      cargo[record.cargo].hours += release;
      channelTimes[record.channel].add(release);
      cargoTimes[record.cargo].add(release);
      const filed = record.preArrival ? 'preArrival' : 'onArrival';
      lodgement[filed].count++;
      lodgement[filed].hours += release;
      observed.add(record);
      releasePattern.add(m[arrivedSost], m[gatedOut]);
    },
  });
  const totals = corridor.run();
  corridor.flushUnfinished();
  const measuredDays = params.days - params.warmupDays;
  const releasedInWindow = totals.releasedPerDay.slice(params.warmupDays).reduce((s, n) => s + n, 0);
  const { warmupDays: _warmup, arrived: _arrived, released: _released, ...carried } = totals;
  return {
    ...carried,
    replication: index,
    seed: repSeed,
    measuredDays,
    throughputPerDay: measuredDays > 0 ? releasedInWindow / measuredDays : 0,
    completed: timeRelease.count,
    unfinished,
    unfinishedAge: { corridor: unfinishedAge.corridor.toData(), sost: unfinishedAge.sost.toData() },
    timeRelease: timeRelease.toData(),
    corridorTime: corridorTime.toData(),
    intervals: table.intervals.map((interval, i) => ({ name: interval.name, from: interval.from.label, to: interval.to.label, hours: intervals[i].toData() })),
    channels,
    cargo,
    timeReleaseByGroup: { channels: dataOf(channelTimes), cargo: dataOf(cargoTimes) },
    lodgement,
    observed: observed.values(corridor.road.closureSegments(corridor.now)),
    timeReleasePattern: releasePattern.counts(),
  };
}

function milestoneIndex(table: ReturnType<typeof readStageTable>, id: string): number {
  const index = table.milestoneIndex.get(id);
  if (index === undefined) throw new Error(`the journey has no milestone ${id}`);
  return index;
}

function tally<K extends string>(keys: readonly K[]): Record<K, { count: number; hours: number }> {
  return Object.fromEntries(keys.map((k) => [k, { count: 0, hours: 0 }])) as Record<K, { count: number; hours: number }>;
}

function histograms<K extends string>(keys: readonly K[]): Record<K, LogHistogram> {
  return Object.fromEntries(keys.map((k) => [k, new LogHistogram()])) as Record<K, LogHistogram>;
}

function dataOf<K extends string>(byKey: Record<K, LogHistogram>): Record<K, HistogramData> {
  return Object.fromEntries(Object.entries<LogHistogram>(byKey).map(([k, h]) => [k, h.toData()])) as Record<K, HistogramData>;
}
