/** Building blocks of a text report: titled sections, notes and key/value lines. */
import { NA } from './format.js';
import type { RenderOptions } from './options.js';
import { displayWidth, heading, padToWidth, paint, paragraph } from './text.js';

/** A heading and its blocks; empty blocks are left out. */
export function section(title: string, o: RenderOptions, ...blocks: string[]): string {
  return [heading(title, o.width, o.color), ...blocks.filter((b) => b !== '')].join('\n');
}

/** A dimmed explanatory line, wrapped. */
export function note(text: string, o: RenderOptions): string {
  return paint(paragraph(text, o.width), 'dim', o.color);
}

/**
 * "Key  value" lines with the values aligned and wrapped under themselves; when the keys are
 * too long for that, each value goes on its own indented line under its key.
 */
export function keyValues(pairs: ReadonlyArray<readonly [string, string]>, width: number): string {
  const keyWidth = Math.max(...pairs.map(([k]) => displayWidth(k))) + 2;
  if (keyWidth > width / 2) {
    return pairs.map(([k, v]) => `${paragraph(k, width)}\n${paragraph(v === '' ? NA : v, width, '    ')}`).join('\n');
  }
  return pairs
    .map(([k, v]) => {
      const body = paragraph(v === '' ? NA : v, width, ' '.repeat(keyWidth));
      return `${padToWidth(k, keyWidth)}${body.slice(keyWidth)}`;
    })
    .join('\n');
}
