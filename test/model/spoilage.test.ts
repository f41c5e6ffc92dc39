import { describe, expect, test } from 'vitest';
import { Corridor } from '../../src/model/corridor/index.js';
import type { CorridorParams } from '../../src/model/params.js';
import { runReplication } from '../../src/run/replication.js';
import { testParams } from '../fixtures/params.js';

/** An unheated Sost in a hard frost where a fifth of the waiting food spoils each day. */
function frosty(fate: 'destroyed' | 'returned' = 'destroyed', disposalHours = 36): CorridorParams {
  const base = testParams();
  return {
    ...base,
    weather: { ...base.weather, months: base.weather.months.map((m) => ({ ...m, sostTempC: { mean: -10, sd: 1 } })) },
    heating: {
      ...base.heating,
      sostHeated: false,
      stopBelowC: -100,
      perishableFrostC: -2,
      perishableLossPerFrostDay: 0.2,
      spoiled: { fate, hours: { type: 'constant', value: disposalHours } },
    },
  };
}

describe('spoiled food leaves the flow', () => {
  test('no spoiled container is ever released or gated out, and containers are conserved', () => {
    const corridor = new Corridor(frosty(), { seed: 4, keepRecords: true });
    const totals = corridor.run();
    const spoiled = corridor.records.filter((r) => r.spoiled);
    expect(spoiled.length).toBeGreaterThan(10);
    for (const r of spoiled) {
      expect(r.outcome).not.toBe('released');
      expect(Number.isNaN(r.milestones[r.milestones.length - 1])).toBe(true);
    }
    expect(spoiled.every((r) => r.outcome === 'lost' || r.outcome === 'inside')).toBe(true);
    expect(totals.arrivedTotal).toBe(totals.releasedTotal + totals.lostTotal + totals.inSystem);
  });

  test('only food is lost, and with no disposal time every spoiled container has left by the end', () => {
    const corridor = new Corridor(frosty('destroyed', 0), { seed: 4, keepRecords: true });
    corridor.run();
    const released = corridor.records.filter((r) => r.outcome === 'released');
    expect(released.every((r) => !r.spoiled)).toBe(true);
    const lost = corridor.records.filter((r) => r.outcome === 'lost');
    expect(lost.length).toBeGreaterThan(10);
    expect(lost.every((r) => r.cargo === 'food')).toBe(true);
    expect(corridor.records.filter((r) => r.spoiled).every((r) => r.outcome === 'lost')).toBe(true);
  });

  test('the replication counts the lost apart from the released and leaves them out of the time statistics', () => {
    const summary = runReplication(frosty(), 9, 0);
    expect(summary.lostTotal).toBeGreaterThan(0);
    expect(summary.arrivedTotal).toBe(summary.releasedTotal + summary.lostTotal + summary.inSystem);
    const counted = Object.values(summary.cargo).reduce((s, g) => s + g.count, 0);
    expect(counted).toBe(summary.completed);
  });
});
