/**
 * The page around a report: one self-contained HTML file (inline CSS, inline SVG, no script, no
 * font, no image, no link out), its header with the facts of the run, the day convention and the
 * command that made it, a list of contents, then the sections.
 */
import { DAY_CONVENTION } from '../../run/index.js';
import type { Chart } from './charts/chart.js';
import { element, escapeHtml, paragraphOf } from './markup.js';
import { STYLE } from './style.js';

/** A block of a section: HTML already made, or a chart still to draw. */
export type Block = string | Chart;

export interface ReportSection {
  /** The section's anchor, unique in the page. */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface ReportPage {
  readonly title: string;
  /** Paragraphs under the title: descriptions and what the figures are. */
  readonly intro: readonly string[];
  /** Facts of the run, as a definition list: seed, replications, horizon… */
  readonly facts: ReadonlyArray<readonly [string, string]>;
  /** The command that makes this report again, with no absolute path in it. */
  readonly commandLine: string;
  readonly sections: readonly ReportSection[];
}

/** The page as HTML, each chart drawn by `draw` (svg.ts's `renderChart` in the report). */
export async function htmlDocument(page: ReportPage, draw: (chart: Chart) => Promise<string>): Promise<string> {
  const sections: string[] = [];
  for (const section of page.sections) {
    const blocks: string[] = [];
    for (const block of section.blocks) blocks.push(typeof block === 'string' ? block : figureOf(block, await draw(block)));
    sections.push(element('section', { id: section.id, 'aria-labelledby': `${section.id}-heading` }, element('h2', { id: `${section.id}-heading` }, escapeHtml(section.title)), ...blocks));
  }
  const header = element(
    'header',
    {},
    element('h1', {}, escapeHtml(page.title)),
    ...page.intro.map((p) => paragraphOf(p, 'lead')),
    element('dl', { class: 'facts' }, ...[...page.facts, ['Days and times', DAY_CONVENTION] as const].map(([k, v]) => element('dt', {}, escapeHtml(k)) + element('dd', {}, escapeHtml(v)))),
    element('p', {}, 'To make this report again, from the folder it was made in:'),
    element('pre', { class: 'command' }, element('code', {}, escapeHtml(page.commandLine))),
  );
  const contents = element(
    'nav',
    { class: 'contents', 'aria-label': 'Contents' },
    element('h2', {}, 'Contents'),
    element('ol', {}, ...page.sections.map((s) => element('li', {}, element('a', { href: `#${s.id}` }, escapeHtml(s.title))))),
  );
  return (
    '<!DOCTYPE html>\n' +
    element(
      'html',
      { lang: 'en' },
      element('head', {}, '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">', element('title', {}, escapeHtml(page.title)), element('style', {}, STYLE)),
      element('body', {}, element('main', {}, header, contents, ...sections)),
    ) +
    '\n'
  );
}

function figureOf(chart: Chart, svg: string): string {
  return element('figure', { id: chart.id }, svg, element('figcaption', {}, element('strong', {}, `${escapeHtml(chart.title)}.`), ' ', escapeHtml(chart.description)));
}
