/**
 * `compare`: each metric's paired difference from the baseline, with its 95 % CI as an error
 * bar, one panel per metric on its own axis (each metric has its own unit).
 */
import type { Difference } from '../../../run/index.js';
import { isFigure } from '../../render/format.js';
import { metricLabel } from '../../render/labels.js';
import type { Chart, Panel } from './chart.js';
import { stacked, unitText } from './panels.js';
import { AXIS_NUMBER, INK, PLOT_WIDTH, REFERENCE } from './theme.js';

export function differencesChart(differences: readonly Difference[]): Chart {
  const metrics = [...new Set(differences.map((d) => d.metric))];
  return {
    id: 'paired-differences',
    title: 'Differences from the baseline, paired by replication',
    description:
      'For each metric, a panel on its own axis: the point is the mean over paired replications of scenario minus baseline, the bar its 95% confidence interval, and the dashed line zero. ' +
      'A bar that does not cross zero is a difference the replications show with 95% confidence.',
    spec: stacked(
      metrics.map((metric) => {
        const mine = differences.filter((d) => d.metric === metric);
        return { title: metricLabel(metric, mine[0].unit), panel: differencePanel(mine) };
      }),
    ),
  };
}

function differencePanel(differences: readonly Difference[]): Panel {
  const rows = differences
    .filter((d) => isFigure(d.difference))
    .map((d) => ({
      pair: `${d.scenario} − ${d.baseline}`,
      difference: d.difference,
      lo: isFigure(d.ci95[0]) ? d.ci95[0] : d.difference,
      hi: isFigure(d.ci95[1]) ? d.ci95[1] : d.difference,
    }));
  const unit = unitText(differences[0]?.unit ?? '');
  const y = { field: 'pair', type: 'nominal' as const, sort: null, axis: { title: null, labelLimit: 220 } };
  const x = { type: 'quantitative' as const, axis: { title: `Scenario minus baseline (${unit})`, format: AXIS_NUMBER, tickCount: 6 } };
  return {
    width: PLOT_WIDTH - 160,
    height: { step: 24 },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: REFERENCE, strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'zero' } } },
      { data: { values: rows }, mark: { type: 'errorbar', ticks: { color: INK, size: 9 }, rule: { color: INK } }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } },
      { data: { values: rows }, mark: { type: 'point', filled: true, color: INK, size: 50 }, encoding: { y, x: { ...x, field: 'difference' } } },
    ],
  };
}
