import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { ContainerContext } from './containerJourney.js';

/** The yes/no traits of a container a step can depend on. */
export type ContextFlag = { [K in keyof ContainerContext]: ContainerContext[K] extends boolean ? K : never }[keyof ContainerContext];

/**
 * The journey as data. Every state of the container journey carries, in its `meta`, what the
 * corridor needs to run it: where it happens, its label, the milestone reached on entry, the
 * ordered steps (served work at a station, travel, waits, the gate), which drawn number each
 * step uses, and the event that completes it. The driver, the draw layout, the stepper's
 * places and the report's milestones all read this table, so a new stage is one state.
 *
 * ```
 *  state: documentCheck
 *  meta:  place Sost · label "docs" · milestone assessed
 *         steps  serve(GD officers, draw documentCheck) → workingWait(draw documentCheckWait)
 *         done   DOCS_CHECKED
 * ```
 */
export const PLACES = ['Kashgar', 'Tashkurgan', 'Khunjerab', 'Sost Dry Port'] as const;
export type Place = (typeof PLACES)[number];

/** A dotted path into the scenario's parameters, e.g. "sost.examination". */
export type ParamPath = string;

/** A condition at Sost a station or a completion needs (see SostConditions). */
export type Condition = 'webocUp' | 'scannerWorking' | 'warmEnoughToExamine';

/** The calendar that opens and closes a station or counts a working-time wait. */
export type CalendarName = 'china' | 'pakistan' | 'banks';

/** A service station: a pool of servers open on a calendar while its conditions hold. */
export interface StationSpec {
  readonly id: string;
  readonly name: string;
  /** Path to the number of servers. */
  readonly servers: ParamPath;
  readonly calendar: CalendarName;
  readonly requires?: readonly Condition[];
}

/**
 * One number drawn for each container at arrival. `slot` fixes its place in the container's
 * draw sequence: a new draw takes the next slot, so adding a stage never shifts the numbers
 * existing stages use and streams stay in step across scenarios.
 */
export interface DrawSpec {
  readonly name: string;
  readonly slot: number;
  /** A path to a distribution in the parameters, or "uniform" for a U(0,1) number. */
  readonly from: ParamPath | 'uniform';
}

/** Productivity read at each (re)start of served work. */
export type Pace = 'examination';

export type Step =
  | { readonly kind: 'serve'; readonly station: StationSpec; readonly work: DrawSpec; readonly pace?: Pace; readonly label?: string }
  | { readonly kind: 'travel'; readonly leg: ParamPath }
  /**
   * A wait on elapsed time: nights and weekends count. `why` says why this wait runs on the
   * clock (an agent fetching papers works evenings; an officer does not). With `countedFrom`,
   * for containers whose context flag `when` is set, the wait runs from that earlier milestone
   * (a GD filed before the truck arrives) and ends no earlier than now.
   */
  | {
      readonly kind: 'elapsedWait';
      readonly hours: DrawSpec;
      readonly why: string;
      readonly countedFrom?: { readonly milestone: string; readonly when: ContextFlag };
      readonly label?: string;
    }
  /** A wait on a calendar's working time: only its open hours count. `why` says why. */
  | { readonly kind: 'workingWait'; readonly hours: DrawSpec; readonly calendar: CalendarName; readonly why: string; readonly label?: string }
  /** Wait to leave until the truck, driving `toBorder`, would reach the border inside both posts' common hours, with the road open. */
  | { readonly kind: 'depart'; readonly toBorder: ParamPath }
  /** Queue at the Khunjerab gate until the road and both posts let the truck through. */
  | { readonly kind: 'gate' }
  /** Drive over the pass to Sost; an incident may strike part-way (`incidentEvent`). */
  | {
      readonly kind: 'cross';
      readonly legs: readonly ParamPath[];
      readonly incidentChance: ParamPath;
      readonly incidentDraw: DrawSpec;
      readonly incidentAt: DrawSpec;
      readonly incidentEvent: string;
    };

export interface MilestoneSpec {
  readonly id: string;
  readonly label: string;
  /** Name of the TRS interval that ends at this milestone (none for the first). */
  readonly interval?: string;
}

export interface StageMeta {
  readonly place: Place;
  /** Short label for the corridor view. */
  readonly label: string;
  readonly milestone?: MilestoneSpec;
  readonly steps: readonly Step[];
  /** Event sent to the journey when the last step is over. */
  readonly done: string;
  /** The completion waits until this holds (e.g. a GD can only be filed while WeBOC is up). */
  readonly doneWhen?: Condition;
}

/** Meta of a final state: how the journey ended, and the milestone reached then, if any. */
export interface FinalMeta {
  readonly outcome: 'released' | 'lost';
  readonly milestone?: MilestoneSpec;
}

export interface Interval {
  readonly name: string;
  readonly from: MilestoneSpec;
  readonly to: MilestoneSpec;
  readonly fromIndex: number;
  readonly toIndex: number;
}

export interface StageTable {
  /** Leaf states in journey order, final states included. */
  readonly states: readonly string[];
  /** The final states, with how a journey that ends there ended. */
  readonly finals: ReadonlyMap<string, FinalMeta['outcome']>;
  readonly stages: ReadonlyMap<string, StageMeta>;
  readonly milestones: readonly MilestoneSpec[];
  readonly milestoneIndex: ReadonlyMap<string, number>;
  readonly intervals: readonly Interval[];
  /** Draws in slot order. */
  readonly draws: readonly DrawSpec[];
  /** Stations in order of first use. */
  readonly stations: readonly StationSpec[];
  readonly place: (state: string) => Place | undefined;
  readonly label: (state: string) => string;
}

const tables = new WeakMap<AnyStateMachine, StageTable>();

/** Reads (once per machine) the stage table a journey machine carries in its states' meta. */
export function readStageTable(machine: AnyStateMachine): StageTable {
  const cached = tables.get(machine);
  if (cached !== undefined) return cached;
  const table = buildTable(machine);
  tables.set(machine, table);
  return table;
}

/** The leaf name of a journey state value: "crossing" for { unassessed: 'crossing' }. */
export function leafState(value: unknown): string {
  let v = value;
  while (v !== null && typeof v === 'object') v = Object.values(v as Record<string, unknown>)[0];
  return String(v);
}

function buildTable(machine: AnyStateMachine): StageTable {
  const leaves: Array<[string, AnyStateNode]> = [];
  const walk = (node: AnyStateNode): void => {
    for (const [key, child] of Object.entries(node.states)) {
      if (Object.keys(child.states).length === 0) leaves.push([key, child]);
      else walk(child);
    }
  };
  walk(machine.root);

  const stages = new Map<string, StageMeta>();
  const finals = new Map<string, FinalMeta['outcome']>();
  const milestones: MilestoneSpec[] = [];
  const draws = new Map<string, DrawSpec>();
  const stations = new Map<string, StationSpec>();
  const addMilestone = (m: MilestoneSpec): void => {
    const known = milestones.find((x) => x.id === m.id);
    if (known === undefined) milestones.push(m);
    else if (known !== m && (known.label !== m.label || known.interval !== m.interval)) throw new Error(`milestone ${m.id} is defined twice, differently`);
  };
  const addDraw = (d: DrawSpec): void => {
    const known = draws.get(d.name);
    if (known !== undefined && (known.slot !== d.slot || known.from !== d.from)) throw new Error(`draw ${d.name} is defined twice, differently`);
    draws.set(d.name, d);
  };

  for (const [key, node] of leaves) {
    if (node.type === 'final') {
      const meta = node.meta as FinalMeta | undefined;
      finals.set(key, meta?.outcome ?? 'released');
      if (meta?.milestone !== undefined) addMilestone(meta.milestone);
      continue;
    }
    const meta = node.meta as StageMeta | undefined;
    if (meta === undefined || !Array.isArray(meta.steps)) throw new Error(`journey state ${key} has no stage meta`);
    if (stages.has(key)) throw new Error(`journey state name ${key} is used twice`);
    stages.set(key, meta);
    if (meta.milestone !== undefined) addMilestone(meta.milestone);
    for (const step of meta.steps) {
      if (step.kind === 'serve') {
        addDraw(step.work);
        if (!stations.has(step.station.id)) stations.set(step.station.id, step.station);
      } else if (step.kind === 'elapsedWait' || step.kind === 'workingWait') {
        addDraw(step.hours);
      } else if (step.kind === 'cross') {
        addDraw(step.incidentDraw);
        addDraw(step.incidentAt);
      }
    }
  }

  const slots = [...draws.values()].sort((a, b) => a.slot - b.slot);
  slots.forEach((d, i) => {
    const other = slots[i - 1];
    if (other !== undefined && other.slot === d.slot) throw new Error(`draws ${other.name} and ${d.name} both take slot ${d.slot}; a new draw takes the next free slot, ${Math.max(...slots.map((x) => x.slot)) + 1}`);
    if (d.slot !== i) throw new Error(`draw slots must run 0..${slots.length - 1} without gaps; ${d.name} has slot ${d.slot}`);
  });
  const milestoneIndex = new Map(milestones.map((m, i) => [m.id, i]));
  const intervals: Interval[] = [];
  milestones.forEach((m, i) => {
    if (i > 0) intervals.push({ name: m.interval ?? m.label, from: milestones[i - 1], to: m, fromIndex: i - 1, toIndex: i });
  });
  const placeOf = (state: string): Place | undefined => stages.get(state)?.place;
  return {
    states: leaves.map(([key]) => key),
    finals,
    stages,
    milestones,
    milestoneIndex,
    intervals,
    draws: slots,
    stations: [...stations.values()],
    place: placeOf,
    label: (state) => stages.get(state)?.label ?? state,
  };
}
