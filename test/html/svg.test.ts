import { describe, expect, test } from 'vitest';
import type { Chart } from '../../src/cli/html/charts/chart.js';
import { releasedPerDayChart } from '../../src/cli/html/charts/daily.js';
import { accessible, renderChart, renumberIds, roundCoordinates } from '../../src/cli/html/svg.js';
import { makeReport, winterReport } from '../render/fixtures.js';

/** Charts drawn in Node: accessible images, the same bytes every time, unique ids in the page. */
describe('drawing a chart to SVG', () => {
  const chart = releasedPerDayChart([makeReport(), winterReport()]);

  test('gives an image labelled by its own title and description, with none of Vega\u2019s ARIA roles inside', async () => {
    const svg = await renderChart(chart);
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="released-per-day-title released-per-day-desc"[^>]*><title id="released-per-day-title">Containers released per day at Sost<\/title><desc id="released-per-day-desc">Bars: /);
    expect(svg.match(/ role="/g)?.length).toBe(1);
    expect(svg).not.toMatch(/aria-(roledescription|label)=/);
  });

  test('draws the same chart to the same bytes twice in one process, though Vega numbers its clip paths on', async () => {
    const clipped: Chart = {
      id: 'clipped',
      title: 'A clipped line',
      description: 'A line cut at the plot\u2019s edge, which Vega does with a numbered clip path.',
      spec: { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 5 }] }, mark: { type: 'line', clip: true }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative', scale: { domain: [0, 2] } } } },
    };
    const first = await renderChart(clipped);
    expect(first).toContain('clip-path="url(#clipped-1)"');
    expect(await renderChart(clipped)).toBe(first);
    expect(await renderChart(chart)).toBe(await renderChart(chart));
  });

  test('names every id after the chart, so two charts on a page never share one', () => {
    const svg = '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_3"/></defs><g clip-path="url(#clip7)" fill="url(#gradient_3)"><use href="#clip7"/></g></svg>';
    expect(renumberIds(svg, 'stranded')).toBe(
      '<svg><defs><clipPath id="stranded-1"><rect/></clipPath><linearGradient id="stranded-2"/></defs><g clip-path="url(#stranded-1)" fill="url(#stranded-2)"><use href="#stranded-1"/></g></svg>',
    );
  });

  test('keeps two decimals of coordinates and escapes the words it adds', () => {
    expect(roundCoordinates('<path d="M0.123456,10.5L-3.14159,2"/><text>1.23456</text>')).toBe('<path d="M0.12,10.5L-3.14,2"/><text>1.23456</text>');
    const svg = accessible('<svg width="10"><g role="graphics-object" aria-roledescription="group mark container"/></svg>', { id: 'c', title: 'A < B', description: '"quoted" & more' });
    expect(svg).toBe('<svg role="img" aria-labelledby="c-title c-desc" width="10"><title id="c-title">A &lt; B</title><desc id="c-desc">&quot;quoted&quot; &amp; more</desc><g/></svg>');
  });
});
