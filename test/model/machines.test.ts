import { describe, expect, test } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { createBorderPostMachine } from '../../src/model/borderPost.js';
import { containerJourney, type ContainerContext, type ContainerEvent } from '../../src/model/containerJourney.js';
import { CHANNELS } from '../../src/model/params.js';
import { createPassRoadMachine } from '../../src/model/passRoad.js';
import { createSostFacilityMachine } from '../../src/model/sostFacility.js';

const journeyEvents: ContainerEvent[] = [
  'DECLARED', 'INSPECTED', 'REACHED_TASHKURGAN', 'EXIT_CLEARED', 'DEPART', 'REACHED_BORDER', 'CROSSED', 'INCIDENT', 'RECOVERED', 'REACHED_SOST',
  'GD_LODGED', 'ASSESSED', 'HOLD_LIFTED', 'DOCS_CHECKED', 'SCANNED', 'EXAMINED', 'PERMIT_ISSUED', 'DUTY_PAID',
  'RELEASED', 'GATED_OUT', 'SPOILED', 'DISPOSED',
].map((type) => ({ type }) as ContainerEvent);

/** Every combination of the context flags that steer the journey. */
function journeyInputs(): ContainerContext[] {
  const inputs: ContainerContext[] = [];
  for (const channel of CHANNELS)
    for (const scan of [false, true])
      for (const held of [false, true])
        for (const needsPermit of [false, true])
          for (const exportInspection of [false, true])
            inputs.push({ id: 1, cargo: 'food', channel, scan, held, needsPermit, exportInspection, preArrival: false });
  return inputs;
}

function leafStates(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (node: AnyStateMachine['root'], prefix: string): void => {
    const children = Object.entries(node.states);
    if (children.length === 0) out.push(prefix);
    for (const [key, child] of children) walk(child, prefix === '' ? key : `${prefix}.${key}`);
  };
  walk(machine.root, '');
  return out;
}

/** Dotted leaf paths of a (possibly parallel) state value. */
function leavesOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix === '' ? value : `${prefix}.${value}`];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leavesOf(v, prefix === '' ? k : `${prefix}.${k}`));
}

describe('state machines', () => {
  test('every state of the container journey is reached on some path, for some container', () => {
    const machine = containerJourney;
    const reached = new Set<string>();
    for (const input of journeyInputs()) {
      for (const path of getShortestPaths(machine, { input, events: journeyEvents })) {
        for (const step of path.steps) reached.add(leavesOf(step.state.value).join());
        reached.add(leavesOf(path.state.value).join());
      }
    }
    expect([...reached].sort()).toEqual(leafStates(machine).sort());
  });

  test('every container journey can reach its final state from every state it rests in', () => {
    const machine = containerJourney;
    for (const input of journeyInputs()) {
      const paths = getShortestPaths(machine, { input, events: journeyEvents });
      for (const path of paths) {
        const from = path.state;
        const onward = getShortestPaths(machine, { input, events: journeyEvents, fromState: from, toState: (s) => s.status === 'done' });
        expect(onward.length, `no way out of ${String(from.value)} for ${JSON.stringify(input)}`).toBeGreaterThan(0);
      }
    }
  });

  test('the pass road reaches open, closed and clearing, and every state leads back to open', () => {
    const machine = createPassRoadMachine({ opened: () => undefined, closed: () => undefined, clearingStarted: () => undefined });
    const events = [{ type: 'CLOSE', cause: 'snow' }, { type: 'STORM_OVER' }, { type: 'CLEARED' }] as const;
    const paths = getShortestPaths(machine, { events: [...events] });
    expect(paths.map((p) => String(p.state.value)).sort()).toEqual(['clearing', 'closed', 'open']);
    for (const path of paths) {
      const back = getShortestPaths(machine, { events: [...events], fromState: path.state, toState: (s) => s.value === 'open' });
      expect(back.length).toBeGreaterThan(0);
    }
  });

  test('a border post reaches open and closed and can always change back', () => {
    const machine = createBorderPostMachine({ changed: () => undefined });
    const events = [{ type: 'OPEN' }, { type: 'CLOSE', reason: 'weekend' }] as const;
    const paths = getShortestPaths(machine, { input: { name: 'test' }, events: [...events] });
    expect(new Set(paths.map((p) => String(p.state.value)))).toEqual(new Set(['open', 'closed']));
  });

  test('every combination of power, WeBOC and scanner states at Sost is reachable', () => {
    const machine = createSostFacilityMachine({ conditionsChanged: () => undefined });
    const events = ['POWER_CUT', 'POWER_RESTORED', 'WEBOC_DOWN', 'WEBOC_UP', 'SCANNER_BROKE', 'SCANNER_REPAIRED'].map(
      (type) => ({ type }) as const,
    );
    const paths = getShortestPaths(machine, { events: events as never });
    expect(paths).toHaveLength(8);
    const leaves = new Set(paths.flatMap((p) => leavesOf(p.state.value)));
    expect([...leaves].sort()).toEqual(leafStates(machine).sort());
  });
});
