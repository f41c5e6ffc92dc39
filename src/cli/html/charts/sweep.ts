/**
 * `sweep`: each metric across the grid, one panel per metric, with the 95 % CI of each point as
 * an error bar. The first `--vary` runs along the x axis (its values as typed, in grid order);
 * the points that share the other fields' values are joined into one series.
 */
import type { SweepReport } from '../../../run/index.js';
import { isFigure } from '../../render/format.js';
import { metricLabel } from '../../render/labels.js';
import type { Chart, Panel } from './chart.js';
import { stacked, unitText } from './panels.js';
import { seriesEncodings } from './series.js';
import { AXIS_NUMBER, PLOT_WIDTH } from './theme.js';

export function sweepChart(report: SweepReport): Chart {
  const [first, ...rest] = report.vary;
  const legendTitle = rest.length === 0 ? null : rest.map((v) => v.path).join(', ');
  return {
    id: 'sweep-metrics',
    title: `The metrics across the grid of ${first?.path ?? 'values'}`,
    description:
      `One panel per metric: the mean over replications at each value of ${first?.path ?? 'the swept field'} (in the order given), with its 95% CI as an error bar` +
      (rest.length === 0 ? '.' : `; points with the same ${rest.map((v) => v.path).join(' and ')} are joined, each series with its own dash and shape.`),
    spec: stacked(report.metrics.map((metric) => ({ title: metricLabel(metric.name, metric.unit), panel: metricPanel(report, metric.name, unitText(metric.unit), legendTitle) }))),
  };
}

function metricPanel(report: SweepReport, metric: string, unit: string, legendTitle: string | null): Panel {
  const values = (p: SweepReport['points'][number]): string[] => p.set.map((s) => s.slice(s.indexOf('=') + 1));
  const xOrder = [...new Set(report.points.map((p) => values(p)[0]))];
  const seriesNames = [...new Set(report.points.map((p) => values(p).slice(1).join(', ') || 'all points'))];
  const rows = report.points.flatMap((p) => {
    const s = p.metrics[metric];
    if (s === undefined || !isFigure(s.mean)) return [];
    const ci = s.ci95 ?? [s.mean, s.mean];
    return [{ at: values(p)[0], series: values(p).slice(1).join(', ') || 'all points', mean: s.mean, lo: ci[0], hi: ci[1] }];
  });
  const series = seriesEncodings('series', seriesNames, legendTitle);
  const x = { field: 'at', type: 'ordinal' as const, sort: xOrder, axis: { title: report.vary[0]?.path ?? '', labelAngle: 0, labelLimit: 160 } };
  const y = { type: 'quantitative' as const, scale: { zero: false }, axis: { title: `${metric} (${unit})`, format: AXIS_NUMBER } };
  return {
    width: PLOT_WIDTH - 100,
    height: 160,
    data: { values: rows },
    layer: [
      { mark: { type: 'errorbar', ticks: { size: 9 } }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: series.color } },
      { mark: { type: 'line', point: true, strokeWidth: 1.5 }, encoding: { x, y: { ...y, field: 'mean' }, ...series } },
    ],
  };
}
