import { Rng } from '../kernel/index.js';

/**
 * The search behind `khunjerab capacity`, free of the corridor so that it can be checked on
 * a response whose root is known. Demand is a multiplier of the scenario's own demand. Each
 * probe runs the same replications (nested arrivals, common random numbers); the metric is
 * pooled over them. The limit holds at light traffic and fails once demand is high enough;
 * the capacity is the multiplier where it stops holding.
 *
 * ```
 *  light ─ 1× ─ 2× ─ 4× ─ … ─ ceiling      bracket: double from 1× until the limit fails
 *            lo ──── √(lo·hi) ──── hi      then halve the bracket on a log scale, `steps` times
 *                                  2·hi    saturation throughput, where demand far exceeds capacity
 * ```
 */
export interface SearchSettings {
  /** The light-traffic multiplier: the reference for limits relative to light traffic. */
  readonly light: number;
  /** The highest multiplier probed; arrivals are drawn at it and thinned (nesting). */
  readonly ceiling: number;
  /** Log-bisection steps once the root is bracketed. */
  readonly steps: number;
}

export interface LimitRule {
  /** The largest value allowed, given the value under light traffic. */
  allowed(reference: number): number;
  holds(value: number, allowed: number): boolean;
}

export interface Probe<R> {
  readonly multiplier: number;
  /** One per replication, in replication order. */
  readonly reps: readonly R[];
}

export type Censored = 'none' | 'belowLight' | 'aboveCeiling';

export interface Root {
  readonly multiplier: number;
  /** Whether the limit failed even at light traffic, or still held at the ceiling. */
  readonly censored: Censored;
}

/** A search in progress: it asks for the probes it needs next, one round at a time. */
export class CapacitySearch<R> {
  private readonly probes = new Map<number, Probe<R>>();
  private lo: number | undefined;
  private hi: number | undefined;
  private stepsLeft: number;
  private stopped = false;

  constructor(
    private readonly settings: SearchSettings,
    private readonly rule: LimitRule,
    private readonly value: (reps: readonly R[]) => number,
  ) {
    if (!(settings.light > 0 && settings.light < settings.ceiling)) throw new RangeError('need 0 < light < ceiling');
    this.stepsLeft = settings.steps;
  }

  /** The multipliers to run next; empty once the search is over and the saturation probe has run. */
  nextProbes(): number[] {
    const { light, ceiling } = this.settings;
    if (!this.probes.has(light)) return [light, Math.min(1, ceiling)].filter((m, i, all) => all.indexOf(m) === i && m >= light);
    if (!this.stopped) {
      const next = this.nextSearchProbe();
      if (next !== undefined) return [next];
    }
    const saturation = this.saturationMultiplier();
    return this.probes.has(saturation) ? [] : [saturation];
  }

  /**
   * Where saturation throughput is measured: twice the lowest demand found to fail the limit,
   * far enough past capacity for the bottleneck to run flat out, within the ceiling.
   */
  saturationMultiplier(): number {
    return this.hi === undefined ? this.settings.ceiling : Math.min(this.settings.ceiling, 2 * this.hi);
  }

  record(multiplier: number, reps: readonly R[]): void {
    this.probes.set(multiplier, { multiplier, reps });
  }

  /** Every probe run, by increasing demand. */
  allProbes(): Probe<R>[] {
    return [...this.probes.values()].sort((a, b) => a.multiplier - b.multiplier);
  }

  allowed(): number {
    return this.rule.allowed(this.value(this.need(this.settings.light).reps));
  }

  /** The root on all replications. */
  root(): Root {
    return rootOf(this.allProbes(), this.settings, this.rule, this.value);
  }

  private nextSearchProbe(): number | undefined {
    const { light, ceiling } = this.settings;
    const allowed = this.allowed();
    const holdsAt = (m: number): boolean => this.rule.holds(this.value(this.need(m).reps), allowed);
    if (this.lo === undefined) {
      if (!holdsAt(light)) return this.stop();
      this.lo = light;
    }
    // Bracketing: double from the highest demand that held until one fails.
    let lo: number = this.lo;
    while (this.hi === undefined) {
      const up: number = lo === light ? Math.min(1, ceiling) : Math.min(lo * 2, ceiling);
      if (!this.probes.has(up)) return up;
      if (holdsAt(up)) {
        if (up >= ceiling) return this.stop();
        this.lo = lo = up;
      } else {
        this.hi = up;
      }
    }
    const middle = Math.sqrt(lo * this.hi);
    if (this.probes.has(middle)) {
      if (holdsAt(middle)) this.lo = middle;
      else this.hi = middle;
      this.stepsLeft--;
    }
    if (this.stepsLeft <= 0) return this.stop();
    return Math.sqrt(this.lo * this.hi);
  }

  private stop(): undefined {
    this.stopped = true;
    return undefined;
  }

  private need(m: number): Probe<R> {
    const probe = this.probes.get(m);
    if (probe === undefined) throw new Error(`probe ${m} has not run`);
    return probe;
  }
}

/**
 * The root from a set of probes: between the lowest demand at which the limit fails and the
 * highest below it at which it holds, interpolated linearly in log demand on the metric's
 * distance to the limit (at the midpoint when the upper value is infinite).
 */
export function rootOf<R>(probes: readonly Probe<R>[], settings: SearchSettings, rule: LimitRule, value: (reps: readonly R[]) => number): Root {
  const sorted = [...probes].sort((a, b) => a.multiplier - b.multiplier);
  const lightProbe = sorted.find((p) => p.multiplier === settings.light);
  if (lightProbe === undefined) throw new Error('the light-traffic probe has not run');
  const allowed = rule.allowed(value(lightProbe.reps));
  const values = sorted.map((p) => value(p.reps));
  const failing = values.findIndex((v) => !rule.holds(v, allowed));
  if (failing === 0) return { multiplier: settings.light, censored: 'belowLight' };
  if (failing < 0) return { multiplier: sorted[sorted.length - 1].multiplier, censored: 'aboveCeiling' };
  const below = failing - 1;
  const [lo, hi] = [sorted[below].multiplier, sorted[failing].multiplier];
  const [vLo, vHi] = [values[below], values[failing]];
  const share = Number.isFinite(vHi) && vHi > vLo ? Math.min(1, Math.max(0, (allowed - vLo) / (vHi - vLo))) : 0.5;
  return { multiplier: Math.exp(Math.log(lo) + share * (Math.log(hi) - Math.log(lo))), censored: 'none' };
}

/**
 * A percentile bootstrap of the root: whole replications resampled with replacement, the
 * same draw for every probe (so the probes stay paired), the root found again each time.
 */
export function bootstrapRoot<R>(
  probes: readonly Probe<R>[],
  settings: SearchSettings,
  rule: LimitRule,
  value: (reps: readonly R[]) => number,
  resamples: number,
  seed: number,
): readonly [number, number] {
  const n = Math.min(...probes.map((p) => p.reps.length));
  if (n < 2 || resamples < 1) {
    const r = rootOf(probes, settings, rule, value).multiplier;
    return [r, r];
  }
  const rng = new Rng([seed, 0x0b007]);
  const roots: number[] = [];
  const pick = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) pick[i] = Math.floor(rng.next() * n);
    const resampled = probes.map((p) => ({ multiplier: p.multiplier, reps: pick.map((i) => p.reps[i]) }));
    roots.push(rootOf(resampled, settings, rule, value).multiplier);
  }
  roots.sort((a, b) => a - b);
  const at = (q: number): number => roots[Math.min(roots.length - 1, Math.max(0, Math.round(q * (roots.length - 1))))];
  return [at(0.025), at(0.975)];
}
