import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TimeAxis,
  isValidIsoDate,
  isValidTimeZone,
  isoDateString,
  localToEpoch,
  parseIsoDate,
  zoneOffsetMs,
} from '../../src/kernel/index.js';

const HOUR = 3_600_000;

describe('TimeAxis', () => {
  it('puts simulated time 0 at local midnight of the start date in the given zone', () => {
    expect(TimeAxis.startingAt('2025-01-01', 'Asia/Karachi').originEpochMs).toBe(Date.UTC(2024, 11, 31, 19));
    expect(TimeAxis.startingAt('2025-01-01', 'Asia/Shanghai').originEpochMs).toBe(Date.UTC(2024, 11, 31, 16));
    expect(TimeAxis.startingAt('2025-07-01', 'Europe/London').originEpochMs).toBe(Date.UTC(2025, 5, 30, 23));
  });

  it('formats one instant as the wall-clock time of each zone', () => {
    const axis = TimeAxis.startingAt('2025-01-01', 'Asia/Karachi');
    expect(axis.format(0, 'Asia/Karachi')).toBe('2025-01-01 00:00');
    expect(axis.format(0, 'Asia/Shanghai')).toBe('2025-01-01 03:00');
    expect(axis.format(0, 'UTC')).toBe('2024-12-31 19:00');
    expect(axis.format(13.5, 'Asia/Kolkata')).toBe('2025-01-01 14:00');
    expect(axis.isoDate(0, 'UTC')).toBe('2024-12-31');
    expect(axis.localDate(24 * 4 + 12, 'Asia/Karachi')).toEqual({ year: 2025, month: 1, day: 5, weekday: 7 });
  });

  it('round-trips dates and wall-clock times through timeOfDate, format and isoDate (property)', () => {
    const zones = ['Asia/Karachi', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'UTC', 'America/St_Johns'];
    // Simulated time runs forward from the axis origin, so dates are drawn from the 50 years after it.
    const axis = TimeAxis.startingAt('2025-01-01', 'Asia/Karachi');
    const date = fc
      .date({ min: new Date(Date.UTC(2025, 0, 2)), max: new Date(Date.UTC(2074, 11, 31)), noInvalidDate: true })
      .map((d) => isoDateString(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    fc.assert(
      fc.property(date, fc.constantFrom(...zones), fc.integer({ min: 0, max: 1439 }), (iso, zone, minutes) => {
        const midnight = axis.timeOfDate(iso, zone);
        expect(axis.isoDate(midnight, zone)).toBe(iso);
        expect(axis.format(midnight, zone)).toBe(`${iso} 00:00`);
        // Away from DST gaps (America/St_Johns has DST, so only its midnight is checked), every
        // local wall-clock time maps to an instant that formats back to itself.
        if (zone !== 'America/St_Johns') {
          const { year, month, day } = parseIsoDate(iso);
          const t = axis.fromEpoch(localToEpoch(zone, year, month, day, minutes));
          const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
          const mm = String(minutes % 60).padStart(2, '0');
          expect(axis.format(t, zone)).toBe(`${iso} ${hh}:${mm}`);
        }
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('maps simulated time to epoch and back exactly, and through hours', () => {
    const axis = new TimeAxis(Date.UTC(2025, 0, 1));
    expect(axis.toEpoch(1.5)).toBe(Date.UTC(2025, 0, 1, 1, 30));
    expect(axis.fromEpoch(Date.UTC(2025, 0, 2))).toBe(24);
  });
});

describe('localToEpoch in a DST zone (Europe/London)', () => {
  it('applies GMT in winter and BST (UTC+1) in summer', () => {
    expect(localToEpoch('Europe/London', 2025, 1, 15, 12 * 60)).toBe(Date.UTC(2025, 0, 15, 12));
    expect(localToEpoch('Europe/London', 2025, 7, 15, 12 * 60)).toBe(Date.UTC(2025, 6, 15, 11));
    expect(zoneOffsetMs('Europe/London', Date.UTC(2025, 0, 15))).toBe(0);
    expect(zoneOffsetMs('Europe/London', Date.UTC(2025, 6, 15))).toBe(HOUR);
  });

  it('gives the spring-forward day 23 hours and the fall-back day 25 hours', () => {
    const spring = TimeAxis.startingAt('2025-03-30', 'Europe/London');
    expect(spring.timeOfDate('2025-03-31', 'Europe/London')).toBe(23);
    const autumn = TimeAxis.startingAt('2025-10-26', 'Europe/London');
    expect(autumn.timeOfDate('2025-10-27', 'Europe/London')).toBe(25);
  });

  it('maps local times either side of the changes correctly, and a time in the spring gap one hour on', () => {
    // Clocks go forward at 01:00 GMT on 30 March 2025 and back at 01:00 GMT on 26 October 2025.
    expect(localToEpoch('Europe/London', 2025, 3, 30, 30)).toBe(Date.UTC(2025, 2, 30, 0, 30)); // 00:30 GMT
    expect(localToEpoch('Europe/London', 2025, 3, 30, 3 * 60)).toBe(Date.UTC(2025, 2, 30, 2)); // 03:00 BST
    expect(localToEpoch('Europe/London', 2025, 3, 30, 90)).toBe(Date.UTC(2025, 2, 30, 1, 30)); // 01:30 does not exist: 02:30 BST
    expect(localToEpoch('Europe/London', 2025, 10, 26, 30)).toBe(Date.UTC(2025, 9, 25, 23, 30)); // 00:30 BST
    expect(localToEpoch('Europe/London', 2025, 10, 26, 3 * 60)).toBe(Date.UTC(2025, 9, 26, 3)); // 03:00 GMT
    // 01:30 happens twice; either instant is a correct answer.
    expect([Date.UTC(2025, 9, 26, 0, 30), Date.UTC(2025, 9, 26, 1, 30)]).toContain(localToEpoch('Europe/London', 2025, 10, 26, 90));
  });
});

describe('date and zone validation', () => {
  it('parses YYYY-MM-DD and rejects malformed or impossible dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-2-3')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(() => parseIsoDate('01/12/2025')).toThrow(RangeError);
  });

  it('knows IANA zones from made-up ones, and the offsets of the corridor zones', () => {
    expect(isValidTimeZone('Asia/Karachi')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    const instant = Date.UTC(2025, 11, 1, 12);
    expect(zoneOffsetMs('Asia/Karachi', instant)).toBe(5 * HOUR);
    expect(zoneOffsetMs('Asia/Shanghai', instant)).toBe(8 * HOUR);
    expect(zoneOffsetMs('Asia/Kolkata', instant)).toBe(5.5 * HOUR);
  });
});
