/**
 * Text widths for Vega's layout in Node, where it has no canvas to measure with: Vega's own
 * guess (0.8 em a character) is so wide that it truncates legends and pushes titles away. The
 * charts name Arial-metric fonts first (Arial, Liberation Sans, Helvetica), whose advance
 * widths are these (Helvetica's, in thousandths of an em, ASCII from the space on).
 */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];

const WIDE: Readonly<Record<string, number>> = { '—': 1000, '→': 1000, '…': 1000, '≥': 549, '≤': 549, '−': 584, '×': 584 };
const DEFAULT_WIDTH = 556;
/** Bold glyphs are about this much wider. */
const BOLD = 1.07;

/** The font the charts ask for: fonts with the widths above, then any sans-serif. */
export const CHART_FONT = 'Arial, "Liberation Sans", Helvetica, sans-serif';

export interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  /** Vega truncates a label longer than this, px (0: no limit). */
  readonly limit?: number;
}

/** The width of `text` in px as Vega's `textMetrics.width` is asked it: at most the item's limit. */
export function textWidth(item: TextItem, text: unknown): number {
  const line = text === null || text === undefined ? '' : String(text).trim();
  let ems = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    ems += (code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32] : (WIDE[ch] ?? DEFAULT_WIDTH)) / 1000;
  }
  const bold = item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600);
  const width = ems * (item.fontSize ?? 11) * (bold ? BOLD : 1);
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
