import { describe, expect, test } from 'vitest';
import { Corridor } from '../../src/model/corridor/index.js';
import { loadScenario, loadScenarioText } from '../../src/scenario/index.js';
import { errorAt, labelInScenarios } from './helpers.js';

const file = labelInScenarios('what-ifs.yaml');
const winter = (...lines: string[]): string => ['extends: winter-2025.yaml', 'whatIfs:', ...lines, ''].join('\n');

describe('scheduled what-ifs in a scenario file', () => {
  test('a what-if is read with its time in PKT and lands at that simulated hour', () => {
    const result = loadScenarioText(winter('  - { at: 2025-12-10T08:00, kind: closePass, days: 5 }'), file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [scheduled] = result.scenario.whatIfs;
    expect(scheduled.whatIf).toEqual({ kind: 'closePass', days: 5 });
    expect(new Date(scheduled.at).toISOString()).toBe('2025-12-10T03:00:00.000Z');
  });

  test('a zone, when given, is the zone of the time', () => {
    const result = loadScenarioText(winter('  - { at: 2025-12-10T08:00, zone: Asia/Shanghai, kind: webocOutage, hours: 6 }'), file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(new Date(result.scenario.whatIfs[0].at).toISOString()).toBe('2025-12-10T00:00:00.000Z');
  });

  test('what-ifs are applied in time order whatever order the file lists them in', () => {
    const result = loadScenarioText(winter('  - { at: 2025-12-20T08:00, kind: powerCut, hours: 2 }', '  - { at: 2025-12-10T08:00, kind: powerCut, hours: 3 }'), file);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.whatIfs.map((w) => w.whatIf)).toEqual([{ kind: 'powerCut', hours: 3 }, { kind: 'powerCut', hours: 2 }]);
  });

  test.each([
    ['an instant outside the horizon', '  - { at: 2026-03-10T08:00, kind: closePass, days: 5 }', 'whatIfs[0].at', /outside the horizon/],
    ['a time that is not a local time', '  - { at: "10 Dec, 8 am", kind: closePass, days: 5 }', 'whatIfs[0].at', /YYYY-MM-DDTHH:MM/],
    ['an unknown kind', '  - { at: 2025-12-10T08:00, kind: earthquake }', 'whatIfs[0].kind', /closePass/],
    ['a parameter the kind does not take', '  - { at: 2025-12-10T08:00, kind: closePass, hours: 5 }', 'whatIfs[0].hours', /unknown key/],
    ['a parameter out of range', '  - { at: 2025-12-10T08:00, kind: closePass, days: -1 }', 'whatIfs[0].days', /./],
  ])('%s is an error at its line and column', (_, line, path, message) => {
    const error = errorAt(loadScenarioText(winter(line), file), path);
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toMatch(message);
  });

  test('a scheduled closure shuts the road at its instant in every replication and the log says so first', () => {
    const result = loadScenario('scenarios/winter-2025-blockade.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const params = { ...result.scenario, days: 21, drainDays: 0 };
    for (const seed of [1, 2]) {
      const log: string[] = [];
      const corridor = new Corridor(params, { seed, onTransition: (r) => (r.machine === 'what-if' || r.machine === 'road') && log.push(`${r.t} ${r.machine} ${r.event}`) });
      corridor.runUntil(224 + 1e-6);
      expect(log.filter((l) => l.startsWith('224 '))).toEqual(['224 what-if closePass', '224 road CLOSE']);
      expect(corridor.road.isOpen()).toBe(false);
      corridor.runUntil(21 * 24);
      const closure = corridor.road.closureSegments(corridor.now).find((c) => c.from === 224);
      expect(closure?.cause).toBe('what-if');
      expect(closure?.to ?? 0).toBeGreaterThanOrEqual(224 + 7 * 24);
    }
  });
});
