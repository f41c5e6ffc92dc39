import { describe, expect, test } from 'vitest';
import type { ActorRefLike, InspectionEvent } from 'xstate';
import { Corridor, type TransitionRecord } from '../../src/model/corridor/index.js';
import { testParams } from '../fixtures/params.js';

const SEED = 11;
const params = testParams({ days: 14, warmupDays: 2, drainDays: 20 });

interface Seen {
  readonly type: string;
  readonly actorRef: ActorRefLike;
  readonly event: string | undefined;
}

function inspector(): { seen: Seen[]; inspect: (e: InspectionEvent) => void } {
  const seen: Seen[] = [];
  return {
    seen,
    inspect: (e) => seen.push({ type: e.type, actorRef: e.actorRef, event: 'event' in e ? e.event.type : undefined }),
  };
}

/** Transitions and events the inspector saw for the actors `mine` picks. */
function transitionsOf(seen: readonly Seen[], mine: (actor: ActorRefLike) => boolean): Seen[] {
  return seen.filter((s) => (s.type === '@xstate.transition' || s.type === '@xstate.event') && mine(s.actorRef));
}

describe('a Corridor built with an XState inspector', () => {
  test('the inspector sees the road and the containers change state during a short run', () => {
    const { seen, inspect } = inspector();
    const corridor = new Corridor(params, { seed: SEED, inspect });
    corridor.runUntil(1);
    corridor.closeRoad('what-if', 4, 8);
    corridor.runUntil(3 * 24);

    const road = transitionsOf(seen, (a) => a === corridor.road.actor).map((s) => s.event);
    expect(road).toEqual(expect.arrayContaining(['CLOSE', 'STORM_OVER', 'CLEARED']));

    const containers = transitionsOf(seen, (a) => 'src' in a && a.src === corridor.pool.machine);
    expect(containers.map((s) => s.event)).toEqual(expect.arrayContaining(['DECLARED', 'REACHED_TASHKURGAN', 'EXIT_CLEARED']));
    const sessions = new Set(containers.map((s) => s.actorRef.sessionId));
    expect(sessions.size).toBeGreaterThan(1);
  });

  test('the run measures the same with and without an inspector', () => {
    const run = (inspect?: (e: InspectionEvent) => void) => {
      const log: TransitionRecord[] = [];
      const corridor = new Corridor(params, { seed: SEED, inspect, onTransition: (r) => log.push(r), keepRecords: true });
      const totals = corridor.run();
      return { totals, log, records: corridor.records.map((r) => ({ ...r, milestones: [...r.milestones] })) };
    };
    const { seen, inspect } = inspector();
    const inspected = run(inspect);
    const plain = run();
    expect(seen.length).toBeGreaterThan(0);
    expect(plain.totals.releasedTotal).toBeGreaterThan(0);
    expect(inspected.totals).toEqual(plain.totals);
    expect(inspected.log).toEqual(plain.log);
    expect(inspected.records).toEqual(plain.records);
  });
});
