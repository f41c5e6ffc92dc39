import { describe, expect, test } from 'vitest';
import { runReplication } from '../../src/run/replication.js';
import { decode, encode } from '../../src/run/queue/codec.js';
import { decodeResult, encodeResult, jobData, readJobData } from '../../src/run/queue/protocol.js';
import { testParams } from '../fixtures/params.js';

describe('what crosses the queue comes back as a structured clone would', () => {
  test('NaN, ±Infinity, -0 and undefined survive, in objects and arrays', () => {
    const value = { nan: NaN, up: Infinity, down: -Infinity, negativeZero: -0, missing: undefined, list: [1, undefined, -0, NaN], nested: { min: Infinity } };
    const back = decode(encode(value)) as typeof value;
    expect(back).toStrictEqual(structuredClone(value));
    expect(Object.is(back.negativeZero, -0)).toBe(true);
    expect(Object.is(back.list[2], -0)).toBe(true);
    expect(Object.hasOwn(back, 'missing')).toBe(true);
    expect(back.list).toHaveLength(4);
  });

  test('a replication summary and its task come back equal, key order included', () => {
    const params = testParams({ days: 8, warmupDays: 1 });
    const summary = runReplication(params, 3, 2);
    const back = decodeResult(encodeResult({ summary })).summary;
    expect(back).toStrictEqual(structuredClone(summary));
    expect(JSON.stringify(back)).toBe(JSON.stringify(summary));
    const task = readJobData(JSON.parse(JSON.stringify(jobData({ scenarioIndex: 1, params, seed: 3, replication: 2, csvPath: '/tmp/x.csv' }, { version: '0', code: 'c', host: 'h' })))).task;
    expect(task).toStrictEqual({ scenarioIndex: 1, params: structuredClone(params), seed: 3, replication: 2, csv: true, events: false });
  });

  test('anything but plain data is refused, not bent', () => {
    expect(() => encode({ at: new Date(0) })).toThrow('"at" through the queue: a Date is not plain data');
    expect(() => encode({ seen: new Map() })).toThrow('a Map is not plain data');
    expect(() => encode({ counts: new Float64Array(2) })).toThrow('a Float64Array is not plain data');
    expect(() => encode({ $khunjerab: 'NaN' })).toThrow('"$khunjerab" key');
  });
});
