import { describe, expect, it } from 'vitest';
import {
  TimeAxis,
  WorkingCalendar,
  nextCloseAny,
  nextOpenAll,
  workingHoursBetween,
  type CalendarSpec,
} from '../../src/kernel/index.js';

const PKT = 'Asia/Karachi'; // UTC+5, no DST
const BEIJING = 'Asia/Shanghai'; // UTC+8, no DST

/** Simulated time 0 is Monday 2025-12-01 00:00 PKT (2025-11-30 19:00 UTC). */
const axis = TimeAxis.startingAt('2025-12-01', PKT);

/** Simulated time of a PKT wall-clock time. */
function pkt(date: string, time: string): number {
  const [h, m] = time.split(':').map(Number);
  return axis.timeOfDate(date, PKT) + h + m / 60;
}

/** Simulated time of a UTC instant, so expectations do not lean on the axis alone. */
function utc(year: number, month: number, day: number, hour: number, minute = 0): number {
  return axis.fromEpoch(Date.UTC(year, month - 1, day, hour, minute));
}

function calendar(spec: Partial<CalendarSpec> & { timeZone: string }, on: TimeAxis = axis): WorkingCalendar {
  return new WorkingCalendar({ workingDays: [1, 2, 3, 4, 5], hours: [{ from: '09:00', to: '17:00' }], ...spec }, on);
}

const sost = calendar({
  timeZone: PKT,
  holidays: ['2025-12-25'],
  closures: [{ from: '2025-12-29', to: '2025-12-31', reason: 'snow at Khunjerab' }],
});
/** Beijing 10:00–18:00 CST is 07:00–15:00 PKT. */
const beijing = calendar({ timeZone: BEIJING, hours: [{ from: '10:00', to: '18:00' }], holidays: ['2025-12-09'] });

describe('WorkingCalendar', () => {
  it('sends a Friday-evening arrival (Fri 2025-12-05 18:00 PKT) to Monday 09:00 PKT', () => {
    const friday = pkt('2025-12-05', '18:00');
    expect(friday).toBe(utc(2025, 12, 5, 13));
    expect(sost.nextOpen(friday)).toBe(pkt('2025-12-08', '09:00'));
    expect(sost.nextOpen(friday)).toBe(utc(2025, 12, 8, 4));
  });

  it('is open from 09:00 inclusive to 17:00 exclusive, and nextOpen of an open time is that time', () => {
    expect(sost.isOpen(pkt('2025-12-02', '08:59'))).toBe(false);
    expect(sost.isOpen(pkt('2025-12-02', '09:00'))).toBe(true);
    expect(sost.isOpen(pkt('2025-12-02', '16:59'))).toBe(true);
    expect(sost.isOpen(pkt('2025-12-02', '17:00'))).toBe(false);
    const open = pkt('2025-12-02', '11:17');
    expect(sost.nextOpen(open)).toBe(open);
    expect(sost.nextOpen(pkt('2025-12-02', '06:00'))).toBe(pkt('2025-12-02', '09:00'));
    expect(sost.nextOpen(pkt('2025-12-02', '17:00'))).toBe(pkt('2025-12-03', '09:00'));
  });

  it('skips a holiday: Wednesday evening before Christmas Day (Thu 2025-12-25) waits for Friday 09:00', () => {
    expect(sost.nextOpen(pkt('2025-12-24', '18:00'))).toBe(pkt('2025-12-26', '09:00'));
    expect(sost.isOpen(pkt('2025-12-25', '10:00'))).toBe(false);
  });

  it('skips a closure period: Friday 2025-12-26 evening waits past the Mon–Wed snow closure to Thursday 09:00', () => {
    expect(sost.nextOpen(pkt('2025-12-26', '18:00'))).toBe(pkt('2026-01-01', '09:00'));
  });

  it('closedReason names the weekend, the holiday, or the closure, and is undefined on a working date', () => {
    expect(sost.closedReason(pkt('2025-12-06', '12:00'))).toBe('weekend');
    expect(sost.closedReason(pkt('2025-12-07', '23:59'))).toBe('weekend');
    expect(sost.closedReason(pkt('2025-12-25', '12:00'))).toBe('holiday');
    expect(sost.closedReason(pkt('2025-12-30', '12:00'))).toBe('snow at Khunjerab');
    expect(sost.closedReason(pkt('2025-12-02', '12:00'))).toBeUndefined();
    // The reason is about the date: after hours on a working day is not a closure.
    expect(sost.closedReason(pkt('2025-12-02', '20:00'))).toBeUndefined();
    // Local dates: Saturday 00:30 PKT is still Friday in UTC, but it is the weekend in Sost.
    expect(sost.closedReason(pkt('2025-12-06', '00:30'))).toBe('weekend');
  });

  it('a closure without a reason is reported as "closure", and a closure wins over the weekend', () => {
    const cal = calendar({
      timeZone: PKT,
      closures: [{ from: '2025-12-04', to: '2025-12-07' }, { from: '2025-12-13', to: '2025-12-14', reason: 'pass closed' }],
    });
    expect(cal.closedReason(pkt('2025-12-04', '10:00'))).toBe('closure');
    expect(cal.closedReason(pkt('2025-12-06', '10:00'))).toBe('closure');
    expect(cal.closedReason(pkt('2025-12-13', '10:00'))).toBe('pass closed');
  });

  it('nextClose gives the end of the current open spell, or the time itself when closed', () => {
    expect(sost.nextClose(pkt('2025-12-02', '10:00'))).toBe(pkt('2025-12-02', '17:00'));
    const closed = pkt('2025-12-02', '18:00');
    expect(sost.nextClose(closed)).toBe(closed);
    const split = calendar({ timeZone: PKT, hours: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] });
    expect(split.nextClose(pkt('2025-12-02', '10:00'))).toBe(pkt('2025-12-02', '12:00'));
    expect(split.nextOpen(pkt('2025-12-02', '12:30'))).toBe(pkt('2025-12-02', '13:00'));
  });

  it('nextClose merges adjacent spells, including whole working days that run into each other', () => {
    const adjacent = calendar({ timeZone: PKT, hours: [{ from: '09:00', to: '12:00' }, { from: '12:00', to: '17:00' }] });
    expect(adjacent.nextClose(pkt('2025-12-02', '10:00'))).toBe(pkt('2025-12-02', '17:00'));
    const roundTheClock = calendar({ timeZone: PKT, hours: [] });
    expect(roundTheClock.nextClose(pkt('2025-12-02', '10:00'))).toBe(pkt('2025-12-06', '00:00'));
  });

  it('treats working hours given out of order like the same hours in order (regression: unsorted hours)', () => {
    // Regression: with hours listed afternoon first, nextOpen answered the afternoon start for a
    // morning time and nextClose stopped at the end of the first listed spell.
    const unsorted = calendar({ timeZone: PKT, hours: [{ from: '13:00', to: '17:00' }, { from: '09:00', to: '12:00' }] });
    expect(unsorted.nextOpen(pkt('2025-12-02', '08:00'))).toBe(pkt('2025-12-02', '09:00'));
    expect(unsorted.nextClose(pkt('2025-12-02', '10:00'))).toBe(pkt('2025-12-02', '12:00'));
    const overlapping = calendar({ timeZone: PKT, hours: [{ from: '12:00', to: '17:00' }, { from: '09:00', to: '13:00' }] });
    expect(overlapping.nextClose(pkt('2025-12-02', '10:00'))).toBe(pkt('2025-12-02', '17:00'));
  });

  it('rejects hours that end before they start, malformed times and dates, and closures that end before they start', () => {
    expect(() => calendar({ timeZone: PKT, hours: [{ from: '17:00', to: '09:00' }] })).toThrow(RangeError);
    expect(() => calendar({ timeZone: PKT, hours: [{ from: '09:00', to: '25:00' }] })).toThrow(RangeError);
    expect(() => calendar({ timeZone: PKT, hours: [{ from: '9am', to: '17:00' }] })).toThrow(RangeError);
    expect(() => calendar({ timeZone: PKT, holidays: ['2025-02-30'] })).toThrow(RangeError);
    expect(() => calendar({ timeZone: PKT, closures: [{ from: '2025-12-10', to: '2025-12-09' }] })).toThrow(RangeError);
  });
});

describe('nextOpenAll and nextCloseAny across PKT and Beijing', () => {
  // PKT 09:00–17:00 and Beijing 10:00–18:00 CST (= 07:00–15:00 PKT) overlap 09:00–15:00 PKT,
  // i.e. 04:00–10:00 UTC.
  it('returns the start of the overlap, 09:00 PKT, from before either side opens', () => {
    expect(nextOpenAll([sost, beijing], pkt('2025-12-01', '06:00'))).toBe(pkt('2025-12-01', '09:00'));
    expect(nextOpenAll([sost, beijing], pkt('2025-12-01', '06:00'))).toBe(utc(2025, 12, 1, 4));
  });

  it('waits for Sost when only Beijing is open (07:30 PKT is 10:30 in Beijing)', () => {
    expect(beijing.isOpen(pkt('2025-12-01', '07:30'))).toBe(true);
    expect(nextOpenAll([beijing, sost], pkt('2025-12-01', '07:30'))).toBe(pkt('2025-12-01', '09:00'));
  });

  it('returns the time itself inside the overlap, and the next day’s overlap once Beijing has closed at 15:00 PKT', () => {
    const noon = pkt('2025-12-03', '12:00');
    expect(nextOpenAll([sost, beijing], noon)).toBe(noon);
    expect(nextOpenAll([sost, beijing], pkt('2025-12-03', '15:30'))).toBe(pkt('2025-12-04', '09:00'));
  });

  it('carries a Friday-evening arrival to Monday 09:00 PKT, and skips a day that is a holiday on one side only', () => {
    expect(nextOpenAll([sost, beijing], pkt('2025-12-05', '18:00'))).toBe(pkt('2025-12-08', '09:00'));
    // Tuesday 2025-12-09 is a holiday in Beijing only.
    expect(nextOpenAll([sost, beijing], pkt('2025-12-08', '16:00'))).toBe(pkt('2025-12-10', '09:00'));
  });

  it('nextCloseAny ends the joint spell when the first side closes: 15:00 PKT, Beijing’s 18:00', () => {
    expect(nextCloseAny([sost, beijing], pkt('2025-12-01', '10:00'))).toBe(pkt('2025-12-01', '15:00'));
  });
});

describe('WorkingCalendar across a DST change (Europe/London)', () => {
  it('opens at 09:00 local, which is 08:00 UTC after the clocks go forward and 09:00 UTC after they go back', () => {
    const london = TimeAxis.startingAt('2025-03-28', 'Europe/London');
    const office = calendar({ timeZone: 'Europe/London' }, london);
    // Friday 28 March 18:00 GMT; the clocks go forward on Sunday 30 March.
    const fridayEvening = london.fromEpoch(Date.UTC(2025, 2, 28, 18));
    expect(office.nextOpen(fridayEvening)).toBe(london.fromEpoch(Date.UTC(2025, 2, 31, 8)));
    // Friday 24 October 18:00 BST (17:00 UTC); the clocks go back on Sunday 26 October.
    const autumnEvening = london.fromEpoch(Date.UTC(2025, 9, 24, 17));
    expect(office.nextOpen(autumnEvening)).toBe(london.fromEpoch(Date.UTC(2025, 9, 27, 9)));
  });
});

describe('workingHoursBetween', () => {
  it('counts only open hours: Friday 16:00 to Monday 10:00 PKT at Sost is 1 h on Friday and 1 h on Monday', () => {
    expect(workingHoursBetween(sost, pkt('2025-12-05', '16:00'), pkt('2025-12-08', '10:00'))).toBeCloseTo(2, 12);
  });

  it('counts a span inside one spell as its length and a span outside the hours as 0', () => {
    expect(workingHoursBetween(sost, pkt('2025-12-02', '10:15'), pkt('2025-12-02', '12:45'))).toBeCloseTo(2.5, 12);
    expect(workingHoursBetween(sost, pkt('2025-12-02', '17:30'), pkt('2025-12-03', '08:30'))).toBe(0);
    expect(workingHoursBetween(sost, pkt('2025-12-03', '12:00'), pkt('2025-12-02', '12:00'))).toBe(0);
  });

  it('skips holidays and closures: Wednesday 24 to Friday 26 December 2025 is 8 h on the 24th and 3 h on the 26th', () => {
    expect(workingHoursBetween(sost, pkt('2025-12-24', '09:00'), pkt('2025-12-26', '12:00'))).toBeCloseTo(11, 12);
    // 29–31 December are a closure: Friday 26th 16:00 to Thursday 1 January 10:00 is 1 h + 1 h.
    expect(workingHoursBetween(sost, pkt('2025-12-26', '16:00'), pkt('2026-01-01', '10:00'))).toBeCloseTo(2, 12);
  });

  it('counts in the calendar’s own zone: Beijing 10:00–18:00 is 07:00–15:00 PKT, so 06:00–08:00 PKT holds 1 h', () => {
    expect(workingHoursBetween(beijing, pkt('2025-12-02', '06:00'), pkt('2025-12-02', '08:00'))).toBeCloseTo(1, 12);
    // A whole working week of Beijing days, Monday 00:00 to the next Monday 00:00 PKT: 5 × 8 h.
    expect(workingHoursBetween(beijing, pkt('2025-12-15', '00:00'), pkt('2025-12-22', '00:00'))).toBeCloseTo(40, 12);
  });
});
