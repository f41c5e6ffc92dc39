/**
 * The backlog: at the end of each day, the containers inside the corridor that entered at
 * Kashgar more than `ageHours` before (older than the age at midnight PKT ending the day, before
 * anything that happens at that midnight).
 *
 * Containers enter in time order, so their entry times form a queue. A cursor walks it as the
 * cutoff (day end − age) moves on: entries behind the cursor are old. A container leaving while
 * behind the cursor leaves the old count; one leaving ahead of it is remembered so the cursor
 * skips it. Exact, and each container is passed once.
 *
 * ```
 *  entry times  [ 3 ][ 9 ][ 14 ][ 20 ][ 31 ][ 40 ]      cutoff at day end 1: 48 − 24 = 24
 *               └─ old (still inside) ─┘ └ young ┘
 * ```
 */
export class Backlog {
  /** Entry times of containers not yet passed by the cursor (and some passed, until compacted). */
  private entries: number[] = [];
  private cursor = 0;
  private old = 0;
  /** Entry times (with multiplicity) of containers that left while still younger than the cutoff. */
  private readonly leftYoung = new Map<number, number>();
  private cutoff = -Infinity;
  private day = 0;
  private readonly counts: number[];

  constructor(
    private readonly ageHours: number,
    days: number,
  ) {
    this.counts = new Array<number>(days).fill(0);
  }

  /** A container entered at Kashgar at `now`. */
  entered(now: number): void {
    this.advance(now);
    this.entries.push(now);
  }

  /** A container that entered at `enteredAt` left the corridor at `now`. */
  left(now: number, enteredAt: number): void {
    this.advance(now);
    if (enteredAt < this.cutoff) this.old--;
    else this.leftYoung.set(enteredAt, (this.leftYoung.get(enteredAt) ?? 0) + 1);
  }

  /** The backlog at the end of each day up to `now`; 0 for days not yet over. */
  atEndOfDay(now: number): number[] {
    this.advance(now);
    return [...this.counts];
  }

  /** Records every day that ended by `now`, before what happens at `now`. */
  private advance(now: number): void {
    while (this.day < this.counts.length && (this.day + 1) * 24 <= now) {
      this.moveCutoff((this.day + 1) * 24 - this.ageHours);
      this.counts[this.day] = this.old;
      this.day++;
    }
  }

  private moveCutoff(cutoff: number): void {
    this.cutoff = cutoff;
    const { entries } = this;
    while (this.cursor < entries.length && entries[this.cursor] < cutoff) {
      const at = entries[this.cursor++];
      const gone = this.leftYoung.get(at);
      if (gone === undefined) this.old++;
      else if (gone > 1) this.leftYoung.set(at, gone - 1);
      else this.leftYoung.delete(at);
    }
    if (this.cursor > 1024 && this.cursor * 2 > entries.length) {
      this.entries = entries.slice(this.cursor);
      this.cursor = 0;
    }
  }
}
