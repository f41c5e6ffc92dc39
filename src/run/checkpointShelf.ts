import type { SteppedRun } from './steppedRun.js';

/** Steps a run forward until `done` says so or `budget` steps are spent; returns the steps taken. */
export type Advance = (run: SteppedRun, done: (run: SteppedRun) => boolean, budget: number) => number;

/** Steps between checkpoints: `b` replays at most this many steps (compiled) from the one below. */
export const CHECKPOINT_INTERVAL = 1000;

/** Checkpoints kept at most; the ones farthest from where the stepper is go first. */
const MAX_CHECKPOINTS = 8;

/**
 * Compiled runs parked at every `interval`-th step near where the stepper is, to replay from.
 *
 * A corridor's state lives in closures on the kernel's queue, so a run cannot be copied: a
 * checkpoint is a whole run, and replaying from it uses it up. The shelf keeps the two
 * checkpoints at or below the stepper's step and rebuilds whichever is missing in idle time
 * (`work`), each from the nearest checkpoint it no longer needs or from a fresh run. So `b` costs at
 * most one interval of compiled steps, two for a second `b` before the first checkpoint is back.
 */
export class CheckpointShelf {
  private readonly runs = new Map<number, SteppedRun>();
  private builder: { readonly run: SteppedRun; readonly target: number } | undefined;

  constructor(
    private readonly fresh: () => SteppedRun,
    private readonly advance: Advance,
    readonly interval = CHECKPOINT_INTERVAL,
  ) {}

  /** Steps of the checkpoints on the shelf, lowest first. */
  get steps(): number[] {
    return [...this.runs.keys()].sort((a, b) => a - b);
  }

  /** Steps of the run `take` would give for `usable` (0 for a fresh run). */
  nearest(usable: (run: SteppedRun) => boolean): number {
    let best = 0;
    for (const [step, run] of this.runs) if (step > best && usable(run)) best = step;
    const building = this.builder?.run;
    return building !== undefined && building.steps > best && usable(building) ? building.steps : best;
  }

  /**
   * Takes the run nearest below a target (the one with most steps that `usable` accepts), off the
   * shelf: a checkpoint, the run being built, or a fresh run at step 0.
   */
  take(usable: (run: SteppedRun) => boolean): SteppedRun {
    let best: SteppedRun | undefined;
    let bestStep = -1;
    for (const [step, run] of this.runs) {
      if (step > bestStep && usable(run)) {
        best = run;
        bestStep = step;
      }
    }
    const building = this.builder?.run;
    if (building !== undefined && building.steps > bestStep && usable(building)) {
      this.builder = undefined;
      return building;
    }
    if (best === undefined) return this.fresh();
    this.runs.delete(bestStep);
    return best;
  }

  /** A what-if changed at `step`: runs at or past it replayed a different history. */
  invalidateFrom(step: number): void {
    for (const at of [...this.runs.keys()]) if (at >= step) this.runs.delete(at);
    if (this.builder !== undefined && this.builder.run.steps >= step) this.builder = undefined;
  }

  /**
   * Builds the checkpoints the stepper at `current` wants, at most `budget` steps at a time.
   * Returns true while there is more to build.
   */
  work(current: number, budget: number): boolean {
    const wanted = this.wanted(current);
    if (this.builder !== undefined && !wanted.includes(this.builder.target)) this.builder = undefined;
    if (this.builder === undefined) {
      const target = wanted.find((step) => !this.runs.has(step));
      if (target === undefined) return false;
      this.builder = { run: this.sourceFor(target, wanted), target };
    }
    const { run, target } = this.builder;
    this.advance(run, (r) => r.steps >= target, budget);
    if (run.steps >= target || run.corridor.done) {
      this.builder = undefined;
      this.runs.set(run.steps, run);
      this.prune(current);
    }
    return wanted.some((step) => !this.runs.has(step));
  }

  /** The checkpoint steps wanted at `current`: the two multiples of the interval below it (where `b` goes), above 0. */
  private wanted(current: number): number[] {
    const top = Math.floor((current - 1) / this.interval) * this.interval;
    return [top, top - this.interval].filter((step) => step > 0);
  }

  /** The nearest unwanted checkpoint below `target` (used up by building), or a fresh run. */
  private sourceFor(target: number, wanted: readonly number[]): SteppedRun {
    const spare = this.steps.filter((step) => step < target && !wanted.includes(step)).at(-1);
    if (spare === undefined) return this.fresh();
    const run = this.runs.get(spare);
    this.runs.delete(spare);
    return run ?? this.fresh();
  }

  private prune(current: number): void {
    const byDistance = this.steps.sort((a, b) => Math.abs(b - current) - Math.abs(a - current));
    for (const step of byDistance.slice(0, Math.max(0, byDistance.length - MAX_CHECKPOINTS))) this.runs.delete(step);
  }
}
