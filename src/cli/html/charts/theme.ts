/**
 * The look every chart shares: plain sans-serif text, one dark ink, and series told apart by
 * dash and shape as well as colour, so that a greyscale print keeps them apart.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from '../textWidth.js';

/** Bars, lines and points: near-black blue, dark in greyscale. */
export const INK = '#1d3557';
/** The fill of boxes and secondary bars: light in greyscale. */
export const PALE = '#a8c5e2';
/** Reference lines (zero, the limit, the warm-up's end). */
export const REFERENCE = '#6b6b6b';
/** Weekend bands: the lightest grey. */
export const WEEKEND = '#e4e4e4';
/** The pass-closed shading, translucent over the weekend bands. */
export const CLOSED = '#b2182b';

/** Series of a chart, in order: colours of distinct lightness, each with its own dash and point shape. */
export const SERIES_COLOURS = ['#1d3557', '#e07a1f', '#5b8db8', '#7a5195'];
export const SERIES_DASHES = [[1, 0], [7, 3], [2, 2], [9, 3, 2, 3]];
export const SERIES_SHAPES = ['circle', 'square', 'triangle-up', 'diamond'];

/** Width of a chart's plotting area, px: fits an A4 page with its margins. */
export const PLOT_WIDTH = 560;

const CONFIG: Config = {
  aria: false,
  font: CHART_FONT,
  background: 'white',
  view: { stroke: '#cfcfcf' },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', labelLimit: 240, gridColor: '#ececec' },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal' },
  title: { fontSize: 12, fontWeight: 'bold', anchor: 'start' },
  concat: { spacing: 24 },
};

/** `spec` with the shared look and padding. */
export function themed(spec: TopLevelSpec): TopLevelSpec {
  return { ...spec, config: CONFIG, padding: 8 };
}

/** Number format of axis labels: thousands separated, no needless decimals. */
export const AXIS_NUMBER = ',~r';
