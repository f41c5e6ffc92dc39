/**
 * The screen's geometry, worked out in plain numbers so tests can check it without a terminal.
 *
 *   header        2 rows   step, last event, clocks, run status
 *   body         15 rows   corridor, container or timeline view (or the what-if menu, or help)
 *   timeline      4 rows   only when the terminal has room for it
 *   message       1 row    feedback, or a prompt (find, go to, log filter)
 *   log         ≥ 2 rows   recent transitions, under a title row
 *   key hints     1 row
 *
 * The frame is one row shorter than the terminal: a frame as tall as the terminal makes Ink
 * clear the whole screen, scrollback included, on every redraw. Below the minimum size the
 * stepper shows a notice and a compact status instead. Extra rows go to the log.
 */
export interface ScreenSize {
  readonly columns: number;
  readonly rows: number;
}

export const DEFAULT_SIZE: ScreenSize = { columns: 80, rows: 24 };

export const HEADER_ROWS = 2;
export const BODY_ROWS = 15;
export const TIMELINE_ROWS = 4;
const MESSAGE_ROWS = 1;
const LOG_TITLE_ROWS = 1;
const KEY_HINT_ROWS = 1;
const MIN_LOG_ROWS = 2;
const FIXED_ROWS = HEADER_ROWS + BODY_ROWS + MESSAGE_ROWS + LOG_TITLE_ROWS + KEY_HINT_ROWS;

/** The smallest terminal the full screen fits: 80 columns, and the frame plus the free last row. */
export const MIN_SIZE: ScreenSize = { columns: 80, rows: FIXED_ROWS + MIN_LOG_ROWS + 1 };

/** The terminal is big enough for the full screen. */
export function fitsFullScreen(size: ScreenSize): boolean {
  return size.columns >= MIN_SIZE.columns && size.rows >= MIN_SIZE.rows;
}

/** The timeline strip sits under the view when the log keeps at least 4 lines beside it. */
export function showsTimelineStrip(size: ScreenSize): boolean {
  return size.rows - 1 - FIXED_ROWS - TIMELINE_ROWS >= 4;
}

/** How many transitions the log shows on a terminal of this size. */
export function logRows(size: ScreenSize): number {
  const strip = showsTimelineStrip(size) ? TIMELINE_ROWS : 0;
  return Math.max(MIN_LOG_ROWS, size.rows - 1 - FIXED_ROWS - strip);
}

/** Total rows the full frame uses: one less than the terminal, from the minimum size up. */
export function frameRows(size: ScreenSize): number {
  return FIXED_ROWS + (showsTimelineStrip(size) ? TIMELINE_ROWS : 0) + logRows(size);
}

/** Shares of the width for the four places on the road, at 80 columns. */
const PLACE_WIDTHS_AT_80 = [16, 16, 18, 30] as const;

/** Column widths for Kashgar, Tashkurgan, the pass and Sost; they add up to `columns`. */
export function placeWidths(columns: number): number[] {
  const scale = columns / 80;
  const widths = PLACE_WIDTHS_AT_80.slice(0, -1).map((w) => Math.floor(w * scale));
  const used = widths.reduce((a, b) => a + b, 0);
  return [...widths, Math.max(0, columns - used)];
}

/** The corridor's lower half: conditions on the left, resources on the right. */
export function conditionWidths(columns: number): { readonly left: number; readonly right: number } {
  const right = Math.max(40, Math.floor(columns * 0.5));
  return { left: Math.max(0, columns - right), right };
}

/**
 * Greedy line-wrapping of items that each take `width(item)` cells, `gap` apart.
 * An item wider than the line gets a line to itself.
 */
export function wrapItems<T>(items: readonly T[], width: (item: T) => number, lineWidth: number, gap = 1): T[][] {
  const lines: T[][] = [];
  let line: T[] = [];
  let used = 0;
  for (const item of items) {
    const w = width(item);
    if (line.length > 0 && used + gap + w > lineWidth) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? gap : 0) + w;
    line.push(item);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Splits a list into `n` columns, filling the first column top to bottom before the next. */
export function columnsOf<T>(items: readonly T[], n: number): T[][] {
  const height = Math.ceil(items.length / n);
  const columns: T[][] = [];
  for (let i = 0; i < n; i++) columns.push(items.slice(i * height, (i + 1) * height));
  return columns;
}

/** Pads or cuts `text` to exactly `width` cells (ASCII and single-width symbols). */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
  return text.padEnd(width);
}

/** Words wrapped to `width` columns, later lines indented by `indent` spaces. */
export function wrapWords(text: string, width: number, indent = 0): string[] {
  const [first = [], ...rest] = wrapItems(text.split(' '), (w) => w.length, Math.max(10, width));
  const more = rest.flat();
  const lines = [first.join(' ')];
  if (more.length > 0) for (const line of wrapItems(more, (w) => w.length, Math.max(10, width - indent))) lines.push(`${' '.repeat(indent)}${line.join(' ')}`);
  return lines;
}
