import { Rng, hashString } from '../kernel/random.js';

/**
 * Morris elementary-effects screening (Morris 1991, with μ* from Campolongo et al. 2007).
 * Each factor moves on a grid of p levels across its range, scaled to [0, 1]:
 *
 *   p = 4:   0 ─── 1/3 ─── 2/3 ─── 1        Δ = p / (2(p − 1)) = 2/3
 *
 * A trajectory starts at a random grid point and moves one factor at a time by ±Δ, in a random
 * order, so k factors take k + 1 points. The step of factor i gives one elementary effect,
 *
 *   EE_i = (y(after) − y(before)) / (x_i(after) − x_i(before))     (x in [0, 1])
 *
 * i.e. the change of the output over the factor's whole range, were it linear. Over r
 * trajectories: μ (mean EE: the direction), μ* (mean |EE|: the importance) and σ (their
 * spread: curvature or interaction with other factors).
 *
 * Nothing here runs a simulation; `morrisDesign` gives the points, the caller measures the
 * output at each, and `morrisEffects` turns them into statistics.
 */
export interface MorrisFactor {
  readonly name: string;
  /**
   * `continuous`: any value between low and high. `integer`: rounded to whole numbers.
   * `ends`: only low or high (a boolean, a list): the lower half of [0, 1] is low, the upper high.
   */
  readonly kind: 'continuous' | 'integer' | 'ends';
  readonly low: number;
  readonly high: number;
}

export interface MorrisOptions {
  readonly trajectories: number;
  /** Grid levels p; even, at least 2. */
  readonly levels: number;
  readonly seed: number;
}

export interface MorrisTrajectory {
  /** k + 1 points, each one value per factor (for `ends` factors the value is `low` or `high`). */
  readonly points: ReadonlyArray<readonly number[]>;
  /** The factor moved on step j (from point j to point j + 1). */
  readonly moved: readonly number[];
}

export interface MorrisDesign {
  readonly factors: readonly MorrisFactor[];
  readonly levels: number;
  readonly delta: number;
  readonly trajectories: readonly MorrisTrajectory[];
}

export interface MorrisStatistics {
  readonly factor: string;
  /** Mean elementary effect: its sign says which way the factor pushes the output. */
  readonly mu: number;
  /** Mean absolute elementary effect: the factor's importance. */
  readonly muStar: number;
  /** Sample standard deviation of the elementary effects (0 with fewer than two). */
  readonly sigma: number;
  /** Elementary effects measured (steps whose output was a number and whose factor really moved). */
  readonly effects: number;
}

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/** The problem with `levels`, or undefined when it is usable. */
export function morrisLevelsProblem(levels: number): string | undefined {
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) return `the levels p must be an even whole number >= 2, got ${levels}`;
  return undefined;
}

/** The design: `options.trajectories` trajectories, drawn from the seed alone. */
export function morrisDesign(factors: readonly MorrisFactor[], options: MorrisOptions): MorrisDesign {
  const problem = morrisLevelsProblem(options.levels);
  if (problem !== undefined) throw new RangeError(problem);
  if (factors.length === 0) throw new RangeError('Morris screening needs at least one factor');
  const rng = new Rng([options.seed >>> 0, Math.floor(options.seed / 4294967296) >>> 0, hashString('morris')]);
  const p = options.levels;
  const delta = morrisDelta(p);
  const steps = p / 2; // base levels j/(p−1) for j < p/2 can move up by Δ; the others down
  const trajectories: MorrisTrajectory[] = [];
  for (let t = 0; t < options.trajectories; t++) {
    const unit = factors.map(() => randomInt(rng, p) / (p - 1));
    const moved = shuffled(rng, factors.map((_, i) => i));
    const points = [factors.map((f, i) => valueAt(f, unit[i]))];
    for (const i of moved) {
      unit[i] = unit[i] * (p - 1) < steps ? unit[i] + delta : unit[i] - delta;
      points.push(factors.map((f, j) => valueAt(f, unit[j])));
    }
    trajectories.push({ points, moved });
  }
  return { factors, levels: p, delta, trajectories };
}

/**
 * μ, μ* and σ of every factor, from `outputs[t][j]`: the output at point j of trajectory t.
 * Steps with an output that is not a finite number are left out (and not counted).
 */
export function morrisEffects(design: MorrisDesign, outputs: ReadonlyArray<readonly number[]>): MorrisStatistics[] {
  const effects: number[][] = design.factors.map(() => []);
  design.trajectories.forEach((trajectory, t) => {
    trajectory.moved.forEach((i, j) => {
      const factor = design.factors[i];
      const step = (trajectory.points[j + 1][i] - trajectory.points[j][i]) / (factor.high - factor.low);
      const change = outputs[t][j + 1] - outputs[t][j];
      if (step !== 0 && Number.isFinite(change)) effects[i].push(change / step);
    });
  });
  return design.factors.map((factor, i) => statisticsOf(factor.name, effects[i]));
}

/**
 * Screens `model` over the factors: the design, the model at every point, the statistics.
 *
 * @example
 * // y = 3a − 2b: μ*(a) = 3 × (range of a), σ = 0
 * screenMorris(
 *   [{ name: 'a', kind: 'continuous', low: 0, high: 1 }, { name: 'b', kind: 'continuous', low: 0, high: 1 }],
 *   { trajectories: 10, levels: 4, seed: 1 },
 *   ([a, b]) => 3 * a - 2 * b,
 * );
 */
export function screenMorris(
  factors: readonly MorrisFactor[],
  options: MorrisOptions,
  model: (values: readonly number[]) => number,
): MorrisStatistics[] {
  const design = morrisDesign(factors, options);
  return morrisEffects(design, design.trajectories.map((t) => t.points.map(model)));
}

function valueAt(factor: MorrisFactor, unit: number): number {
  if (factor.kind === 'ends') return unit < 0.5 ? factor.low : factor.high;
  const value = factor.low + unit * (factor.high - factor.low);
  return factor.kind === 'integer' ? Math.round(value) : value;
}

function statisticsOf(factor: string, effects: readonly number[]): MorrisStatistics {
  const n = effects.length;
  if (n === 0) return { factor, mu: 0, muStar: 0, sigma: 0, effects: 0 };
  const mu = effects.reduce((s, e) => s + e, 0) / n;
  const muStar = effects.reduce((s, e) => s + Math.abs(e), 0) / n;
  const sigma = n < 2 ? 0 : Math.sqrt(effects.reduce((s, e) => s + (e - mu) ** 2, 0) / (n - 1));
  return { factor, mu, muStar, sigma, effects: n };
}

function randomInt(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng.next() * n));
}

/** A Fisher–Yates shuffle of a copy. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
