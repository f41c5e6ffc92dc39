/**
 * The day-by-day series in one short paragraph: the measured day with the most containers
 * inside the corridor, the typical and the worst daily p90 of trucks stranded at Tashkurgan,
 * and the backlog at day end.
 */
import type { ScenarioReport } from '../../run/index.js';
import { dayAndDate } from './dates.js';
import { formatNumber, isFigure } from './format.js';
import type { RenderOptions } from './options.js';
import { indexOfLargest } from './sparkline.js';
import { paragraph } from './text.js';

export function dailySeriesParagraph(r: ScenarioReport, o: RenderOptions): string {
  const series = r.series;
  const from = isFigure(r.warmupDays) ? Math.max(0, r.warmupDays) : 0;
  const measured = (values: readonly number[] | undefined): number[] => (values ?? []).slice(from);
  const inside = measured(series?.corridor.mean);
  if (series === undefined || inside.length === 0) return '';
  const top = indexOfLargest(inside);
  const stranded = measured(series.stranded.p90);
  const backlog = measured(series.backlog.atEndOfDay);
  const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
  const most = top < 0
    ? ''
    : `most inside the corridor on ${dayAndDate(r.start, from + top)}, ${formatNumber(inside[top])} on average that day and ${formatNumber(measured(series.corridor.max)[top])} at most; `;
  return paragraph(
    `Day by day after the warm-up: ${most}` +
      `stranded at Tashkurgan, daily p90 ${formatNumber(mean(stranded))} on average and ${formatNumber(Math.max(...stranded))} at worst; ` +
      `inside longer than ${formatNumber(series.backlog.ageHours, 0)} h at day end ${formatNumber(mean(backlog))} on average, ${formatNumber(Math.max(...backlog))} at most.`,
    o.width,
  );
}
