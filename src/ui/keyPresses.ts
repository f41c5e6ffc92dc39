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
  const presses: Press[] = [];
  for (const char of input) {
    const last = presses.at(-1);
    if (!MOVE_KEYS.has(char)) {
      presses.push({ kind: 'key', key: char });
    } else if (last?.kind === 'move' && last.key === char) {
      presses[presses.length - 1] = { ...last, times: last.times + 1 };
    } else {
      presses.push({ kind: 'move', key: char as MoveKey, times: 1 });
    }
  }
  return presses;
}
