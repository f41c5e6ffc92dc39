import { describe, expect, test } from 'vitest';
import { bucketLabel, renderHistogram } from '../../src/cli/render/histogramChart.js';
import { flat, hasAnsi, overlong, plain } from './support.js';

describe('time-release histogram', () => {
  test('buckets are labelled in hours, the last one open-ended', () => {
    expect(bucketLabel(5, 0, 20)).toBe('0–5 h');
    expect(bucketLabel(5, 3, 20)).toBe('15–20 h');
    expect(bucketLabel(0.5, 1, 20)).toBe('0.5–1 h');
    expect(bucketLabel(5, 19, 20)).toBe('≥ 95 h');
    expect(bucketLabel(NaN, 2, 20)).toBe('bucket 3');
  });

  test('bars are proportional to the count, with the count and share after them', () => {
    const lines = plain(renderHistogram({ width: 10, counts: [10, 40, 20, 0, 30] }, { width: 80, color: false })).split('\n');
    expect(lines).toHaveLength(5);
    const bar = (line: string) => (line.split('│')[1].match(/[█▏▎▍▌▋▊▉]+/)?.[0] ?? '').length;
    expect(bar(lines[1])).toBeGreaterThan(bar(lines[4]));
    expect(bar(lines[4])).toBeGreaterThan(bar(lines[2]));
    expect(bar(lines[3])).toBe(0);
    expect(lines[1]).toMatch(/^10–20 h +│[█▏▎▍▌▋▊▉]+ +40\.0 \(40\.0%\)$/);
    expect(lines[4]).toMatch(/^≥ 40 h +│[█▏▎▍▌▋▊▉]+ +30\.0 \(30\.0%\)$/);
  });

  test('a tiny but non-empty bucket still shows a sliver of bar', () => {
    const text = plain(renderHistogram({ width: 10, counts: [1000, 0.01] }, { width: 60, color: false }));
    expect(text.split('\n')[1]).toContain('│▏');
  });

  test('empty buckets after the last non-empty one are left out', () => {
    const text = plain(renderHistogram({ width: 5, counts: [3, 4, 0, 0, 0] }, { width: 60, color: false }));
    expect(text.split('\n')).toHaveLength(2);
  });

  test('bars on a shared scale are shorter for a flatter distribution', () => {
    const alone = plain(renderHistogram({ width: 5, counts: [1, 1] }, { width: 60, color: false }));
    const shared = plain(renderHistogram({ width: 5, counts: [1, 1] }, { width: 60, color: false, scaleShare: 1 }));
    expect(shared.split('\n')[0].split('█').length).toBeLessThan(alone.split('\n')[0].split('█').length);
  });

  test('fits the width and colours only when asked', () => {
    const histogram = { width: 2, counts: Array.from({ length: 20 }, (_, i) => 1000 / (i + 1)) };
    for (const width of [40, 80, 120]) expect(overlong(renderHistogram(histogram, { width, color: true }), width)).toEqual([]);
    expect(hasAnsi(renderHistogram(histogram, { width: 80, color: false }))).toBe(false);
    expect(hasAnsi(renderHistogram(histogram, { width: 80, color: true }))).toBe(true);
  });

  test('a histogram without containers renders a sentence, not bars', () => {
    const text = renderHistogram({ width: 5, counts: [0, 0, NaN] }, { width: 80, color: false });
    expect(flat(text)).toContain('no distribution to draw');
    expect(text).not.toContain('NaN');
  });
});
