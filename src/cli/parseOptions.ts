import { InvalidArgumentError } from 'commander';
import { isValidIsoDate } from '../kernel/timeAxis.js';

/** Commander argument parsers that reject anything but what they promise. */
export function integerAtLeast(min: number, what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${what} must be a whole number >= ${min}, got "${value}"`);
    }
    return n;
  };
}

/** A whole number from `min` to `max`: a bound a real study never meets and the machine always does. */
export function integerBetween(min: number, max: number, what: string, why: string): (value: string) => number {
  const atLeast = integerAtLeast(min, what);
  return (value) => {
    const n = atLeast(value);
    if (n > max) throw new InvalidArgumentError(`${what} may be at most ${max.toLocaleString('en-US')} (${why}), got ${value}`);
    return n;
  };
}

export function isoDate(value: string): string {
  if (!isValidIsoDate(value)) throw new InvalidArgumentError(`expected a calendar date as YYYY-MM-DD, got "${value}"`);
  return value;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A finite number from `min` to `max`, both included. */
export function numberBetween(min: number, max: number, what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${what} must be a number from ${min} to ${max}, got "${value}"`);
    }
    return n;
  };
}

/** Morris grid levels: an even whole number from 2 to 100. */
export function evenLevels(value: string): number {
  const n = integerBetween(2, 100, '--levels', 'a screening grid never needs more')(value);
  if (n % 2 !== 0) throw new InvalidArgumentError(`--levels must be even (Δ = p/(2(p−1)) then keeps the grid), got ${value}`);
  return n;
}
