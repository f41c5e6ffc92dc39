const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** `text` without ANSI escape sequences (an independent check of the renderer's own helper). */
export function plain(text: string): string {
  return text.replace(ANSI, '');
}

export function hasAnsi(text: string): boolean {
  return text.includes('\u001b');
}

/** Lines of `text` (ANSI removed) wider than `width`, with their widths, for a readable failure. */
export function overlong(text: string, width: number): string[] {
  return plain(text)
    .split('\n')
    .filter((line) => [...line].length > width)
    .map((line) => `${[...line].length}: ${line}`);
}

/** Words that must never appear in a report in place of a figure. */
export const NON_FIGURES = /NaN|undefined|Infinity|null/;

/** `text` with runs of whitespace (including line breaks from wrapping) collapsed to one space. */
export function flat(text: string): string {
  return plain(text).replace(/[\s│]+/g, ' ');
}
