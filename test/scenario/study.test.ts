import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { METRIC_NAMES } from '../../src/run/index.js';
import { formatScenarioError, levelOverride, loadScenario, loadStudy, parseFactor } from '../../src/scenario/index.js';

const dir = mkdtempSync(join(tmpdir(), 'khunjerab-study-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function study(name: string, lines: readonly string[]) {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, result: loadStudy(file, { metricNames: METRIC_NAMES }) };
}

function errorsOf(result: ReturnType<typeof loadStudy>): string[] {
  return result.ok ? [] : result.errors.map(formatScenarioError);
}

describe('study files', () => {
  test('a valid study resolves its scenario next to itself and keeps each factor with its levels and where it was written', () => {
    const { file, result } = study('ok.yaml', [
      'scenario: ../scenarios/winter-2025.yaml',
      'replications: 5',
      'factors:',
      '  - { label: Heating at Sost, path: heating.sostHeated, low: false, high: true }',
      '  - path: calendars.pakistan.workingDays',
      '    low: [1, 2, 3, 4, 5]',
      '    high: [1, 2, 3, 4, 5, 6]',
    ]);
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.study.scenario).toBe(join(dir, '../scenarios/winter-2025.yaml'));
    expect(result.study.replications).toBe(5);
    expect(result.study.factors.map((f) => [f.label, f.low.value, f.high.value])).toEqual([
      ['Heating at Sost', false, true],
      ['calendars.pakistan.workingDays', [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]],
    ]);
    expect(result.study.factors[1].where).toBe(`${file}:5:5`);
  });

  test('every error is reported at once with its file, line and column', () => {
    const { file, result } = study('bad.yaml', [
      'scenario: ../scenarios/winter-2025.yaml',
      'method: sobol',
      'metrics: [timeRelease.mean, nope]',
      'factors:',
      '  - path: sost.examBays',
      '    low: 2',
      '  - { path: sost.gdOfficers, low: 13, high: 16, colour: red }',
    ]);
    expect(errorsOf(result)).toEqual([
      `${file}:2:9 method: expected "oat" or "morris", got "sobol"`,
      `${file}:3:29 metrics[1]: unknown metric "nope"; one of ${METRIC_NAMES.join(', ')}`,
      `${file}:5:5 factors[0].high: missing; expected a level such as 4, true or [1, 2, 3]`,
      `${file}:7:49 factors[1].colour: unknown key "colour"`,
    ]);
  });

  test('a factor whose two levels are the same is an error at the factor', () => {
    const { file, result } = study('same.yaml', ['scenario: x.yaml', 'factors:', '  - { path: sost.examBays, low: 4, high: 4 }']);
    expect(errorsOf(result)).toEqual([`${file}:3:5 factors[0]: sost.examBays: LOW and HIGH are the same (4); a factor must move`]);
  });

  test('a study without factors or scenario says what is missing', () => {
    const { file, result } = study('empty.yaml', ['method: oat']);
    expect(errorsOf(result)).toEqual([
      `${file}:1:1 scenario: missing; expected the path of a scenario file, relative to the study`,
      `${file}:1:1 factors: missing; expected a list of factors {path, label, low, high}`,
    ]);
  });
});

describe('--factor PATH=LOW..HIGH', () => {
  test('numbers, booleans and lists keep their type; decimals and negatives read as numbers', () => {
    const levels = ['sost.examBays=2..4', 'heating.sostHeated=false..true', 'outages.weboc.perDay=0.1..0.03', 'weather.months.jan.sostTempC.mean=-8..-2', 'calendars.pakistan.workingDays=[1,2]..[1,2,6]'].map((text) => {
      const parsed = parseFactor(text);
      return parsed.ok ? [parsed.factor.path, parsed.factor.low.value, parsed.factor.high.value] : parsed.message;
    });
    expect(levels).toEqual([
      ['sost.examBays', 2, 4],
      ['heating.sostHeated', false, true],
      ['outages.weboc.perDay', 0.1, 0.03],
      ['weather.months.jan.sostTempC.mean', -8, -2],
      ['calendars.pakistan.workingDays', [1, 2], [1, 2, 6]],
    ]);
  });

  test.each([
    ['sost.examBays', /no "="/],
    ['sost.examBays=2', /no "\.\." between the levels/],
    ['sost.examBays=..4', /no LOW level/],
    ['sost.examBays=2..', /no HIGH level/],
    ['sost.examBays=1...4', /more than one "\.\."/],
    ['sost..examBays=2..4', /expected a path of keys/],
  ])('%s is refused: %s', (text, message) => {
    const parsed = parseFactor(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('the bundled study', () => {
  test('studies/winter-investment.yaml loads, and the scenario accepts every level of every factor', () => {
    const result = loadStudy('studies/winter-investment.yaml', { metricNames: METRIC_NAMES });
    expect(errorsOf(result)).toEqual([]);
    if (!result.ok) return;
    expect(result.study.factors.length).toBeGreaterThanOrEqual(7);
    for (const factor of result.study.factors) {
      for (const level of [factor.low, factor.high]) {
        const loaded = loadScenario(result.study.scenario, [levelOverride(factor, level)]);
        expect(loaded.ok ? [] : loaded.errors.map(formatScenarioError), `${factor.label} at ${level.text}`).toEqual([]);
      }
    }
  });

  test('each LOW is what winter-2025 has today, as the study says, except heating, which winter-2025 already has at HIGH', () => {
    const result = loadStudy('studies/winter-investment.yaml', { metricNames: METRIC_NAMES });
    if (!result.ok) throw new Error('the study does not load');
    const own = loadScenario(result.study.scenario, []);
    if (!own.ok) throw new Error('the scenario does not load');
    for (const factor of result.study.factors) {
      const value = factor.path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], own.scenario);
      const today = factor.path === 'heating.sostHeated' ? factor.high.value : factor.low.value;
      expect(value, factor.label).toEqual(today);
    }
  });
});
