/**
 * "When containers reach and leave Sost": the time release by day of week of arrival at Sost
 * and of gate-out (a small table), and by hour of day as sparklines with the busiest and the
 * slowest hour named.
 *
 * ```
 * Arrivals at Sost by hour ▁▁▁▂▃▅▇█▇▆▅▄▃▂▂▁▁▁▁▁▁▁▁▁ busiest 07:00 (9.1%)
 * Gate-outs by hour        ·········▃▆█▇▆▅▃▂······· busiest 11:00 (12.0%)
 * Mean h by arrival hour   ▅▅▅▅▅▅▅▄▄▄▄▅▆▇██▇▆▅▅▅▅▅▅ longest 15:00 (120.3 h)
 * ```
 */
import type { ScenarioReport } from '../../run/index.js';
import { WEEKDAYS } from '../../run/releasePattern.js';
import { note, section } from './blocks.js';
import { formatNumber, formatPercent, isFigure, NA } from './format.js';
import { capitalise, hasTimes, NO_TIMES_SEE_ABOVE, TIME_RELEASE_LOWER } from './labels.js';
import type { RenderOptions } from './options.js';
import { indexOfLargest, sparkline } from './sparkline.js';

type Pattern = ScenarioReport['timeReleasePattern'];
type Groups = Pattern['byArrivalHour'];

const TITLE = 'When containers reach and leave Sost (PKT)';

export function releasePatternSection(r: ScenarioReport, o: RenderOptions): string {
  const p = r.timeReleasePattern;
  if (p === undefined || !hasTimes(r)) return section(TITLE, o, note(NO_TIMES_SEE_ABOVE, o));
  const byDay = (week: Pattern['byArrivalWeekday']): Groups => WEEKDAYS.map((d) => week[d]);
  const arrived = byDay(p.byArrivalWeekday);
  const released = byDay(p.byReleaseWeekday);
  const mean = (groups: Groups): string[] => groups.map((g) => (isFigure(g.share) && g.share > 0 ? formatNumber(g.meanHours) : NA));
  const share = (groups: Groups): string[] => groups.map((g) => formatPercent(g.share));
  const rows: ReadonlyArray<readonly string[]> = [
    ['Arrived, share', ...share(arrived)],
    ['  mean h', ...mean(arrived)],
    ['Gated out, share', ...share(released)],
    ['  mean h', ...mean(released)],
  ];
  const busiest = (groups: Groups) => (i: number): string => `busiest ${clock(i)} (${formatPercent(groups[i].share)})`;
  const counted = (g: Groups[number]): boolean => g.share >= MEAN_HOUR_MIN_SHARE;
  const hourLines = [
    hourLine('Arrivals at Sost by hour', p.byArrivalHour.map((g) => g.share), busiest(p.byArrivalHour), o),
    hourLine('Gate-outs by hour', p.byReleaseHour.map((g) => g.share), busiest(p.byReleaseHour), o),
    hourLine('Mean h by arrival hour', p.byArrivalHour.map((g) => (counted(g) ? g.meanHours : 0)), (i) => `longest ${clock(i)} (${formatNumber(p.byArrivalHour[i].meanHours)} h)`, o),
  ];
  return section(
    TITLE,
    o,
    weekdayGrid(rows, o),
    hourLines.join('\n'),
    note(`Weekdays and hours 00–23 in PKT; ${TIME_RELEASE_LOWER} in mean hours. "·": no containers, or under ${formatPercent(MEAN_HOUR_MIN_SHARE, 0)} of them for mean hours.`, o),
  );
}

/** An hour's mean is drawn when at least this share of the containers arrived in it: a handful of night arrivals is noise. */
const MEAN_HOUR_MIN_SHARE = 0.01;

const GRID_LABEL = 18;
const GRID_CELL = 7;
const NARROW_DAY = 4;
const NARROW_CELL = 9;

/**
 * Rows under a weekday header; on a terminal too narrow for seven columns, a row per weekday
 * instead (arrived share, mean h, gate-out share, mean h).
 */
function weekdayGrid(rows: ReadonlyArray<readonly string[]>, o: RenderOptions): string {
  const days = WEEKDAYS.map(capitalise);
  const line = (label: string, cells: readonly string[], labelWidth: number, cellWidth: number): string =>
    `${label.padEnd(labelWidth)}${cells.map((c) => c.padStart(cellWidth)).join('')}`.trimEnd();
  if (GRID_LABEL + days.length * GRID_CELL <= o.width) {
    return [line('', days, GRID_LABEL, GRID_CELL), ...rows.map(([label, ...cells]) => line(label, cells, GRID_LABEL, GRID_CELL))].join('\n');
  }
  const header = line('', ['arrived', 'mean h', 'gate-out', 'mean h'], NARROW_DAY, NARROW_CELL);
  return [header, ...days.map((day, i) => line(day, rows.map((row) => row[i + 1]), NARROW_DAY, NARROW_CELL))].join('\n');
}

const LABEL_WIDTH = 25;

/** `label`, the hours 00–23 as a sparkline and what its largest hour is; the extreme wraps under a narrow terminal. */
function hourLine(label: string, values: readonly number[], largest: (hour: number) => string, o: RenderOptions): string {
  const top = indexOfLargest(values, (i) => values[i] > 0);
  const head = `${label.padEnd(LABEL_WIDTH)}${sparkline(values)}`;
  const tail = top < 0 ? 'none' : largest(top);
  if (head.length + 1 + tail.length <= o.width) return `${head} ${tail}`;
  return head.length <= o.width ? `${head}\n  ${tail}` : `${label}\n${sparkline(values)}\n  ${tail}`;
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
