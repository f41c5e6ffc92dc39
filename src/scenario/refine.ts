import type { z } from 'zod';

export type Issues = z.core.$RefinementCtx<unknown>;

/**
 * Reports a check over several fields. `path` is relative to the value the check is on;
 * `params.depth` records its length, so the loader knows which value was checked (and so
 * which `--set` overrides may have caused the problem).
 */
export function addIssue(ctx: Issues, path: readonly (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path: [...path], message, params: { depth: path.length } });
}
