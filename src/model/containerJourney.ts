import { assign, setup } from 'xstate';
import type { CargoType, Channel } from './params.js';
import type { Milestone } from './milestones.js';

/**
 * One container's journey from Kashgar gate-in to Sost gate-out.
 *
 * The machine owns the workflow: the order of stages, the branches (Chinese inspection,
 * risk channel, hold, permits) and which event ends each stage. It owns no numbers. On
 * entering a stage it calls the `begin` effect; the corridor then does the work on
 * simulated time (queues, shifts, weather) and sends the stage's completion event.
 */
export type Stage =
  | 'exportDeclaration'
  | 'exportInspection'
  | 'toTashkurgan'
  | 'exitClearance'
  | 'waitingForPass'
  | 'crossing'
  | 'incident'
  | 'gdLodgement'
  | 'assessment'
  | 'onHold'
  | 'documentCheck'
  | 'scan'
  | 'examination'
  | 'otherAgency'
  | 'dutyPayment'
  | 'customsRelease'
  | 'gateOut';

export interface ContainerContext {
  readonly id: number;
  readonly cargo: CargoType;
  readonly channel: Channel;
  /** Red-channel containers examined by scanner rather than de-stuffed. */
  readonly scan: boolean;
  readonly exportInspection: boolean;
  readonly needsPermit: boolean;
  readonly held: boolean;
}

export type ContainerEvent =
  | { type: 'DECLARED' }
  | { type: 'INSPECTED' }
  | { type: 'REACHED_TASHKURGAN' }
  | { type: 'EXIT_CLEARED' }
  | { type: 'DEPART' }
  | { type: 'INCIDENT' }
  | { type: 'RECOVERED' }
  | { type: 'REACHED_SOST' }
  | { type: 'GD_LODGED' }
  | { type: 'ASSESSED' }
  | { type: 'HOLD_LIFTED' }
  | { type: 'DOCS_CHECKED' }
  | { type: 'SCANNED' }
  | { type: 'EXAMINED' }
  | { type: 'PERMIT_ISSUED' }
  | { type: 'DUTY_PAID' }
  | { type: 'RELEASED' }
  | { type: 'GATED_OUT' }
  /** What-if: the risk engine's verdict is overridden to red before assessment ends. */
  | { type: 'FORCE_RED' };

export interface BeginParams {
  readonly stage: Stage;
  /** The milestone reached on entering this stage, if it is one. */
  readonly milestone?: Milestone;
}

export interface JourneyEffects {
  begin(context: ContainerContext, params: BeginParams): void;
  /** The journey is over: the milestone `gatedOut` is reached. */
  finish(context: ContainerContext): void;
}

/** What-if: until assessment routes it, a container's channel can be forced to red. */
const forceable = { FORCE_RED: { actions: 'forceRed' } } as const;

/** After the checks: permits when needed, then payment. */
const afterChecks = [{ guard: 'needsPermit', target: 'otherAgency' }, { target: 'dutyPayment' }] as const;

/** After assessment (or a lifted hold): the check the risk channel calls for. */
const byChannel = [
  { guard: 'scanned', target: 'scan' },
  { guard: 'red', target: 'examination' },
  { guard: 'yellow', target: 'documentCheck' },
  ...afterChecks,
] as const;

export function createContainerJourneyMachine(effects: JourneyEffects) {
  return setup({
    types: {
      context: {} as ContainerContext,
      events: {} as ContainerEvent,
      input: {} as ContainerContext,
    },
    actions: {
      begin: ({ context }, params: BeginParams) => effects.begin(context, params),
      finish: ({ context }) => effects.finish(context),
      forceRed: assign({ channel: 'red' as Channel, scan: false }),
    },
    guards: {
      exportInspection: ({ context }) => context.exportInspection,
      held: ({ context }) => context.held,
      scanned: ({ context }) => context.channel === 'red' && context.scan,
      red: ({ context }) => context.channel === 'red',
      yellow: ({ context }) => context.channel === 'yellow',
      needsPermit: ({ context }) => context.needsPermit,
    },
  }).createMachine({
    id: 'container',
    context: ({ input }) => input,
    initial: 'exportDeclaration',
    states: {
      exportDeclaration: {
        entry: { type: 'begin', params: { stage: 'exportDeclaration', milestone: 'gateInKashgar' } },
        on: {
          ...forceable,
          DECLARED: [{ guard: 'exportInspection', target: 'exportInspection' }, { target: 'toTashkurgan' }],
        },
      },
      exportInspection: {
        entry: { type: 'begin', params: { stage: 'exportInspection' } },
        on: { ...forceable, INSPECTED: 'toTashkurgan' },
      },
      toTashkurgan: {
        entry: { type: 'begin', params: { stage: 'toTashkurgan', milestone: 'exportCleared' } },
        on: { ...forceable, REACHED_TASHKURGAN: 'exitClearance' },
      },
      exitClearance: {
        entry: { type: 'begin', params: { stage: 'exitClearance', milestone: 'arrivedTashkurgan' } },
        on: { ...forceable, EXIT_CLEARED: 'waitingForPass' },
      },
      waitingForPass: {
        entry: { type: 'begin', params: { stage: 'waitingForPass', milestone: 'exitCleared' } },
        on: { ...forceable, DEPART: 'crossing' },
      },
      crossing: {
        entry: { type: 'begin', params: { stage: 'crossing', milestone: 'departedForPass' } },
        on: { ...forceable, REACHED_SOST: 'gdLodgement', INCIDENT: 'incident' },
      },
      incident: {
        entry: { type: 'begin', params: { stage: 'incident' } },
        on: { ...forceable, RECOVERED: 'crossing' },
      },
      gdLodgement: {
        entry: { type: 'begin', params: { stage: 'gdLodgement', milestone: 'arrivedSost' } },
        on: { ...forceable, GD_LODGED: 'assessment' },
      },
      assessment: {
        entry: { type: 'begin', params: { stage: 'assessment', milestone: 'gdLodged' } },
        on: { ...forceable, ASSESSED: [{ guard: 'held', target: 'onHold' }, ...byChannel] },
      },
      onHold: {
        entry: { type: 'begin', params: { stage: 'onHold', milestone: 'assessed' } },
        on: { HOLD_LIFTED: [...byChannel] },
      },
      documentCheck: {
        entry: { type: 'begin', params: { stage: 'documentCheck', milestone: 'assessed' } },
        on: { DOCS_CHECKED: [...afterChecks] },
      },
      scan: {
        entry: { type: 'begin', params: { stage: 'scan', milestone: 'assessed' } },
        on: { SCANNED: [...afterChecks] },
      },
      examination: {
        entry: { type: 'begin', params: { stage: 'examination', milestone: 'assessed' } },
        on: { EXAMINED: [...afterChecks] },
      },
      otherAgency: {
        entry: { type: 'begin', params: { stage: 'otherAgency', milestone: 'checksDone' } },
        on: { PERMIT_ISSUED: 'dutyPayment' },
      },
      dutyPayment: {
        entry: { type: 'begin', params: { stage: 'dutyPayment', milestone: 'readyForPayment' } },
        on: { DUTY_PAID: 'customsRelease' },
      },
      customsRelease: {
        entry: { type: 'begin', params: { stage: 'customsRelease', milestone: 'dutyPaid' } },
        on: { RELEASED: 'gateOut' },
      },
      gateOut: {
        entry: { type: 'begin', params: { stage: 'gateOut', milestone: 'released' } },
        on: { GATED_OUT: 'done' },
      },
      done: {
        type: 'final',
        entry: 'finish',
      },
    },
  });
}

export type ContainerJourneyMachine = ReturnType<typeof createContainerJourneyMachine>;
