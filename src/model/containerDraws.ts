import { createChooser, createSampler, type DistributionSpec, type Rng, type Sampler } from '../kernel/index.js';
import type { ContainerContext } from './containerJourney.js';
import { CARGO_TYPES, CHANNELS, type CorridorParams } from './params.js';

export type ContainerTraits = Omit<ContainerContext, 'id'>;

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

const WORK_STAGES = [
  'exportDeclaration',
  'exportInspection',
  'exitClearance',
  'gdLodgement',
  'assessment',
  'documentCheck',
  'documentCheckWait',
  'scan',
  'examination',
  'examinationWait',
  'otherAgency',
  'dutyPayment',
  'customsRelease',
  'gateOut',
] as const satisfies ReadonlyArray<keyof WorkContent>;

/**
 * The numbers drawn for one container. They sit in one packed array rather than an object of
 * boxed numbers: during a long closure hundreds of thousands of containers wait at once, and
 * this is most of what each one keeps.
 */
export class ContainerDraws implements WorkContent {
  /** [holdHours, incidentDraw, incidentAt, incidentDelay, ...work in WORK_STAGES order] */
  private readonly values: number[];

  constructor(values: number[]) {
    if (values.length !== 4 + WORK_STAGES.length) throw new RangeError(`expected ${4 + WORK_STAGES.length} draws, got ${values.length}`);
    this.values = values;
  }

  get holdHours(): number {
    return this.values[0];
  }
  /** Uniform draw compared with the incident chance of the road at departure. */
  get incidentDraw(): number {
    return this.values[1];
  }
  /** Where along the crossing an incident strikes, as a share of the trip. */
  get incidentAt(): number {
    return this.values[2];
  }
  get incidentDelay(): number {
    return this.values[3];
  }
  get work(): WorkContent {
    return this;
  }
  get exportDeclaration(): number {
    return this.values[4];
  }
  get exportInspection(): number {
    return this.values[5];
  }
  get exitClearance(): number {
    return this.values[6];
  }
  get gdLodgement(): number {
    return this.values[7];
  }
  get assessment(): number {
    return this.values[8];
  }
  get documentCheck(): number {
    return this.values[9];
  }
  get documentCheckWait(): number {
    return this.values[10];
  }
  get scan(): number {
    return this.values[11];
  }
  get examination(): number {
    return this.values[12];
  }
  get examinationWait(): number {
    return this.values[13];
  }
  get otherAgency(): number {
    return this.values[14];
  }
  get dutyPayment(): number {
    return this.values[15];
  }
  get customsRelease(): number {
    return this.values[16];
  }
  get gateOut(): number {
    return this.values[17];
  }
}

/**
 * Everything random about one container, drawn at once when it arrives at Kashgar from the
 * `cargo` stream, always the same number of draws. Container n therefore carries the same
 * cargo, channel and work in every scenario run with the same seed: common random numbers.
 */
export interface DrawnContainer {
  /** What the journey machine branches on. */
  readonly traits: ContainerTraits;
  readonly draws: ContainerDraws;
}

export type ContainerDrawer = (rng: Rng) => DrawnContainer;

export function createContainerDrawer(params: CorridorParams): ContainerDrawer {
  const cargo = createChooser(CARGO_TYPES.map((c) => params.arrivals.cargoMix[c]));
  const channel = createChooser(CHANNELS.map((c) => params.sost.channelShares[c]));
  const { kashgar, sost, holds, crossing } = params;
  const work: readonly Sampler[] = WORK_STAGES.map((stage) => createSampler(workSpec(params, stage)));
  const holdHours = createSampler(holds.duration);
  const incidentDelay = createSampler(crossing.incidentDelay);
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
    const values = [holdHours(rng), rng.next(), rng.next(), incidentDelay(rng)];
    for (const sample of work) values.push(sample(rng));
    return { traits, draws: new ContainerDraws(values) };
  };
}

function workSpec(params: CorridorParams, stage: keyof WorkContent): DistributionSpec {
  const { kashgar, tashkurgan, sost } = params;
  switch (stage) {
    case 'exportDeclaration':
      return kashgar.exportDeclaration;
    case 'exportInspection':
      return kashgar.inspection;
    case 'exitClearance':
      return tashkurgan.exitClearance;
    case 'otherAgency':
      return sost.otherAgency.duration;
    case 'customsRelease':
      return sost.release;
    default:
      return sost[stage];
  }
}
