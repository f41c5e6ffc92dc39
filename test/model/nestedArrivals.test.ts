import { describe, expect, it } from 'vitest';
import { RandomStreams, Simulation, TimeAxis } from '../../src/kernel/index.js';
import { containerJourney } from '../../src/model/containerJourney.js';
import { KashgarArrivals } from '../../src/model/corridor/arrivals.js';
import { readStageTable } from '../../src/model/stageTable.js';
import { PKT } from '../../src/model/timeZones.js';
import { testParams } from '../fixtures/params.js';

/** Every truck of a run at `scale`, drawn at `ceiling`: its arrival time and everything drawn for its container. */
function trucks(scale: number, ceiling: number): string[] {
  const base = testParams();
  const params = { ...base, arrivals: { ...base.arrivals, scale } };
  const sim = new Simulation();
  const seen: string[] = [];
  const end = params.days * 24;
  const arrivals = new KashgarArrivals(sim, params, TimeAxis.startingAt(params.start, PKT), readStageTable(containerJourney), new RandomStreams(9), end, (_, container) => {
    seen.push(JSON.stringify([sim.now, container.traits, [...container.draws]]));
  }, ceiling);
  arrivals.scheduleNext(0);
  sim.runUntil(end);
  return seen;
}

describe('nested arrivals for a capacity search', () => {
  it('a lower demand sees a subset of the trucks of a higher one, at the same moments with the same containers', () => {
    const ceiling = 6;
    const all = trucks(ceiling, ceiling);
    const order = new Map(all.map((truck, i) => [truck, i]));
    let previous = new Set(all);
    for (const scale of [3, 1, 0.4]) {
      const some = trucks(scale, ceiling);
      // Thinning keeps each truck with probability scale / ceiling: within 5 standard errors.
      const p = scale / ceiling;
      expect(Math.abs(some.length - p * all.length)).toBeLessThan(5 * Math.sqrt(all.length * p * (1 - p)));
      expect(some.length).toBeGreaterThan(0);
      for (const truck of some) expect(previous.has(truck), truck).toBe(true);
      const indices = some.map((truck) => order.get(truck) ?? -1);
      expect(indices).toEqual([...indices].sort((a, b) => a - b));
      previous = new Set(some);
    }
  });
});
