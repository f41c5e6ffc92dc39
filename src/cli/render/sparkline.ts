/**
 * A row of block characters, one per value, scaled to the row's largest value:
 * `sparkline([0, 1, 4, 8])` → "·▂▄█". Zero and non-figures show as "·" (nothing there).
 */
import { isFigure } from './format.js';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const NOTHING = '·';

export function sparkline(values: readonly number[]): string {
  const top = Math.max(0, ...values.filter(isFigure));
  return values
    .map((v) => {
      if (!isFigure(v) || v <= 0 || top <= 0) return NOTHING;
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, Math.ceil((v / top) * BLOCKS.length) - 1))];
    })
    .join('');
}

/** The index of the largest figure among those `keep` accepts, or -1 when there is none. */
export function indexOfLargest(values: readonly number[], keep: (i: number) => boolean = () => true): number {
  let best = -1;
  values.forEach((v, i) => {
    if (isFigure(v) && keep(i) && (best < 0 || v > values[best])) best = i;
  });
  return best;
}
