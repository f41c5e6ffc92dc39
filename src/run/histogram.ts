/**
 * A fixed log-binned histogram of non-negative values (hours): constant memory however many
 * containers pass, mergeable across replications, quantiles within one bin (≈1 % relative).
 *
 * ```
 *  bin 0: [0, 0.01h)   bins 1…: 0.01h × 1.01^k   (up to ~10^5 h)
 * ```
 */
const MIN = 0.01;
const GROWTH = 1.01;
const BINS = 1 + Math.ceil(Math.log(1e5 / MIN) / Math.log(GROWTH)) + 1;
const LOG_GROWTH = Math.log(GROWTH);

/**
 * A histogram as it crosses threads and is kept per replication: only its non-zero bins
 * (a few hundred of the 1,600), so that thousands of replication summaries stay small.
 */
export interface HistogramData {
  /** Indices of the non-zero bins, ascending. */
  readonly bins: number[];
  /** The count of each of those bins. */
  readonly counts: number[];
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

export class LogHistogram {
  // Allocated at the first value: a replication keeps a score of histograms, many of which
  // (a cargo type or a channel a scenario never sees) stay empty.
  private counts: Float64Array | undefined = undefined;
  /** The lowest and highest bins with a count: the loops below stay between them. */
  private first = BINS;
  private last = -1;
  private n = 0;
  private total = 0;
  private lo = Infinity;
  private hi = -Infinity;

  static from(data: HistogramData): LogHistogram {
    const h = new LogHistogram();
    h.merge(data);
    return h;
  }

  get count(): number {
    return this.n;
  }

  get mean(): number {
    return this.n > 0 ? this.total / this.n : NaN;
  }

  add(value: number): void {
    if (!(value >= 0) || value === Infinity) throw new RangeError(`histogram value must be finite and >= 0, got ${value}`);
    this.bump(binOf(value), 1);
    this.n++;
    this.total += value;
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
  }

  merge(other: HistogramData): void {
    other.bins.forEach((bin, i) => this.bump(bin, other.counts[i]));
    this.n += other.count;
    this.total += other.sum;
    this.lo = Math.min(this.lo, other.min);
    this.hi = Math.max(this.hi, other.max);
  }

  private bump(bin: number, count: number): void {
    this.counts ??= new Float64Array(BINS);
    this.counts[bin] += count;
    if (bin < this.first) this.first = bin;
    if (bin > this.last) this.last = bin;
  }

  /** The q-quantile (0 ≤ q ≤ 1), at the midpoint of its bin and within [min, max]; NaN when empty. */
  quantile(q: number): number {
    if (this.n === 0 || this.counts === undefined) return NaN;
    const rank = q * (this.n - 1);
    let seen = 0;
    for (let i = this.first; i <= this.last; i++) {
      seen += this.counts[i];
      if (seen > rank) return Math.min(this.hi, Math.max(this.lo, binMid(i)));
    }
    return this.hi;
  }

  /** Counts in `buckets` equal-width buckets from 0 to `upTo` (the last one open-ended). */
  buckets(upTo: number, buckets: number): number[] {
    const out = new Array<number>(buckets).fill(0);
    const counts = this.counts;
    if (counts === undefined) return out;
    for (let i = this.first; i <= this.last; i++) {
      if (counts[i] === 0) continue;
      const k = Math.min(buckets - 1, Math.floor((binMid(i) / upTo) * buckets));
      out[k] += counts[i];
    }
    return out;
  }

  toData(): HistogramData {
    const bins: number[] = [];
    const counts: number[] = [];
    const all = this.counts;
    if (all !== undefined) {
      for (let bin = this.first; bin <= this.last; bin++) {
        if (all[bin] === 0) continue;
        bins.push(bin);
        counts.push(all[bin]);
      }
    }
    return { bins, counts, count: this.n, sum: this.total, min: this.lo, max: this.hi };
  }
}

function binOf(value: number): number {
  if (value < MIN) return 0;
  return Math.min(BINS - 1, 1 + Math.floor(Math.log(value / MIN) / LOG_GROWTH));
}

function binMid(bin: number): number {
  if (bin === 0) return MIN / 2;
  const lower = MIN * Math.pow(GROWTH, bin - 1);
  return lower * Math.sqrt(GROWTH);
}
