import { describe, expect, test } from 'vitest';
import { Corridor } from '../../src/model/corridor/index.js';
import type { CorridorParams } from '../../src/model/params.js';
import { runReplication } from '../../src/run/replication.js';
import { formatScenarioError, loadScenario } from '../../src/scenario/index.js';
import { testParams } from '../fixtures/params.js';

/** Tuesday 2 December 2025, 10:00 PKT: Sost is at work. */
const TUESDAY_10AM = 24 + 10;
const JUST_AFTER = 1e-6;

function quiet(overrides: Partial<CorridorParams> = {}): CorridorParams {
  const base = testParams(overrides);
  const none = { perDay: 0, coldFactor: 1, duration: { type: 'constant', value: 1 } } as const;
  return { ...base, outages: { power: none, weboc: none, scannerBreakdown: none }, sostWinter: { ...base.sostWinter, staffAbsentShare: 0 } };
}

describe('Sost conditions change what the stations can do', () => {
  test.each([
    ['a WeBOC outage takes the GD officers off until the link is back', 'weboc', 'gdOfficers', 16],
    ['a scanner breakdown stops the scanners until the repair', 'scanner', 'scanners', 1],
  ] as const)('%s', (_, outage, station, servers) => {
    const corridor = new Corridor(quiet(), { seed: 3 });
    corridor.runUntil(TUESDAY_10AM);
    expect(corridor.stations.resources[station].capacity).toBe(servers);
    corridor.startOutage(outage, 2);
    corridor.runUntil(TUESDAY_10AM + JUST_AFTER);
    expect(corridor.stations.resources[station].capacity).toBe(0);
    corridor.runUntil(TUESDAY_10AM + 2 + JUST_AFTER);
    expect(corridor.stations.resources[station].capacity).toBe(servers);
  });

  test('a power cut stops the heating and the scanner unless there is a generator', () => {
    for (const generator of [false, true]) {
      const corridor = new Corridor(quiet({ heating: { ...testParams().heating, sostHeated: true, generator } }), { seed: 3 });
      corridor.runUntil(TUESDAY_10AM);
      expect(corridor.heatingOn()).toBe(true);
      corridor.startOutage('power', 4);
      corridor.runUntil(TUESDAY_10AM + JUST_AFTER);
      expect(corridor.heatingOn()).toBe(generator);
      expect(corridor.stations.resources.scanners.capacity).toBe(generator ? 1 : 0);
      corridor.runUntil(TUESDAY_10AM + 4 + JUST_AFTER);
      expect(corridor.heatingOn()).toBe(true);
      expect(corridor.stations.resources.scanners.capacity).toBe(1);
    }
  });

  test('an unheated examination pace of zero stops the bays instead of failing the run', () => {
    const base = quiet();
    const params = quiet({
      heating: { ...base.heating, sostHeated: false, productivityByTempC: [{ tempC: 0, factor: 1 }, { tempC: -1, factor: 0 }], stopBelowC: -100 },
    });
    const corridor = new Corridor(params, { seed: 3 });
    const totals = corridor.run();
    expect(totals.arrivedTotal).toBe(totals.releasedTotal + totals.lostTotal + totals.inSystem);
  });
});

describe('closure accounting and the drain period', () => {
  function load(name: string): CorridorParams {
    const result = loadScenario(`scenarios/${name}.yaml`);
    if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
    return result.scenario;
  }

  test('a day is counted once even when the road is snowed in during a seasonal closure', () => {
    const params = load('seasonal-2019');
    const summary = runReplication(params, 123, 0);
    const total = Object.values(summary.closedDaysByCause).reduce((s, v) => s + v, 0);
    expect(summary.closedDaysByCause['seasonal closure']).toBe(114);
    expect(total).toBeLessThanOrEqual(params.days - params.warmupDays);
    // Snow closures fall only outside the seasonal closure, in April to November.
    expect(summary.closedDaysByCause.snow).toBeLessThan(30);
  });

  test('the drain period follows slow containers out instead of dropping them', () => {
    const params = load('winter-2025');
    const cut = runReplication({ ...params, drainDays: 0 }, 4, 0);
    const drained = runReplication(params, 4, 0);
    expect(drained.completed).toBeGreaterThan(cut.completed);
    expect(drained.timeRelease.sum / drained.timeRelease.count).toBeGreaterThan(cut.timeRelease.sum / cut.timeRelease.count);
    // Over the horizon the two runs are the same run.
    expect(drained.throughputPerDay).toBe(cut.throughputPerDay);
    expect(drained.inSystem).toBe(cut.inSystem);
  });
});
