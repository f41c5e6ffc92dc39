/**
 * Plain-text layout helpers: measuring, wrapping and (optionally) colouring terminal text.
 * Colour comes only from {@link paint}, so `color: false` output holds no escape codes.
 */

const ANSI = /\u001b\[[0-9;]*m/g;

const CODES = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
} as const;

export type Paint = keyof typeof CODES;

/** `text` without ANSI escape codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns `text` takes on a terminal (every character of our reports is one column wide). */
export function displayWidth(text: string): number {
  return [...stripAnsi(text)].length;
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
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      if (line === '') line = word;
      else if (displayWidth(line) + 1 + displayWidth(word) <= limit) line = `${line} ${word}`;
      else {
        lines.push(line);
        line = word;
      }
      while (displayWidth(line) > limit) {
        const [head, rest] = breakWord(line, limit);
        lines.push(head);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

function breakWord(word: string, limit: number): [string, string] {
  const chars = [...word];
  for (let i = limit; i > Math.floor(limit / 2); i--) {
    if (chars[i - 1] === '-' || chars[i - 1] === '/') return [chars.slice(0, i).join(''), chars.slice(i).join('')];
  }
  return [chars.slice(0, limit).join(''), chars.slice(limit).join('')];
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
