import { describe, expect, test } from 'vitest';
import { morrisDesign, morrisEffects, screenMorris, type MorrisFactor } from '../../src/run/morris.js';

const continuous = (name: string, low: number, high: number): MorrisFactor => ({ name, kind: 'continuous', low, high });
const options = { trajectories: 12, levels: 4, seed: 7 };

describe('Morris elementary effects', () => {
  test('a linear function has μ* = |coefficient × range|, μ with its sign, and σ = 0', () => {
    const factors = [continuous('a', 0, 1), continuous('b', 10, 20), continuous('c', -5, 5)];
    const stats = screenMorris(factors, options, ([a, b, c]) => 3 * a - 2 * b + 0 * c + 4);
    expect(stats.map((s) => s.factor)).toEqual(['a', 'b', 'c']);
    expect(stats[0].muStar).toBeCloseTo(3, 9);
    expect(stats[0].mu).toBeCloseTo(3, 9);
    expect(stats[1].muStar).toBeCloseTo(20, 9);
    expect(stats[1].mu).toBeCloseTo(-20, 9);
    expect(stats[2].muStar).toBeCloseTo(0, 9);
    for (const s of stats) {
      expect(s.sigma).toBeCloseTo(0, 9);
      expect(s.effects).toBe(options.trajectories);
    }
  });

  test('an interaction spreads the elementary effects: σ > 0 for the factors that interact, 0 for the one that does not', () => {
    const factors = [continuous('a', 0, 1), continuous('b', 0, 1), continuous('c', 0, 1)];
    const stats = screenMorris(factors, options, ([a, b, c]) => a * b + c);
    expect(stats[0].sigma).toBeGreaterThan(0.1);
    expect(stats[1].sigma).toBeGreaterThan(0.1);
    expect(stats[2].sigma).toBeCloseTo(0, 9);
    expect(stats[2].muStar).toBeCloseTo(1, 9);
    // EE of a is b, which is on the grid {0, 1/3, 2/3, 1}: between 0 and 1.
    expect(stats[0].muStar).toBeGreaterThan(0);
    expect(stats[0].muStar).toBeLessThanOrEqual(1);
  });

  test('a symmetric effect has μ near 0 but a large μ*: μ* catches what μ cancels', () => {
    const stats = screenMorris([continuous('x', -1, 1)], { trajectories: 40, levels: 4, seed: 3 }, ([x]) => x * x);
    expect(stats[0].muStar).toBeGreaterThan(Math.abs(stats[0].mu));
    expect(stats[0].muStar).toBeGreaterThan(0.5);
  });

  test('a two-level factor moves between its ends and its effect is the output at high minus at low', () => {
    const flag: MorrisFactor = { name: 'heated', kind: 'ends', low: 0, high: 1 };
    const design = morrisDesign([flag, continuous('x', 0, 1)], options);
    for (const t of design.trajectories) for (const p of t.points) expect([0, 1]).toContain(p[0]);
    const stats = screenMorris([flag, continuous('x', 0, 1)], options, ([h, x]) => (h === 1 ? -6 : 0) + x);
    expect(stats[0].mu).toBeCloseTo(-6, 9);
    expect(stats[0].sigma).toBeCloseTo(0, 9);
  });

  test('an integer factor takes whole values and its effect is still per whole range', () => {
    const bays: MorrisFactor = { name: 'bays', kind: 'integer', low: 8, high: 12 };
    const design = morrisDesign([bays], options);
    for (const t of design.trajectories) for (const p of t.points) expect(Number.isInteger(p[0])).toBe(true);
    const stats = screenMorris([bays], options, ([b]) => 2 * b);
    expect(stats[0].muStar).toBeCloseTo(8, 9);
  });

  test('each trajectory has k + 1 points on the grid and moves every factor once by ±Δ', () => {
    const factors = [continuous('a', 0, 1), continuous('b', 0, 1), continuous('c', 0, 1), continuous('d', 0, 1)];
    const design = morrisDesign(factors, { trajectories: 5, levels: 6, seed: 11 });
    expect(design.delta).toBeCloseTo(0.6, 12);
    for (const t of design.trajectories) {
      expect(t.points).toHaveLength(5);
      expect([...t.moved].sort()).toEqual([0, 1, 2, 3]);
      t.moved.forEach((i, j) => {
        expect(Math.abs(t.points[j + 1][i] - t.points[j][i])).toBeCloseTo(0.6, 12);
        for (const v of t.points[j]) expect(Math.abs(v * 5 - Math.round(v * 5))).toBeLessThan(1e-9);
      });
    }
  });

  test('the same seed gives the same design, another seed another one', () => {
    const factors = [continuous('a', 0, 1), continuous('b', 0, 1)];
    expect(morrisDesign(factors, options)).toEqual(morrisDesign(factors, options));
    expect(morrisDesign(factors, { ...options, seed: 8 })).not.toEqual(morrisDesign(factors, options));
  });

  test('outputs that are not numbers are left out of the effects, never turned into NaN', () => {
    const design = morrisDesign([continuous('a', 0, 1)], { trajectories: 3, levels: 4, seed: 1 });
    const outputs = design.trajectories.map((t, i) => t.points.map(([a]) => (i === 0 ? NaN : a)));
    const [stats] = morrisEffects(design, outputs);
    expect(stats.effects).toBe(2);
    expect(stats.muStar).toBeCloseTo(1, 9);
  });

  test('odd or too few levels are refused', () => {
    expect(() => morrisDesign([continuous('a', 0, 1)], { trajectories: 2, levels: 3, seed: 1 })).toThrow(/even/);
  });
});
