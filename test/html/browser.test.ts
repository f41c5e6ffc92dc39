import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMPARE_ARGS, findChromium, makeReport, removeTemporaryFolders, temporaryFolder, type MadeReport } from './support.js';

/**
 * The comparison page in a real browser (Chromium, driven by playwright-core), opened from
 * disk with every request but the page itself refused: it must be whole on its own. In CI a
 * missing browser fails the test; elsewhere the test is skipped and says why.
 */
const browserPath = findChromium();
const NO_BROWSER =
  'no Chromium found: install Debian\u2019s chromium-headless-shell (apt-get install chromium-headless-shell) or set KHUNJERAB_CHROMIUM to a Chromium or Chrome binary';

/** Each chart of the comparison page, and the fewest marks of non-zero size it must draw (two scenarios, 21 days). */
const CHARTS: Readonly<Record<string, number>> = {
  'paired-differences': 14,
  'time-release-distribution': 10,
  'milestone-waterfall': 40,
  'time-release-by-channel': 12,
  'time-release-by-cargo': 16,
  'released-per-day': 30,
  'stranded-over-time': 4,
};

const SECTIONS = ['Contents', 'Scenarios side by side', 'Differences from the baseline (summer-2025), paired by replication', 'Time release', 'Day by day', 'Model against observed figures'];

let report: MadeReport;
let browser: Browser | undefined;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (browserPath === undefined) {
    process.stderr.write(`browser tests: ${NO_BROWSER}\n`);
    return;
  }
  report = makeReport(COMPARE_ARGS);
  browser = await chromium.launch({ executablePath: browserPath });
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const documentUrl = pathToFileURL(report.path).href;
  await context.route('**/*', (route) => (route.request().url() === documentUrl ? route.continue() : route.abort()));
  page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(documentUrl, { waitUntil: 'load' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  removeTemporaryFolders();
});

/** Fails in CI without a browser; skips elsewhere, saying why. */
function needsBrowser(skip: (note?: string) => never): void {
  if (browserPath !== undefined) return;
  if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') throw new Error(`${NO_BROWSER} (CI must run the browser test)`);
  skip(NO_BROWSER);
}

describe('the comparison page in Chromium, offline', () => {
  test('loads from disk with no request but the document itself and no console error', ({ skip }) => {
    needsBrowser(skip);
    expect(requests).toEqual([pathToFileURL(report.path).href]);
    expect(problems).toEqual([]);
  });

  test('has the page title, one h1 and the section headings in order, with no level skipped', async ({ skip }) => {
    needsBrowser(skip);
    expect(await page.title()).toBe('Khunjerab corridor — comparison of 2 scenarios');
    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (nodes) => nodes.map((n) => ({ level: Number(n.tagName.slice(1)), text: (n.textContent ?? '').trim() })));
    expect(headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['Khunjerab corridor — comparison of 2 scenarios']);
    expect(headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual(SECTIONS);
    headings.slice(1).forEach((h, i) => expect(h.level, `"${h.text}" after "${headings[i].text}"`).toBeLessThanOrEqual(headings[i].level + 1));
  });

  test('draws every chart as an image with a title and a description, each with enough marks of non-zero size', async ({ skip }) => {
    needsBrowser(skip);
    const charts = await page.$$eval('figure svg', (svgs) =>
      svgs.map((svg) => {
        const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        const marks = [...svg.querySelectorAll('g[class*="role-mark"] > *')].filter((mark) => {
          const box = mark.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        });
        return {
          id: svg.closest('figure')?.id ?? '',
          role: svg.getAttribute('role'),
          title: svg.querySelector(':scope > title')?.id === titleId ? (svg.querySelector(':scope > title')?.textContent ?? '') : '',
          desc: svg.querySelector(':scope > desc')?.id === descId ? (svg.querySelector(':scope > desc')?.textContent ?? '') : '',
          marks: marks.length,
          width: svg.getBoundingClientRect().width,
        };
      }),
    );
    expect(charts.map((c) => c.id).sort()).toEqual(Object.keys(CHARTS).sort());
    for (const chart of charts) {
      expect(chart.role, chart.id).toBe('img');
      expect(chart.title.length, `${chart.id} <title>`).toBeGreaterThan(10);
      expect(chart.desc.length, `${chart.id} <desc>`).toBeGreaterThan(40);
      expect(chart.marks, `${chart.id} marks`).toBeGreaterThanOrEqual(CHARTS[chart.id]);
      expect(chart.width, `${chart.id} fits the page`).toBeLessThanOrEqual(1000);
    }
  });

  test('gives a screenshot', async ({ skip }) => {
    needsBrowser(skip);
    const path = join(temporaryFolder(), 'report.png');
    await page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(path).size).toBeGreaterThan(50_000);
  });

  test('prints on A4 to a sane number of pages', async ({ skip }) => {
    needsBrowser(skip);
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(30);
  });
});
