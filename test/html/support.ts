import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { khunjerab, type CliResult } from '../cli/support.js';

/** Short runs of the bundled scenarios, for tests: three weeks after a week's warm-up. */
export const SHORT = ['--days', '21', '--replications', '3', '--seed', '7', '--workers', '2'];
export const COMPARE_ARGS = ['compare', 'scenarios/summer-2025.yaml', 'scenarios/winter-2025.yaml', ...SHORT];

/** A report made by the CLI in one run: the page `--html` wrote and the JSON `--json` printed. */
export interface MadeReport {
  readonly path: string;
  readonly html: string;
  readonly json: unknown;
  readonly result: CliResult;
}

const made: string[] = [];

/** A fresh temporary folder, removed by {@link removeTemporaryFolders}. */
export function temporaryFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'khunjerab-html-'));
  made.push(dir);
  return dir;
}

export function removeTemporaryFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs the CLI with `--json --html FILE` added and reads both outputs. */
export function makeReport(args: readonly string[]): MadeReport {
  const path = join(temporaryFolder(), 'report.html');
  const result = khunjerab([...args, '--json', '--html', path]);
  if (result.status !== 0) throw new Error(`khunjerab ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return { path, html: readFileSync(path, 'utf8'), json: JSON.parse(result.stdout) as unknown, result };
}

/** A table cell of the page: its text (entities decoded) and, when it shows a figure, its JSON path. */
export interface PageCell {
  readonly tag: 'td' | 'th';
  readonly text: string;
  readonly json?: string;
}

/** Every `<td>` and `<th>` of the page's tables. The renderer writes cells as plain escaped text. */
export function cellsOf(html: string): PageCell[] {
  const cells: PageCell[] = [];
  for (const match of html.matchAll(/<(td|th)\b([^>]*)>([^<]*)<\/\1>/g)) {
    const json = /\bdata-json="([^"]*)"/.exec(match[2])?.[1];
    cells.push({ tag: match[1] as 'td' | 'th', text: decode(match[3]), ...(json === undefined ? {} : { json: decode(json) }) });
  }
  return cells;
}

export function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The value at a `data-json` path (`scenarios[1].channels.green.share`, `byCause["sit-in"]`), or undefined when the path leads nowhere. */
export function valueAtPath(root: unknown, path: string): unknown {
  const token = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let value = root;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const match = token.exec(path);
    if (match === null) throw new Error(`not a JSON path: ${path} (at ${at})`);
    const key: string | number = match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]) as string));
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
    at = token.lastIndex;
  }
  return value;
}

/** The figures a cell shows, in order, as numbers (a percentage as a fraction), each with half a unit of its last decimal. */
export function figuresIn(text: string): Array<{ value: number; tolerance: number }> {
  const percent = text.includes('%');
  return [...text.matchAll(/[-+]?\d[\d,]*(?:\.(\d+))?/g)].map((m) => {
    const scale = percent ? 0.01 : 1;
    return { value: Number(m[0].replace(/,/g, '')) * scale, tolerance: 0.5 * 10 ** -(m[1]?.length ?? 0) * scale + 1e-9 };
  });
}

/**
 * The Chromium the browser tests drive: `KHUNJERAB_CHROMIUM`, else the first of Debian's
 * headless shell and the usual Chromium and Chrome names on the PATH.
 */
export function findChromium(): string | undefined {
  const given = process.env.KHUNJERAB_CHROMIUM;
  if (given !== undefined && given !== '') return existsSync(given) ? given : undefined;
  for (const name of ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      const candidate = join(dir, name);
      if (dir !== '' && existsSync(candidate) && spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 10_000 }).status === 0) return candidate;
    }
  }
  return undefined;
}
