/**
 * The time-release histogram as horizontal bars, one per bucket of hours:
 *
 * ```
 *  0–5 h   │██████████▌ 41.0 (20.5%)
 *  5–10 h  │████▏       16.2 (8.1%)
 *  ≥ 95 h  │▍           1.3 (0.7%)
 * ```
 */
import { formatBound, formatNumber, formatPercent, isFigure } from './format.js';
import type { RenderOptions } from './options.js';
import { displayWidth, paint, paragraph } from './text.js';

export interface Histogram {
  /** Bucket width, hours: bucket i is [i·width, (i+1)·width), the last one open. */
  readonly width: number;
  readonly counts: readonly number[];
}

export interface HistogramChartOptions extends RenderOptions {
  /** Share (0–1) a full-length bar stands for; histograms drawn with the same value share a scale. */
  readonly scaleShare?: number;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** The histogram as labelled bars no wider than `options.width`; a sentence when it is empty. */
export function renderHistogram(histogram: Histogram, options: HistogramChartOptions): string {
  const counts = histogram.counts.map((c) => (isFigure(c) && c > 0 ? c : 0));
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return paragraph('No containers were released in the measured window, so there is no distribution to draw.', options.width);
  const last = counts.reduce((at, c, i) => (c > 0 ? i : at), 0);
  const shown = counts.slice(0, last + 1);
  const labels = shown.map((_, i) => bucketLabel(histogram.width, i, counts.length));
  const values = shown.map((c) => `${formatNumber(c, 1)} (${formatPercent(c / total)})`);
  const labelWidth = Math.max(...labels.map(displayWidth));
  const valueWidth = Math.max(...values.map(displayWidth));
  const barRoom = Math.max(1, options.width - labelWidth - valueWidth - 3);
  const peakShare = Math.max(...shown.map((c) => c / total));
  const fullShare = isFigure(options.scaleShare) && options.scaleShare >= peakShare ? options.scaleShare : peakShare;

  return shown
    .map((c, i) => {
      const bar = barOf((c / total / fullShare) * barRoom, c > 0);
      const padded = bar.padEnd(barRoom);
      return `${labels[i].padEnd(labelWidth)} │${paint(padded, 'cyan', options.color)} ${values[i]}`.trimEnd();
    })
    .join('\n');
}

/** "0–5 h", "5–10 h", … and "≥ 95 h" for the open last bucket ("bucket i" without a width). */
export function bucketLabel(width: number, index: number, buckets: number): string {
  if (!(isFigure(width) && width > 0)) return `bucket ${index + 1}`;
  const from = formatBound(index * width);
  if (index === buckets - 1) return `≥ ${from} h`;
  return `${from}–${formatBound((index + 1) * width)} h`;
}

/** A bar `length` columns long in eighths of a block; never empty when `nonEmpty`. */
function barOf(length: number, nonEmpty: boolean): string {
  const eighths = Math.round(Math.max(0, length) * 8);
  const bar = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
  return bar === '' && nonEmpty ? '▏' : bar;
}
