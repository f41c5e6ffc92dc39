/**
 * The HTML report (`--html FILE`): one self-contained page per command, built from the same
 * report objects `--json` prints, with charts drawn to inline SVG at report time. Commands load
 * this module only when `--html` is given; it loads Vega only when it draws.
 */
import { writeWhole } from '../../run/index.js';
import { htmlDocument, type ReportPage } from './document.js';
import { renderChart } from './svg.js';

/** Draws the page and writes it whole (through a temporary file renamed once complete). */
export async function writeHtmlReport(path: string, page: ReportPage): Promise<void> {
  writeWhole(path, await htmlDocument(page, renderChart));
}

export { runPage } from './pages/runPage.js';
export { comparePage } from './pages/comparePage.js';
export { capacityPage } from './pages/capacityPage.js';
export { sensitivityPage } from './pages/sensitivityPage.js';
export { sweepPage } from './pages/sweepPage.js';
export type { ReportPage } from './document.js';
