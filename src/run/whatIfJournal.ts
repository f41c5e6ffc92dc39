import { produce } from 'immer';
import type { WhatIf } from '../model/whatIfs.js';

/** A what-if the stepper injected, and the step it was injected at (applied right after that step). */
export interface JournalEntry {
  readonly atStep: number;
  readonly whatIf: WhatIf;
}

/**
 * Every what-if injected in the stepper, ordered by step (same-step entries in the order they
 * were injected). Going back never deletes an entry: one whose step is ahead of the run is
 * undone for now and is applied again when the run steps forward to it (a redo); `dropAfter`
 * forgets such entries. Immutable (immer), so a replay reads a journal that cannot change under it.
 */
export type WhatIfJournal = readonly JournalEntry[];

export const EMPTY_JOURNAL: WhatIfJournal = [];

/** The journal with `whatIf` injected at `atStep`, after any entry at the same step. */
export function journalWith(journal: WhatIfJournal, atStep: number, whatIf: WhatIf): WhatIfJournal {
  return produce(journal, (draft) => {
    let index = draft.length;
    while (index > 0 && draft[index - 1].atStep > atStep) index--;
    draft.splice(index, 0, { atStep, whatIf });
  });
}

/** Entries injected after `step`: undone while the run is at or before `step`. */
export function entriesAfter(journal: WhatIfJournal, step: number): WhatIfJournal {
  return journal.filter((entry) => entry.atStep > step);
}

/** Entries injected in the steps `from` < atStep ≤ `to`: what going back from `to` to `from` undoes. */
export function entriesBetween(journal: WhatIfJournal, from: number, to: number): WhatIfJournal {
  return journal.filter((entry) => entry.atStep > from && entry.atStep <= to);
}

/** The journal without the entries after `step`. */
export function journalUpTo(journal: WhatIfJournal, step: number): WhatIfJournal {
  return journal.filter((entry) => entry.atStep <= step);
}
