/**
 * Number formatting for reports. Every figure goes through here, so a non-finite value
 * (NaN, ±Infinity, a missing number) prints as "n/a" and never as "NaN" or "undefined".
 *
 * @example
 * formatHours(72.46); // "72.5 h (3.0 d)"
 * formatPercent(0.452); // "45.2%"
 * formatNumber(NaN); // "n/a"
 */

export const NA = 'n/a';

/** True for a number that can be printed as a figure. */
export function isFigure(x: number | undefined | null): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** `x` with `decimals` decimals and thousands separators; "n/a" when not finite. */
export function formatNumber(x: number | undefined | null, decimals = 1): string {
  if (!isFigure(x)) return NA;
  const fixed = Math.abs(x).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = x < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Like {@link formatNumber} with an explicit "+" on positive values, for differences. */
export function formatSigned(x: number | undefined | null, decimals = 1): string {
  const text = formatNumber(x, decimals);
  if (text === NA || text.startsWith('-') || Number(x!.toFixed(decimals)) === 0) return text;
  return `+${text}`;
}

/** Hours with one decimal and the unit, with days in brackets above 48 h: "72.5 h (3.0 d)". */
export function formatHours(x: number | undefined | null): string {
  if (!isFigure(x)) return NA;
  const hours = `${formatNumber(x, 1)} h`;
  return x > 48 ? `${hours} (${formatNumber(x / 24, 1)} d)` : hours;
}

/** A fraction (0–1) as a percentage with one decimal: 0.452 → "45.2%". */
export function formatPercent(fraction: number | undefined | null, decimals = 1): string {
  if (!isFigure(fraction)) return NA;
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/** A 95 % confidence interval, "[39.8, 42.6]"; "n/a" when either end is not finite. */
export function formatInterval(ci: readonly [number, number] | undefined | null, decimals = 1, unit = ''): string {
  if (!ci || !isFigure(ci[0]) || !isFigure(ci[1])) return NA;
  return `[${formatNumber(ci[0], decimals)}, ${formatNumber(ci[1], decimals)}]${unit}`;
}

/** A bucket bound in hours without trailing zeros: 5 → "5", 0.5 → "0.5", 2.25 → "2.25". */
export function formatBound(x: number): string {
  if (!isFigure(x)) return NA;
  return formatNumber(x, 2).replace(/\.?0+$/, '');
}

/** A precision goal as the user typed it: 0.05 → "5%". */
export function formatGoal(target: number): string {
  return `${formatNumber(target * 100, 2).replace(/\.?0+$/, '')}%`;
}
