import { describe, expect, test } from 'vitest';
import { containerJourney } from '../../src/model/containerJourney.js';
import type { ClosureSegment, ContainerRecord } from '../../src/model/corridor/index.js';
import type { ObservedBand, ObservedMeasure, ObservedRow, ObservedUnit } from '../../src/model/observedParams.js';
import type { CorridorParams } from '../../src/model/params.js';
import { readStageTable } from '../../src/model/stageTable.js';
import { ObservedTally, observedReport, verdictOf } from '../../src/run/index.js';
import { runReplication } from '../../src/run/replication.js';
import { testParams } from '../fixtures/params.js';

const TABLE = readStageTable(containerJourney);

/** LogHistogram quantiles sit at the middle of a 1 % bin: within a factor √1.01, about 0.5 %. */
const HISTOGRAM_TOLERANCE = Math.sqrt(1.01) - 1;

function row(id: string, measure: ObservedMeasure, unit: ObservedUnit, band: ObservedBand = { atLeast: 0 }, more: Partial<ObservedRow> = {}): ObservedRow {
  return { id, figure: id, source: 'test', measure, band, unit, input: false, reportOnly: false, conflictsWith: [], ...more };
}

function paramsWith(rows: readonly ObservedRow[], overrides: Partial<CorridorParams> = {}): CorridorParams {
  return testParams({ ...overrides, observed: { rows, claims: [] } });
}

/** A finished container whose milestones are all at 100 h except those given (simulated hours from 2025-12-01 00:00 PKT, a Monday). */
function container(times: Readonly<Record<string, number>>, traits: Partial<ContainerRecord> = {}): ContainerRecord {
  const milestones = new Float64Array(TABLE.milestones.length).fill(100);
  for (const [id, t] of Object.entries(times)) milestones[TABLE.milestoneIndex.get(id) as number] = t;
  return { id: 0, cargo: 'machinery', channel: 'green', scan: false, held: false, needsPermit: false, exportInspection: false, preArrival: false, incident: false, spoiled: false, snowyDeparture: false, outcome: 'released', ...traits, milestones };
}

/** The figures of `rows` after streaming `records` and handing over `closures`. */
function tallied(params: CorridorParams, records: readonly ContainerRecord[], closures: readonly ClosureSegment[] = []) {
  const tally = new ObservedTally(params, TABLE);
  for (const r of records) tally.add(r);
  return tally.values(closures);
}

describe('observed rows measured on containers', () => {
  test('shareWithin counts the containers whose interval is at most the limit, the limit included, among those `where` selects', () => {
    const params = paramsWith([
      row('all', { kind: 'shareWithin', from: 'gdLodged', to: 'released', hours: 24, where: {} }, 'share'),
      row('yellow', { kind: 'shareWithin', from: 'gdLodged', to: 'released', hours: 24, where: { channel: 'yellow' } }, 'share'),
    ]);
    const records = [
      container({ gdLodged: 10, released: 20 }, { channel: 'yellow' }),
      container({ gdLodged: 10, released: 34 }, { channel: 'red' }),
      container({ gdLodged: 10, released: 40 }, { channel: 'yellow' }),
    ];
    expect(tallied(params, records)).toEqual([{ value: 2 / 3, count: 3 }, { value: 1 / 2, count: 2 }]);
  });

  test('median and mean of elapsed hours: 2, 4 and 100 h give a median of 4 h and a mean of 35.33 h', () => {
    const span = { from: 'assessed', to: 'checksDone', where: { held: false } } as const;
    const params = paramsWith([row('median', { kind: 'median', ...span }, 'elapsed hours'), row('mean', { kind: 'mean', ...span }, 'elapsed hours')]);
    const records = [2, 4, 100, 7].map((hours, i) => container({ assessed: 10, checksDone: 10 + hours }, { held: i === 3 }));
    const [median, mean] = tallied(params, records);
    expect(median.count).toBe(3);
    expect(Math.abs(median.value / 4 - 1)).toBeLessThanOrEqual(HISTOGRAM_TOLERANCE);
    expect(mean).toEqual({ value: 106 / 3, count: 3 });
  });

  test('an interval left out is subtracted: GD lodged at 10 h, released at 30 h, duty paid 15–22 h gives 13 h', () => {
    const params = paramsWith([row('r', { kind: 'median', from: 'gdLodged', to: 'released', except: { from: 'readyForPayment', to: 'dutyPaid' }, where: {} }, 'elapsed hours')]);
    expect(tallied(params, [container({ gdLodged: 10, readyForPayment: 15, dutyPaid: 22, released: 30 })])).toEqual([{ value: 13, count: 1 }]);
  });

  test("medianWorking counts the calendar's open hours only: 9, 6 and 2 Chinese working hours give a median of 6", () => {
    // The Chinese posts work 10:00–19:00 Beijing time, 07:00–16:00 PKT, Monday to Friday.
    const params = paramsWith([row('r', { kind: 'medianWorking', calendar: 'china', from: 'gateInKashgar', to: 'exportCleared', where: {} }, 'working hours')]);
    const records = [
      container({ gateInKashgar: 0, exportCleared: 20 }), // Mon 00:00 → Mon 20:00 PKT: the whole day, 9 h
      container({ gateInKashgar: 4 * 24 + 15, exportCleared: 7 * 24 + 12 }), // Fri 15:00 → Mon 12:00: 1 h + 5 h
      container({ gateInKashgar: 32, exportCleared: 34 }), // Tue 08:00 → 10:00: 2 h
    ];
    const [median] = tallied(params, records);
    expect(median.count).toBe(3);
    expect(Math.abs(median.value / 6 - 1)).toBeLessThanOrEqual(HISTOGRAM_TOLERANCE);
  });

  test('sameDayShare counts arrivals by the end of the PKT day `days` after the day of departure, on snowy departures only when asked', () => {
    const measure = (days: number, snowy?: boolean): ObservedMeasure => ({ kind: 'sameDayShare', from: 'departedForPass', to: 'arrivedSost', days, where: snowy === undefined ? {} : { snowyDeparture: snowy } });
    const params = paramsWith([row('d0', measure(0), 'share'), row('d1', measure(1), 'share'), row('d0 snowy', measure(0, true), 'share')]);
    const records = [
      container({ departedForPass: 10, arrivedSost: 23.5 }, { snowyDeparture: true }), // same day
      container({ departedForPass: 10, arrivedSost: 30 }, { snowyDeparture: true }), // next day
      container({ departedForPass: 20, arrivedSost: 48 }), // midnight ends day 1: the day after next
    ];
    expect(tallied(params, records)).toEqual([{ value: 1 / 3, count: 3 }, { value: 2 / 3, count: 3 }, { value: 1 / 2, count: 2 }]);
  });

  test('months and exportClearedWeekdays select by the PKT date of the milestones: Mon–Thu in December', () => {
    const params = paramsWith([row('r', { kind: 'shareWithin', from: 'exportCleared', to: 'arrivedSost', hours: 36, where: { exportClearedWeekdays: [1, 2, 3, 4], months: [12] } }, 'share')]);
    const records = [
      container({ exportCleared: 10, arrivedSost: 40 }), // Mon 1 Dec, 30 h
      container({ exportCleared: 34, arrivedSost: 74 }), // Tue 2 Dec, 40 h
      container({ exportCleared: 4 * 24 + 10, arrivedSost: 4 * 24 + 20 }), // Fri 5 Dec: left out
      container({ exportCleared: 31 * 24 + 10, arrivedSost: 31 * 24 + 20 }), // Thu 1 Jan 2026: left out
    ];
    expect(tallied(params, records)).toEqual([{ value: 1 / 2, count: 2 }]);
  });

  test('a row with no container to measure says so with a count of 0 and a value of 0, never NaN', () => {
    const params = paramsWith([row('r', { kind: 'median', from: 'assessed', to: 'checksDone', where: { channel: 'red', scan: false } }, 'elapsed hours')]);
    expect(tallied(params, [container({}, { channel: 'red', scan: true })])).toEqual([{ value: 0, count: 0 }]);
  });
});

describe('observed rows measured on the road', () => {
  // testParams: 30 days from Monday 2025-12-01, 3 days of warm-up: days 3–29 are measured, all in December.
  const closures: ClosureSegment[] = [
    { from: 2 * 24 + 12, to: 3 * 24 + 12, cause: 'landslide' }, // 12 h after the warm-up
    { from: 5 * 24, to: 6 * 24, cause: 'snow' }, // 24 h
    { from: 10 * 24 + 6, to: 10 * 24 + 18, cause: 'avalanche' }, // 12 h
    { from: 12 * 24, to: 14 * 24, cause: 'what-if' }, // not weather
    { from: 20 * 24, to: 22 * 24, cause: 'snow' }, // 48 h
    { from: 29 * 24 + 12, to: 32 * 24, cause: 'snow' }, // 12 h before the horizon ends, 60 h in all
  ];

  test('closedShare is weather-closed hours over 24 h per measured day in the months: 108 h over 27 days', () => {
    const params = paramsWith([row('dec', { kind: 'closedShare', months: [12] }, 'share'), row('jan', { kind: 'closedShare', months: [1] }, 'share')]);
    expect(tallied(params, [], closures)).toEqual([{ value: 108 / (24 * 27), count: 27 }, { value: 0, count: 0 }]);
  });

  test('closedShare counts only the hours on days of its months: 24 h and 36 h in January over the 14 January days of a 45-day run', () => {
    const params = paramsWith([row('jan', { kind: 'closedShare', months: [1] }, 'share')], { days: 45 });
    // The December closure of 29 Dec–1 Jan adds its 24 h on 1 January (day 31).
    expect(tallied(params, [], [...closures, { from: 35 * 24, to: 36 * 24 + 12, cause: 'snow' }])).toEqual([{ value: (24 + 36) / (24 * 14), count: 14 }]);
  });

  test('closureLength is the mean length in days of the closures its causes began after the warm-up: 1, 2 and 2.5 days', () => {
    const params = paramsWith([row('r', { kind: 'closureLength', causes: ['snow'], months: [12] }, 'days')]);
    const [length] = tallied(params, [], closures);
    expect(length.count).toBe(3);
    expect(length.value).toBeCloseTo((1 + 2 + 2.5) / 3, 12);
  });
});

describe('input checks, from the parameters', () => {
  test('demandPerDay is the mean daily demand over the months, weighted by their days and scaled: 33.44 for Jan–Mar at scale 2', () => {
    // testParams: 15, 15 and 20 vehicles a day in January, February and March.
    const params = paramsWith([row('r', { kind: 'demandPerDay', months: [1, 2, 3] }, 'vehicles/day', { atLeast: 0 }, { input: true })]);
    const [demand] = tallied({ ...params, arrivals: { ...params.arrivals, scale: 2 } }, []);
    expect(demand.count).toBe(1);
    expect(demand.value).toBeCloseTo(((15 * 31 + 15 * 28 + 20 * 31) * 2) / 90, 12);
  });

  test('gateCapacityPerDay is the gate rate times the hours both posts are open in a day: 30/h × 7 h', () => {
    // China 10:00–19:00 Beijing is 07:00–16:00 PKT; Pakistan 09:00–17:00 PKT: they overlap 09:00–16:00.
    const params = paramsWith([row('r', { kind: 'gateCapacityPerDay' }, 'containers/day', { atLeast: 40 }, { input: true })]);
    expect(tallied(params, [])[0].value).toBeCloseTo(210, 6);
    const aligned = { ...params, calendars: { ...params.calendars, china: { ...params.calendars.china, hours: [{ from: '12:00', to: '20:00' }] } } };
    expect(tallied(aligned, [])[0].value).toBeCloseTo(240, 6);
  });
});

describe('the verdict', () => {
  const band = { atLeast: 8, atMost: 18 };
  const judged = { band, input: false, reportOnly: false };
  const model = (lo: number, hi: number, replications = 5) => ({ mean: (lo + hi) / 2, ci95: [lo, hi] as const, replications });

  test('a CI inside the band passes, one wholly outside on either side fails, one across an end is inconclusive', () => {
    expect(verdictOf(judged, model(9, 17))).toBe('pass');
    expect(verdictOf(judged, model(8, 18))).toBe('pass');
    expect(verdictOf(judged, model(18.5, 30))).toBe('fail');
    expect(verdictOf(judged, model(2, 7.9))).toBe('fail');
    expect(verdictOf(judged, model(15, 20))).toBe('inconclusive');
    expect(verdictOf(judged, model(5, 25))).toBe('inconclusive');
  });

  test('an open band has one end: at least 0.5 passes [0.6, 0.9] and fails [0.2, 0.4]', () => {
    const open = { band: { atLeast: 0.5 }, input: false, reportOnly: false };
    expect(verdictOf(open, model(0.6, 0.9))).toBe('pass');
    expect(verdictOf(open, model(0.2, 0.4))).toBe('fail');
  });

  test('one replication gives no CI and so no pass or fail; none gives no data', () => {
    expect(verdictOf(judged, model(12, 12, 1))).toBe('inconclusive');
    expect(verdictOf(judged, model(40, 40, 1))).toBe('inconclusive');
    expect(verdictOf(judged, model(0, 0, 0))).toBe('no data');
  });

  test('an input check is judged on its value; a report-only row is never judged', () => {
    expect(verdictOf({ ...judged, input: true }, model(12, 12, 1))).toBe('input pass');
    expect(verdictOf({ ...judged, input: true }, model(37.6, 37.6, 4))).toBe('input fail');
    expect(verdictOf({ ...judged, reportOnly: true }, model(100, 200))).toBe('report only');
  });
});

describe('the report of observed rows', () => {
  const rows = [
    row('O1', { kind: 'shareWithin', from: 'gdLodged', to: 'released', hours: 24, where: {} }, 'share', { atLeast: 0.7, atMost: 0.9 }, { conflictsWith: ['O2'] }),
    row('O13', { kind: 'demandPerDay', months: [1] }, 'vehicles/day', { atLeast: 12, atMost: 18 }, { input: true }),
    row('O9', { kind: 'closedShare', months: [1] }, 'share', { atLeast: 0.1, atMost: 0.2 }),
  ];

  test('pools the replications that measured a row into a mean and a t interval, clamped to 0–1 for a share', () => {
    const reps = [
      [{ value: 0.5, count: 10 }, { value: 15, count: 1 }, { value: 0, count: 0 }],
      [{ value: 0.7, count: 12 }, { value: 15, count: 1 }, { value: 0, count: 0 }],
      [{ value: 0, count: 0 }, { value: 15, count: 1 }, { value: 0, count: 0 }],
    ];
    const [o1, o13, o9] = observedReport({ rows, claims: ['O1'] }, reps);
    // t(1) = 12.706; the sd of 0.5 and 0.7 is 0.1414, so the half-width is 12.706 × 0.1 = 1.27.
    expect(o1).toMatchObject({ id: 'O1', claimed: true, conflictsWith: ['O2'], input: false, verdict: 'inconclusive', band: { atLeast: 0.7, atMost: 0.9 } });
    expect(o1.model.mean).toBeCloseTo(0.6, 12);
    expect(o1.model.replications).toBe(2);
    expect(o1.model.ci95).toEqual([0, 1]);
    expect(o13).toMatchObject({ claimed: false, input: true, verdict: 'input pass', model: { mean: 15, ci95: [15, 15], replications: 3 } });
    expect(o9).toMatchObject({ verdict: 'no data', model: { mean: 0, ci95: [0, 0], replications: 0 } });
  });
});

describe('observed rows in a replication', () => {
  test('a constant 5 h export declaration with officers to spare takes exactly 5 Chinese working hours, and the rows count the containers the time statistics count', () => {
    const params = paramsWith(
      [
        row('O3', { kind: 'medianWorking', calendar: 'china', from: 'gateInKashgar', to: 'exportCleared', where: {} }, 'working hours'),
        row('all', { kind: 'shareWithin', from: 'gateInKashgar', to: 'gatedOut', hours: 1e5, where: {} }, 'share'),
      ],
      { days: 14, drainDays: 60 },
    );
    const kashgar = { ...params.kashgar, officers: 1000, inspectionShare: 0, exportDeclaration: { type: 'constant', value: 5 } as const };
    const summary = runReplication({ ...params, kashgar }, 3, 0);
    const [o3, all] = summary.observed;
    expect(summary.completed).toBeGreaterThan(50);
    expect(o3.count).toBe(summary.completed);
    expect(o3.value).toBeCloseTo(5, 6);
    expect(all).toEqual({ value: 1, count: summary.completed });
  });
});
