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
 * Column widths that fit `width`: natural widths (headers on one line if the table then fits,
 * wrapped otherwise), then the widest columns shrink one column at a time — first those made
 * wide only by their header, then any down to their longest word, then (only if still too
 * wide) down to a single character.
 */
export function fitWidths(columns: readonly Column[], rows: readonly Row[], width: number): number[] {
  const unwrapped = naturalWidths(columns, rows, false);
  if (tableWidth(unwrapped) <= width) return unwrapped;
  const widths = naturalWidths(columns, rows);
  const cellWords = columns.map((_, i) => {
    let w = 0;
    for (const row of rows) if (!isSection(row)) w = Math.max(w, ...String(row[i] ?? '').split(/\s+/).map(displayWidth));
    return w;
  });
  const cellLines = columns.map((_, i) => {
    let w = 0;
    for (const row of rows) if (!isSection(row)) w = Math.max(w, ...String(row[i] ?? '').split('\n').map(displayWidth));
    return w;
  });
  const floors = [
    columns.map((c, i) => Math.max(cellLines[i], headerWord(c.header)) + PADDING),
    columns.map((c, i) => Math.max(cellWords[i], headerWord(c.header)) + PADDING),
    columns.map(() => HARD_MIN),
  ];
  for (const floor of floors) {
    while (tableWidth(widths) > width) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if (widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
      }
      if (widest < 0) break;
      widths[widest]--;
    }
  }
  return widths;
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
