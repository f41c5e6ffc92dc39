import { WHAT_IF_NAMES, WHAT_IFS, whatIfFromMenu, type WhatIf } from '../run/index.js';

/** One line of the what-if menu, read from the what-if registry. `build` gets the number typed (if the kind asks for one) and the followed container. */
export interface WhatIfChoice {
  /** The menu line; `unavailable` says why there is no container to act on. */
  readonly label: (container: number | undefined, unavailable: string) => string;
  /** The question the menu asks first (e.g. the days of a closure), with its default answer. */
  readonly asks: { readonly question: string; readonly fallback: number } | undefined;
  /** Undefined when the choice cannot apply now (force red with no container followed). */
  readonly build: (input: { readonly answer: number | undefined; readonly container: number | undefined }) => WhatIf | undefined;
}

export const WHAT_IF_CHOICES: readonly WhatIfChoice[] = WHAT_IF_NAMES.map((name): WhatIfChoice => {
  const { label, menu } = WHAT_IFS[name];
  const defaults = menu.defaults as Readonly<Record<string, number>>;
  const question = (menu as { readonly asks?: { readonly param: string; readonly question: string } }).asks;
  const param = question?.param;
  const needsContainer = (menu as { readonly needsContainer?: boolean }).needsContainer === true;
  return {
    label: (container, unavailable) => {
      if (!needsContainer) return label;
      return container === undefined ? `${label} (${unavailable})` : `${label}: container ${container}`;
    },
    asks: question === undefined ? undefined : { question: question.question, fallback: defaults[question.param] },
    build: ({ answer, container }) => {
      if (needsContainer) return container === undefined ? undefined : whatIfFromMenu(name, { container });
      return whatIfFromMenu(name, param === undefined || answer === undefined ? {} : { [param]: answer });
    },
  };
});

/** Parses the typed number: blank means the default; otherwise a whole number from 1 to 365. */
export function parseMenuNumber(text: string, fallback: number): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return fallback;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= 1 && n <= 365 ? n : undefined;
}
