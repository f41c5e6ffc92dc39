import type { MorrisRankedFactor } from './morrisRanking.js';
import type { RankedFactor } from './oneAtATime.js';
import type { MetricUnit } from './metrics.js';

/**
 * The result of `khunjerab sensitivity`, as `--json` prints it: what ran, the factors and their
 * levels, and the factors ranked by their effect on the first metric.
 */
export interface SensitivityReportBase {
  readonly scenario: string;
  readonly scenarioFile: string;
  /** The study file, when the study came from one. */
  readonly study?: string;
  readonly title?: string;
  readonly start: string;
  readonly days: number;
  readonly warmupDays: number;
  readonly seed: number;
  readonly replications: number;
  readonly metrics: ReadonlyArray<{ readonly name: string; readonly unit: MetricUnit; readonly what: string }>;
  readonly factors: readonly ReportedFactor[];
  /** Distinct scenarios run (design points that are the same scenario run once). */
  readonly designPoints: number;
}

export interface ReportedFactor {
  readonly label: string;
  readonly path: string;
  readonly low: unknown;
  readonly high: unknown;
  readonly scale: 'continuous' | 'integer' | 'ends';
}

export interface OneAtATimeReport extends SensitivityReportBase {
  readonly method: 'oat';
  readonly ranking: readonly RankedFactor[];
}

export interface MorrisReport extends SensitivityReportBase {
  readonly method: 'morris';
  readonly trajectories: number;
  readonly levels: number;
  readonly delta: number;
  readonly ranking: readonly MorrisRankedFactor[];
}

export type SensitivityReport = OneAtATimeReport | MorrisReport;
