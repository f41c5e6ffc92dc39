import { createChooser, createSampler, type Rng, type Sampler } from '../kernel/index.js';
import type { ContainerContext } from './containerJourney.js';
import { CARGO_TYPES, CHANNELS, type CorridorParams } from './params.js';

export type ContainerTraits = Omit<ContainerContext, 'id'>;

/**
 * Everything random about one container, drawn at once when it arrives at Kashgar from the
 * `cargo` stream, always the same number of draws. Container n therefore carries the same
 * cargo, channel and work in every scenario run with the same seed: common random numbers.
 */
export interface ContainerDraws {
  /** What the journey machine branches on. */
  readonly traits: ContainerTraits;
  readonly holdHours: number;
  /** Uniform draw compared with the incident chance of the road at departure. */
  readonly incidentDraw: number;
  /** Where along the crossing an incident strikes, as a share of the trip. */
  readonly incidentAt: number;
  readonly incidentDelay: number;
  readonly work: WorkContent;
}

/** Hours of work (or of elapsed working time) per stage. */
export interface WorkContent {
  readonly exportDeclaration: number;
  readonly exportInspection: number;
  readonly exitClearance: number;
  readonly gdLodgement: number;
  readonly assessment: number;
  readonly documentCheck: number;
  readonly documentCheckWait: number;
  readonly scan: number;
  readonly examination: number;
  readonly examinationWait: number;
  readonly otherAgency: number;
  readonly dutyPayment: number;
  readonly customsRelease: number;
  readonly gateOut: number;
}

export type ContainerDrawer = (rng: Rng) => ContainerDraws;

export function createContainerDrawer(params: CorridorParams): ContainerDrawer {
  const cargo = createChooser(CARGO_TYPES.map((c) => params.arrivals.cargoMix[c]));
  const channel = createChooser(CHANNELS.map((c) => params.sost.channelShares[c]));
  const { kashgar, tashkurgan, sost, holds, crossing } = params;
  const samplers: Readonly<Record<keyof WorkContent, Sampler>> = {
    exportDeclaration: createSampler(kashgar.exportDeclaration),
    exportInspection: createSampler(kashgar.inspection),
    exitClearance: createSampler(tashkurgan.exitClearance),
    gdLodgement: createSampler(sost.gdLodgement),
    assessment: createSampler(sost.assessment),
    documentCheck: createSampler(sost.documentCheck),
    documentCheckWait: createSampler(sost.documentCheckWait),
    scan: createSampler(sost.scan),
    examination: createSampler(sost.examination),
    examinationWait: createSampler(sost.examinationWait),
    otherAgency: createSampler(sost.otherAgency.duration),
    dutyPayment: createSampler(sost.dutyPayment),
    customsRelease: createSampler(sost.release),
    gateOut: createSampler(sost.gateOut),
  };
  const holdHours = createSampler(holds.duration);
  const incidentDelay = createSampler(crossing.incidentDelay);
  return (rng) => {
    const cargoType = CARGO_TYPES[cargo(rng)];
    return {
      traits: {
        cargo: cargoType,
        channel: CHANNELS[channel(rng)],
        scan: rng.next() < sost.scanShare,
        exportInspection: rng.next() < kashgar.inspectionShare,
        needsPermit: rng.next() < sost.otherAgency.shareByCargo[cargoType],
        held: rng.next() < holds.probability,
      },
      holdHours: holdHours(rng),
      incidentDraw: rng.next(),
      incidentAt: rng.next(),
      incidentDelay: incidentDelay(rng),
      work: {
        exportDeclaration: samplers.exportDeclaration(rng),
        exportInspection: samplers.exportInspection(rng),
        exitClearance: samplers.exitClearance(rng),
        gdLodgement: samplers.gdLodgement(rng),
        assessment: samplers.assessment(rng),
        documentCheck: samplers.documentCheck(rng),
        documentCheckWait: samplers.documentCheckWait(rng),
        scan: samplers.scan(rng),
        examination: samplers.examination(rng),
        examinationWait: samplers.examinationWait(rng),
        otherAgency: samplers.otherAgency(rng),
        dutyPayment: samplers.dutyPayment(rng),
        customsRelease: samplers.customsRelease(rng),
        gateOut: samplers.gateOut(rng),
      },
    };
  };
}
