import { afterEach, describe, expect, test } from 'vitest';
import { downsample, renderDailyChart, yScale } from '../../src/cli/render/dailyChart.js';
import { dayDate } from '../../src/cli/render/dates.js';
import { flat, hasAnsi, overlong, plain } from './support.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** The plot rows of a chart (those with a y-axis label), as text. */
function plotRows(chart: string): string[] {
  return plain(chart)
    .split('\n')
    .filter((l) => /^ *[\d.]+ [┤┼]/.test(l));
}

describe('released-per-day chart', () => {
  test('a horizon longer than the width is averaged into columns so the chart fits', () => {
    const values = Array.from({ length: 365 }, (_, d) => 30 + 10 * Math.sin(d / 20));
    const chart = renderDailyChart({ start: '2025-01-01', values, warmupDays: 14 }, { width: 80, color: false });
    expect(overlong(chart, 80)).toEqual([]);
    expect(flat(chart)).toContain('each column the mean of 5 days');
    expect(flat(chart)).toContain('days before 2025-01-15 (day 15) are warm-up');
  });

  test('a closure shows as a dip to zero', () => {
    const values = Array.from({ length: 60 }, (_, d) => (d >= 20 && d < 25 ? 0 : 20));
    const rows = plotRows(renderDailyChart({ start: '2025-12-01', values, warmupDays: 0 }, { width: 100, color: false }));
    const zeroRow = rows[rows.length - 1];
    expect(zeroRow).toMatch(/^ *0 ┤ *╰─*╯ *$/);
  });

  test('the x axis is labelled with the calendar dates of the days from the start, whatever the machine\'s time zone', () => {
    for (const tz of ['Pacific/Kiritimati', 'America/Adak', 'Asia/Karachi']) {
      process.env.TZ = tz;
      const chart = plain(renderDailyChart({ start: '2024-02-20', values: Array.from({ length: 45 }, () => 5), warmupDays: 0 }, { width: 100, color: false }));
      const labels = chart.split('\n').find((l) => l.includes('2024-03-01')) ?? '';
      expect(labels.trim().split(/ +/), tz).toEqual(['2024-03-01', '2024-04-01']);
      expect(dayDate('2024-02-28', 1)).toBe('2024-02-29');
      expect(dayDate('2025-12-31', 1)).toBe('2026-01-01');
    }
  });

  test('the tick under a date label sits in the column of that day', () => {
    const values = Array.from({ length: 45 }, () => 5);
    const lines = plain(renderDailyChart({ start: '2024-02-20', values, warmupDays: 0 }, { width: 100, color: false })).split('\n');
    const labelLine = lines.findIndex((l) => l.includes('2024-03-01'));
    const column = lines[labelLine].indexOf('2024-03-01');
    const axisStart = lines[labelLine - 1].indexOf('└');
    expect(lines[labelLine - 1][column]).toBe('┬');
    expect(column - axisStart).toBe(10); // 2024-03-01 is day 10 after 2024-02-20 (leap year)
  });

  test('charts drawn with the same max share their y axis', () => {
    const small = renderDailyChart({ start: '2025-06-01', values: [1, 5, 10, 0, 8], warmupDays: 0 }, { width: 80, color: false, max: 40 });
    const large = renderDailyChart({ start: '2025-06-01', values: [30, 40, 35, 0, 20], warmupDays: 0 }, { width: 80, color: false, max: 40 });
    const axis = (chart: string) => plotRows(chart).map((l) => l.trim().split(' ')[0]);
    expect(axis(small)).toEqual(axis(large));
    expect(axis(small)[0]).toBe('40');
  });

  test('the y axis has round labels reaching at least the peak', () => {
    expect(yScale(27)).toEqual({ max: 28, step: 2, rows: 14, decimals: 0 });
    expect(yScale(95)).toEqual({ max: 100, step: 10, rows: 10, decimals: 0 });
    expect(yScale(0.8)).toEqual({ max: 0.8, step: 0.1, rows: 8, decimals: 1 });
    expect(yScale(0).max).toBe(1);
    expect(yScale(NaN).max).toBe(1);
  });

  test('days without a figure are drawn as zero and counted in the caption', () => {
    const chart = renderDailyChart({ start: '2025-06-01', values: [4, NaN, 6, Infinity, 5], warmupDays: 0 }, { width: 80, color: false });
    expect(chart).not.toMatch(/NaN|Infinity/);
    expect(flat(chart)).toContain('2 day(s) had no figure (n/a) and are drawn as 0');
  });

  test('an empty series renders a sentence, not a chart', () => {
    expect(renderDailyChart({ start: '2025-06-01', values: [], warmupDays: 0 }, { width: 80, color: false })).toContain('No days to plot');
  });

  test('colour applies only when asked', () => {
    const series = { start: '2025-06-01', values: [1, 2, 3, 2, 1], warmupDays: 1 };
    expect(hasAnsi(renderDailyChart(series, { width: 80, color: false }))).toBe(false);
    expect(hasAnsi(renderDailyChart(series, { width: 80, color: true }))).toBe(true);
  });

  test('downsampling takes the mean of each run of days, the last run possibly shorter', () => {
    expect(downsample([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([2, 5, 7]);
    expect(downsample([1, 2], 1)).toEqual([1, 2]);
  });
});
