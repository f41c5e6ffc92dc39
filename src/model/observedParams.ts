import type { CargoType, Channel, ClosureCause } from './params.js';
import type { CalendarName } from './stageTable.js';

/**
 * Sourced observations a run is checked against (docs/sources.md, section 8): what is measured,
 * in the model's terms, and the band the model's figure must fall in. The rows live in
 * base.yaml; each scenario claims the rows it is calibrated to.
 */
export interface ObservedParams {
  readonly rows: readonly ObservedRow[];
  /** Ids of the rows this scenario is calibrated to: `khunjerab calibrate` fails unless each passes. */
  readonly claims: readonly string[];
}

export const OBSERVED_UNITS = ['share', 'elapsed hours', 'working hours', 'days', 'vehicles/day', 'containers/day'] as const;
export type ObservedUnit = (typeof OBSERVED_UNITS)[number];

export interface ObservedRow {
  /** The row's ID in docs/sources.md, e.g. "O4". */
  readonly id: string;
  /** The observed figure in words. */
  readonly figure: string;
  /** Where it comes from, e.g. "docs/sources.md O4 (D2, estimate)". */
  readonly source: string;
  readonly measure: ObservedMeasure;
  readonly band: ObservedBand;
  readonly unit: ObservedUnit;
  /** An input check: computed from the parameters, not from the run. */
  readonly input: boolean;
  /** Shown, never failed on (and never claimed). */
  readonly reportOnly: boolean;
  /** Rows whose sources disagree with this one's; a scenario claims at most one of them. */
  readonly conflictsWith: readonly string[];
}

/** The band the model's figure must lie in; an end left out is open. At least one end is given. */
export interface ObservedBand {
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** Which containers a row counts; every condition given must hold. */
export interface ContainerFilter {
  readonly channel?: Channel;
  readonly scan?: boolean;
  readonly held?: boolean;
  readonly cargo?: CargoType;
  readonly snowyDeparture?: boolean;
  /** ISO weekdays (1 = Monday), in PKT, of the exportCleared milestone. */
  readonly exportClearedWeekdays?: readonly number[];
  /** Months (1 = January), in PKT, of the interval's `from` milestone. */
  readonly months?: readonly number[];
}

/** Two milestones of the journey's stage table, `from` before `to`. */
export interface MilestoneSpan {
  readonly from: string;
  readonly to: string;
}

/** An interval between two milestones, for the containers `where` selects, less an interval inside it. */
export interface IntervalMeasure extends MilestoneSpan {
  readonly except?: MilestoneSpan;
  readonly where: ContainerFilter;
}

export type ObservedMeasure =
  /** Share of containers whose elapsed interval is at most `hours`. */
  | ({ readonly kind: 'shareWithin'; readonly hours: number } & IntervalMeasure)
  /** Median elapsed hours. */
  | ({ readonly kind: 'median' } & IntervalMeasure)
  /** Mean elapsed hours. */
  | ({ readonly kind: 'mean' } & IntervalMeasure)
  /** Median of the working hours of `calendar` within the interval. */
  | ({ readonly kind: 'medianWorking'; readonly calendar: CalendarName } & IntervalMeasure)
  /** Share reaching `to` by the end of the PKT day `days` after the day of `from` (0: the same day). */
  | ({ readonly kind: 'sameDayShare'; readonly days: number } & MilestoneSpan & { readonly where: ContainerFilter })
  /** Share of the measured days in `months` (PKT) the pass road was shut by weather; 24 h of closure is one day. */
  | { readonly kind: 'closedShare'; readonly months: readonly number[] }
  /** Mean length in days of the road closures begun by `causes` in `months`. */
  | { readonly kind: 'closureLength'; readonly causes: readonly ClosureCause[]; readonly months: readonly number[] }
  /** Input: mean vehicles arriving per calendar day over `months`, from the demand parameters. */
  | { readonly kind: 'demandPerDay'; readonly months: readonly number[] }
  /** Input: containers the Khunjerab gate can let through on its longest working day. */
  | { readonly kind: 'gateCapacityPerDay' };

export type MeasureKind = ObservedMeasure['kind'];

/** What each kind measures in, and whether it is an input check. */
export const MEASURE_KINDS: Readonly<Record<MeasureKind, { readonly unit: ObservedUnit; readonly input: boolean }>> = {
  shareWithin: { unit: 'share', input: false },
  median: { unit: 'elapsed hours', input: false },
  mean: { unit: 'elapsed hours', input: false },
  medianWorking: { unit: 'working hours', input: false },
  sameDayShare: { unit: 'share', input: false },
  closedShare: { unit: 'share', input: false },
  closureLength: { unit: 'days', input: false },
  demandPerDay: { unit: 'vehicles/day', input: true },
  gateCapacityPerDay: { unit: 'containers/day', input: true },
};
