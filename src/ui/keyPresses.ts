/** A key that moves the run; each press counts, however fast they come. */
export type MoveKey = ' ' | 'b' | 'm' | 'd';

const MOVE_KEYS: ReadonlySet<string> = new Set<MoveKey>([' ', 'b', 'm', 'd']);

/** One thing to do for a chunk of input: a move repeated `times`, or any other key once. */
export type Press = { readonly kind: 'move'; readonly key: MoveKey; readonly times: number } | { readonly kind: 'key'; readonly key: string };

/**
 * The presses in one chunk of terminal input. A held key, or keys typed while the stepper was
 * busy, arrive together ("bbbbb"); each character is a press, and a run of the same moving key
 * becomes one move repeated, so five b go back five steps in one replay.
 *
 * @example
 * pressesOf('bbb d'); // [{ move b ×3 }, { move ' ' ×1 }, { move d ×1 }]
 */
export function pressesOf(input: string): Press[] {
  let presses: Press[] = [];
  for (const char of input) presses = pressesAfter(presses, MOVE_KEYS.has(char) ? { kind: 'move', key: char as MoveKey, times: 1 } : { kind: 'key', key: char });
  return presses;
}

/** `presses` then `press`, a move of the same key as the last one joining it. */
export function pressesAfter(presses: readonly Press[], press: Press): Press[] {
  const last = presses.at(-1);
  if (press.kind === 'move' && last?.kind === 'move' && last.key === press.key) return [...presses.slice(0, -1), { ...last, times: last.times + press.times }];
  return [...presses, press];
}
