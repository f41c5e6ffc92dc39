/** How a report is drawn on the terminal. */
export interface RenderOptions {
  /** Columns available; no output line is wider. The CLI passes `process.stdout.columns || 100`. */
  readonly width: number;
  /** ANSI colour and bold; when false the output holds no escape codes at all. */
  readonly color: boolean;
}

/** The narrowest width the renderers lay out for; a smaller request is treated as this. */
export const MIN_WIDTH = 40;

/** `options` with a whole, usable width (non-finite or tiny widths fall back). */
export function normaliseOptions(options: RenderOptions): RenderOptions {
  const width = Number.isFinite(options.width) ? Math.max(MIN_WIDTH, Math.floor(options.width)) : 100;
  return { width, color: options.color === true };
}
