import type { CalendarSpec, DistributionSpec } from '../kernel/index.js';
import type { ObservedParams } from './observedParams.js';
import type { WhatIf } from './whatIfs.js';

/**
 * Everything the corridor model needs, in the units analysts use: hours for durations,
 * km and km/h for the road, °C for temperatures, per-day rates, shares that sum to 1.
 * A validated scenario file has exactly this shape (see src/scenario/), so nothing in the
 * model carries a number of its own.
 */
export const CARGO_TYPES = ['machinery', 'textiles', 'electronics', 'food'] as const;
export type CargoType = (typeof CARGO_TYPES)[number];

export const CHANNELS = ['green', 'yellow', 'red'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CLOSURE_CAUSES = ['snow', 'avalanche', 'landslide'] as const;
export type ClosureCause = (typeof CLOSURE_CAUSES)[number];

export type Regime = 'year-round' | 'seasonal';

/** Month-day "MM-DD". */
export type MonthDay = string;

export interface LegParams {
  readonly km: number;
  readonly speedKmh: { readonly clear: number; readonly snow: number };
}

export interface MonthWeather {
  readonly passTempC: { readonly mean: number; readonly sd: number };
  readonly sostTempC: { readonly mean: number; readonly sd: number };
  /** Chance that a day brings snowfall. */
  readonly snowDayProbability: number;
  /** Snowfall on a snow day, in cm. */
  readonly snowfallCm: DistributionSpec;
  /** Chance per day of an avalanche across the road. */
  readonly avalancheProbability: number;
  /** Chance per day of a landslide across the road. */
  readonly landslideProbability: number;
}

export interface CorridorParams {
  readonly name: string;
  readonly description?: string;
  readonly seed: number;
  /** First simulated day, YYYY-MM-DD, at 00:00 PKT. */
  readonly start: string;
  /** Days simulated, warm-up included. */
  readonly days: number;
  /** Days at the start left out of the statistics. */
  readonly warmupDays: number;
  /**
   * Days the run goes on after the horizon with no new arrivals, so that the time statistics
   * follow every container that arrived in time to gate-out instead of dropping the slow ones.
   */
  readonly drainDays: number;
  readonly regime: Regime;
  /** Under the seasonal regime, the crossing is shut from `from` to `to` (MM-DD, inclusive, may wrap the year). */
  readonly seasonalClosure: { readonly from: MonthDay; readonly to: MonthDay };

  readonly calendars: {
    /** Chinese posts (Kashgar, Tashkurgan), Beijing time. */
    readonly china: CalendarSpec;
    /** Pakistan Customs at Sost, PKT. */
    readonly pakistan: CalendarSpec;
    /** Banks at Sost, for duty payment. */
    readonly banks: CalendarSpec;
  };

  readonly arrivals: {
    /** Vehicles (one container each) arriving at Kashgar per day, January first. */
    readonly vehiclesPerDayByMonth: readonly number[];
    /** Multiplies every monthly rate, e.g. 2 for double demand. */
    readonly scale: number;
    readonly cargoMix: Readonly<Record<CargoType, number>>;
  };

  readonly route: {
    readonly kashgarToTashkurgan: LegParams;
    readonly tashkurganToPass: LegParams;
    readonly passToSost: LegParams;
    /** The road counts as snowy for this many days after snowfall. */
    readonly snowyDaysAfterSnowfall: number;
  };

  readonly kashgar: {
    /** Export declaration officers at Kashgar. */
    readonly officers: number;
    /** Work per declaration, in hours. */
    readonly exportDeclaration: DistributionSpec;
    /** Share of containers the Chinese risk check sends to inspection. */
    readonly inspectionShare: number;
    readonly inspectionBays: number;
    readonly inspection: DistributionSpec;
  };

  readonly tashkurgan: {
    readonly officers: number;
    readonly exitClearance: DistributionSpec;
  };

  readonly crossing: {
    /** Chance a crossing suffers an accident or breakdown, on a clear and on a snowy road. */
    readonly incidentProbability: { readonly clear: number; readonly snow: number };
    /** Delay an incident adds, in hours. */
    readonly incidentDelay: DistributionSpec;
    /** Trucks the Khunjerab gate lets through per hour while both posts and the road are open. */
    readonly gateVehiclesPerHour: number;
  };

  readonly sost: {
    /** Officers who accept GDs, check documents and release. */
    readonly gdOfficers: number;
    /** Bays for physical examination with de-stuffing (red channel). */
    readonly examBays: number;
    readonly scanners: number;
    /** Bank counters taking duty payments during bank hours. */
    readonly bankCounters: number;
    /** From arrival at Sost (or, pre-arrival, from the truck leaving Tashkurgan) to the goods declaration (GD) lodged in WeBOC by the agent, elapsed hours. */
    readonly gdLodgement: DistributionSpec;
    /** Share of declarations the agent files in WeBOC while the truck is still on its way. */
    readonly preArrivalShare: number;
    /** GD acceptance and risk assessment, officer hours. */
    readonly assessment: DistributionSpec;
    readonly channelShares: Readonly<Record<Channel, number>>;
    /** Yellow channel documentary check, officer hours. */
    readonly documentCheck: DistributionSpec;
    /** Elapsed hours a documentary check waits on the agent's papers and answers, holding no officer. */
    readonly documentCheckWait: DistributionSpec;
    /** Red channel: share examined by scanner rather than physically. */
    readonly scanShare: number;
    readonly scan: DistributionSpec;
    /** Red channel physical examination with de-stuffing, bay hours at full productivity. */
    readonly examination: DistributionSpec;
    /** Working hours to book the examination and bring labour for de-stuffing, before the bay work. */
    readonly examinationWait: DistributionSpec;
    /** Other-agency permits (plant protection, animal quarantine, PSQCA). */
    readonly otherAgency: {
      /** Share of each cargo type that needs a permit. */
      readonly shareByCargo: Readonly<Record<CargoType, number>>;
      /** Elapsed hours until the permit is issued. */
      readonly duration: DistributionSpec;
    };
    readonly dutyPayment: DistributionSpec;
    readonly release: DistributionSpec;
    /** From customs release to leaving the dry port, in hours. */
    readonly gateOut: DistributionSpec;
  };

  readonly holds: {
    /** Share of consignments held for documents or import policy. */
    readonly probability: number;
    /** Length of a hold, in hours. */
    readonly duration: DistributionSpec;
  };

  readonly weather: {
    /** Twelve months, January first. */
    readonly months: readonly MonthWeather[];
    /** Snowfall (cm) at or above which the pass road closes. */
    readonly closureSnowfallCm: number;
    /** How long the storm keeps the road shut before clearing can start, in hours. */
    readonly stormHours: DistributionSpec;
    /** Clearing work in unit-hours (one FWO/NHA unit working one hour). */
    readonly clearingWork: {
      readonly snowPerCm: number;
      readonly avalanche: DistributionSpec;
      readonly landslide: DistributionSpec;
    };
    /** Snow-clearance units on the Sost–Khunjerab section. */
    readonly clearanceFleet: number;
  };

  readonly heating: {
    /** Central heating in the Sost sheds and warehouse. */
    readonly sostHeated: boolean;
    /** A generator keeps heating and the scanner running through a power cut. */
    readonly generator: boolean;
    /** Unheated examination productivity by Sost temperature: points (°C, factor), linear between, flat outside. */
    readonly productivityByTempC: ReadonlyArray<{ readonly tempC: number; readonly factor: number }>;
    /** Unheated examinations stop below this Sost temperature. */
    readonly stopBelowC: number;
    /** Perishable food waiting in an unheated store spoils with this chance per day of frost. */
    readonly perishableFrostC: number;
    readonly perishableLossPerFrostDay: number;
    /** What becomes of spoiled food, and how long it takes before it has left Sost. */
    readonly spoiled: { readonly fate: 'destroyed' | 'returned'; readonly hours: DistributionSpec };
  };

  /** What winter does to Sost that heating does not stop: the yard is outdoors, and snow keeps staff away. */
  readonly sostWinter: {
    /** Outdoor yard work by Sost temperature (°C, factor); multiplies the examination pace, heated or not. */
    readonly yardProductivityByTempC: ReadonlyArray<{ readonly tempC: number; readonly factor: number }>;
    /** Snowfall (cm) from which a day counts as a heavy-snow day at Sost. */
    readonly heavySnowCm: number;
    /** Share of Sost's officers, bays and counters away on a heavy-snow day. */
    readonly staffAbsentShare: number;
  };

  readonly outages: {
    readonly power: OutageParams;
    /** WeBOC / internet: pauses GD filing and assessment. */
    readonly weboc: OutageParams;
    readonly scannerBreakdown: OutageParams;
  };

  /** What-ifs applied at set instants in every replication, in time order. */
  readonly whatIfs: readonly ScheduledWhatIf[];

  /** Sourced observations the run is checked against, and the ones this scenario claims. */
  readonly observed: ObservedParams;

  /** How the run's report reads the corridor; nothing here changes what happens in it. */
  readonly report: {
    /** The backlog counts, at the end of each day, the containers inside the corridor longer than this since Kashgar gate-in, in hours. */
    readonly backlogAgeHours: number;
  };
}

/** A what-if the scenario schedules: applied at `at` in every replication. */
export interface ScheduledWhatIf {
  /** The instant, in epoch milliseconds. */
  readonly at: number;
  readonly whatIf: WhatIf;
}

export interface OutageParams {
  /** Mean events per day at or above 0 °C at Sost. */
  readonly perDay: number;
  /** Multiplies `perDay` on days when Sost is below 0 °C. */
  readonly coldFactor: number;
  /** Outage length in hours. */
  readonly duration: DistributionSpec;
}
