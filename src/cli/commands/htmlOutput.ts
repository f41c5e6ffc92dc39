import type { ReportPage } from '../html/index.js';

type HtmlModule = typeof import('../html/index.js');

/** `--html FILE` and what the page needs from the command line. */
export interface HtmlOutputOptions {
  /** `--html FILE`: the report as a self-contained HTML page too. */
  readonly html?: string;
  /** The command that makes the report again (see commandLine.ts). */
  readonly commandLine?: string;
}

/**
 * Writes the command's HTML page when `--html` asks for one. The HTML module (and through it
 * Vega) loads only then, so a command without `--html` never loads it.
 */
export async function writeHtmlIfAsked(options: HtmlOutputOptions, page: (html: HtmlModule, commandLine: string) => ReportPage): Promise<void> {
  if (options.html === undefined) return;
  const html = await import('../html/index.js');
  await html.writeHtmlReport(options.html, page(html, options.commandLine ?? ''));
}
