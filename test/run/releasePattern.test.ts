import { describe, expect, test } from 'vitest';
import { poolReleasePattern, ReleasePatternCounter } from '../../src/run/releasePattern.js';

describe('the time-release pattern by hour and weekday', () => {
  test('files a container under the PKT hour and weekday of its arrival at Sost and of its gate-out', () => {
    // 2025-12-01 is a Monday; day 4 is Friday 5 Dec, day 7 Monday 8 Dec.
    const counter = new ReleasePatternCounter('2025-12-01');
    counter.add(4 * 24 + 15.5, 7 * 24 + 9.25);
    const counts = counter.counts();
    const hours = 7 * 24 + 9.25 - (4 * 24 + 15.5);
    expect(counts.byArrivalHour[15]).toEqual({ count: 1, hours });
    expect(counts.byArrivalWeekday[4]).toEqual({ count: 1, hours });
    expect(counts.byReleaseHour[9]).toEqual({ count: 1, hours });
    expect(counts.byReleaseWeekday[0]).toEqual({ count: 1, hours });
    expect(counts.byArrivalHour.reduce((a, g) => a + g.count, 0)).toBe(1);
  });

  test('pools replications into shares of all their containers and container-weighted means', () => {
    const first = new ReleasePatternCounter('2025-12-01');
    first.add(10, 20); // Monday 10:00, 10 h
    const second = new ReleasePatternCounter('2025-12-01');
    second.add(10.5, 40.5); // Monday 10:30, 30 h
    second.add(24 + 23, 24 + 25); // Tuesday 23:00, 2 h, released Wednesday 01:00
    const pooled = poolReleasePattern([first.counts(), second.counts()]);
    expect(pooled.byArrivalHour[10]).toEqual({ share: 2 / 3, meanHours: 20 });
    expect(pooled.byArrivalWeekday.tue).toEqual({ share: 1 / 3, meanHours: 2 });
    expect(pooled.byReleaseWeekday.wed).toEqual({ share: 1 / 3, meanHours: 2 });
    expect(pooled.byReleaseHour[1]).toEqual({ share: 1 / 3, meanHours: 2 });
    expect(pooled.byArrivalWeekday.sun).toEqual({ share: 0, meanHours: 0 });
  });

  test('gives zeros, never NaN, with nothing to pool', () => {
    const empty = poolReleasePattern([]);
    expect(empty.byArrivalHour).toHaveLength(24);
    expect(Object.keys(empty.byReleaseWeekday)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(JSON.stringify(empty)).not.toMatch(/null|NaN/);
    expect(poolReleasePattern([new ReleasePatternCounter('2025-06-01').counts()]).byReleaseHour[0]).toEqual({ share: 0, meanHours: 0 });
  });
});
