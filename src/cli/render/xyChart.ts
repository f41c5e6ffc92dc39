/**
 * Points against an uneven x axis, with an optional horizontal line (a limit):
 *
 * ```
 *  120 h ┤                    ▲
 *        ┤              ●
 *   72 h ┤┄┄┄┄┄┄┄┄┄●┄┄┄┄┄┄┄┄┄┄┄ limit
 *        ┤ ●  ●
 *      0 ┼──────────────────────
 *        0            100  vehicles/day
 * ```
 * A value above the top (or infinite) is drawn as ▲ at the top row.
 */
import { formatNumber, isFigure } from './format.js';
import { paint } from './text.js';

export interface XYChartOptions {
  readonly width: number;
  readonly height: number;
  readonly color: boolean;
  readonly yUnit: string;
  readonly xUnit: string;
  readonly line?: { readonly y: number; readonly label: string };
  /** The top of the y axis; points above it are drawn as ▲. Default: just above the highest point. */
  readonly yMax?: number;
}

export interface XYPoint {
  readonly x: number;
  readonly y: number;
}

export function renderXYChart(points: readonly XYPoint[], o: XYChartOptions): string {
  const finite = points.filter((p) => isFigure(p.x) && isFigure(p.y));
  const xs = points.filter((p) => isFigure(p.x)).map((p) => p.x);
  if (xs.length === 0) return 'No points to draw.';
  const ys = finite.map((p) => p.y).concat(o.line !== undefined && isFigure(o.line.y) ? [o.line.y] : []);
  const yMax = niceCeiling(o.yMax !== undefined && isFigure(o.yMax) && o.yMax > 0 ? o.yMax : Math.max(1e-9, ...ys) * 1.05);
  const xMax = niceCeiling(Math.max(...xs));
  const yLabels = [yMax, yMax / 2, 0].map((v) => `${formatNumber(v, v === 0 || v >= 10 ? 0 : 1)} ${o.yUnit}`.trim());
  const axisWidth = Math.max(...yLabels.map((l) => l.length)) + 1;
  const lineLabel = o.line === undefined ? '' : ` ${o.line.label}`;
  const plotWidth = Math.max(10, o.width - axisWidth - 1 - lineLabel.length);
  const rows = Math.max(3, o.height);
  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(plotWidth).fill(' '));
  const rowOf = (y: number): number => rows - 1 - Math.round((Math.min(y, yMax) / yMax) * (rows - 1));
  const colOf = (x: number): number => Math.min(plotWidth - 1, Math.round((x / xMax) * (plotWidth - 1)));
  const lineRow = o.line !== undefined && isFigure(o.line.y) ? rowOf(o.line.y) : -1;
  if (lineRow >= 0) grid[lineRow].fill('┄');
  for (const p of points) {
    if (!isFigure(p.x)) continue;
    const above = !isFigure(p.y) || p.y > yMax;
    grid[above ? 0 : rowOf(p.y)][colOf(p.x)] = above ? '▲' : '●';
  }
  const labelRows = new Map([
    [0, yLabels[0]],
    [Math.round((rows - 1) / 2), yLabels[1]],
    [rows - 1, yLabels[2]],
  ]);
  const body = grid.map((cells, r) => {
    const label = (labelRows.get(r) ?? '').padStart(axisWidth - 1);
    const tail = r === lineRow ? lineLabel : '';
    return `${label} ┤${paint(cells.join(''), 'cyan', o.color)}${tail}`.trimEnd();
  });
  const xLeft = '0';
  const xRight = `${formatNumber(xMax, xMax < 10 ? 1 : 0)} ${o.xUnit}`;
  const axis = `${' '.repeat(axisWidth)}└${'─'.repeat(plotWidth)}`;
  const ticks = `${' '.repeat(axisWidth + 1)}${xLeft}${' '.repeat(Math.max(1, plotWidth - xLeft.length - xRight.length))}${xRight}`;
  return [...body, axis, ticks.trimEnd()].join('\n');
}

/** 1, 2, 2.5 or 5 times a power of ten, at least `x`. */
function niceCeiling(x: number): number {
  const magnitude = Math.pow(10, Math.floor(Math.log10(x)));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= x) ?? 10;
  return step * magnitude;
}
