import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadScenario, loadScenarioText, type LoadResult } from '../../src/scenario/index.js';
import { BUNDLED, bundledPath, bundledText, labelInScenarios } from './helpers.js';

/**
 * Mutated bundled scenarios must never make the loader throw: every outcome is either a
 * scenario or a non-empty list of errors, each naming a file and saying what is wrong, with
 * a line whenever the error comes from a file's text.
 */
const TEXTS: ReadonlyMap<string, string> = new Map(BUNDLED.map((file) => [file, bundledText(file)]));

const WRONG_VALUES = [
  '"abc"', '1e308', '-1e308', '-5', '-0.5', 'NaN', '.nan', '"NaN"', '.inf', '-.inf', 'null', '~', '""', 'true',
  '[]', '{}', '[1, "two"]', '{type: gamma}', '{type: lognormal}', '2025-13-45', '"24:61"', '0x7fffffff',
  '9007199254740993', '&a [*a]', '!!binary aGVsbG8=', '__proto__', '"\\u0000"',
];

type Mutation = (text: string) => string;

const lineIndex = fc.nat();

/** A line of the text, chosen by a random index. */
function pick(lines: readonly string[], index: number): number {
  return index % lines.length;
}

const KEY_LINE = /^(\s*(?:- )?[\w"]+:)(.*)$/;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // delete a key (the line that holds it)
  lineIndex.map((i): Mutation => (text) => {
    const lines = text.split('\n');
    lines.splice(pick(lines, i), 1);
    return lines.join('\n');
  }),
  // replace a value by one of the wrong kind, or by a random string
  fc.tuple(lineIndex, fc.oneof(fc.constantFrom(...WRONG_VALUES), fc.string({ maxLength: 12 }))).map(
    ([i, value]): Mutation => (text) => {
      const lines = text.split('\n');
      const keyed = lines.map((line, n) => (KEY_LINE.test(line) ? n : -1)).filter((n) => n >= 0);
      if (keyed.length === 0) return text;
      const n = keyed[i % keyed.length];
      lines[n] = lines[n].replace(KEY_LINE, `$1 ${value}`);
      return lines.join('\n');
    },
  ),
  // negate or blow up a number
  fc.tuple(lineIndex, fc.constantFrom('-', '1e308', '-1e308', '0.000001')).map(([i, how]): Mutation => (text) => {
    const numbers = [...text.matchAll(/(?<=[:\s,[{])\d+(\.\d+)?(?=[\s,\]}])/g)];
    if (numbers.length === 0) return text;
    const m = numbers[i % numbers.length];
    const at = m.index ?? 0;
    const replacement = how === '-' ? `-${m[0]}` : how;
    return text.slice(0, at) + replacement + text.slice(at + m[0].length);
  }),
  // truncate at a random offset
  lineIndex.map((i): Mutation => (text) => text.slice(0, i % (text.length + 1))),
  // duplicate a key line
  lineIndex.map((i): Mutation => (text) => {
    const lines = text.split('\n');
    const n = pick(lines, i);
    lines.splice(n, 0, lines[n]);
    return lines.join('\n');
  }),
  // insert a stray character
  fc.tuple(lineIndex, fc.constantFrom('\t', ':', '{', ']', '"', "'", '#', '&', '*', '- ', '\n  ')).map(
    ([i, char]): Mutation => (text) => {
      const at = i % (text.length + 1);
      return text.slice(0, at) + char + text.slice(at);
    },
  ),
);

function expectWellFormed(result: LoadResult): void {
  if (result.ok) {
    expect(result.scenario.days).toBeGreaterThan(0);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.file).not.toBe('');
    expect(error.message).not.toBe('');
    expect(error.message).not.toMatch(/^internal error/);
    if (!error.file.startsWith('--set ')) {
      // Every error comes from a text here (no file is missing), so each has a position.
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.column).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('fuzzing the loader with mutated bundled scenarios', () => {
  test('a mutated scenario text loads or yields located errors, and never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUNDLED), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, mutations) => {
        const mutated = mutations.reduce((t, m) => m(t), TEXTS.get(file) ?? '');
        expectWellFormed(loadScenarioText(mutated, labelInScenarios(`fuzz-${file}`)));
      }),
      { numRuns: 200, seed: 20251201 },
    );
  });

  test('random --set overrides never throw and are reported against --set', () => {
    const path = fc.oneof(
      fc.constantFrom('sost.examBays', 'days', 'end', 'arrivals.cargoMix.food', 'sost.documentCheck', 'weather.months.jan', 'heating.productivityByTempC[0]', 'a.b.c', '', '.', '[0]'),
      fc.string({ maxLength: 10 }),
    );
    const value = fc.oneof(fc.constantFrom(...WRONG_VALUES, '3', '{type: exponential, mean: 3}', '2025-12-05'), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(path, value, fc.boolean()), { maxLength: 3 }), (sets) => {
        const overrides = sets.map(([p, v, withEquals]) => (withEquals ? `${p}=${v}` : p));
        const result = loadScenario(bundledPath('winter-2025.yaml'), overrides);
        expectWellFormed(result);
      }),
      { numRuns: 100, seed: 1985 },
    );
  });
});

describe('fuzzing through to a run', () => {
  test('a mutated scenario that loads also runs to its end with no NaN and conserved containers', async () => {
    const { Corridor } = await import('../../src/model/corridor/index.js');
    let ran = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BUNDLED), fc.array(mutation, { minLength: 1, maxLength: 2 }), fc.nat(1000), (file, mutations, seed) => {
        const mutated = mutations.reduce((t, m) => m(t), TEXTS.get(file) ?? '');
        const result = loadScenarioText(mutated, labelInScenarios(`fuzz-${file}`));
        expectWellFormed(result);
        if (!result.ok) return;
        // A short horizon keeps the property fast; the mutation still reaches every parameter.
        const days = Math.min(result.scenario.days, 6);
        const params = { ...result.scenario, days, warmupDays: Math.min(result.scenario.warmupDays, days - 1) };
        const totals = new Corridor(params, { seed }).run();
        ran++;
        expect(totals.arrivedTotal).toBe(totals.releasedTotal + totals.lostTotal + totals.inSystem);
        for (const r of totals.resources) expect(Number.isFinite(r.utilization)).toBe(true);
      }),
      { numRuns: 120, seed: 424242 },
    );
    expect(ran).toBeGreaterThan(10);
  });
});
