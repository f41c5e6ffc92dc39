/**
 * A tornado: one bar per factor from zero to its effect, left for a decrease and right for
 * an increase, with its 95 % CI marked, the largest effect on top:
 *
 * ```
 *                         lower ◀         │         ▶ higher
 * Heating at Sost                  ├██████┤│                   -6.0 [-7.1, -4.9]
 * Exam bays 8 → 12                       ├┼█┤                  +0.4 [-0.2, 1.0]
 *                         -7.1            0              7.1
 * ```
 */
import { formatInterval, formatNumber, formatSigned, isFigure } from './format.js';
import type { RenderOptions } from './options.js';
import { displayWidth, padToWidth, paint, shortenToWidth } from './text.js';

export interface TornadoBar {
  readonly label: string;
  readonly effect: number;
  readonly ci95: readonly [number, number];
}

/** Labels take at most a third of the width, and never more than this. */
const LABEL_MAX = 32;
const BAR_MIN = 11;

/** The bars in the order given, no line wider than `options.width`. */
export function renderTornado(bars: readonly TornadoBar[], options: RenderOptions): string {
  if (bars.length === 0) return '';
  const labels = bars.map((b) => shortenToWidth(b.label, Math.min(LABEL_MAX, Math.floor(options.width / 3))));
  const values = bars.map((b) => `${formatSigned(b.effect)} ${formatInterval(b.ci95)}`);
  const labelWidth = Math.max(...labels.map(displayWidth));
  const valueWidth = Math.max(...values.map(displayWidth));
  let room = Math.max(BAR_MIN, options.width - labelWidth - valueWidth - 2);
  if (room % 2 === 0) room -= 1;
  const half = (room - 1) / 2;
  const extent = Math.max(0, ...bars.flatMap((b) => [b.effect, ...b.ci95].filter(isFigure).map(Math.abs)));
  const scale = extent > 0 ? extent : 1;
  const column = (x: number): number => half + Math.round((Math.max(-scale, Math.min(scale, x)) / scale) * half);

  const lines = bars.map((bar, i) => {
    const cells = Array.from({ length: room }, (_, c): string => (c === half ? '│' : ' '));
    if (isFigure(bar.effect)) {
      const end = column(bar.effect);
      for (let c = Math.min(end, half + 1); c <= Math.max(end, half - 1); c++) if (c !== half) cells[c] = '█';
    }
    if (isFigure(bar.ci95[0]) && isFigure(bar.ci95[1]) && bar.ci95[0] !== bar.ci95[1]) {
      const [from, to] = [column(bar.ci95[0]), column(bar.ci95[1])];
      // A CI narrower than one column leaves the bar as it is.
      if (from < to) {
        for (let c = from; c <= to; c++) if (cells[c] === ' ') cells[c] = '─';
        if (from !== half) cells[from] = '├';
        if (to !== half) cells[to] = '┤';
      }
    }
    return `${padToWidth(labels[i], labelWidth)} ${paint(cells.join(''), 'cyan', options.color)} ${values[i]}`.trimEnd();
  });
  const pad = ' '.repeat(labelWidth + 1);
  const directions = `${'lower ◀'.padStart(half - 1)} │ ▶ higher`;
  const limit = formatNumber(scale);
  const axis = `${`-${limit}`.padEnd(half)}0${limit.padStart(room - half - 1)}`;
  return [`${pad}${directions}`.trimEnd(), ...lines, `${pad}${axis}`.trimEnd()].join('\n');
}
