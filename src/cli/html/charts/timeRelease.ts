/**
 * Charts of container times in a scenario report: the distribution of the time release, the
 * milestone intervals as a Time Release Study waterfall, and the time release by channel and by
 * cargo type as box plots. In a comparison each scenario has its own panel and every panel the
 * same scales.
 */
import type { ScenarioReport } from '../../../run/index.js';
import { isFigure } from '../../render/format.js';
import { capitalise, CHANNEL_MEANING, hasTimes, TIME_RELEASE, TIME_RELEASE_LOWER, TIME_RELEASE_SPAN } from '../../render/labels.js';
import type { Chart, Panel } from './chart.js';
import { largest, stacked, zeroTo } from './panels.js';
import { AXIS_NUMBER, INK, PALE, PLOT_WIDTH } from './theme.js';

const HOURS_AXIS = `${TIME_RELEASE}, hours (${TIME_RELEASE_SPAN})`;

export function distributionChart(reports: readonly ScenarioReport[]): Chart {
  const shares = reports.map(histogramShares);
  const widths = reports.map((r) => r.timeReleaseHistogram.width).filter(isFigure);
  const width = widths.length > 0 ? Math.max(...widths) : 1;
  const buckets = Math.max(0, ...reports.map((r) => r.timeReleaseHistogram.counts.length));
  const yMax = largest(shares.flat().map((s) => s.share));
  return {
    id: 'time-release-distribution',
    title: `Distribution of the ${TIME_RELEASE_LOWER}`,
    description:
      `Share of the containers measured (entered after the warm-up, released) by hours from arrival at Sost to gate-out, in buckets of ${width} h; ` +
      `the last bar holds every container at ${width * Math.max(1, buckets - 1)} h or more.${reports.length > 1 ? ' One panel per scenario, all on the same axes.' : ''}`,
    spec: stacked(
      reports.map((r, i) => ({
        title: r.scenario,
        panel: {
          width: PLOT_WIDTH,
          height: 130,
          data: { values: shares[i] },
          mark: { type: 'rect', color: INK },
          encoding: {
            x: { field: 'from', type: 'quantitative', scale: zeroTo(width * buckets), axis: { title: HOURS_AXIS, format: AXIS_NUMBER, tickCount: 10 } },
            x2: { field: 'to' },
            y: { field: 'share', type: 'quantitative', scale: zeroTo(yMax), axis: { title: 'Share of containers (%)', format: AXIS_NUMBER } },
            y2: { datum: 0 },
          },
        },
      })),
    ),
  };
}

export function waterfallChart(reports: readonly ScenarioReport[]): Chart {
  const rows = reports.map(waterfallRows);
  const xMax = largest(rows.flat().map((r) => Math.max(r.end, r.medianAt)));
  return {
    id: 'milestone-waterfall',
    title: 'Milestone intervals, a Time Release Study waterfall',
    description:
      'Each bar is one interval of the journey from Kashgar gate-in to gate-out at Sost, in journey order: it starts where the mean of the intervals before it ends and is as long as its own mean, so the last bar ends at the mean corridor time. ' +
      `The dark tick marks the interval's median, measured from the same start; medians do not add up.${reports.length > 1 ? ' One panel per scenario, all on the same axis.' : ''}`,
    spec: stacked(reports.map((r, i) => ({ title: r.scenario, panel: waterfallPanel(rows[i], xMax) }))),
  };
}

export type Grouping = 'channels' | 'cargo';

const GROUPING: Readonly<Record<Grouping, { readonly id: string; readonly title: string; readonly axis: string; readonly meaning: Readonly<Record<string, string>> }>> = {
  channels: { id: 'time-release-by-channel', title: 'by channel', axis: 'Channel', meaning: CHANNEL_MEANING },
  cargo: { id: 'time-release-by-cargo', title: 'by cargo type', axis: 'Cargo type', meaning: {} },
};

export function spreadChart(reports: readonly ScenarioReport[], grouping: Grouping): Chart {
  const g = GROUPING[grouping];
  const rows = reports.map((r) => spreadRows(r, grouping));
  const xMax = largest(rows.flat().map((b) => b.p90));
  return {
    id: g.id,
    title: `${TIME_RELEASE} ${g.title}`,
    description:
      `Box plots of the time release of each ${g.axis.toLowerCase()}'s containers, pooled over the replications: the box runs from the 25th to the 75th percentile, ` +
      `the dark tick is the median and the whiskers reach the 10th and 90th percentiles. A ${g.axis.toLowerCase()} with no container measured has no box.` +
      (reports.length > 1 ? ' One panel per scenario, all on the same axis.' : ''),
    spec: stacked(reports.map((r, i) => ({ title: r.scenario, panel: spreadPanel(rows[i], g.axis, xMax) }))),
  };
}

function histogramShares(r: ScenarioReport): Array<{ from: number; to: number; share: number }> {
  const { width, counts } = r.timeReleaseHistogram;
  const total = counts.filter(isFigure).reduce((s, c) => s + c, 0);
  if (!isFigure(width) || !(total > 0) || !hasTimes(r)) return [];
  return counts.map((c, i) => ({ from: i * width + width * 0.04, to: (i + 1) * width - width * 0.04, share: isFigure(c) ? (100 * c) / total : 0 }));
}

interface WaterfallRow {
  readonly interval: string;
  readonly start: number;
  readonly end: number;
  readonly medianAt: number;
}

function waterfallRows(r: ScenarioReport): WaterfallRow[] {
  if (!hasTimes(r)) return [];
  let start = 0;
  return r.milestones.map((m, i) => {
    const mean = isFigure(m.mean) ? m.mean : 0;
    const row = { interval: `${i + 1}. ${capitalise(m.name)}`, start, end: start + mean, medianAt: start + (isFigure(m.median) ? m.median : 0) };
    start += mean;
    return row;
  });
}

function waterfallPanel(rows: readonly WaterfallRow[], xMax: number): Panel {
  const y = { field: 'interval', type: 'nominal' as const, sort: null, axis: { title: null, labelLimit: 260 } };
  const x = { type: 'quantitative' as const, scale: zeroTo(xMax), axis: { title: 'Hours from Kashgar gate-in (cumulative mean)', format: AXIS_NUMBER } };
  return {
    width: PLOT_WIDTH - 140,
    height: { step: 16 },
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', color: PALE, stroke: INK, strokeWidth: 0.75 }, encoding: { y, x: { ...x, field: 'start' }, x2: { field: 'end' } } },
      { mark: { type: 'tick', color: INK, thickness: 2.5, size: 13 }, encoding: { y, x: { ...x, field: 'medianAt' } } },
    ],
  };
}

interface SpreadRow {
  readonly group: string;
  readonly p10: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
}

function spreadRows(r: ScenarioReport, grouping: Grouping): SpreadRow[] {
  if (!hasTimes(r)) return [];
  const shares: Readonly<Record<string, { readonly share: number }>> = r[grouping];
  const meaning = GROUPING[grouping].meaning;
  return Object.entries<ScenarioReport['timeReleaseSpread']['channels']['green']>(r.timeReleaseSpread[grouping])
    .filter(([name, spread]) => (shares[name]?.share ?? 0) > 0 && [spread.p10, spread.p25, spread.median, spread.p75, spread.p90].every(isFigure))
    .map(([name, spread]) => ({ group: meaning[name] === undefined ? capitalise(name) : `${capitalise(name)} (${meaning[name]})`, ...spread }));
}

function spreadPanel(rows: readonly SpreadRow[], axis: string, xMax: number): Panel {
  const y = { field: 'group', type: 'nominal' as const, sort: null, axis: { title: axis, labelLimit: 240 } };
  const x = { type: 'quantitative' as const, scale: zeroTo(xMax), axis: { title: HOURS_AXIS, format: AXIS_NUMBER } };
  return {
    width: PLOT_WIDTH - 120,
    height: { step: 26 },
    data: { values: rows },
    layer: [
      { mark: { type: 'rule', color: INK }, encoding: { y, x: { ...x, field: 'p10' }, x2: { field: 'p90' } } },
      { mark: { type: 'bar', color: PALE, stroke: INK, strokeWidth: 0.75, size: 14 }, encoding: { y, x: { ...x, field: 'p25' }, x2: { field: 'p75' } } },
      { mark: { type: 'tick', color: INK, thickness: 2.5, size: 14 }, encoding: { y, x: { ...x, field: 'median' } } },
    ],
  };
}
