import type { WhatIf } from '../run/index.js';

/** One line of the what-if menu. `build` gets the days typed for a closure and the followed container. */
export interface WhatIfChoice {
  readonly label: (container: number | undefined) => string;
  /** A closure asks how many days first. */
  readonly asksDays: boolean;
  /** Undefined when the choice cannot apply now (force red with no container followed). */
  readonly build: (input: { readonly days: number; readonly container: number | undefined }) => WhatIf | undefined;
}

export const DEFAULT_CLOSURE_DAYS = 3;

export const WHAT_IF_CHOICES: readonly WhatIfChoice[] = [
  {
    label: () => 'Snowstorm on the pass now (40 cm)',
    asksDays: false,
    build: () => ({ kind: 'snowstorm', snowfallCm: 40 }),
  },
  {
    label: () => 'Close the pass for N days',
    asksDays: true,
    build: ({ days }) => ({ kind: 'closePass', days }),
  },
  {
    label: () => 'WeBOC outage at Sost (8 h)',
    asksDays: false,
    build: () => ({ kind: 'webocOutage', hours: 8 }),
  },
  {
    label: () => 'Power cut at Sost (6 h)',
    asksDays: false,
    build: () => ({ kind: 'powerCut', hours: 6 }),
  },
  {
    label: () => 'Scanner breakdown at Sost (48 h)',
    asksDays: false,
    build: () => ({ kind: 'scannerBreakdown', hours: 48 }),
  },
  {
    label: (container) =>
      container === undefined ? 'Force the followed container to red (none in the corridor)' : `Force container ${container}'s channel to red`,
    asksDays: false,
    build: ({ container }) => (container === undefined ? undefined : { kind: 'forceRed', container }),
  },
];

/** Parses the typed number of closure days: blank means the default; otherwise a whole number from 1 to 365. */
export function parseClosureDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return DEFAULT_CLOSURE_DAYS;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days >= 1 && days <= 365 ? days : undefined;
}
