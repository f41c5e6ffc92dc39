import type { ObservedBand, ObservedParams, ObservedUnit } from '../../model/observedParams.js';
import { estimate } from '../confidence.js';
import type { ObservedValue } from './value.js';
import { verdictOf, type ModelFigure, type ObservedVerdict } from './verdict.js';

/** One row of the report's `observed` list: the observation, the model's figure and the verdict. */
export interface ObservedRowReport {
  readonly id: string;
  readonly figure: string;
  readonly source: string;
  readonly unit: ObservedUnit;
  readonly band: ObservedBand;
  /** For a calendar's working hours, which calendar. */
  readonly calendar?: string;
  /** An input check: computed from the parameters, not the run. */
  readonly input: boolean;
  readonly model: ModelFigure;
  readonly verdict: ObservedVerdict;
  /** The scenario claims it: `khunjerab calibrate` fails unless it passes. */
  readonly claimed: boolean;
  readonly conflictsWith: readonly string[];
}

/**
 * Pools each row's per-replication figures: the mean and its 95 % CI over the replications
 * that measured the row (a replication with nothing to measure is left out), then the verdict.
 *
 * @example
 * observedReport(params.observed, summaries.map((s) => s.observed));
 */
export function observedReport(observed: ObservedParams, perReplication: ReadonlyArray<readonly ObservedValue[]>): ObservedRowReport[] {
  const claims = new Set(observed.claims);
  return observed.rows.map((row, i) => {
    const values = perReplication.map((rep) => rep[i]).filter((v): v is ObservedValue => v !== undefined && v.count > 0).map((v) => v.value);
    const { mean, ci95 } = estimate(values);
    // Every figure is >= 0 and a share <= 1; a t interval over a few replications can overshoot either.
    const top = row.unit === 'share' ? 1 : Infinity;
    const model: ModelFigure = { mean, ci95: [Math.max(0, ci95[0]), Math.min(top, ci95[1])], replications: values.length };
    return {
      id: row.id,
      figure: row.figure,
      source: row.source,
      unit: row.unit,
      band: row.band,
      ...(row.measure.kind === 'medianWorking' ? { calendar: row.measure.calendar } : {}),
      input: row.input,
      model,
      verdict: verdictOf(row, model),
      claimed: claims.has(row.id),
      conflictsWith: row.conflictsWith,
    };
  });
}
