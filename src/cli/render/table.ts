/**
 * Tables that fit the terminal. Column widths are chosen here and every cell is wrapped here
 * before cli-table3 draws the box, so no line is ever wider than `options.width` and
 * cli-table3 never has to truncate or colour anything on its own.
 */
import Table from 'cli-table3';
import type { RenderOptions } from './options.js';
import { displayWidth, paint, wrap } from './text.js';

export interface Column {
  readonly header: string;
  /** Figures align right; labels left (the default). */
  readonly align?: 'left' | 'right';
}

/** A row of cells, or a heading that spans the whole table. */
export type Row = readonly string[] | { readonly section: string };

const PADDING = 2; // one space either side of a cell
const HARD_MIN = 3; // one character of content
const HEADER_SOFT = 14;

/** The table drawn with box characters, wrapped to fit `options.width`. */
export function renderTable(columns: readonly Column[], rows: readonly Row[], options: RenderOptions): string {
  const widths = fitWidths(columns, rows, options.width);
  const inner = widths.reduce((s, w) => s + w, 0) + widths.length - 1 - PADDING;
  const table = new Table({
    head: columns.map((c, i) => cellText(c.header, widths[i] - PADDING, options.color, 'bold')),
    colWidths: widths,
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of rows) {
    if (isSection(row)) {
      table.push([{ content: cellText(row.section, inner, options.color, 'bold'), colSpan: columns.length, hAlign: 'left' }]);
    } else {
      table.push(columns.map((_, i) => cellText(row[i] ?? '', widths[i] - PADDING, false)));
    }
  }
  return table.toString();
}

/** Total columns a table with these column widths takes, borders included. */
export function tableWidth(widths: readonly number[]): number {
  return widths.reduce((s, w) => s + w, 0) + widths.length + 1;
}

/**
 * The natural width of each column (content plus padding), before any shrinking. A long header
 * does not widen a column of short figures much: it wraps to at most {@link HEADER_SOFT} columns
 * (or the widest cell, or its own longest word, if wider).
 */
export function naturalWidths(columns: readonly Column[], rows: readonly Row[], capHeaders = true): number[] {
  return columns.map((c, i) => {
    let cells = 0;
    for (const row of rows) if (!isSection(row)) cells = Math.max(cells, ...String(row[i] ?? '').split('\n').map(displayWidth));
    const full = displayWidth(c.header);
    const header = capHeaders ? Math.min(full, Math.max(cells, HEADER_SOFT, headerWord(c.header))) : full;
    return Math.max(cells, header) + PADDING;
  });
}

/**
 * Column widths that fit `width`, chosen for the shortest table: natural widths when they fit;
 * otherwise one column at a time gives up one character, the one whose loss adds the fewest
 * lines (the widest on a tie), never below its longest word; then any room left is handed back
 * where it saves lines. A header line counts {@link HEADER_WEIGHT} times a body line, and a
 * header line of one or two characters ("0", "h") once more, so headers wrap only when that
 * spares the body several lines; a figure broken over lines ("[146.7," / "154.4]") costs
 * {@link BROKEN_FIGURE} lines more than a label that wraps. Only a table that does not fit even
 * so breaks words.
 */
export function fitWidths(columns: readonly Column[], rows: readonly Row[], width: number): number[] {
  const widths = naturalWidths(columns, rows, false);
  if (tableWidth(widths) <= width) return widths;
  const lines = new LineCount(columns, rows);
  const floors = columns.map((c, i) => Math.max(lines.longestWord(i), headerWord(c.header)) + PADDING);
  while (tableWidth(widths) > width) {
    let best = -1;
    let bestCost = Infinity;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i] <= floors[i]) continue;
      const cost = lines.cost(resized(widths, [i, -1]));
      if (cost < bestCost || (cost === bestCost && widths[i] > widths[best])) [best, bestCost] = [i, cost];
    }
    if (best < 0) break;
    widths[best]--;
  }
  if (tableWidth(widths) > width) return hardShrink(widths, width);
  handBack(widths, width, lines);
  trade(widths, floors, lines);
  return widths;
}

const HEADER_WEIGHT = 2;
const BROKEN_FIGURE = 2;
/** The most characters {@link trade} moves from one column to another at once. */
const TRADE_MAX = 24;

/** `widths` with the given columns widened (or narrowed, for a negative change). */
function resized(widths: readonly number[], ...changes: ReadonlyArray<readonly [number, number]>): number[] {
  const next = [...widths];
  for (const [column, change] of changes) next[column] += change;
  return next;
}

/** The last resort for a table that does not fit even with every column at its longest word: the widest columns give way, mid-word. */
function hardShrink(widths: number[], width: number): number[] {
  while (tableWidth(widths) > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i] > HARD_MIN && (widest < 0 || widths[i] > widths[widest])) widest = i;
    if (widest < 0) break;
    widths[widest]--;
  }
  return widths;
}

/** Gives the room left over to the columns where it saves the most lines for the fewest characters. */
function handBack(widths: number[], width: number, lines: LineCount): void {
  for (;;) {
    const room = width - tableWidth(widths);
    const now = lines.cost(widths);
    let best: { column: number; extra: number; saved: number } | undefined;
    for (let i = 0; i < widths.length; i++) {
      for (let extra = 1; extra <= room; extra++) {
        const saved = now - lines.cost(resized(widths, [i, extra]));
        if (saved <= 0) continue;
        if (best === undefined || extra < best.extra || (extra === best.extra && saved > best.saved)) best = { column: i, extra, saved };
        break;
      }
    }
    if (best === undefined) return;
    widths[best.column] += best.extra;
  }
}

/**
 * Moves characters from one column to another while that shortens the table: shrinking one
 * column at a time can squeeze a label that a later, wrapped header would have left room for.
 */
function trade(widths: number[], floors: readonly number[], lines: LineCount): void {
  for (let now = lines.cost(widths); ; ) {
    let better: number[] | undefined;
    search: for (let giver = 0; giver < widths.length; giver++) {
      for (let taker = 0; taker < widths.length; taker++) {
        if (taker === giver) continue;
        for (let k = 1; k <= TRADE_MAX && widths[giver] - k >= floors[giver]; k++) {
          const candidate = resized(widths, [giver, -k], [taker, k]);
          if (lines.cost(candidate) < now) {
            better = candidate;
            break search;
          }
        }
      }
    }
    if (better === undefined) return;
    better.forEach((w, i) => (widths[i] = w));
    now = lines.cost(widths);
  }
}

/** Lines of a table at given column widths, each column's wrapping worked out once per width. */
class LineCount {
  private readonly heights = new Map<string, ColumnLines>();

  constructor(
    private readonly columns: readonly Column[],
    private readonly rows: readonly Row[],
  ) {}

  longestWord(column: number): number {
    let w = 0;
    for (const row of this.rows) if (!isSection(row)) w = Math.max(w, ...String(row[column] ?? '').split(/\s+/).map(displayWidth));
    return w;
  }

  /** The weighted line count of the table with these column widths. */
  cost(widths: readonly number[]): number {
    const columns = widths.map((w, i) => this.column(i, w));
    let header = 0;
    let penalty = 0;
    for (const c of columns) {
      header = Math.max(header, c.header);
      penalty += (c.shortHeaderLine ? HEADER_WEIGHT : 0) + BROKEN_FIGURE * c.brokenFigures;
    }
    let body = 0;
    this.rows.forEach((row, r) => {
      if (isSection(row)) body++;
      else body += Math.max(1, ...columns.map((c) => c.cells[r]));
    });
    return HEADER_WEIGHT * header + penalty + body;
  }

  private column(i: number, width: number): ColumnLines {
    const key = `${i}:${width}`;
    let found = this.heights.get(key);
    if (found === undefined) {
      const inner = Math.max(1, width - PADDING);
      const header = wrap(this.columns[i].header, inner);
      const figures = this.columns[i].align === 'right';
      let brokenFigures = 0;
      const cells = this.rows.map((row) => {
        if (isSection(row)) return 0;
        const text = String(row[i] ?? '');
        const height = wrap(text, inner).length;
        if (figures && height > text.split('\n').length) brokenFigures++;
        return height;
      });
      found = { header: header.length, shortHeaderLine: header.length > 1 && header.some((line) => displayWidth(line) <= 2), cells, brokenFigures };
      this.heights.set(key, found);
    }
    return found;
  }
}

interface ColumnLines {
  readonly header: number;
  /** The header wraps and leaves one or two characters on a line of their own. */
  readonly shortHeaderLine: boolean;
  /** Lines of each row's cell (0 for a section row). */
  readonly cells: readonly number[];
  /** Cells of a right-aligned column that wrap beyond their own line breaks. */
  readonly brokenFigures: number;
}

/** The longest unbreakable piece of a header: headers may also wrap after a hyphen. */
function headerWord(header: string): number {
  return Math.max(...header.split(/\s+|(?<=-)/).map(displayWidth));
}

function isSection(row: Row): row is { readonly section: string } {
  return !Array.isArray(row);
}

function cellText(text: string, width: number, color: boolean, style?: 'bold'): string {
  const lines = wrap(text, Math.max(1, width));
  return lines.map((l) => (style ? paint(l, style, color) : l)).join('\n');
}
