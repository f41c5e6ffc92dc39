/**
 * Day-by-day charts of a scenario report: containers released per day, with weekends, the
 * share of replications in which the pass was closed, and the warm-up marked; and the trucks
 * stranded at Tashkurgan over time. One panel per scenario, all on the same y scale.
 */
import { dayNumber, type ScenarioReport } from '../../../run/index.js';
import { isFigure } from '../../render/format.js';
import type { Chart, Layer, Panel } from './chart.js';
import { dayAxis, largest, stacked, zeroTo } from './panels.js';
import { AXIS_NUMBER, CLOSED, INK, PLOT_WIDTH, REFERENCE, WEEKEND } from './theme.js';

export function releasedPerDayChart(reports: readonly ScenarioReport[]): Chart {
  const yMax = largest(reports.flatMap((r) => r.releasedPerDay));
  const days = Math.max(0, ...reports.map((r) => r.releasedPerDay.length));
  return {
    id: 'released-per-day',
    title: 'Containers released per day at Sost',
    description:
      `Bars: mean containers gated out at Sost each day, over the replications${reports.length > 1 ? ', one panel per scenario on the same scale' : ''}. ` +
      'Light grey bands: weekends, when Sost customs does not work. Red shading hanging from the top: the share of replications in which the pass was closed at some time that day, read on the right-hand axis (to the bottom: all of them). ' +
      'The dashed line marks the end of the warm-up; days before it are left out of the statistics.',
    spec: stacked(reports.map((r) => ({ title: panelTitle(r), panel: releasedPanel(r, days, yMax) }))),
  };
}

export function strandedChart(reports: readonly ScenarioReport[]): Chart {
  const yMax = largest(reports.flatMap((r) => [...(r.series?.stranded.max ?? [])]));
  const days = Math.max(0, ...reports.map((r) => r.series?.stranded.mean.length ?? 0));
  return {
    id: 'stranded-over-time',
    title: 'Trucks stranded at Tashkurgan over time',
    description:
      'Trucks waiting at Tashkurgan (and at the border) for the crossing, each day: the time-weighted daily mean (solid), the level exceeded 10% of the day (dashed) and the daily peak (dotted), each averaged over the replications' +
      `${reports.length > 1 ? '; one panel per scenario on the same scale' : ''}. The dashed vertical line marks the end of the warm-up.`,
    spec: stacked(reports.map((r) => ({ title: panelTitle(r), panel: strandedPanel(r, days, yMax) }))),
  };
}

function panelTitle(r: ScenarioReport): string {
  return `${r.scenario} (day 1 = ${r.start})`;
}

const STATISTICS = [
  { key: 'mean', label: 'Daily mean', dash: [1, 0] },
  { key: 'p90', label: 'Daily 90th percentile', dash: [6, 3] },
  { key: 'max', label: 'Daily peak', dash: [2, 2] },
] as const;

/** One scenario's bars on a day axis `days` long and a y axis to `yMax`, both shared by the panels of a comparison. */
function releasedPanel(r: ScenarioReport, days: number, yMax: number): Panel {
  const weekends = new Set(r.sostWeekendDays);
  const rows = r.releasedPerDay.map((released, i) => ({
    day: dayNumber(i),
    from: dayNumber(i) - 0.5,
    to: dayNumber(i) + 0.5,
    barFrom: dayNumber(i) - 0.4,
    barTo: dayNumber(i) + 0.4,
    released: isFigure(released) ? released : 0,
    closed: r.passClosedShareByDay[i] ?? 0,
    weekend: weekends.has(i),
  }));
  const x = { field: 'from', type: 'quantitative' as const, ...dayAxis(days, r.start) };
  return {
    width: PLOT_WIDTH,
    height: 150,
    data: { values: rows },
    layer: [
      { transform: [{ filter: 'datum.weekend' }], mark: { type: 'rect', color: WEEKEND }, encoding: { x, x2: { field: 'to' } } },
      {
        transform: [{ filter: 'datum.closed > 0' }],
        mark: { type: 'rect', color: CLOSED, opacity: 0.45 },
        encoding: {
          x,
          x2: { field: 'to' },
          y: { field: 'closed', type: 'quantitative', scale: { domain: [0, 1], reverse: true }, axis: { orient: 'right', title: 'Pass closed that day (% of replications)', format: '.0%', tickCount: 4, grid: false } },
          y2: { datum: 0 },
        },
      },
      {
        mark: { type: 'rect', color: INK },
        encoding: {
          x: { ...x, field: 'barFrom' },
          x2: { field: 'barTo' },
          y: { field: 'released', type: 'quantitative', scale: zeroTo(yMax), axis: { title: 'Containers released per day', format: AXIS_NUMBER } },
          y2: { datum: 0 },
        },
      },
      ...warmupMarks(r),
    ],
    resolve: { scale: { y: 'independent' } },
  };
}

function strandedPanel(r: ScenarioReport, days: number, yMax: number): Panel {
  const series = r.series?.stranded;
  const rows = STATISTICS.flatMap(({ key, label }) => (series?.[key] ?? []).map((value, i) => ({ day: dayNumber(i), statistic: label, value: isFigure(value) ? value : 0 })));
  return {
    width: PLOT_WIDTH,
    height: 150,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'line', color: INK, strokeWidth: 1.5, interpolate: 'step-after' },
        encoding: {
          x: { field: 'day', type: 'quantitative', ...dayAxis(days, r.start) },
          y: { field: 'value', type: 'quantitative', scale: zeroTo(yMax), axis: { title: 'Trucks waiting at Tashkurgan (containers)', format: AXIS_NUMBER } },
          strokeDash: {
            field: 'statistic',
            type: 'nominal',
            scale: { domain: STATISTICS.map((s) => s.label), range: STATISTICS.map((s) => [...s.dash]) },
            legend: { title: null, symbolStrokeColor: INK },
          },
        },
      },
      ...warmupMarks(r),
    ],
  };
}

/** A dashed rule between the last warm-up day and the first measured day, labelled. */
function warmupMarks(r: ScenarioReport): Layer[] {
  if (!(r.warmupDays > 0)) return [];
  const at = dayNumber(r.warmupDays) - 0.5;
  return [
    { data: { values: [{ at }] }, mark: { type: 'rule', color: REFERENCE, strokeDash: [4, 3] }, encoding: { x: { field: 'at', type: 'quantitative' } } },
    {
      data: { values: [{ at, label: 'warm-up ends' }] },
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, y: 2, fontSize: 10, color: REFERENCE },
      encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
}
