/**
 * Pieces every chart spec uses: panels stacked one above the other on shared scales, the
 * day axis of the day convention, and units on axis titles.
 */
import type { TopLevelSpec } from 'vega-lite';
import { DAY_CONVENTION_SHORT } from '../../../run/index.js';
import { isFigure } from '../../render/format.js';
import type { Panel } from './chart.js';
import { themed } from './theme.js';

/** One panel, or several stacked with a title each (a scenario's name, a metric's label). */
export function stacked(panels: ReadonlyArray<{ readonly title: string; readonly panel: Panel }>): TopLevelSpec {
  if (panels.length === 1) return single(panels[0].panel);
  return themed({ vconcat: panels.map(({ title, panel }) => ({ ...panel, title })) });
}

/** A chart of one panel. */
export function single(panel: Panel): TopLevelSpec {
  return themed({ vconcat: [panel] });
}

/** The x scale and axis of days 1‥`days`: one band per day, labelled by day number. */
export function dayAxis(days: number, start: string) {
  return {
    scale: { domain: [0.5, Math.max(1, days) + 0.5], nice: false, zero: false },
    axis: { title: `Day of the run (${DAY_CONVENTION_SHORT.replace('start date', start)})`, format: 'd', tickMinStep: 1, grid: false },
  };
}

/** A linear scale from 0 to `max` (1 when there is nothing above 0), shared by the panels given the same `max`. */
export function zeroTo(max: number) {
  return { domain: [0, isFigure(max) && max > 0 ? max : 1], nice: true };
}

/** The unit as an axis shows it in brackets: hours as h. */
export function unitText(unit: string): string {
  return unit === 'hours' ? 'h' : unit;
}

/** The largest finite value of `values`, 0 when there is none. */
export function largest(values: Iterable<number | null | undefined>): number {
  let max = 0;
  for (const v of values) if (isFigure(v) && v > max) max = v;
  return max;
}
