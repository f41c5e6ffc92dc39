import { createChooser, createSampler, createSkipper, type RandomStreams, type Rng, type Sampler } from '../kernel/index.js';
import type { ContainerContext } from './containerJourney.js';
import { readDistribution } from './paramPath.js';
import { CARGO_TYPES, CHANNELS, type CorridorParams } from './params.js';
import type { StageTable } from './stageTable.js';

export type ContainerTraits = Omit<ContainerContext, 'id'>;

/**
 * Everything random about one container, drawn at once when it arrives at Kashgar: its
 * traits from the `cargo` stream, and each number of the stage table from a stream of its own
 * named after the draw ("draw:examination"), one number per container. Container n therefore
 * carries the same cargo, channel and work in every scenario run with the same seed (common
 * random numbers), and a stage added to the journey draws from a new stream, so it shifts no
 * number any other stage uses. The numbers sit in one packed array in the table's slot order:
 * during a long closure hundreds of thousands of containers wait at once, and this is most of
 * what each one keeps.
 */
export interface DrawnContainer {
  /** What the journey machine branches on. */
  readonly traits: ContainerTraits;
  /** Indexed by the stage table's draw slots. */
  readonly draws: Float64Array;
}

export interface ContainerDrawer {
  draw(): DrawnContainer;
  /** Consumes from every stream exactly what `draw` would, and builds nothing. */
  skip(): void;
}

/** Uniforms `draw` takes from the `cargo` stream: cargo, channel, then five yes/no traits. */
const TRAIT_UNIFORMS = 7;

export function createContainerDrawer(params: CorridorParams, table: StageTable, streams: RandomStreams): ContainerDrawer {
  const cargo = createChooser(CARGO_TYPES.map((c) => params.arrivals.cargoMix[c]));
  const channel = createChooser(CHANNELS.map((c) => params.sost.channelShares[c]));
  const { kashgar, sost, holds } = params;
  const samplers: ReadonlyArray<Sampler | null> = table.draws.map((d) => (d.from === 'uniform' ? null : createSampler(readDistribution(params, d.from))));
  const skippers: ReadonlyArray<(rng: Rng) => void> = table.draws.map((d) => (d.from === 'uniform' ? (rng: Rng) => void rng.next() : createSkipper(readDistribution(params, d.from))));
  const drawRngs: readonly Rng[] = table.draws.map((d) => streams.get(`draw:${d.name}`));
  const rng = streams.get('cargo');
  const n = samplers.length;
  const draw = (): DrawnContainer => {
    const cargoType = CARGO_TYPES[cargo(rng)];
    const traits: ContainerTraits = {
      cargo: cargoType,
      channel: CHANNELS[channel(rng)],
      scan: rng.next() < sost.scanShare,
      exportInspection: rng.next() < kashgar.inspectionShare,
      needsPermit: rng.next() < sost.otherAgency.shareByCargo[cargoType],
      held: rng.next() < holds.probability,
      preArrival: rng.next() < sost.preArrivalShare,
    };
    const draws = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const sample = samplers[i];
      draws[i] = sample === null ? drawRngs[i].next() : sample(drawRngs[i]);
    }
    return { traits, draws };
  };
  const skip = (): void => {
    for (let i = 0; i < TRAIT_UNIFORMS; i++) rng.next();
    for (let i = 0; i < n; i++) skippers[i](drawRngs[i]);
  };
  return { draw, skip };
}
