import { describe, expect, test } from 'vitest';
import { Corridor, type TransitionRecord } from '../../src/model/corridor/index.js';
import type { CorridorParams } from '../../src/model/params.js';
import { runReplication, type ReplicationOptions } from '../../src/run/replication.js';
import { loadScenario } from '../../src/scenario/index.js';
import { testParams } from '../fixtures/params.js';

function load(name: string): CorridorParams {
  const result = loadScenario(`scenarios/${name}.yaml`);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

/** Forty days of the unheated winter, with some containers forced to red on the way. */
function unheatedWinterWithForcedReds(): CorridorParams {
  const params = load('winter-2025-unheated');
  const start = Date.parse(`${params.start}T00:00:00Z`);
  const forceRed = (day: number, container: number) => ({ at: start + day * 86_400_000, whatIf: { kind: 'forceRed', container } as const });
  return { ...params, days: 40, whatIfs: [...params.whatIfs, forceRed(3, 20), forceRed(5, 60), forceRed(9, 150), forceRed(12, 200)] };
}

function run(params: CorridorParams, runtime: ReplicationOptions['journeyRuntime']) {
  const log: TransitionRecord[] = [];
  const summary = runReplication(params, 17, 1, { journeyRuntime: runtime, onTransition: (r) => log.push(r) });
  return { summary, log };
}

describe('the journey runs the same as XState actors and compiled', () => {
  test('an unheated winter with forced reds: the same replication summary and the same transitions', () => {
    const params = unheatedWinterWithForcedReds();
    const xstate = run(params, 'xstate');
    const compiled = run(params, 'compiled');
    expect(compiled.summary).toEqual(xstate.summary);
    expect(compiled.log.length).toBe(xstate.log.length);
    expect(compiled.log).toEqual(xstate.log);
    const events = new Set(xstate.log.map((r) => r.event));
    for (const event of ['xstate.init', 'FORCE_RED', 'SPOILED', 'DISPOSED', 'HOLD_LIFTED', 'INCIDENT', 'GATED_OUT']) expect(events).toContain(event);
  });
});

describe('which runtime a corridor uses', () => {
  const containers = (corridor: Corridor) => [...corridor.pool.active.values()];

  test('a batch run is compiled; an inspected run keeps XState actors, and compiled with an inspector is refused', () => {
    const batch = new Corridor(testParams(), { seed: 3 });
    batch.runUntil(48);
    expect(containers(batch).length).toBeGreaterThan(0);
    expect(containers(batch).every((c) => c.compiled !== undefined && c.actor === undefined)).toBe(true);

    const inspected = new Corridor(testParams(), { seed: 3, inspect: () => undefined });
    inspected.runUntil(48);
    expect(containers(inspected).every((c) => c.compiled === undefined && c.actor !== undefined)).toBe(true);

    expect(() => new Corridor(testParams(), { seed: 3, inspect: () => undefined, journeyRuntime: 'compiled' })).toThrow(/inspector sees only XState actors/);
  });
});
