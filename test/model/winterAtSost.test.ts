import { describe, expect, test } from 'vitest';
import { Corridor } from '../../src/model/corridor/index.js';
import type { CorridorParams } from '../../src/model/params.js';
import { runReplication, type ReplicationSummary } from '../../src/run/replication.js';
import { loadScenario } from '../../src/scenario/index.js';
import { testParams } from '../fixtures/params.js';

/** Tuesday 2 December 2025, 10:00 PKT: Sost is at work. */
const TUESDAY_10AM = 24 + 10;

function load(name: string): CorridorParams {
  const result = loadScenario(`scenarios/${name}.yaml`);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

/** A heated Sost at a steady temperature, with or without snow every day. */
function heatedAt(tempC: number, snowfallCm: number): CorridorParams {
  const base = testParams();
  const none = { perDay: 0, coldFactor: 1, duration: { type: 'constant', value: 1 } } as const;
  return {
    ...base,
    heating: { ...base.heating, sostHeated: true },
    outages: { power: none, weboc: none, scannerBreakdown: none },
    weather: {
      ...base.weather,
      closureSnowfallCm: 1000,
      months: base.weather.months.map((m) => ({
        ...m,
        sostTempC: { mean: tempC, sd: 0 },
        snowDayProbability: snowfallCm > 0 ? 1 : 0,
        snowfallCm: { type: 'constant', value: snowfallCm },
        avalancheProbability: 0,
        landslideProbability: 0,
      })),
    },
  };
}

describe('winter at a heated Sost', () => {
  test('the cold slows examinations even in heated sheds, because the yard is outdoors', () => {
    const warm = new Corridor(heatedAt(10, 0), { seed: 1 });
    const cold = new Corridor(heatedAt(-12, 0), { seed: 1 });
    warm.runUntil(TUESDAY_10AM);
    cold.runUntil(TUESDAY_10AM);
    expect(warm.heatingOn() && cold.heatingOn()).toBe(true);
    expect(warm.examProductivity()).toBe(1);
    expect(cold.examProductivity()).toBeLessThan(1);
  });

  test('on a heavy-snow day fewer officers, bays and counters are at work', () => {
    const clear = new Corridor(heatedAt(-5, 0), { seed: 1 });
    const snowy = new Corridor(heatedAt(-5, 30), { seed: 1 });
    clear.runUntil(TUESDAY_10AM);
    snowy.runUntil(TUESDAY_10AM);
    const { staffAbsentShare } = snowy.params.sostWinter;
    for (const id of ['gdOfficers', 'examBays', 'bankCounters']) {
      const full = clear.stations.resources[id].capacity;
      expect(full).toBeGreaterThan(0);
      expect(snowy.stations.resources[id].capacity).toBe(Math.max(1, Math.round(full * (1 - staffAbsentShare))));
    }
    // The Chinese side is not Sost's staff.
    expect(snowy.stations.resources.kashgarOfficers.capacity).toBe(clear.stations.resources.kashgarOfficers.capacity);
  });

  test('at the same demand, winter costs time at Sost: a longer time release than summer, seed for seed', () => {
    const winter = load('winter-2025');
    const summer = load('summer-2025');
    const sameDemand: CorridorParams = { ...summer, arrivals: { ...summer.arrivals, vehiclesPerDayByMonth: winter.arrivals.vehiclesPerDayByMonth.map(() => 15) } };
    const mean = (s: ReplicationSummary): number => s.timeRelease.sum / s.timeRelease.count;
    for (const seed of [1, 2, 3]) {
      expect(mean(runReplication(winter, seed, 0))).toBeGreaterThan(mean(runReplication(sameDemand, seed, 0)));
    }
  });
});
