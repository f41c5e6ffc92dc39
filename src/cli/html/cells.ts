/**
 * Table cells of the HTML report. A cell that shows a figure says where the figure is in the
 * `--json` output (`data-json`), so the two renderings of the report can be checked against
 * each other; a cell without a figure ("n/a", a label) has no path.
 */
import { formatInterval, formatNumber, formatPercent, formatSigned, isFigure, NA } from '../render/format.js';

export interface Cell {
  readonly text: string;
  /** Path of the figure in the `--json` output (see jsonPath.ts). */
  readonly json?: string;
}

/** A figure with `decimals` decimals: "1,234.5". */
export function figureCell(value: number | null | undefined, json: string, decimals = 1): Cell {
  return isFigure(value) ? { text: formatNumber(value, decimals), json } : { text: NA };
}

/** A difference or an effect, with its sign: "+3.2", "-0.4". */
export function signedCell(value: number | null | undefined, json: string, decimals = 1): Cell {
  return isFigure(value) ? { text: formatSigned(value, decimals), json } : { text: NA };
}

/** A fraction as a percentage: 0.452 → "45.2%". */
export function percentCell(value: number | null | undefined, json: string, decimals = 1): Cell {
  return isFigure(value) ? { text: formatPercent(value, decimals), json } : { text: NA };
}

/** A 95 % CI: "[39.8, 42.6]". */
export function intervalCell(ci: readonly [number, number] | null | undefined, json: string, decimals = 1): Cell {
  const text = formatInterval(ci, decimals);
  return text === NA ? { text } : { text, json };
}

/** Text with no figure in it, or a figure given for reading only. */
export function textCell(text: string): Cell {
  return { text: text === '' ? NA : text };
}
