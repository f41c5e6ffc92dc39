import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildScenarioReport, runReplication } from '../../src/run/index.js';
import { formatScenarioError, loadScenario } from '../../src/scenario/index.js';
import { numbersIn } from '../cli/support.js';
import { bundledPath, bundledText } from '../scenario/helpers.js';

/**
 * Scenarios pushed to the edges the schema allows (0, tiny, the common upper bounds of
 * counts, rates, hours) either validate and then run — a short horizon, no throw, every
 * figure of the report finite (none null, none NaN) — or are refused with located errors.
 */
const EDGES: readonly number[] = [0, 1e-9, 0.001, 1, 1000, 10_000, 1_000_000];

function numericLeaves(value: unknown, at: readonly string[] = []): string[][] {
  if (typeof value === 'number') return [[...at]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numericLeaves(v, [...at, String(i)]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => numericLeaves(v, [...at, k]));
  return [];
}

describe('scenarios at the edges of the schema', () => {
  const leaves = ['base.yaml', 'winter-2025.yaml'].flatMap((file) => numericLeaves(parse(bundledText(file))).filter((p) => !['seed', 'days', 'warmupDays', 'drainDays'].includes(p[0])));

  test('validate and run a short horizon without a crash, or are refused with a place for every error', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(leaves.length - 1), fc.nat(EDGES.length - 1)), { minLength: 1, maxLength: 2 }), (picks) => {
        const sets = picks.map(([leaf, edge]) => `${leaves[leaf].join('.')}=${EDGES[edge]}`);
        const loaded = loadScenario(bundledPath('winter-2025.yaml'), [...sets, 'days=10', 'warmupDays=2', 'drainDays=5']);
        if (!loaded.ok) {
          for (const error of loaded.errors.map(formatScenarioError)) expect(error, sets.join(' ')).toMatch(/^(--set \S+|\S+\.yaml:\d+:\d+ \S+|\S+\.yaml)[: ]/);
          return;
        }
        // What users read: the report pooled from the run (an empty histogram's ±Infinity bounds stay internal).
        const report = buildScenarioReport(loaded.scenario, 3, [runReplication(loaded.scenario, 3, 0)]);
        const bad = numbersIn(JSON.parse(JSON.stringify(report))).filter((n) => typeof n.value !== 'number' || !Number.isFinite(n.value));
        expect(bad, sets.join(' ')).toEqual([]);
      }),
      { seed: 4693, numRuns: 120 },
    );
  }, 60_000);
});
