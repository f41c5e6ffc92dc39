import { createMachine } from 'xstate';
import { z } from 'zod';
import { containerJourney, type ContainerJourneyMachine } from '../../../src/model/containerJourney.js';
import type { CorridorParams } from '../../../src/model/params.js';
import { readStageTable, type MilestoneSpec, type StageMeta, type Step } from '../../../src/model/stageTable.js';
import { distributionSchema, scenarioSchemaWith } from '../../../src/scenario/index.js';
import { testParams } from '../../fixtures/params.js';

/**
 * A model that extends the bundled journey with a weighbridge at Sost: trucks are weighed on
 * arrival, before the GD is lodged. It is a copy of the bundled machine with one more state;
 * the bundled machine is not touched.
 *
 *   crossing ──REACHED_SOST──▶ weighing ──WEIGHED──▶ gdLodgement
 *             milestone arrivedSost ┘    milestone weighed ┘
 *
 * A milestone is reached on entry to a stage, so arrival at Sost moves to the weighing state
 * and gdLodgement's entry marks "weighed": the new interval "weighbridge" runs between them.
 */
interface StateConfig {
  readonly meta?: unknown;
  readonly on?: Readonly<Record<string, unknown>>;
  readonly states?: Readonly<Record<string, StateConfig>>;
  readonly [key: string]: unknown;
}

export const WEIGHED: MilestoneSpec = { id: 'weighed', label: 'weighed at Sost', interval: 'weighbridge' };

export const WEIGHING_STEP: Step = {
  kind: 'serve',
  station: { id: 'weighbridges', name: 'Sost weighbridges', servers: 'sost.weighbridges', calendar: 'pakistan' },
  // The next free slot: a new draw goes after the bundled journey's own.
  work: { name: 'weighing', slot: readStageTable(containerJourney).draws.length, from: 'sost.weighing' },
};

export function weighbridgeJourney(): ContainerJourneyMachine {
  const config = containerJourney.config as unknown as StateConfig;
  const unassessed = config.states!.unassessed;
  const inner = unassessed.states!;
  const lodgementMeta = inner.gdLodgement.meta as StageMeta;
  const weighing: StateConfig = {
    entry: { type: 'begin', params: { stage: 'weighing' } },
    meta: { place: 'Sost Dry Port', label: 'weighing', milestone: lodgementMeta.milestone, steps: [WEIGHING_STEP], done: 'WEIGHED' } satisfies StageMeta,
    on: { WEIGHED: 'gdLodgement' },
  };
  const states: Record<string, StateConfig> = {};
  for (const [key, state] of Object.entries(inner)) {
    if (key === 'gdLodgement') {
      states.weighing = weighing;
      states[key] = { ...state, meta: { ...lodgementMeta, milestone: WEIGHED } satisfies StageMeta };
    } else if (key === 'crossing') {
      states[key] = { ...state, on: { ...state.on, REACHED_SOST: 'weighing' } };
    } else {
      states[key] = state;
    }
  }
  const copy = { ...config, states: { ...config.states, unassessed: { ...unassessed, states } } };
  return createMachine(copy as never, containerJourney.implementations as never) as unknown as ContainerJourneyMachine;
}

/** The scenario schema with the weighbridge's parameters. */
export const weighbridgeSchema = scenarioSchemaWith((base) =>
  base.extend({
    sost: base.shape.sost.extend({
      weighbridges: z.number({ error: 'expected an integer >= 0' }).int({ error: 'expected an integer >= 0' }).min(0, { error: 'expected an integer >= 0' }),
      weighing: distributionSchema,
    }),
  }),
);

/** testParams() with two weighbridges and a short weighing. */
export function weighbridgeParams(): CorridorParams {
  const base = testParams();
  const sost = { ...base.sost, weighbridges: 2, weighing: { type: 'triangular', min: 0.1, mode: 0.2, max: 0.5 } as const };
  return { ...base, sost };
}
