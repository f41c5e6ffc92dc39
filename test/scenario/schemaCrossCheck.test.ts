import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatScenarioError, loadScenarioText } from '../../src/scenario/index.js';
import { bundledText, labelInScenarios } from './helpers.js';
import { editorValidator } from './schemaEditor.js';

/**
 * `khunjerab schema` against the CLI, the way an editor would use it: a file the schema
 * rejects must never be one the CLI accepts; a file the schema accepts and the CLI rejects
 * is allowed only for the rules JSON Schema cannot say, each listed here with its reason.
 */
const JUSTIFIED: ReadonlyArray<readonly [RegExp, string]> = [
  [/sum to 1|sums to 1|add up to 1/, 'shares that must sum to 1 span several fields'],
  [/warmupDays .* must be less than|is before start|give either days or end|missing; give either days/, 'the horizon spans start, days, end and warmupDays'],
  [/is 0, but .* must pass here/, 'a station with no servers matters only if a share sends containers to it'],
  [/is less than (min|mode)|must be above the median/, 'ordered pairs inside a distribution (min ≤ mode ≤ max, median < p90)'],
  [/weights|expected \d+ weights/, 'one weight per value, not all 0'],
  [/take more than 1,000,000 hours/, 'a leg time is km divided by speed'],
  [/brings about .* containers/, 'the expected containers depend on demand, scale and horizon together'],
  [/listed twice/, 'weekdays must be distinct'],
  [/ends .* before it starts|before it starts/, 'a closure or a period runs from..to'],
  [/IANA time zone/, 'whether a zone exists is in the time-zone database, not in a pattern'],
  [/outside the horizon|after the horizon|before the start|falls outside/, 'a what-if instant must lie in the horizon'],
  [/file not found|extends/, 'extends names another file'],
  [/working hours must end after they start/, 'working hours are ordered periods'],
  [/°C is listed twice/, 'a productivity curve has one point per temperature'],
  [/spans \d+ days; at most/, 'the horizon from start to end is bounded in days'],
  [/expected a milestone of the journey/, 'milestones are the journey\'s stage table, which a model that extends the journey adds to'],
  [/a share band runs from 0 to 1/, 'a band\'s range depends on the row\'s unit'],
  [/is listed twice|is used twice|is claimed twice|no observed row|cannot conflict|report-only|does not come after|must lie within|measure is in|band's low end/, 'observed rows refer to each other, to milestones and to units by name'],
];

const VALUES: readonly unknown[] = [-1, 0, 0.5, 1, 2, 7, 1e9, -1e308, 'abc', '', true, null, [], {}, '2025-13-45', '2025-02-30', '24:61', '12-31', 'Not/AZone', 1.5, [1, 2], { type: 'constant', value: 3 }];

/** Every path to a leaf (and to each mapping and list) of a plain tree. */
function paths(value: unknown, at: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

function withValue(tree: unknown, path: ReadonlyArray<string | number>, value: unknown, remove: boolean): unknown {
  const copy: unknown = structuredClone(tree);
  if (path.length === 0) return copy;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return copy;
}

describe('the JSON Schema against the CLI', () => {
  const accepts = editorValidator();

  test.each(['base.yaml', 'winter-2025.yaml', 'summer-2025.yaml'])('mutations of %s: never rejected by the schema and accepted by the CLI; the other way only for a listed reason', (file) => {
    const original = parse(bundledText(file)) as Record<string, unknown>;
    const tree = original;
    const leaves = paths(tree).filter((p) => p.length > 0 && p[0] !== 'extends');
    const unjustified: string[] = [];
    const looser: string[] = [];
    fc.assert(
      fc.property(fc.nat(leaves.length - 1), fc.nat(VALUES.length - 1), fc.boolean(), (leaf, v, remove) => {
        const mutated = withValue(tree, leaves[leaf], VALUES[v], remove && v % 3 === 0);
        const label = `${leaves[leaf].join('.')}=${JSON.stringify(VALUES[v])}${remove && v % 3 === 0 ? ' (removed)' : ''}`;
        const loaded = loadScenarioText(stringify(mutated), labelInScenarios(`cross-${file}`));
        const schemaOk = accepts(mutated);
        if (loaded.ok && !schemaOk) looser.push(label);
        if (!loaded.ok && schemaOk) {
          for (const error of loaded.errors.map(formatScenarioError)) {
            if (!JUSTIFIED.some(([rule]) => rule.test(error))) unjustified.push(`${label}: ${error}`);
          }
        }
      }),
      { seed: 20251124, numRuns: 150 },
    );
    expect(looser, 'files the CLI accepts and the schema rejects').toEqual([]);
    expect(unjustified, 'files the schema accepts and the CLI rejects, for a reason not listed').toEqual([]);
  }, 60_000);
});
