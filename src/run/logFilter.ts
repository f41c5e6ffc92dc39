import type { TransitionRecord } from '../model/corridor/index.js';

/**
 * The log lines a filter keeps: a number keeps one container's lines ("12" → container:12), any
 * other text the lines whose machine contains it ("road", "post", "what-if"). Blank keeps all.
 */
export function filterLog(log: readonly TransitionRecord[], filter: string): readonly TransitionRecord[] {
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return log;
  if (/^\d+$/.test(wanted)) {
    const machine = `container:${Number(wanted)}`;
    return log.filter((entry) => entry.machine === machine);
  }
  return log.filter((entry) => entry.machine.toLowerCase().includes(wanted));
}
