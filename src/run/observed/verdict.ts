import type { ObservedBand } from '../../model/observedParams.js';

export type ObservedVerdict = 'pass' | 'fail' | 'inconclusive' | 'no data' | 'input pass' | 'input fail' | 'report only';

export interface ModelFigure {
  /** Mean over the replications that measured the row. */
  readonly mean: number;
  /** Its 95 % Student-t confidence interval over those replications. */
  readonly ci95: readonly [number, number];
  /** Replications that measured the row (for an input check, all of them). */
  readonly replications: number;
}

/**
 * The verdict on a row: a model result passes when its 95 % CI lies inside the band, fails
 * when it lies wholly outside, and is inconclusive when it straddles an end or rests on a
 * single replication (no CI). An input check passes when its value lies in the band. A
 * report-only row has no verdict; a row no replication measured has no data.
 *
 * @example
 * verdictOf({ band: { atLeast: 8, atMost: 18 }, input: false, reportOnly: false }, { mean: 12, ci95: [11, 13], replications: 4 }); // 'pass'
 */
export function verdictOf(row: { readonly band: ObservedBand; readonly input: boolean; readonly reportOnly: boolean }, model: ModelFigure): ObservedVerdict {
  if (row.reportOnly) return 'report only';
  if (model.replications === 0) return 'no data';
  const { atLeast = -Infinity, atMost = Infinity } = row.band;
  const inside = (x: number): boolean => x >= atLeast && x <= atMost;
  if (row.input) return inside(model.mean) ? 'input pass' : 'input fail';
  if (model.replications < 2) return 'inconclusive';
  const [lo, hi] = model.ci95;
  if (inside(lo) && inside(hi)) return 'pass';
  if (hi < atLeast || lo > atMost) return 'fail';
  return 'inconclusive';
}

/** Whether a claimed row with this verdict counts as calibrated. */
export function passes(verdict: ObservedVerdict): boolean {
  return verdict === 'pass' || verdict === 'input pass';
}
