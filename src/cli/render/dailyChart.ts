/**
 * The "containers released per day" line chart: asciichart over the horizon, downsampled to
 * the width, with the x axis labelled by calendar date.
 *
 * ```
 *  60 ┤      ╭──╮    ╭─╮
 *  30 ┤╭─────╯  ╰─╮╭─╯ ╰──      ← a closure shows as a dip
 *   0 ┼╯          ╰╯
 *     └┬──────────┬──────
 *      2025-12-01 2026-01-01
 * ```
 */
import asciichart from 'asciichart';
import { DAY_CONVENTION_SHORT, dayNumber } from '../../run/dayConvention.js';
import { dayDate, isMonthStart } from './dates.js';
import { formatNumber, isFigure } from './format.js';
import type { RenderOptions } from './options.js';
import { paint, paragraph } from './text.js';

export interface DailySeries {
  /** Calendar date of day 1, YYYY-MM-DD. */
  readonly start: string;
  /** One value per day, day 1 first. */
  readonly values: readonly number[];
  readonly warmupDays: number;
}

export interface DailyChartOptions extends RenderOptions {
  /** Highest value the y axis must reach; charts drawn with the same `max` share a scale. Defaults to the series' peak. */
  readonly max?: number;
}

/** The y axis: 0 to `max` in `rows` steps of `step`, labelled with `decimals` decimals. */
export interface YScale {
  readonly max: number;
  readonly step: number;
  readonly rows: number;
  readonly decimals: number;
}

const LABEL_GAP = 2;
const MAX_ROWS = 14;

/**
 * A y scale with round labels reaching at least `peak`: the step is 1, 2 or 5 times a power of
 * ten, the smallest that needs at most 14 rows.
 */
export function yScale(peak: number): YScale {
  const top = isFigure(peak) && peak > 0 ? peak : 1;
  let magnitude = Math.pow(10, Math.floor(Math.log10(top / MAX_ROWS)));
  for (;;) {
    for (const m of [1, 2, 5]) {
      const step = m * magnitude;
      const rows = Math.ceil(top / step - 1e-9);
      if (rows <= MAX_ROWS) return { max: rows * step, step, rows, decimals: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) };
    }
    magnitude *= 10;
  }
}

/** The series drawn as a line chart no wider than `options.width`, with a date axis and caption. */
export function renderDailyChart(series: DailySeries, options: DailyChartOptions): string {
  const days = series.values.length;
  if (days === 0) return paragraph('No days to plot: the report holds no per-day counts.', options.width);
  const missing = series.values.filter((v) => !isFigure(v)).length;
  const clean = series.values.map((v) => (isFigure(v) ? Math.max(0, v) : 0));
  const peak = Math.max(...clean, isFigure(options.max) ? options.max : 0);
  const scale = yScale(peak);
  const labelWidth = formatNumber(scale.max, scale.decimals).length;
  const axisAt = labelWidth + 1; // the y axis column; point p is drawn at axisAt + p
  const room = Math.max(2, options.width - axisAt - 1);
  const perColumn = Math.ceil(days / room);
  const points = downsample(clean, perColumn);

  const plot = asciichart.plot(points, {
    min: 0,
    max: scale.max,
    height: scale.rows,
    offset: 2,
    format: (x) => `${formatNumber(x, scale.decimals).padStart(labelWidth)} `,
    colors: options.color ? [asciichart.cyan] : undefined,
  });
  // asciichart marks its top row with "┼"; keep that mark only on the row of the first value.
  const firstRow = scale.rows - Math.round((points[0] / scale.max) * scale.rows);
  const lines = plot.split('\n').map((line, row) => {
    const chars = [...line.trimEnd()];
    if (row !== firstRow && chars[axisAt] === '┼') chars[axisAt] = '┤';
    return chars.join('');
  });
  lines.push(...dateAxis(series.start, points.length, perColumn, axisAt, options.width));

  const warmupEnd = dayDate(series.start, series.warmupDays);
  const caption = [
    `x: calendar date; ${DAY_CONVENTION_SHORT}; ${perColumn === 1 ? 'one column per day' : `each column the mean of ${perColumn} days`};`,
    series.warmupDays > 0 ? `days before ${warmupEnd} (day ${dayNumber(series.warmupDays)}) are warm-up, drawn but left out of the statistics.` : 'no warm-up.',
    missing > 0 ? `${missing} day(s) had no figure (n/a) and are drawn as 0.` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  return `${lines.join('\n')}\n${paint(paragraph(caption, options.width), 'dim', options.color)}`;
}

/** Means of consecutive runs of `perColumn` values (the last run may be shorter). */
export function downsample(values: readonly number[], perColumn: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += perColumn) {
    const chunk = values.slice(i, i + perColumn);
    out.push(chunk.reduce((s, v) => s + v, 0) / chunk.length);
  }
  return out;
}

/**
 * Two lines under the plot: the axis with a tick under each labelled column, and the labels.
 * Labels go at month starts (and the start date) where they fit; evenly spaced from the start
 * date when fewer than two month starts fit.
 */
function dateAxis(start: string, columns: number, perColumn: number, axisAt: number, width: number): string[] {
  const labelOf = (column: number): string => dayDate(start, firstMonthStartIn(start, column, perColumn) ?? column * perColumn);
  const fits = (column: number, after: number): boolean => column >= after && axisAt + column + labelOf(column).length <= width;
  const labelLength = labelOf(0).length;

  // Month starts where their labels do not overlap; the start date too if it fits before them.
  let ticks: number[] = [];
  let next = 0;
  for (let c = 0; c < columns; c++) {
    if (firstMonthStartIn(start, c, perColumn) !== undefined && fits(c, next)) {
      ticks.push(c);
      next = c + labelOf(c).length + LABEL_GAP;
    }
  }
  if (ticks.length > 0 && ticks[0] > 0 && ticks[0] >= labelLength + LABEL_GAP) ticks.unshift(0);
  if (ticks.length < 2) {
    ticks = [];
    for (let c = 0; c < columns && fits(c, 0); c += labelOf(c).length + LABEL_GAP * 2) ticks.push(c);
  }

  const axis = [...' '.repeat(axisAt), ...'─'.repeat(columns)];
  axis[axisAt] = '└';
  const labels = [...' '.repeat(width)];
  for (const c of ticks) {
    if (c > 0) axis[axisAt + c] = '┬';
    [...labelOf(c)].forEach((ch, i) => (labels[axisAt + c + i] = ch));
  }
  return [axis.join('').trimEnd(), labels.join('').trimEnd()];
}

/** The day index of the first month start in `column`, if any. */
function firstMonthStartIn(start: string, column: number, perColumn: number): number | undefined {
  for (let d = column * perColumn; d < (column + 1) * perColumn; d++) if (isMonthStart(start, d)) return d;
  return undefined;
}
