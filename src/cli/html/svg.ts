/**
 * Draws a chart spec to SVG in Node, with no browser: Vega-Lite compiles it to Vega, and Vega's
 * headless view writes the SVG. Both load on the first call, so a command without `--html`
 * never loads them.
 *
 * The SVG is then made fit for the page:
 * - accessible: `role="img"`, a `<title>` and a `<desc>` it is labelled by, and none of Vega's
 *   own ARIA roles inside (an image's parts are not read one by one);
 * - reproducible and unique in the page: Vega numbers its clip paths with a counter that runs
 *   on for the life of the process, so every id is renumbered under the chart's own prefix;
 * - small: coordinates keep two decimals, and Vega's empty backgrounds and default opacities go.
 */
import type { Chart } from './charts/chart.js';
import { escapeHtml } from './markup.js';
import { textWidth } from './textWidth.js';

/** Draws a Vega-Lite spec to an SVG string. */
type Renderer = (spec: Chart['spec']) => Promise<string>;

let renderer: Promise<Renderer> | undefined;

function loadRenderer(): Promise<Renderer> {
  renderer ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]): Renderer => {
    measureTextWith(vega);
    return async (spec) => {
      const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    };
  });
  return renderer;
}

/**
 * Vega exports its text metrics (untyped) for a renderer without canvas to replace; see
 * textWidth.ts for why.
 */
function measureTextWith(vega: object): void {
  const metrics: unknown = Reflect.get(vega, 'textMetrics');
  if (typeof metrics !== 'object' || metrics === null || !('width' in metrics)) throw new Error('vega no longer exports textMetrics: the chart layout cannot measure text');
  Reflect.set(metrics, 'width', textWidth);
}

/** The chart as an accessible, self-contained SVG element. */
export async function renderChart(chart: Chart): Promise<string> {
  const draw = await loadRenderer();
  const svg = await draw(chart.spec);
  return accessible(renumberIds(roundCoordinates(withoutNoOps(svg)), chart.id), chart);
}

/** Vega's SVG with its ARIA attributes replaced by an image's title and description. */
export function accessible(svg: string, chart: Pick<Chart, 'id' | 'title' | 'description'>): string {
  const bare = svg.replace(/ (?:role|aria-[a-z]+|pointer-events)="[^"]*"/g, '');
  const open = /^<svg\b[^>]*>/.exec(bare);
  if (open === null) throw new Error(`chart ${chart.id}: the renderer gave no <svg> element`);
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  const root = open[0].replace(/^<svg/, `<svg role="img" aria-labelledby="${titleId} ${descId}"`);
  const words = `<title id="${titleId}">${escapeHtml(chart.title)}</title><desc id="${descId}">${escapeHtml(chart.description)}</desc>`;
  return `${root}${words}${bare.slice(open[0].length)}`;
}

/** Every id of the SVG, and every reference to one, as `prefix-1`, `prefix-2`, … in order of appearance. */
export function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/ id="([^"]+)"/g)) if (!ids.has(match[1])) ids.set(match[1], `${prefix}-${ids.size + 1}`);
  if (ids.size === 0) return svg;
  return svg
    .replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${ids.get(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
    .replace(/href="#([^"]+)"/g, (whole, id: string) => (ids.has(id) ? `href="#${ids.get(id)}"` : whole));
}

/** Vega's SVG without what draws nothing: empty group backgrounds, hidden foregrounds, full opacity. */
export function withoutNoOps(svg: string): string {
  return svg
    .replace(/<path class="background" d="M0,0h0v0h0Z"\/>/g, '')
    .replace(/<path class="foreground" d="" display="none"\/>/g, '')
    .replace(/ opacity="1"/g, '');
}

/** Numbers with more than two decimals inside attribute values, rounded to two. */
export function roundCoordinates(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (whole, value: string) =>
    /\d\.\d{3}/.test(value) ? `="${value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))}"` : whole,
  );
}
