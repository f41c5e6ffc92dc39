import stringWidth from 'string-width';

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** `text` without ANSI escape sequences (an independent check of the renderer's own helper). */
export function plain(text: string): string {
  return text.replace(ANSI, '');
}

export function hasAnsi(text: string): boolean {
  return text.includes('\u001b');
}

/** Lines of `text` (ANSI removed) wider than `width` terminal columns, with their widths, for a readable failure. */
export function overlong(text: string, width: number): string[] {
  return plain(text)
    .split('\n')
    .filter((line) => stringWidth(line) > width)
    .map((line) => `${stringWidth(line)}: ${line}`);
}

/** A box-drawn table of a report: its lines, top border to bottom border. */
export interface DrawnTable {
  readonly lines: readonly string[];
  /** Each column's header as it reads: its lines joined by a space (directly after a hyphen). */
  readonly headers: readonly string[];
  /** Lines between the header rule and the bottom border. */
  readonly bodyLines: number;
}

/** Every box-drawn table in `text`, in order. */
export function drawnTables(text: string): DrawnTable[] {
  const lines = plain(text).split('\n');
  const tables: DrawnTable[] = [];
  for (let top = lines.findIndex((l) => l.startsWith('┌')); top >= 0; top = lines.findIndex((l, i) => i > top && l.startsWith('┌'))) {
    const rule = lines.findIndex((l, i) => i > top && (l.startsWith('├') || l.startsWith('└')));
    const bottom = lines.findIndex((l, i) => i > top && l.startsWith('└'));
    const headerLines = lines.slice(top + 1, rule).map((l) => l.split('│').slice(1, -1).map((cell) => cell.trim()));
    const headers = (headerLines[0] ?? []).map((_, c) =>
      headerLines
        .map((cells) => cells[c])
        .filter((piece) => piece !== '')
        .reduce((joined, piece) => (joined === '' ? piece : joined.endsWith('-') ? `${joined}${piece}` : `${joined} ${piece}`), ''),
    );
    tables.push({ lines: lines.slice(top, bottom + 1), headers, bodyLines: bottom - rule - 1 });
  }
  return tables;
}

/** The terminal column of each occurrence of any of `marks` in `line`. */
export function columnsOf(line: string, marks: string): number[] {
  const at: number[] = [];
  let column = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(line)) {
    if (marks.includes(segment)) at.push(column);
    column += stringWidth(segment);
  }
  return at;
}

/** Words that must never appear in a report in place of a figure. */
export const NON_FIGURES = /NaN|undefined|Infinity|null/;

/** `text` with runs of whitespace (including line breaks from wrapping) collapsed to one space. */
export function flat(text: string): string {
  return plain(text).replace(/[\s│]+/g, ' ');
}
