/**
 * Plain-text layout helpers: measuring, wrapping and (optionally) colouring terminal text.
 * Colour comes only from {@link paint}, so `color: false` output holds no escape codes.
 * Widths are terminal columns as string-width counts them (a CJK character or an emoji takes
 * two), the same rule cli-table3 pads its cells by.
 */
import stringWidth from 'string-width';

const CODES = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
} as const;

export type Paint = keyof typeof CODES;

/** Columns `text` takes on a terminal, colour codes left out. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = widths.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (widths.size >= WIDTHS_KEPT) widths.clear();
    widths.set(text, width);
  }
  return width;
}

// Laying out a table measures the same words many times over; string-width is slow on anything but ASCII.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const widths = new Map<string, number>();
const WIDTHS_KEPT = 10_000;

/** `text` padded with spaces on the right to `width` columns (unchanged when already as wide). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `text` cut to at most `width` columns, with "…" when cut. */
export function shortenToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  return `${takeColumns(graphemes(text), Math.max(0, width - 1)).join('')}…`;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** What a reader sees as single characters: an emoji with its modifiers stays whole. */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The leading characters of `chars` that fit in `width` columns. */
function takeColumns(chars: readonly string[], width: number): string[] {
  const taken: string[] = [];
  let used = 0;
  for (const ch of chars) {
    used += displayWidth(ch);
    if (used > width) break;
    taken.push(ch);
  }
  return taken;
}

/** `text` in `style` when `color` is on, unchanged otherwise. */
export function paint(text: string, style: Paint, color: boolean): string {
  if (!color || text === '') return text;
  const [open, close] = CODES[style];
  return `${open}${text}${close}`;
}

/**
 * Greedy word wrap to `width` columns. Words too long for a line break after a hyphen or
 * slash when they can, mid-word otherwise; explicit newlines are kept.
 */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      const size = displayWidth(word);
      if (line === '') [line, used] = [word, size];
      else if (used + 1 + size <= limit) [line, used] = [`${line} ${word}`, used + 1 + size];
      else {
        lines.push(line);
        [line, used] = [word, size];
      }
      while (used > limit) {
        const [head, rest] = breakWord(line, limit);
        lines.push(head);
        [line, used] = [rest, displayWidth(rest)];
      }
    }
    lines.push(line);
  }
  return lines;
}

function breakWord(word: string, limit: number): [string, string] {
  const chars = graphemes(word);
  // At least one character per line, even one wider than the limit, so wrapping always ends.
  const fit = Math.max(1, takeColumns(chars, limit).length);
  for (let i = fit; i > Math.floor(fit / 2); i--) {
    if (chars[i - 1] === '-' || chars[i - 1] === '/') return [chars.slice(0, i).join(''), chars.slice(i).join('')];
  }
  return [chars.slice(0, fit).join(''), chars.slice(fit).join('')];
}

/** `text` wrapped to `width`, each line after `indent`. */
export function paragraph(text: string, width: number, indent = ''): string {
  return wrap(text, width - indent.length)
    .map((line) => `${indent}${line}`.trimEnd())
    .join('\n');
}

/** A section heading: the title, then a rule as long as the title (at most `width`). */
export function heading(title: string, width: number, color: boolean): string {
  const lines = wrap(title, width);
  const rule = '─'.repeat(Math.min(width, Math.max(...lines.map(displayWidth))));
  return `${lines.map((l) => paint(l, 'bold', color)).join('\n')}\n${paint(rule, 'dim', color)}`;
}
