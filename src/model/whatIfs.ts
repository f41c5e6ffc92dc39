import { z } from 'zod';
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

/**
 * One kind of what-if: its parameters as a zod shape (validated wherever they come from: the
 * stepper's menu or a scenario's `whatIfs:` list), what it does, and how it reads in a log.
 * `menu` gives the stepper's defaults.
 */
export interface WhatIfKind<S extends z.ZodRawShape> {
  readonly label: string;
  readonly shape: S;
  readonly menu: {
    readonly defaults: ParamsOfShape<S>;
    /** The one parameter the menu asks for, and how it asks. */
    readonly asks?: { readonly param: keyof S & string; readonly question: string };
    readonly needsContainer?: boolean;
  };
  apply(target: WhatIfTarget, params: ParamsOfShape<S>): boolean;
  describe(params: ParamsOfShape<S>): string;
}

type ParamsOfShape<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

const hours = z.number().positive().max(24 * 365);
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

function kind<S extends z.ZodRawShape>(k: WhatIfKind<S>): WhatIfKind<S> {
  return k;
}

function outage(label: string, name: string, which: OutageKind, defaultHours: number) {
  return kind({
    label: `${label} (${defaultHours} h)`,
    shape: { hours },
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
    shape: { snowfallCm: z.number().positive().max(1000) },
    menu: { defaults: { snowfallCm: 40 } },
    apply: (target, { snowfallCm }) => {
      target.snowstorm(snowfallCm);
      return true;
    },
    describe: ({ snowfallCm }) => `snowstorm (${snowfallCm} cm)`,
  }),
  closePass: kind({
    label: 'Close the pass for N days',
    shape: { days: z.number().positive().max(365) },
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
    // Containers are numbered in order of arrival, so "the Nth arrival" means the same in every replication.
    shape: { container: z.number().int().positive() },
    menu: { defaults: { container: 1 }, needsContainer: true },
    apply: (target, { container }) => target.forceRed(container),
    describe: ({ container }) => `container ${container} forced to red`,
  }),
} as const;

export type WhatIfName = keyof typeof WHAT_IFS;
type ParamsOf<K extends WhatIfName> = (typeof WHAT_IFS)[K] extends WhatIfKind<infer S> ? ParamsOfShape<S> : never;

/** A what-if with its parameters, e.g. { kind: 'closePass', days: 5 }. */
export type WhatIf = { [K in WhatIfName]: { readonly kind: K } & Readonly<ParamsOf<K>> }[WhatIfName];

export const WHAT_IF_NAMES = Object.keys(WHAT_IFS) as WhatIfName[];

type AnyKind = WhatIfKind<z.ZodRawShape>;

function entry(whatIf: WhatIf): { spec: AnyKind; params: Record<string, unknown> } {
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
