import { describe, expect, test } from 'vitest';
import { WorkingCalendar } from '../../src/kernel/index.js';
import { Corridor, type ContainerRecord } from '../../src/model/corridor/index.js';
import type { CorridorParams } from '../../src/model/params.js';
import { loadScenario } from '../../src/scenario/index.js';

function load(name: string, days?: number): CorridorParams {
  const result = loadScenario(`scenarios/${name}.yaml`);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return days === undefined ? result.scenario : { ...result.scenario, days };
}

function at(corridor: Corridor, record: ContainerRecord, milestone: string): number {
  return record.milestones[corridor.table.milestoneIndex.get(milestone) as number];
}

describe('where the crossing happens', () => {
  test('no truck reaches the border or crosses it outside both posts\u2019 common hours', () => {
    const params = load('summer-2025', 30);
    const corridor = new Corridor(params, { seed: 3, keepRecords: true });
    corridor.run();
    const china = new WorkingCalendar(params.calendars.china, corridor.axis);
    const pakistan = new WorkingCalendar(params.calendars.pakistan, corridor.axis);
    const crossed = corridor.records.filter((r) => !Number.isNaN(at(corridor, r, 'crossedBorder')));
    expect(crossed.length).toBeGreaterThan(500);
    for (const r of crossed) {
      for (const m of ['reachedBorder', 'crossedBorder']) {
        const t = at(corridor, r, m);
        expect(china.isOpen(t) && pakistan.isOpen(t), `container ${r.id} ${m} at ${corridor.axis.format(t, 'Asia/Karachi')}`).toBe(true);
      }
    }
  });

  test('a truck that finds the road closed when it reaches the border waits there and crosses once it reopens', () => {
    const params = load('summer-2025', 20);
    const corridor = new Corridor(params, { seed: 3, keepRecords: true });
    // Tuesday 10 June, 10:00 PKT: trucks are on their way to the border.
    const closeAt = 9 * 24 + 10;
    corridor.runUntil(closeAt);
    const driving = corridor.pool.active.size > 0 ? [...corridor.pool.active.keys()].filter((id) => corridor.pool.state(id)?.value === 'toBorder') : [];
    expect(driving.length).toBeGreaterThan(0);
    corridor.closeRoad('what-if', 30, 0);
    corridor.runUntil(closeAt + 30 + 48);
    for (const id of driving) {
      const r = corridor.records[id - 1];
      expect(at(corridor, r, 'reachedBorder')).toBeLessThan(closeAt + 30);
      expect(at(corridor, r, 'crossedBorder')).toBeGreaterThanOrEqual(closeAt + 30);
    }
  });
});

describe('the seasonal regime closes the crossing, not customs', () => {
  test('containers already past the border when the crossing shuts on 1 Dec are cleared at Sost during the closure', () => {
    const params = load('seasonal-2019');
    const corridor = new Corridor(params, { seed: 5, keepRecords: true });
    const dec1 = (Date.UTC(2019, 11, 1) - Date.UTC(2019, 0, 1)) / 3_600_000;
    corridor.runUntil(dec1);
    const pastBorder = corridor.records.filter((r) => at(corridor, r, 'crossedBorder') < dec1 && Number.isNaN(at(corridor, r, 'gatedOut')) && !r.held);
    expect(pastBorder.length).toBeGreaterThan(0);
    corridor.runUntil(dec1 + 60 * 24);
    for (const r of pastBorder) expect(at(corridor, r, 'gatedOut'), `container ${r.id}`).toBeLessThan(dec1 + 60 * 24);
    // And nobody crosses while the crossing is shut.
    const crossedInWinter = corridor.records.filter((r) => at(corridor, r, 'crossedBorder') >= dec1);
    expect(crossedInWinter).toHaveLength(0);
  });
});
