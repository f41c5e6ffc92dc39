import { createChooser, createSampler, type Rng, type Sampler } from '../kernel/index.js';
import type { ContainerContext } from './containerJourney.js';
import { readDistribution } from './paramPath.js';
import { CARGO_TYPES, CHANNELS, type CorridorParams } from './params.js';
import type { StageTable } from './stageTable.js';

export type ContainerTraits = Omit<ContainerContext, 'id'>;

/**
 * Everything random about one container, drawn at once when it arrives at Kashgar from the
 * `cargo` stream, always the same number of draws. Container n therefore carries the same
 * cargo, channel and work in every scenario run with the same seed: common random numbers.
 * The numbers sit in one packed array in the stage table's slot order: during a long closure
 * hundreds of thousands of containers wait at once, and this is most of what each one keeps.
 */
export interface DrawnContainer {
  /** What the journey machine branches on. */
  readonly traits: ContainerTraits;
  /** Indexed by the stage table's draw slots. */
  readonly draws: Float64Array;
}

export type ContainerDrawer = (rng: Rng) => DrawnContainer;

export function createContainerDrawer(params: CorridorParams, table: StageTable): ContainerDrawer {
  const cargo = createChooser(CARGO_TYPES.map((c) => params.arrivals.cargoMix[c]));
  const channel = createChooser(CHANNELS.map((c) => params.sost.channelShares[c]));
  const { kashgar, sost, holds } = params;
  const samplers: ReadonlyArray<Sampler | null> = table.draws.map((d) => (d.from === 'uniform' ? null : createSampler(readDistribution(params, d.from))));
  const n = samplers.length;
  return (rng) => {
    const cargoType = CARGO_TYPES[cargo(rng)];
    const traits: ContainerTraits = {
      cargo: cargoType,
      channel: CHANNELS[channel(rng)],
      scan: rng.next() < sost.scanShare,
      exportInspection: rng.next() < kashgar.inspectionShare,
      needsPermit: rng.next() < sost.otherAgency.shareByCargo[cargoType],
      held: rng.next() < holds.probability,
    };
    const draws = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const sample = samplers[i];
      draws[i] = sample === null ? rng.next() : sample(rng);
    }
    return { traits, draws };
  };
}
