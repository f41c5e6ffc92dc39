import type { OutageKind } from './corridor/sostConditions.js';
import type { RoadClosureCause } from './passRoad.js';

/** What a what-if can act on: the corridor offers exactly these. */
export interface WhatIfTarget {
  /** Snow falls now: the road turns snowy, closes for a storm, then `snowfallCm` is cleared. */
  snowstorm(snowfallCm: number): void;
  closeRoad(cause: RoadClosureCause, stormHours: number, clearingWork: number): void;
  startOutage(kind: OutageKind, hours: number): void;
  /** False when the container is not in the corridor or its channel is already decided. */
  forceRed(container: number): boolean;
}

/** A what-if's parameters: numbers by name. Their bounds are the scenario schema's (scenario/whatIfSchema.ts). */
type WhatIfParams = Readonly<Record<string, number>>;

/**
 * One kind of what-if: what it does, how it reads in a log, and the stepper menu's defaults
 * (which also fix its parameters' names). The bounds of the parameters are checked where they
 * come in, the scenario's `whatIfs:` list or the menu, by the scenario schema: the model never
 * loads a validator.
 */
export interface WhatIfKind<P extends WhatIfParams> {
  readonly label: string;
  readonly menu: {
    readonly defaults: P;
    /** The one parameter the menu asks for, and how it asks. */
    readonly asks?: { readonly param: keyof P & string; readonly question: string };
    readonly needsContainer?: boolean;
  };
  apply(target: WhatIfTarget, params: P): boolean;
  describe(params: P): string;
}

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

function kind<P extends WhatIfParams>(k: WhatIfKind<P>): WhatIfKind<P> {
  return k;
}

function outage(label: string, name: string, which: OutageKind, defaultHours: number) {
  return kind({
    label: `${label} (${defaultHours} h)`,
    menu: { defaults: { hours: defaultHours } },
    apply: (target, { hours }) => {
      target.startOutage(which, hours);
      return true;
    },
    describe: ({ hours }) => `${name} (${hours} h)`,
  });
}

/** Every what-if, by the name a scenario file and the event log use. */
export const WHAT_IFS = {
  snowstorm: kind({
    label: 'Snowstorm on the pass now (40 cm)',
    menu: { defaults: { snowfallCm: 40 } },
    apply: (target, { snowfallCm }) => {
      target.snowstorm(snowfallCm);
      return true;
    },
    describe: ({ snowfallCm }) => `snowstorm (${snowfallCm} cm)`,
  }),
  closePass: kind({
    label: 'Close the pass for N days',
    menu: { defaults: { days: 3 }, asks: { param: 'days', question: 'Close the pass for how many days?' } },
    apply: (target, { days }) => {
      target.closeRoad('what-if', days * 24, 0);
      return true;
    },
    describe: ({ days }) => `pass closed for ${plural(days, 'day')}`,
  }),
  webocOutage: outage('WeBOC outage at Sost', 'WeBOC outage', 'weboc', 8),
  powerCut: outage('Power cut at Sost', 'power cut', 'power', 6),
  scannerBreakdown: outage('Scanner breakdown at Sost', 'scanner breakdown', 'scanner', 48),
  forceRed: kind({
    label: 'Force the followed container to red',
    menu: { defaults: { container: 1 }, needsContainer: true },
    apply: (target, { container }) => target.forceRed(container),
    describe: ({ container }) => `container ${container} forced to red`,
  }),
} as const;

export type WhatIfName = keyof typeof WHAT_IFS;
/** The parameters of what-if `K`, e.g. { days: number } for closePass. */
export type WhatIfParamsOf<K extends WhatIfName> = (typeof WHAT_IFS)[K] extends WhatIfKind<infer P> ? P : never;

/** A what-if with its parameters, e.g. { kind: 'closePass', days: 5 }. */
export type WhatIf = { [K in WhatIfName]: { readonly kind: K } & Readonly<WhatIfParamsOf<K>> }[WhatIfName];

export const WHAT_IF_NAMES = Object.keys(WHAT_IFS) as WhatIfName[];

type AnyKind = WhatIfKind<WhatIfParams>;

function entry(whatIf: WhatIf): { spec: AnyKind; params: WhatIfParams } {
  const { kind: name, ...params } = whatIf;
  return { spec: WHAT_IFS[name] as unknown as AnyKind, params };
}

/** Applies a what-if now; false when it cannot apply (and nothing changed). */
export function applyWhatIf(target: WhatIfTarget, whatIf: WhatIf): boolean {
  const { spec, params } = entry(whatIf);
  return spec.apply(target, params);
}

export function describeWhatIf(whatIf: WhatIf): string {
  const { spec, params } = entry(whatIf);
  return spec.describe(params);
}

/** A what-if from the menu's defaults, with `overrides` for what the menu asked. */
export function whatIfFromMenu(name: WhatIfName, overrides: Readonly<Record<string, number>> = {}): WhatIf {
  return { kind: name, ...WHAT_IFS[name].menu.defaults, ...overrides } as WhatIf;
}
