import { describe, expect, test } from 'vitest';
import { createMachine } from 'xstate';
import { containerJourney } from '../../src/model/containerJourney.js';
import { Corridor, type ContainerRecord } from '../../src/model/corridor/index.js';
import { readStageTable, type StageMeta } from '../../src/model/stageTable.js';
import { runReplication } from '../../src/run/replication.js';
import { buildScenarioReport } from '../../src/run/scenarioReport.js';
import { formatScenarioError, loadScenarioText } from '../../src/scenario/index.js';
import { groupByPlace } from '../../src/ui/corridorPlaces.js';
import { WEIGHED, weighbridgeJourney, weighbridgeParams, weighbridgeSchema } from './support/weighbridgeJourney.js';

const SEED = 7;
const copy = weighbridgeJourney();

describe('adding a stage is one state with its meta and its parameters in the schema', () => {
  test('the copy carries the weighbridge in its stage table between arrival at Sost and GD lodgement', () => {
    const table = readStageTable(copy);
    expect(table.states.slice(table.states.indexOf('crossing'), table.states.indexOf('assessment') + 1)).toEqual([
      'crossing',
      'incident',
      'weighing',
      'gdLodgement',
      'assessment',
    ]);
    const ids = table.milestones.map((m) => m.id);
    expect(ids.slice(ids.indexOf('arrivedSost') - 1, ids.indexOf('arrivedSost') + 3)).toEqual(['crossedBorder', 'arrivedSost', WEIGHED.id, 'gdLodged']);
    expect(table.draws.at(-1)).toEqual({ name: 'weighing', slot: readStageTable(containerJourney).draws.length, from: 'sost.weighing' });
    // The bundled machine is untouched.
    expect(readStageTable(containerJourney).states).not.toContain('weighing');
  });

  test('the weighbridge serves containers in a run and containers are still conserved', () => {
    const corridor = new Corridor(weighbridgeParams(), { seed: SEED, journey: copy });
    const totals = corridor.run();
    expect(corridor.stations.resources.weighbridges.stats().served).toBeGreaterThan(0);
    expect(totals.releasedTotal).toBeGreaterThan(0);
    expect(totals.arrivedTotal).toBe(totals.releasedTotal + totals.lostTotal + totals.inSystem);
  });

  test("the weighbridge's interval appears in the report's milestones and the intervals still run in milestone order", () => {
    const params = weighbridgeParams();
    const summary = runReplication(params, SEED, 0, { journey: copy });
    const report = buildScenarioReport(params, SEED, [summary]);
    const names = report.milestones.map((m) => m.name);
    expect(names.slice(names.indexOf('border to Sost'), names.indexOf('border to Sost') + 3)).toEqual(['border to Sost', 'weighbridge', 'GD lodgement']);
    const weighbridge = report.milestones.find((m) => m.name === 'weighbridge');
    expect(weighbridge?.from).toBe('arrived at Sost');
    expect(weighbridge?.to).toBe(WEIGHED.label);
    expect(weighbridge?.mean).toBeGreaterThan(0);
    report.milestones.slice(1).forEach((m, i) => expect(m.from).toBe(report.milestones[i].to));
  });

  test("the stepper's corridor view places the weighbridge on the road at Sost Dry Port", () => {
    const corridor = new Corridor(weighbridgeParams(), { seed: SEED, journey: copy });
    corridor.runUntil(10 * 24);
    const stages = corridor.view().stages;
    expect(stages.find((s) => s.state === 'weighing')).toMatchObject({ place: 'Sost Dry Port', label: 'weighing' });
    const sost = groupByPlace(stages).find((p) => p.name === 'Sost Dry Port');
    expect(sost?.stages.map((s) => s.state)).toContain('weighing');
    expect(sost?.stages[0].state).toBe('weighing');
  });

  test('bad parameters of the new stage get file:line:col errors and a valid file loads with them', () => {
    const label = 'scenarios/weighbridge-test.yaml';
    const bad = ['extends: winter-2025.yaml', 'sost:', '  weighbridges: -1', '  weighing: { type: lognormal, median: 0.2, p90: 0.5 }', ''].join('\n');
    const result = loadScenarioText(bad, label, [], { schema: weighbridgeSchema });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ file: label, path: 'sost.weighbridges', line: 3, column: 17 })]);
    expect(formatScenarioError(result.errors[0])).toMatch(/^scenarios\/weighbridge-test\.yaml:3:17 sost\.weighbridges: /);

    const good = bad.replace('weighbridges: -1', 'weighbridges: 2');
    const loaded = loadScenarioText(good, label, [], { schema: weighbridgeSchema });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.sost).toMatchObject({ weighbridges: 2, weighing: { type: 'lognormal', median: 0.2, p90: 0.5 } });
    // The bundled schema knows nothing of a weighbridge.
    const plain = loadScenarioText(good, label);
    expect(plain.ok).toBe(false);
  });

  // Each draw has a stream of its own, so the weighbridge's new draw moves no number of the others.
  test('existing streams stay in step: the first containers draw the same traits and reach Tashkurgan at the same times', () => {
    const params = weighbridgeParams();
    const run = (journey?: typeof copy): ContainerRecord[] => {
      const corridor = new Corridor(params, { seed: SEED, journey, keepRecords: true });
      corridor.runUntil(5 * 24);
      return corridor.records.slice(0, 40);
    };
    const upToTashkurgan = readStageTable(containerJourney).milestoneIndex.get('arrivedTashkurgan')! + 1;
    const view = (r: ContainerRecord) => ({
      id: r.id,
      cargo: r.cargo,
      channel: r.channel,
      scan: r.scan,
      held: r.held,
      needsPermit: r.needsPermit,
      exportInspection: r.exportInspection,
      milestones: [...r.milestones.slice(0, upToTashkurgan)],
    });
    const bundled = run().map(view);
    expect(bundled.length).toBe(40);
    expect(run(copy).map(view)).toEqual(bundled);
  });
});

describe('the stage table reader rejects a bad table', () => {
  /** The bundled journey with one more draw, named "extra", in `slot`, taken while declaring at Kashgar. */
  function withExtraDraw(slot: number) {
    const config = containerJourney.config as unknown as { states: { unassessed: { states: Record<string, { meta: StageMeta }> } } };
    const inner = config.states.unassessed.states;
    const meta = inner.exportDeclaration.meta;
    const steps = [...meta.steps, { kind: 'elapsedWait', hours: { name: 'extra', slot, from: 'uniform' } } as const];
    const states = { ...inner, exportDeclaration: { ...inner.exportDeclaration, meta: { ...meta, steps } } };
    const copied = { ...config, states: { ...config.states, unassessed: { ...config.states.unassessed, states } } };
    return createMachine(copied as never, containerJourney.implementations as never);
  }

  const free = readStageTable(containerJourney).draws.length;

  test('a new draw in the next free slot is accepted', () => {
    expect(readStageTable(withExtraDraw(free)).draws.at(-1)?.name).toBe('extra');
  });

  test('two draws in one slot throw naming both and the next free slot', () => {
    expect(() => readStageTable(withExtraDraw(12))).toThrow(new RegExp(`draws (examination and extra|extra and examination) both take slot 12; a new draw takes the next free slot, ${free}`));
  });

  test('a gap in the slots throws naming the draw after the gap', () => {
    expect(() => readStageTable(withExtraDraw(free + 1))).toThrow(new RegExp(`extra has slot ${free + 1}`));
  });
});
