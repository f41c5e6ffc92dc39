/**
 * `sensitivity`: for one factor at a time, a tornado per metric (each factor's effect HIGH − LOW
 * as a bar from zero, its 95 % CI as an error bar, the largest on top); for Morris screening,
 * each factor's μ* (importance) against σ (non-linearity or interaction) per metric.
 */
import type { MorrisReport, OneAtATimeReport } from '../../../run/index.js';
import { isFigure } from '../../render/format.js';
import { metricLabel } from '../../render/labels.js';
import type { Chart, Panel } from './chart.js';
import { stacked, unitText } from './panels.js';
import { AXIS_NUMBER, INK, PALE, PLOT_WIDTH, REFERENCE } from './theme.js';

export function tornadoChart(report: OneAtATimeReport): Chart {
  return {
    id: 'tornado',
    title: 'Tornado: the effect of each factor, HIGH − LOW',
    description:
      'One panel per metric, each on its own axis: a bar from zero to the mean effect of moving the factor from its LOW to its HIGH level (paired replications), ' +
      'with its 95% confidence interval as an error bar; the largest effect is on top, and a bar left of the dashed zero line lowers the metric.',
    spec: stacked(report.metrics.map((metric, m) => ({ title: metricLabel(metric.name, metric.unit), panel: tornadoPanel(report, m, unitText(metric.unit)) }))),
  };
}

export function morrisChart(report: MorrisReport): Chart {
  return {
    id: 'morris',
    title: 'Morris screening: μ* against σ',
    description:
      'One panel per metric: each factor is a point at its μ* (the mean size of its elementary effects: importance, right is more) and its σ (their spread: up is more curvature or interaction), both in the metric\u2019s unit over the factor\u2019s range.',
    spec: stacked(report.metrics.map((metric, m) => ({ title: metricLabel(metric.name, metric.unit), panel: morrisPanel(report, m, unitText(metric.unit)) }))),
  };
}

function tornadoPanel(report: OneAtATimeReport, m: number, unit: string): Panel {
  const rows = report.ranking
    .map((f) => ({ factor: f.factor, e: f.effects[m] }))
    .filter(({ e }) => e !== undefined && isFigure(e.effect))
    .sort((a, b) => Math.abs(b.e.effect) - Math.abs(a.e.effect))
    .map(({ factor, e }) => ({ factor, effect: e.effect, lo: isFigure(e.ci95[0]) ? e.ci95[0] : e.effect, hi: isFigure(e.ci95[1]) ? e.ci95[1] : e.effect }));
  const y = { field: 'factor', type: 'nominal' as const, sort: null, axis: { title: null, labelLimit: 220 } };
  const x = { type: 'quantitative' as const, axis: { title: `HIGH − LOW (${unit})`, format: AXIS_NUMBER } };
  return {
    width: PLOT_WIDTH - 160,
    height: { step: 24 },
    layer: [
      { data: { values: rows }, mark: { type: 'bar', color: PALE, stroke: INK, strokeWidth: 0.75, size: 14 }, encoding: { y, x: { ...x, field: 'effect' }, x2: { datum: 0 } } },
      { data: { values: rows }, mark: { type: 'errorbar', ticks: { color: INK, size: 9 }, rule: { color: INK } }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: REFERENCE, strokeDash: [4, 3] }, encoding: { x: { ...x, field: 'zero' } } },
    ],
  };
}

function morrisPanel(report: MorrisReport, m: number, unit: string): Panel {
  const rows = report.ranking
    .map((f) => ({ factor: f.factor, muStar: f.effects[m]?.muStar, sigma: f.effects[m]?.sigma }))
    .filter((r): r is { factor: string; muStar: number; sigma: number } => isFigure(r.muStar) && isFigure(r.sigma));
  const x = { field: 'muStar', type: 'quantitative' as const, scale: { zero: true }, axis: { title: `μ* (${unit})`, format: AXIS_NUMBER } };
  const y = { field: 'sigma', type: 'quantitative' as const, scale: { zero: true }, axis: { title: `σ (${unit})`, format: AXIS_NUMBER } };
  return {
    width: PLOT_WIDTH - 100,
    height: 200,
    data: { values: rows },
    layer: [
      { mark: { type: 'point', filled: true, color: INK, size: 50 }, encoding: { x, y } },
      { mark: { type: 'text', align: 'left', dx: 6, fontSize: 10, color: INK }, encoding: { x, y, text: { field: 'factor' } } },
    ],
  };
}
