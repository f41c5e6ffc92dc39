import { describe, expect, test } from 'vitest';
import { htmlDocument } from '../../src/cli/html/document.js';
import { comparePage, runPage } from '../../src/cli/html/index.js';
import { renderChart } from '../../src/cli/html/svg.js';
import { differencesFor, emptyReport, makeReport, winterReport } from '../render/fixtures.js';
import { cellsOf } from './support.js';

/** Whole pages from reports built by hand, drawn with their charts: what a reader sees when the figures are missing. */
describe('report pages', () => {
  test('a report with no container times and NaN wherever a figure could be reads n/a, never NaN', async () => {
    const html = await htmlDocument(runPage(emptyReport(), undefined, 'npx khunjerab run scenarios/closed.yaml'), renderChart);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(cellsOf(html).filter((c) => c.text === 'n/a').length).toBeGreaterThan(20);
    expect(html).toContain('no container both entered the corridor after the warm-up and left Sost');
  });

  test('a comparison states the seed, the replications, common random numbers and the day convention once each', async () => {
    const reports = [makeReport(), winterReport()];
    const html = await htmlDocument(comparePage(reports, differencesFor(reports), undefined, 'npx khunjerab compare a.yaml b.yaml'), renderChart);
    const header = /<header>(.*?)<\/header>/s.exec(html)?.[1] ?? '';
    expect(header).toContain('<dt>Seed</dt><dd>2025</dd>');
    expect(header).toContain('<dt>Replications</dt><dd>20 per scenario</dd>');
    expect(header).toMatch(/common random numbers: replication i of every scenario shares/);
    expect(html.match(/Day 1 is the scenario&#39;s start date/g)).toHaveLength(1);
    expect(html).toContain('<pre class="command"><code>npx khunjerab compare a.yaml b.yaml</code></pre>');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(http|src=/i);
  });
});
