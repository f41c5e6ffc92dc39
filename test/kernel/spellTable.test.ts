import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpellTable, type Spell } from '../../src/kernel/spellTable.js';

/** Open on [10k, 10k + 4) for every k: spells of 4 open, 6 closed. */
function spellOf(t: number): Spell {
  const k = Math.floor(t / 10);
  const into = t - 10 * k;
  return into < 4 ? { open: true, end: 10 * k + 4 } : { open: false, end: 10 * (k + 1) };
}

describe('SpellTable', () => {
  it('answers every query in any order as the direct computation does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -80_000, max: 80_000 }).map((n) => n / 8), { minLength: 1, maxLength: 60 }), (queries) => {
        const table = new SpellTable(spellOf);
        for (const t of queries) {
          const direct = spellOf(t);
          expect(table.openAt(t)).toBe(direct.open);
          expect(table.end()).toBe(direct.end);
        }
      }),
    );
  });

  it('learns each spell once while queries move forward', () => {
    let computed = 0;
    const table = new SpellTable((t) => {
      computed++;
      return spellOf(t);
    });
    for (let t = 0; t < 1000; t += 0.5) table.openAt(t);
    expect(computed).toBe(200);
  });

  it('joins spells learnt before the table to it without learning the rest again', () => {
    let computed = 0;
    const table = new SpellTable((t) => {
      computed++;
      return spellOf(t);
    });
    table.openAt(500);
    table.openAt(700);
    const learnt = computed;
    table.openAt(450);
    expect(computed - learnt).toBe(10); // five open and five closed spells from 450 up to 500, where the table begins
    computed = 0;
    for (let t = 450; t < 700; t += 1) table.openAt(t);
    expect(computed).toBe(0);
  });

  it('starts again past a long gap, and still answers what came before it', () => {
    const table = new SpellTable(spellOf);
    for (const t of [3, 1e12 + 5, 12, 1e12 + 1, -1e12 + 2]) {
      expect(table.openAt(t)).toBe(spellOf(t).open);
      expect(table.end()).toBe(spellOf(t).end);
    }
  });

  it('never caches an answer for an instant that is no number', () => {
    const table = new SpellTable(spellOf);
    expect(table.openAt(2)).toBe(true);
    table.openAt(Number.NaN);
    expect(table.openAt(5)).toBe(false);
    expect(table.end()).toBe(10);
  });
});
