import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Corridor } from '../../src/model/corridor/index.js';
import type { CorridorParams } from '../../src/model/params.js';
import { testParams } from '../fixtures/params.js';

/** Random valid scenarios around the test fixture: dates, horizon, regime, demand, shares, capacities, weather. */
const scenarios: fc.Arbitrary<{ params: CorridorParams; seed: number }> = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    day: fc.integer({ min: 0, max: 900 }),
    days: fc.integer({ min: 2, max: 25 }),
    warmup: fc.integer({ min: 0, max: 1 }),
    seasonal: fc.boolean(),
    scale: fc.double({ min: 0, max: 4, noNaN: true }),
    channel: fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 10 })),
    gdOfficers: fc.integer({ min: 0, max: 20 }),
    examBays: fc.integer({ min: 0, max: 10 }),
    heated: fc.boolean(),
    generator: fc.boolean(),
    snowy: fc.double({ min: 0, max: 1, noNaN: true }),
    outages: fc.double({ min: 0, max: 3, noNaN: true }),
  })
  .map((r) => {
    const base = testParams();
    const start = new Date(Date.UTC(2024, 0, 1) + r.day * 86_400_000).toISOString().slice(0, 10);
    const total = r.channel[0] + r.channel[1] + r.channel[2];
    const params: CorridorParams = {
      ...base,
      start,
      days: r.days,
      warmupDays: Math.min(r.warmup, r.days - 1),
      regime: r.seasonal ? 'seasonal' : 'year-round',
      arrivals: { ...base.arrivals, scale: r.scale },
      sost: {
        ...base.sost,
        gdOfficers: r.gdOfficers,
        examBays: r.examBays,
        channelShares: { green: r.channel[0] / total, yellow: r.channel[1] / total, red: r.channel[2] / total },
      },
      heating: { ...base.heating, sostHeated: r.heated, generator: r.generator },
      weather: { ...base.weather, months: base.weather.months.map((m) => ({ ...m, snowDayProbability: r.snowy })) },
      outages: {
        power: { ...base.outages.power, perDay: r.outages },
        weboc: { ...base.outages.weboc, perDay: r.outages },
        scannerBreakdown: { ...base.outages.scannerBreakdown, perDay: r.outages },
      },
    };
    return { params, seed: r.seed };
  });

describe('corridor invariants over random valid scenarios', () => {
  test('containers are conserved: arrived = released + lost + still inside', () => {
    fc.assert(
      fc.property(scenarios, ({ params, seed }) => {
        const corridor = new Corridor(params, { seed, keepRecords: true });
        const totals = corridor.run();
        expect(totals.arrivedTotal).toBe(totals.releasedTotal + totals.lostTotal + totals.inSystem);
        expect(corridor.records).toHaveLength(totals.arrivedTotal);
        const gatedOut = (r: (typeof corridor.records)[number]): number => r.milestones[r.milestones.length - 1];
        expect(corridor.records.filter((r) => gatedOut(r) <= corridor.end)).toHaveLength(totals.releasedTotal);
      }),
      { numRuns: 40, seed: 20251201 },
    );
  });

  test('no milestone time is negative or NaN once reached, and milestones come in order', () => {
    fc.assert(
      fc.property(scenarios, ({ params, seed }) => {
        const corridor = new Corridor(params, { seed, keepRecords: true });
        corridor.run();
        for (const record of corridor.records) {
          let previous = 0;
          let reached = true;
          for (const t of record.milestones) {
            if (Number.isNaN(t)) {
              reached = false;
              continue;
            }
            // A reached milestone never follows an unreached one.
            expect(reached).toBe(true);
            expect(t).toBeGreaterThanOrEqual(previous);
            expect(t).toBeLessThanOrEqual((params.days + params.drainDays) * 24);
            previous = t;
          }
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  test('run totals and resource statistics are finite and non-negative', () => {
    fc.assert(
      fc.property(scenarios, ({ params, seed }) => {
        const totals = new Corridor(params, { seed }).run();
        const numbers = [
          totals.stranded.mean,
          totals.stranded.peak,
          totals.perishablesLost,
          ...Object.values(totals.closedDaysByCause),
          ...totals.releasedPerDay,
          ...totals.resources.flatMap((r) => [r.utilization, r.meanQueue, r.maxQueue, r.meanWait, r.meanBusy]),
        ];
        for (const n of numbers) {
          expect(Number.isFinite(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});

describe('reproducibility', () => {
  const params = testParams({ days: 20 });
  const trace = (seed: number): string => {
    const lines: string[] = [];
    const corridor = new Corridor(params, { seed, keepRecords: true, onTransition: (t) => lines.push(`${t.t} ${t.machine} ${t.event} ${t.from}>${t.to}`) });
    corridor.run();
    return lines.join('\n');
  };

  test('the same seed gives an identical transition trace', () => {
    expect(trace(42)).toBe(trace(42));
  });

  test('a different seed gives a different trace', () => {
    expect(trace(42)).not.toBe(trace(43));
  });
});
