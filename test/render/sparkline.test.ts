import { describe, expect, test } from 'vitest';
import { indexOfLargest, sparkline } from '../../src/cli/render/sparkline.js';

describe('sparkline', () => {
  test('scales each value to eighths of the largest, with "·" for nothing', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('·▁▂▄█');
    expect(sparkline([3, 3])).toBe('██');
  });

  test('shows non-figures and an all-zero row as "·", never as a block', () => {
    expect(sparkline([NaN, Infinity, -1, 0])).toBe('····');
    expect(sparkline([0, 0, 0])).toBe('···');
    expect(sparkline([])).toBe('');
  });
});

describe('indexOfLargest', () => {
  test('gives the first largest figure among those kept, or -1', () => {
    expect(indexOfLargest([1, 5, 5, NaN])).toBe(1);
    expect(indexOfLargest([1, 5, 4], (i) => i !== 1)).toBe(2);
    expect(indexOfLargest([NaN, NaN])).toBe(-1);
  });
});
