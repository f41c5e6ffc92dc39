/**
 * Tables of the HTML report: a caption, column headers, row headers in the first column, and
 * groups of rows under a heading of their own (each a `<tbody>`), so a screen reader can say
 * which row, column and group a figure belongs to.
 */
import type { Cell } from './cells.js';
import { element, escapeHtml, paragraphOf } from './markup.js';

export interface TableColumn {
  readonly header: string;
  /** Figures align right; labels left (the default). */
  readonly figures?: boolean;
}

/** A row of cells (the first is the row's header), or the heading of the rows that follow. */
export type TableRow = readonly Cell[] | { readonly group: string };

export interface HtmlTable {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly notes?: readonly string[];
}

export function htmlTable(table: HtmlTable): string {
  const head = element('thead', {}, element('tr', {}, ...table.columns.map((c) => element('th', { scope: 'col', class: c.figures ? 'num' : undefined }, escapeHtml(c.header)))));
  const bodies = groupsOf(table.rows).map(({ group, rows }) =>
    element(
      'tbody',
      {},
      group === undefined ? '' : element('tr', { class: 'group' }, element('th', { scope: 'rowgroup', colspan: table.columns.length }, escapeHtml(group))),
      ...rows.map((row) => element('tr', {}, ...row.map((cell, i) => cellHtml(cell, table.columns[i], i === 0)))),
    ),
  );
  const notes = (table.notes ?? []).filter((n) => n !== '').map((n) => paragraphOf(n, 'note'));
  return element('div', { class: 'table' }, element('table', {}, element('caption', {}, escapeHtml(table.caption)), head, ...bodies), ...notes);
}

function cellHtml(cell: Cell, column: TableColumn | undefined, rowHeader: boolean): string {
  const attributes = { class: column?.figures ? 'num' : undefined, 'data-json': cell.json };
  return rowHeader ? element('th', { scope: 'row', ...attributes }, escapeHtml(cell.text)) : element('td', attributes, escapeHtml(cell.text));
}

function groupsOf(rows: readonly TableRow[]): Array<{ group?: string; rows: Array<readonly Cell[]> }> {
  const groups: Array<{ group?: string; rows: Array<readonly Cell[]> }> = [];
  for (const row of rows) {
    if ('group' in row) groups.push({ group: row.group, rows: [] });
    else if (groups.length === 0) groups.push({ rows: [row] });
    else groups[groups.length - 1].rows.push(row);
  }
  return groups;
}
