/**
 * A count that changes in steps — containers inside, trucks waiting — followed exactly over
 * time, not sampled. Each stretch at a constant level adds its length to the time-average of a
 * window and to the bin (a day) it lies in:
 *
 * ```
 *  level
 *    9 ┤                  ┌──┐
 *    5 ┤         ┌────────┘  │
 *    0 ┼─────────┘           └─────    bin 0: 10 h at 0, 12 h at 5, 2 h at 9
 *      └─────────┬───────────┬────      mean 3.25, p90 5 (9 is exceeded on 2 h ≤ 10 %), max 9
 *      0        10          22  24 h
 * ```
 *
 * The window (from `windowStart` on) gives the time-average and the peak since then; the bins
 * give, for each `binHours`-long bin from time 0, the time-weighted mean, the p90 (the lowest
 * level the count was at or below for at least 90 % of the bin's time, so exceeded at most 10 %
 * of it) and the max. The max and the peak count every level the count took at an instant,
 * including a level held for no time between two changes at the same instant.
 *
 * @example
 * const waiting = new LevelSeries({ windowStart: 0, binHours: 24, bins: 2 });
 * waiting.set(10, 5);
 * waiting.set(22, 9);
 * waiting.set(24, 9);
 * waiting.bins(48)[0]; // { mean: 3.25, p90: 5, max: 9 }
 */
export interface BinLevels {
  /** Time-weighted mean level over the bin. */
  readonly mean: number;
  /** The level exceeded at most 10 % of the bin's time (time-weighted 90th percentile). */
  readonly p90: number;
  /** The highest level in the bin. */
  readonly max: number;
}

export interface LevelSeriesOptions {
  /** The time-average and the peak count from here on (the end of a warm-up). */
  readonly windowStart: number;
  /** Length of a bin; bin k is [k·binHours, (k+1)·binHours). */
  readonly binHours: number;
  /** Bins kept; time past the last bin adds to the window only. */
  readonly bins: number;
}

/** The p90 is the smallest level reaching 90 % of the time, up to rounding of the sums. */
const P90 = 0.9;
const ROUNDING = 1e-12;

export class LevelSeries {
  private n = 0;
  private since = 0;
  private area = 0;
  private peakSinceWindow = -Infinity;
  private readonly closed: BinLevels[] = [];
  private bin = 0;
  private binArea = 0;
  private binMax: number;
  /** Time spent at each level in the open bin. */
  private binTime = new Map<number, number>();

  constructor(private readonly options: LevelSeriesOptions) {
    this.binMax = this.n;
  }

  get level(): number {
    return this.n;
  }

  add(now: number, delta: number): void {
    this.set(now, this.n + delta);
  }

  set(now: number, level: number): void {
    this.advance(now);
    this.n = level;
    this.note(now, level);
  }

  /** Time-average level over [windowStart, now]; 0 before the window has any length. */
  mean(now: number): number {
    this.advance(now);
    const { windowStart } = this.options;
    return now > windowStart ? this.area / (now - windowStart) : 0;
  }

  /** The highest level since the window started; 0 before it starts. */
  peak(now: number): number {
    this.advance(now);
    return Number.isFinite(this.peakSinceWindow) ? this.peakSinceWindow : 0;
  }

  /**
   * Every bin's levels up to `now`: a bin `now` is inside covers its elapsed part; bins `now`
   * has not reached are zeros.
   */
  bins(now: number): BinLevels[] {
    this.advance(now);
    const out = [...this.closed];
    if (this.bin < this.options.bins) {
      const elapsed = now - this.bin * this.options.binHours;
      out.push(levelsOf(this.binTime, this.binArea, elapsed, this.binMax));
    }
    while (out.length < this.options.bins) out.push({ mean: 0, p90: 0, max: 0 });
    return out;
  }

  /** Adds the stretch at the current level from `since` to `now` to the window and the bins. */
  private advance(now: number): void {
    const start = Math.max(this.since, this.options.windowStart);
    if (now > start) this.area += this.n * (now - start);
    this.fillBins(now);
    this.note(now, this.n);
    this.since = now;
  }

  private fillBins(now: number): void {
    const { binHours, bins } = this.options;
    let t = this.since;
    while (this.bin < bins && t < now) {
      const end = (this.bin + 1) * binHours;
      const to = Math.min(now, end);
      this.binArea += this.n * (to - t);
      this.binTime.set(this.n, (this.binTime.get(this.n) ?? 0) + (to - t));
      t = to;
      if (to === end) this.closeBin();
    }
  }

  private closeBin(): void {
    this.closed.push(levelsOf(this.binTime, this.binArea, this.options.binHours, this.binMax));
    this.bin++;
    this.binArea = 0;
    this.binTime = new Map();
    this.binMax = this.n;
  }

  /** The count is at `level` at instant `now`: the peak and the bin's max see it. */
  private note(now: number, level: number): void {
    if (now >= this.options.windowStart && level > this.peakSinceWindow) this.peakSinceWindow = level;
    if (level > this.binMax) this.binMax = level;
  }
}

function levelsOf(timeAt: ReadonlyMap<number, number>, area: number, length: number, max: number): BinLevels {
  if (!(length > 0)) return { mean: 0, p90: 0, max: 0 };
  const levels = [...timeAt.keys()].sort((a, b) => a - b);
  const needed = P90 * length * (1 - ROUNDING);
  let below = 0;
  let p90 = levels.length > 0 ? levels[levels.length - 1] : 0;
  for (const level of levels) {
    below += timeAt.get(level) ?? 0;
    if (below >= needed) {
      p90 = level;
      break;
    }
  }
  return { mean: area / length, p90, max };
}
