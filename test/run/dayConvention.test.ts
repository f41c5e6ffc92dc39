import { describe, expect, it } from 'vitest';
import { dayLabel, dayNumber, dayNumberAt } from '../../src/run/index.js';

describe('day convention', () => {
  it('numbers days from 1 at the start date', () => {
    expect(dayNumber(0)).toBe(1);
    expect(dayNumberAt(0)).toBe(1);
    expect(dayNumberAt(23.99)).toBe(1);
    expect(dayNumberAt(24)).toBe(2);
  });

  it('says drain day once the horizon has ended', () => {
    expect(dayLabel(89 * 24 + 5, 90)).toBe('day 90 of 90');
    expect(dayLabel(90 * 24, 90)).toBe('drain day 1');
    expect(dayLabel(148 * 24 + 1, 90)).toBe('drain day 59');
  });
});
