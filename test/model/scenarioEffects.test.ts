import { describe, expect, test } from 'vitest';
import type { CorridorParams } from '../../src/model/params.js';
import { runReplication, type ReplicationSummary } from '../../src/run/replication.js';
import { formatScenarioError, loadScenario } from '../../src/scenario/index.js';

function load(name: string): CorridorParams {
  const result = loadScenario(`scenarios/${name}.yaml`);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.scenario;
}

/** Mean time release of the goods frost cannot spoil: spoiled food leaves the flow, so it would bias a comparison. */
const meanRelease = (s: ReplicationSummary): number => {
  const kept = (['machinery', 'textiles', 'electronics'] as const).map((c) => s.cargo[c]);
  return kept.reduce((a, g) => a + g.hours, 0) / kept.reduce((a, g) => a + g.count, 0);
};
const SEEDS = [1, 2, 3, 4, 5];

describe('what winter and heating do, with common random numbers', () => {
  const heated = load('winter-2025');
  const unheated = load('winter-2025-unheated');
  const summer = load('summer-2025');
  const runs = SEEDS.map((seed) => ({
    heated: runReplication(heated, seed, 0),
    unheated: runReplication(unheated, seed, 0),
    summer: runReplication(summer, seed, 0),
  }));

  test('an unheated Sost has a longer time release than a heated one for goods frost cannot spoil, seed for seed', () => {
    for (const r of runs) expect(meanRelease(r.unheated)).toBeGreaterThan(meanRelease(r.heated));
  });

  test('an unheated Sost never clears more containers than a heated one', () => {
    for (const r of runs) expect(r.unheated.releasedTotal).toBeLessThanOrEqual(r.heated.releasedTotal);
  });

  test('an unheated store loses more perishable food to frost', () => {
    for (const r of runs) expect(r.unheated.perishablesLost).toBeGreaterThan(r.heated.perishablesLost);
  });

  test('winter clears fewer containers per day than summer', () => {
    for (const r of runs) expect(r.heated.throughputPerDay).toBeLessThan(r.summer.throughputPerDay);
  });

  test('the heating difference comes from frost: with no frost penalty and no frost losses the two runs are identical', () => {
    const noFrost = (p: CorridorParams): CorridorParams => ({
      ...p,
      heating: { ...p.heating, productivityByTempC: [{ tempC: 0, factor: 1 }], stopBelowC: -100, perishableLossPerFrostDay: 0 },
    });
    const a = runReplication(noFrost(heated), 1, 0);
    const b = runReplication(noFrost(unheated), 1, 0);
    expect(b.timeRelease).toEqual(a.timeRelease);
    expect(b.releasedTotal).toBe(a.releasedTotal);
  });

  test('winter closes the pass more often than summer, and snow is the main cause', () => {
    for (const r of runs) {
      const winterClosed = Object.values(r.heated.closedDaysByCause).reduce((s, v) => s + v, 0);
      const summerClosed = Object.values(r.summer.closedDaysByCause).reduce((s, v) => s + v, 0);
      expect(winterClosed).toBeGreaterThan(summerClosed);
      expect(r.summer.closedDaysByCause.snow).toBe(0);
    }
  });

  test('the old seasonal regime shuts the crossing for the winter months', () => {
    const seasonal = runReplication(load('seasonal-2019'), 1, 0);
    // 1 Jan–31 Mar and 1–31 Dec 2019 after a 7-day warm-up: 83 + 31 days.
    expect(seasonal.closedDaysByCause['seasonal closure']).toBe(114);
  });
});
