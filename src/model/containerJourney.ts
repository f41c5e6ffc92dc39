import { assign, setup, type StateValue } from 'xstate';
import type { CargoType, Channel } from './params.js';
import type { DrawSpec, FinalMeta, MilestoneSpec, StageMeta, StationSpec } from './stageTable.js';

/**
 * One container's journey from Kashgar gate-in to Sost gate-out.
 *
 * The machine owns the workflow: the order of stages, the branches (Chinese inspection,
 * risk channel, hold, permits) and which event ends each stage. Each state's `meta` is its
 * row of the stage table (see stageTable.ts): where it happens, what work it takes and from
 * which parameters. On entering a stage the machine calls `begin`; the corridor runs the
 * stage's steps on simulated time and sends the completion event. It owns no numbers.
 */
export interface ContainerContext {
  readonly id: number;
  readonly cargo: CargoType;
  readonly channel: Channel;
  /** Red-channel containers examined by scanner rather than de-stuffed. */
  readonly scan: boolean;
  readonly exportInspection: boolean;
  readonly needsPermit: boolean;
  readonly held: boolean;
  /** The agent files the goods declaration in WeBOC before the truck arrives at Sost. */
  readonly preArrival: boolean;
}

export type ContainerEvent =
  | { type: 'DECLARED' }
  | { type: 'INSPECTED' }
  | { type: 'REACHED_TASHKURGAN' }
  | { type: 'EXIT_CLEARED' }
  | { type: 'DEPART' }
  | { type: 'REACHED_BORDER' }
  | { type: 'CROSSED' }
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
  /** Frost spoiled the food waiting at Sost: it leaves the flow, destroyed or returned. */
  | { type: 'SPOILED' }
  | { type: 'DISPOSED' }
  /** What-if: the risk engine's verdict is overridden to red before assessment ends. */
  | { type: 'FORCE_RED' };

export interface BeginParams {
  /** The journey state being entered: its key in the stage table. */
  readonly stage: string;
}

// ── stations ────────────────────────────────────────────────────────────────
const KASHGAR_OFFICERS: StationSpec = { id: 'kashgarOfficers', name: 'Kashgar export officers', servers: 'kashgar.officers', calendar: 'china' };
const KASHGAR_BAYS: StationSpec = { id: 'kashgarBays', name: 'Kashgar inspection bays', servers: 'kashgar.inspectionBays', calendar: 'china' };
const TASHKURGAN_OFFICERS: StationSpec = { id: 'tashkurganOfficers', name: 'Tashkurgan exit officers', servers: 'tashkurgan.officers', calendar: 'china' };
const GD_OFFICERS: StationSpec = { id: 'gdOfficers', name: 'Sost GD officers', servers: 'sost.gdOfficers', calendar: 'pakistan', requires: ['webocUp'] };
const EXAM_BAYS: StationSpec = { id: 'examBays', name: 'Sost examination bays', servers: 'sost.examBays', calendar: 'pakistan', requires: ['warmEnoughToExamine'] };
const SCANNERS: StationSpec = { id: 'scanners', name: 'Sost scanners', servers: 'sost.scanners', calendar: 'pakistan', requires: ['scannerWorking'] };
const BANK_COUNTERS: StationSpec = { id: 'bankCounters', name: 'Sost bank counters', servers: 'sost.bankCounters', calendar: 'banks' };

// ── draws, in the slots every container has drawn them in since the first build ──
const draw = (name: string, slot: number, from: string): DrawSpec => ({ name, slot, from });
const HOLD = draw('holdHours', 0, 'holds.duration');
const INCIDENT_DRAW = draw('incidentDraw', 1, 'uniform');
const INCIDENT_AT = draw('incidentAt', 2, 'uniform');
const INCIDENT_DELAY = draw('incidentDelay', 3, 'crossing.incidentDelay');
const EXPORT_DECLARATION = draw('exportDeclaration', 4, 'kashgar.exportDeclaration');
const EXPORT_INSPECTION = draw('exportInspection', 5, 'kashgar.inspection');
const EXIT_CLEARANCE = draw('exitClearance', 6, 'tashkurgan.exitClearance');
const GD_LODGEMENT = draw('gdLodgement', 7, 'sost.gdLodgement');
const ASSESSMENT = draw('assessment', 8, 'sost.assessment');
const DOCUMENT_CHECK = draw('documentCheck', 9, 'sost.documentCheck');
const DOCUMENT_CHECK_WAIT = draw('documentCheckWait', 10, 'sost.documentCheckWait');
const SCAN = draw('scan', 11, 'sost.scan');
const EXAMINATION = draw('examination', 12, 'sost.examination');
const EXAMINATION_WAIT = draw('examinationWait', 13, 'sost.examinationWait');
const OTHER_AGENCY = draw('otherAgency', 14, 'sost.otherAgency.duration');
const DUTY_PAYMENT = draw('dutyPayment', 15, 'sost.dutyPayment');
const CUSTOMS_RELEASE = draw('customsRelease', 16, 'sost.release');
const GATE_OUT = draw('gateOut', 17, 'sost.gateOut');
const DISPOSAL = draw('disposal', 18, 'heating.spoiled.hours');

// ── milestones, after the WCO Time Release Study, with the Chinese side in front ──
const milestone = (id: string, label: string, interval?: string): MilestoneSpec => ({ id, label, interval });
const GATE_IN_KASHGAR = milestone('gateInKashgar', 'gate-in at Kashgar');
const EXPORT_CLEARED = milestone('exportCleared', 'export cleared at Kashgar', 'Kashgar export clearance');
const ARRIVED_TASHKURGAN = milestone('arrivedTashkurgan', 'arrived at Tashkurgan', 'travel to Tashkurgan');
const EXIT_CLEARED = milestone('exitCleared', 'exit cleared at Tashkurgan', 'Tashkurgan exit clearance');
const DEPARTED_FOR_PASS = milestone('departedForPass', 'left Tashkurgan', 'waiting at Tashkurgan');
const REACHED_BORDER = milestone('reachedBorder', 'reached the border', 'Tashkurgan to the border');
const CROSSED_BORDER = milestone('crossedBorder', 'crossed the border', 'at the border gate');
const ARRIVED_SOST = milestone('arrivedSost', 'arrived at Sost', 'border to Sost');
const GD_LODGED = milestone('gdLodged', 'GD lodged in WeBOC', 'GD lodgement');
const ASSESSED = milestone('assessed', 'GD assessed', 'assessment');
const CHECKS_DONE = milestone('checksDone', 'checks done', 'checks and holds');
const READY_FOR_PAYMENT = milestone('readyForPayment', 'permits done', 'other-agency permits');
const DUTY_PAID = milestone('dutyPaid', 'duty paid', 'duty payment');
const RELEASED = milestone('released', 'customs release', 'customs release');
const GATED_OUT = milestone('gatedOut', 'gate-out at Sost', 'gate-out');

/** Milestones the corridor's own statistics rely on: time release runs from arrival at Sost to gate-out. */
export const CORE_MILESTONES = { arrivedSost: ARRIVED_SOST.id, gatedOut: GATED_OUT.id } as const;

/** A journey state: `begin` on entry with the state's own name, and its row of the stage table. */
function stage<const On>(name: string, meta: StageMeta, on: On) {
  return { entry: { type: 'begin' as const, params: { stage: name } }, meta, on };
}

/** After the checks: permits when needed, then payment. */
const afterChecks = [{ guard: 'needsPermit', target: '#container.otherAgency' }, { target: '#container.dutyPayment' }] as const;

/** After assessment (or a lifted hold): the check the risk channel calls for. */
const byChannel = [
  { guard: 'scanned', target: '#container.scan' },
  { guard: 'red', target: '#container.examination' },
  { guard: 'yellow', target: '#container.documentCheck' },
  ...afterChecks,
] as const;

/**
 * The journey machine. Its `begin` and `finish` actions do nothing until the corridor
 * provides them (`machine.provide({ actions })`), so the machine itself is plain data.
 */
export const containerJourney = setup({
  types: {
    context: {} as ContainerContext,
    events: {} as ContainerEvent,
    input: {} as ContainerContext,
  },
  actions: {
    begin: (_, _params: BeginParams) => undefined,
    finish: () => undefined,
    lose: () => undefined,
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
  initial: 'unassessed',
  // Only food waiting at Sost is ever spoiled; wherever it is in the clearance, it leaves it.
  on: { SPOILED: '.disposal' },
  states: {
    /** Until assessment routes it, a container's channel can be forced to red (what-if). */
    unassessed: {
      initial: 'exportDeclaration',
      on: { FORCE_RED: { actions: 'forceRed' } },
      states: {
        exportDeclaration: stage(
          'exportDeclaration',
          { place: 'Kashgar', label: 'declaring', milestone: GATE_IN_KASHGAR, steps: [{ kind: 'serve', station: KASHGAR_OFFICERS, work: EXPORT_DECLARATION }], done: 'DECLARED' },
          { DECLARED: [{ guard: 'exportInspection', target: 'exportInspection' }, { target: 'toTashkurgan' }] },
        ),
        exportInspection: stage(
          'exportInspection',
          { place: 'Kashgar', label: 'inspecting', steps: [{ kind: 'serve', station: KASHGAR_BAYS, work: EXPORT_INSPECTION }], done: 'INSPECTED' },
          { INSPECTED: 'toTashkurgan' },
        ),
        toTashkurgan: stage(
          'toTashkurgan',
          { place: 'Kashgar', label: 'on road', milestone: EXPORT_CLEARED, steps: [{ kind: 'travel', leg: 'route.kashgarToTashkurgan' }], done: 'REACHED_TASHKURGAN' },
          { REACHED_TASHKURGAN: 'exitClearance' },
        ),
        exitClearance: stage(
          'exitClearance',
          { place: 'Tashkurgan', label: 'exit check', milestone: ARRIVED_TASHKURGAN, steps: [{ kind: 'serve', station: TASHKURGAN_OFFICERS, work: EXIT_CLEARANCE }], done: 'EXIT_CLEARED' },
          { EXIT_CLEARED: 'waitingForPass' },
        ),
        waitingForPass: stage(
          'waitingForPass',
          // Trucks leave when they will reach the border inside both posts' common hours.
          { place: 'Tashkurgan', label: 'waiting', milestone: EXIT_CLEARED, steps: [{ kind: 'depart', toBorder: 'route.tashkurganToPass' }], done: 'DEPART' },
          { DEPART: 'toBorder' },
        ),
        toBorder: stage(
          'toBorder',
          { place: 'Khunjerab', label: 'to border', milestone: DEPARTED_FOR_PASS, steps: [{ kind: 'travel', leg: 'route.tashkurganToPass' }], done: 'REACHED_BORDER' },
          { REACHED_BORDER: 'atBorder' },
        ),
        atBorder: stage(
          // The Khunjerab gate: a truck crosses only while the road and both posts are open when it gets there.
          'atBorder',
          { place: 'Khunjerab', label: 'at border', milestone: REACHED_BORDER, steps: [{ kind: 'gate' }], done: 'CROSSED' },
          { CROSSED: 'crossing' },
        ),
        crossing: stage(
          'crossing',
          {
            place: 'Khunjerab',
            label: 'crossing',
            milestone: CROSSED_BORDER,
            steps: [
              {
                kind: 'cross',
                legs: ['route.passToSost'],
                incidentChance: 'crossing.incidentProbability',
                incidentDraw: INCIDENT_DRAW,
                incidentAt: INCIDENT_AT,
                incidentEvent: 'INCIDENT',
              },
            ],
            done: 'REACHED_SOST',
          },
          { REACHED_SOST: 'gdLodgement', INCIDENT: 'incident' },
        ),
        incident: stage(
          'incident',
          { place: 'Khunjerab', label: 'incident', steps: [{ kind: 'elapsedWait', hours: INCIDENT_DELAY, why: 'recovery on the road goes on day and night' }], done: 'RECOVERED' },
          { RECOVERED: 'crossing' },
        ),
        gdLodgement: stage(
          'gdLodgement',
          // Agents file in WeBOC at any hour; a WeBOC outage holds the filing until it is back.
          { place: 'Sost Dry Port', label: 'lodging', milestone: ARRIVED_SOST, steps: [{ kind: 'elapsedWait', hours: GD_LODGEMENT, why: 'agents file in WeBOC at any hour', countedFrom: { milestone: DEPARTED_FOR_PASS.id, when: 'preArrival' } }], done: 'GD_LODGED', doneWhen: 'webocUp' },
          { GD_LODGED: 'assessment' },
        ),
        assessment: stage(
          'assessment',
          { place: 'Sost Dry Port', label: 'assess', milestone: GD_LODGED, steps: [{ kind: 'serve', station: GD_OFFICERS, work: ASSESSMENT }], done: 'ASSESSED' },
          { ASSESSED: [{ guard: 'held', target: '#container.onHold' }, ...byChannel] },
        ),
      },
    },
    onHold: stage(
      'onHold',
      { place: 'Sost Dry Port', label: 'on hold', milestone: ASSESSED, steps: [{ kind: 'elapsedWait', hours: HOLD, why: 'policy and document holds last calendar weeks' }], done: 'HOLD_LIFTED' },
      { HOLD_LIFTED: [...byChannel] },
    ),
    documentCheck: stage(
      'documentCheck',
      {
        place: 'Sost Dry Port',
        label: 'docs',
        milestone: ASSESSED,
        // The officer's review, then the wait for the agent's papers and answers.
        steps: [
          { kind: 'serve', station: GD_OFFICERS, work: DOCUMENT_CHECK, label: 'documentCheck' },
          { kind: 'elapsedWait', hours: DOCUMENT_CHECK_WAIT, why: 'the agent fetches papers and answers queries in the evening too' },
        ],
        done: 'DOCS_CHECKED',
      },
      { DOCS_CHECKED: [...afterChecks] },
    ),
    examination: stage(
      'examination',
      {
        place: 'Sost Dry Port',
        label: 'exam',
        milestone: ASSESSED,
        // Booking and labour first; the bay is held only for the de-stuffing and examination.
        steps: [
          { kind: 'workingWait', hours: EXAMINATION_WAIT, calendar: 'pakistan', why: 'bookings and de-stuffing labour work the port\'s hours', label: 'examination booked' },
          { kind: 'serve', station: EXAM_BAYS, work: EXAMINATION, pace: 'examination' },
        ],
        done: 'EXAMINED',
      },
      { EXAMINED: [...afterChecks] },
    ),
    scan: stage(
      'scan',
      { place: 'Sost Dry Port', label: 'scan', milestone: ASSESSED, steps: [{ kind: 'serve', station: SCANNERS, work: SCAN }], done: 'SCANNED' },
      { SCANNED: [...afterChecks] },
    ),
    otherAgency: stage(
      'otherAgency',
      { place: 'Sost Dry Port', label: 'permits', milestone: CHECKS_DONE, steps: [{ kind: 'workingWait', hours: OTHER_AGENCY, calendar: 'pakistan', why: 'the permit offices work office hours' }], done: 'PERMIT_ISSUED' },
      { PERMIT_ISSUED: 'dutyPayment' },
    ),
    dutyPayment: stage(
      'dutyPayment',
      { place: 'Sost Dry Port', label: 'duty', milestone: READY_FOR_PAYMENT, steps: [{ kind: 'serve', station: BANK_COUNTERS, work: DUTY_PAYMENT }], done: 'DUTY_PAID' },
      { DUTY_PAID: 'customsRelease' },
    ),
    customsRelease: stage(
      'customsRelease',
      { place: 'Sost Dry Port', label: 'release', milestone: DUTY_PAID, steps: [{ kind: 'serve', station: GD_OFFICERS, work: CUSTOMS_RELEASE }], done: 'RELEASED' },
      { RELEASED: 'gateOut' },
    ),
    gateOut: stage(
      'gateOut',
      { place: 'Sost Dry Port', label: 'gate-out', milestone: RELEASED, steps: [{ kind: 'workingWait', hours: GATE_OUT, calendar: 'pakistan', why: 'the exit gate\'s clerks work customs hours' }], done: 'GATED_OUT' },
      { GATED_OUT: 'done' },
    ),
    done: {
      type: 'final',
      meta: { milestone: GATED_OUT, outcome: 'released' } satisfies FinalMeta,
      entry: 'finish',
    },
    disposal: stage(
      'disposal',
      // Spoiled produce is destroyed under customs supervision or sent back (heating.spoiled.fate).
      { place: 'Sost Dry Port', label: 'disposal', steps: [{ kind: 'elapsedWait', hours: DISPOSAL, why: 'disposal goes on until it is done' }], done: 'DISPOSED' },
      { DISPOSED: 'lost' },
    ),
    lost: {
      type: 'final',
      meta: { outcome: 'lost' } satisfies FinalMeta,
      entry: 'lose',
    },
  },
});

export type ContainerJourneyMachine = typeof containerJourney;
export type JourneyStateValue = StateValue;
