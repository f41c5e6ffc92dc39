import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadScenario, loadScenarioText, scenarioSchema } from '../../src/scenario/index.js';
import { bundledPath, errorAt, expectOk, labelInScenarios } from './helpers.js';

/** Loads `lines` as a file that extends base.yaml. */
function child(...lines: string[]) {
  return loadScenarioText(['extends: base.yaml', ...lines, ''].join('\n'), labelInScenarios('child.yaml'));
}

describe('input conveniences become the params shape', () => {
  test('a bare number for a distribution is a constant', () => {
    expect(expectOk(child('sost:', '  release: 0.5')).sost.release).toEqual({ type: 'constant', value: 0.5 });
  });

  test('a lognormal may be given as median and p90 or as mu and sigma', () => {
    const s = expectOk(child('sost:', '  release: {type: lognormal, mu: 0.1, sigma: 0.4}'));
    expect(s.sost.release).toEqual({ type: 'lognormal', mu: 0.1, sigma: 0.4 });
    expect(errorAt(child('sost:', '  release: {type: lognormal, median: 1, p90: 2, mu: 0}'), 'sost.release').message).toBe(
      'give either median and p90, or mu and sigma, not both',
    );
    expect(errorAt(child('sost:', '  release: {type: lognormal, median: 2, p90: 1}'), 'sost.release.p90').message).toBe(
      'p90 (1) must be above the median (2)',
    );
  });

  test('distribution parameters are checked per type', () => {
    const message = (value: string, path: string) => errorAt(child('sost:', `  release: ${value}`), `sost.release${path}`).message;
    expect(message('{type: uniform, min: 3, max: 1}', '.max')).toBe('max (1) is less than min (3)');
    expect(message('{type: triangular, min: 1, mode: 0.5, max: 2}', '.mode')).toBe('mode (0.5) is less than min (1)');
    expect(message('{type: exponential, mean: 0}', '.mean')).toBe('expected a mean > 0 hours, got 0');
    expect(message('{type: normal, mean: 1, sd: -1}', '.sd')).toBe('expected a number of hours from 0 to 1,000,000, got -1');
    expect(message('{type: empirical, values: []}', '.values')).toBe('expected at least one value');
    expect(message('{type: empirical, values: [1, 2], weights: [1]}', '.weights')).toBe('expected 2 weights (one per value), got 1');
    expect(message('{type: empirical, values: [1], weights: [-1]}', '.weights[0]')).toBe('expected a weight from 0 to 10^12 (only the ratios matter), got -1');
    expect(message('-1', '')).toBe('expected a number of hours from 0 to 1,000,000, got -1');
    expect(message('{type: constant, value: -1}', '.value')).toBe('expected a number of hours from 0 to 1,000,000, got -1');
  });

  test('an empirical distribution keeps its weights', () => {
    const s = expectOk(child('sost:', '  release: {type: empirical, values: [1, 2], weights: [3, 1]}'));
    expect(s.sost.release).toEqual({ type: 'empirical', values: [1, 2], weights: [3, 1] });
  });

  test('monthly values are read as an array, January first, and need all twelve months', () => {
    const s = expectOk(loadScenario(bundledPath('base.yaml')));
    expect(s.arrivals.vehiclesPerDayByMonth).toEqual([15, 15, 15, 30, 45, 55, 55, 55, 50, 40, 25, 15]);
    expect(s.weather.months[0].passTempC.mean).toBe(-18);
    expect(s.weather.months[11].sostTempC.mean).toBe(-5);
    const result = loadScenarioText(
      expectText(bundledPath('base.yaml')).replace(/^ {4}dec: 15 .*$/m, '    december: 15'),
      labelInScenarios('months.yaml'),
    );
    expect(errorAt(result, 'arrivals.vehiclesPerDayByMonth.dec').message).toBe('missing; expected a number of vehicles per day from 0 to 10,000');
    expect(errorAt(result, 'arrivals.vehiclesPerDayByMonth.december').message).toBe('unknown key "december"');
  });

  test('the horizon may be given as days instead of end, but not both', () => {
    expect(expectOk(child('start: 2025-03-01', 'days: 10')).days).toBe(10);
    expect(expectOk(child('start: 2024-02-01', 'end: 2024-03-01')).days).toBe(30); // leap year
    const both = loadScenarioText('extends: base.yaml\nstart: 2025-03-01\ndays: 10\nend: 2025-03-10\n', labelInScenarios('both.yaml'));
    expect(errorAt(both, 'end').message).toBe('give either days or end, not both');
    expect(errorAt(child('start: 2025-01-01', 'days: 0'), 'days').message).toBe('expected a whole number of days from 1 to 3660, got 0');
    expect(errorAt(child('start: 2025-01-01', 'end: 2040-01-01'), 'end').message).toBe('start to end spans 5479 days; at most 3660 are allowed');
  });

  test('a child that gives days replaces the end it inherits, and the other way round', () => {
    const dir = labelInScenarios('x.yaml');
    expect(expectOk(loadScenarioText('extends: summer-2025.yaml\ndays: 5\nwarmupDays: 1\n', dir)).days).toBe(5);
  });

  test('warmupDays must be shorter than the horizon', () => {
    expect(errorAt(child('start: 2025-01-01', 'days: 7'), 'warmupDays').message).toBe(
      'warmupDays (7) must be less than the 7 days simulated',
    );
  });

  test('documented defaults fill in what a complete file leaves out', () => {
    const text = expectText(bundledPath('base.yaml'))
      .replace(/^warmupDays: .*\n/m, '')
      .replace(/^regime: .*\n/m, '')
      .replace(/^seasonalClosure:.*\n.*\n.*\n/m, '')
      .replace(/^ {2}scale: .*\n/m, '')
      .replace(/^(name|description): .*\n/gm, '');
    const s = expectOk(loadScenarioText(text, labelInScenarios('defaults.yaml')));
    expect(s.warmupDays).toBe(0);
    expect(s.regime).toBe('year-round');
    expect(s.seasonalClosure).toEqual({ from: '12-01', to: '03-31' });
    expect(s.arrivals.scale).toBe(1);
    expect(s.name).toBe('defaults');
    expect(s.description).toBeUndefined();
    expect(s.report).toEqual({ backlogAgeHours: 72 });
  });

  test("the report's backlog age is hours, and a child may set it", () => {
    expect(expectOk(child('report:', '  backlogAgeHours: 168')).report).toEqual({ backlogAgeHours: 168 });
    expect(expectOk(child('report: {}')).report).toEqual({ backlogAgeHours: 72 });
    expect(errorAt(child('report:', '  backlogAgeHours: -1'), 'report.backlogAgeHours').message).toContain('hours');
  });

  test('name and description are not inherited: a child without a name is named after its file', () => {
    const s = expectOk(loadScenarioText('extends: summer-2025.yaml\n', labelInScenarios('my-variant.yaml')));
    expect(s.name).toBe('my-variant');
    expect(s.description).toBeUndefined();
  });

  test('productivity points are sorted by temperature and may not repeat one', () => {
    const s = expectOk(child('heating:', '  productivityByTempC: [{tempC: 0, factor: 1}, {tempC: -10, factor: 0.5}]'));
    expect(s.heating.productivityByTempC).toEqual([{ tempC: -10, factor: 0.5 }, { tempC: 0, factor: 1 }]);
    const twice = child('heating:', '  productivityByTempC: [{tempC: 0, factor: 1}, {tempC: 0, factor: 0.5}]');
    expect(errorAt(twice, 'heating.productivityByTempC[1].tempC').message).toBe('0 °C is listed twice');
  });

  test('seasonal closure dates are month-days and the seed is a 32-bit unsigned integer', () => {
    expect(errorAt(child('seasonalClosure: {from: "02-30", to: "03-31"}'), 'seasonalClosure.from').message).toBe(
      'expected a month and day as "MM-DD", got "02-30"',
    );
    expect(expectOk(child('seasonalClosure: {from: "02-29", to: "03-31"}')).seasonalClosure.from).toBe('02-29');
    expect(errorAt(child('seed: 4294967296'), 'seed').message).toBe('expected an integer from 0 to 4294967295, got 4294967296');
  });

  test('a station may have no servers only when no container must pass it', () => {
    expect(expectOk(child('sost:', '  examBays: 0', '  scanShare: 1')).sost.examBays).toBe(0);
    expect(errorAt(child('sost:', '  examBays: 0'), 'sost.examBays').message).toBe(
      'is 0, but red-channel containers examined physically must pass here; they would wait for ever',
    );
    expect(errorAt(child('sost:', '  scanners: 0'), 'sost.scanners').message).toMatch(/would wait for ever/);
  });

  test('the clearance fleet needs at least one unit', () => {
    expect(errorAt(child('weather:', '  clearanceFleet: 0'), 'weather.clearanceFleet').message).toBe(
      'expected an integer >= 1, got 0',
    );
  });

  test('a distribution that names its type replaces the inherited one instead of merging into it', () => {
    const s = expectOk(child('sost:', '  documentCheck: {type: uniform, min: 1, max: 2}'));
    expect(s.sost.documentCheck).toEqual({ type: 'uniform', min: 1, max: 2 });
  });

  test('a distribution without a type adjusts the inherited one', () => {
    const s = expectOk(child('sost:', '  documentCheckWait: {median: 10}'));
    expect(s.sost.documentCheckWait).toEqual({ type: 'lognormal', median: 10, p90: 30 });
  });

  test('lists replace the inherited list rather than merging into it', () => {
    const s = expectOk(child('calendars:', '  china:', '    workingDays: [1, 2, 3, 4, 5, 6]'));
    expect(s.calendars.china.workingDays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.calendars.china.timeZone).toBe('Asia/Shanghai');
  });

  test('the schema alone parses a complete file to what the loader gives', () => {
    const parsed = scenarioSchema.safeParse(parse(expectText(bundledPath('base.yaml'))));
    expect(parsed.success && parsed.data).toEqual(expectOk(loadScenario(bundledPath('base.yaml'))));
  });
});

function expectText(path: string): string {
  return readFileSync(path, 'utf8');
}
