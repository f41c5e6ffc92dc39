/**
 * A chart of the HTML report as data: a Vega-Lite spec with the words that go with it. Specs
 * are plain JSON built from the report, so tests can read them without drawing anything;
 * svg.ts draws them.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface Chart {
  /** Unique in the page: the prefix of the SVG's ids. */
  readonly id: string;
  /** What the chart is, in a few words: the SVG's `<title>` and the figure's caption. */
  readonly title: string;
  /** What it shows and how to read it: the SVG's `<desc>`, also shown under the chart. */
  readonly description: string;
  readonly spec: TopLevelSpec;
}

/** A view inside a vertical concatenation: one panel of a chart with several. */
export type Panel = Extract<TopLevelSpec, { vconcat: unknown }>['vconcat'][number];

/** A layer of a layered panel. */
export type Layer = Extract<Panel, { layer: unknown }>['layer'][number];
