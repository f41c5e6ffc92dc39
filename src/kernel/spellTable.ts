/**
 * A timeline that is either open or closed, learnt lazily as contiguous spells:
 *
 * ```
 *   bounds  b0        b1              b2        b3
 *           ├─ open ──┼──── closed ───┼─ open ──┤   (each spell from the first asked-about
 *                                                    instant of it to where its state changes)
 * ```
 *
 * `spellOf(from)` must give the state at `from` and where that spell ends, with the same end for
 * any instant of the same spell: then a spell learnt from inside answers exactly as one learnt
 * from its start. Queries come in any order (a report measures each container from its own
 * arrival), so the table grows at both ends, and starts again past a long gap.
 */
export interface Spell {
  readonly open: boolean;
  /** Where the spell ends; `Infinity` when it never does. */
  readonly end: number;
}

/** A gap wider than this (ms) starts a new table instead of learning every spell across it. */
const MAX_GAP_MS = 400 * 86_400_000;
const MAX_SPELLS = 100_000;

export class SpellTable {
  /** Spell i runs from bounds[i] to bounds[i + 1]. */
  private bounds: number[] = [];
  private opens: boolean[] = [];
  private last = 0;

  constructor(private readonly spellOf: (from: number) => Spell) {}

  /** Whether the timeline is open at `t`; `end()` then says where that spell ends. */
  openAt(t: number): boolean {
    let i = this.last;
    const bounds = this.bounds;
    if (!(i < this.opens.length && t >= bounds[i] && t < bounds[i + 1])) {
      i = this.locate(t);
      this.last = i;
    }
    return this.opens[i];
  }

  /** The end of the spell found by the last `openAt`. */
  end(): number {
    return this.bounds[this.last + 1];
  }

  private locate(t: number): number {
    const n = this.opens.length;
    // Never learnt from: an instant that is no number, or a table begun at one.
    if (n === 0 || !Number.isFinite(t) || !Number.isFinite(this.bounds[0]) || t < this.bounds[0] - MAX_GAP_MS || t > this.bounds[n] + MAX_GAP_MS || n > MAX_SPELLS) this.restartAt(t);
    else if (t < this.bounds[0]) this.learnBefore(t);
    else if (t >= this.bounds[n]) this.learnAfter(t);
    return this.search(t);
  }

  private restartAt(t: number): void {
    const spell = this.spellOf(t);
    this.bounds = [t, spell.end];
    this.opens = [spell.open];
  }

  private learnAfter(t: number): void {
    const { bounds, opens } = this;
    while (bounds[bounds.length - 1] <= t) {
      const spell = this.spellOf(bounds[bounds.length - 1]);
      bounds.push(spell.end);
      opens.push(spell.open);
    }
  }

  /** Learns from `t` up to the table's first spell; the spell that reaches it is the same spell, begun earlier. */
  private learnBefore(t: number): void {
    const first = this.bounds[0];
    const bounds: number[] = [t];
    const opens: boolean[] = [];
    for (;;) {
      const from = bounds[bounds.length - 1];
      const spell = this.spellOf(from);
      if (spell.end >= first) {
        if (spell.end === first) {
          bounds.push(first);
          opens.push(spell.open);
          this.bounds = bounds.concat(this.bounds.slice(1));
          this.opens = opens.concat(this.opens);
        } else if (spell.open === this.opens[0] && spell.end === this.bounds[1]) {
          this.bounds = bounds.concat(this.bounds.slice(1));
          this.opens = opens.concat(this.opens);
        } else {
          this.restartAt(t);
        }
        return;
      }
      bounds.push(spell.end);
      opens.push(spell.open);
    }
  }

  private search(t: number): number {
    const bounds = this.bounds;
    let lo = 0;
    let hi = this.opens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
