import { describe, expect, test } from 'vitest';
import { formatBound, formatHours, formatInterval, formatNumber, formatPercent, formatSigned } from '../../src/cli/render/format.js';

describe('figure formatting', () => {
  test('non-finite numbers print as "n/a", never NaN, Infinity or undefined', () => {
    for (const x of [NaN, Infinity, -Infinity, undefined, null]) {
      expect(formatNumber(x)).toBe('n/a');
      expect(formatHours(x)).toBe('n/a');
      expect(formatPercent(x)).toBe('n/a');
      expect(formatSigned(x)).toBe('n/a');
    }
    expect(formatInterval([NaN, 3])).toBe('n/a');
    expect(formatInterval([Infinity, -Infinity])).toBe('n/a');
  });

  test('hours get one decimal, and days in brackets only above 48 h', () => {
    expect(formatHours(12.345)).toBe('12.3 h');
    expect(formatHours(48)).toBe('48.0 h');
    expect(formatHours(72.46)).toBe('72.5 h (3.0 d)');
  });

  test('shares and utilisation print as percentages with one decimal', () => {
    expect(formatPercent(0.452)).toBe('45.2%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.2, 0)).toBe('20%');
  });

  test('large figures are grouped in thousands and tiny negatives do not print as "-0.0"', () => {
    expect(formatNumber(1234567.89)).toBe('1,234,567.9');
    expect(formatNumber(-0.01)).toBe('0.0');
    expect(formatNumber(-12.34)).toBe('-12.3');
  });

  test('differences carry an explicit sign except when they round to zero', () => {
    expect(formatSigned(2.345)).toBe('+2.3');
    expect(formatSigned(-2.345)).toBe('-2.3');
    expect(formatSigned(0.01)).toBe('0.0');
  });

  test('confidence intervals print as [low, high] with an optional unit', () => {
    expect(formatInterval([39.84, 42.61])).toBe('[39.8, 42.6]');
    expect(formatInterval([1, 2], 1, ' h')).toBe('[1.0, 2.0] h');
  });

  test('histogram bounds drop trailing zeros', () => {
    expect(formatBound(5)).toBe('5');
    expect(formatBound(0.5)).toBe('0.5');
    expect(formatBound(2.25)).toBe('2.25');
  });
});
