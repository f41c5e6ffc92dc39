/**
 * The words reports use for the ScenarioReport's fields, shared by the run and compare views
 * so both read the same to a customs analyst (WCO Time Release Study vocabulary).
 */
import type { ScenarioReport } from '../../run/index.js';

export const TIME_RELEASE = 'Time release at Sost';
/** The same, mid-sentence. */
export const TIME_RELEASE_LOWER = 'time release at Sost';
export const TIME_RELEASE_SPAN = 'arrival at Sost → gate-out';
export const CORRIDOR_TIME = 'Corridor time';
export const CORRIDOR_SPAN = 'Kashgar gate-in → Sost gate-out';

export const CHANNEL_MEANING: Readonly<Record<string, string>> = {
  green: 'release without checks',
  yellow: 'document check',
  red: 'examination or scan',
};

/** The milestone label that opens the Sost part of the journey (the TRS time release). */
export const SOST_ARRIVAL_LABEL = 'arrived at Sost';

/** Labels for the metrics of `compareScenarios` and `sensitivity`, with their unit. */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  throughputPerDay: 'Throughput (containers/day)',
  'timeRelease.mean': 'Time release at Sost, mean (h)',
  'timeRelease.p90': 'Time release at Sost, 90th percentile (h)',
  'corridorTime.mean': 'Corridor time, mean (h)',
  passClosedDays: 'Pass closed (days)',
  'stranded.mean': 'Stranded at Tashkurgan, mean (containers)',
  'stranded.peak': 'Stranded at Tashkurgan, peak (containers)',
  perishablesLost: 'Perishables lost (containers)',
  inSystemAtEnd: 'Still in the corridor at the end (containers)',
};

export function metricLabel(metric: string, unit: string): string {
  return METRIC_LABELS[metric] ?? `${metric} (${unit})`;
}

/**
 * True when the report has container times to show. A report whose replications released no
 * container after the warm-up carries placeholder zeros (or NaN) in its time figures.
 */
export function hasTimes(report: ScenarioReport): boolean {
  return Number.isFinite(report.completed) && report.completed > 0;
}

/** Why time figures read "n/a" for a report without times (said once, then referred to). */
export const NO_TIMES_REASON =
  'n/a: no container both entered the corridor after the warm-up and left Sost before the end of the horizon, so there are no times to measure.';

/** Every closure cause named by any of the reports, in a stable order. */
export function closureCauses(reports: readonly ScenarioReport[]): string[] {
  const causes = new Set<string>();
  for (const r of reports) for (const c of Object.keys(r.passClosedDays?.byCause ?? {})) causes.add(c);
  return [...causes].sort();
}

/** A cause as a reader says it: "sit-in" stays, "roadWorks" becomes "road works". */
export function causeLabel(cause: string): string {
  const spaced = cause.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** `word` capitalised: "green" → "Green". */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The short form of {@link NO_TIMES_REASON}, for sections after the first that says it in full. */
export const NO_TIMES_SEE_ABOVE = 'n/a: no container times to measure (see the time release section above).';
