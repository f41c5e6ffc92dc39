/**
 * What `--precision` reached, as a section under a report: how many replications it took, and
 * for each scenario (and, in a comparison, each paired difference) the half-width reached
 * against the half-width allowed.
 */
import type { PrecisionOutcome } from '../../run/index.js';
import { note, section } from './blocks.js';
import { formatGoal, formatNumber, formatPercent, isFigure, NA } from './format.js';
import { normaliseOptions, type RenderOptions } from './options.js';
import { renderTable, type Column, type Row } from './table.js';

const COLUMNS: readonly Column[] = [
  { header: 'Subject' },
  { header: 'Mean of replications', align: 'right' },
  { header: '± half-width', align: 'right' },
  { header: 'of the mean', align: 'right' },
  { header: 'Allowed', align: 'right' },
  { header: 'Met', align: 'right' },
];

/** A goal as it is typed: 0.05 → "5%", 0.125 → "12.5%". */
/**
 * @example
 * renderPrecision(outcome, { width: 80, color: false });
 * // Precision … "29 replications per scenario (batches 10, 20, 29): every 95% half-width of timeRelease.mean within 5%."
 */
export function renderPrecision(outcome: PrecisionOutcome, options: RenderOptions): string {
  const o = normaliseOptions(options);
  const goal = formatGoal(outcome.target);
  const summary = outcome.capped
    ? `Stopped at the cap of ${outcome.maxReplications} replications per scenario (batches ${outcome.batches.join(', ')}) before every 95% half-width of ${outcome.metric} was within ${goal}; the figures above are from ${outcome.replications} replications.`
    : `${outcome.replications} replications per scenario (batches ${outcome.batches.join(', ')}): every 95% half-width of ${outcome.metric} within ${goal}.`;
  const rows: Row[] = outcome.checks.map((c) => [
    c.subject,
    formatNumber(c.mean, 2),
    formatNumber(c.halfWidth, 2),
    isFigure(c.halfWidth) && isFigure(c.mean) && c.mean !== 0 ? formatPercent(c.halfWidth / Math.abs(c.mean), 1) : NA,
    formatNumber(c.allowed, 2),
    c.met ? 'yes' : 'no',
  ]);
  const rule =
    'A scenario meets the goal when its half-width is within the share of its mean; a paired difference (compare) when its half-width is within the share of the larger of |difference| and |baseline mean|.';
  return section('Precision', o, note(summary, o), renderTable(COLUMNS, rows, o), note(rule, o));
}
