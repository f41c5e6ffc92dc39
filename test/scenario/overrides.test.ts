import { describe, expect, test } from 'vitest';
import { formatScenarioError, loadScenario, validateFiles } from '../../src/scenario/index.js';
import { bundledPath, errorAt, expectErrors, expectOk } from './helpers.js';

const winter = bundledPath('winter-2025.yaml');

describe('--set overrides', () => {
  test('a scalar override replaces the value and is listed among the sources', () => {
    const result = loadScenario(winter, ['sost.examBays=4', 'heating.sostHeated=false']);
    const s = expectOk(result);
    expect(s.sost.examBays).toBe(4);
    expect(s.heating.sostHeated).toBe(false);
    expect(result.ok && result.sources.slice(-2)).toEqual(['--set sost.examBays=4', '--set heating.sostHeated=false']);
  });

  test('a flow mapping replaces a whole distribution', () => {
    const s = expectOk(loadScenario(winter, ['sost.documentCheck={type: exponential, mean: 3}']));
    expect(s.sost.documentCheck).toEqual({ type: 'exponential', mean: 3 });
  });

  test('flow lists, list indices and nested keys can be set', () => {
    const s = expectOk(
      loadScenario(winter, [
        'calendars.china.workingDays=[1, 2, 3, 4, 5, 6]',
        'heating.productivityByTempC[0].factor=0.2',
        'arrivals.vehiclesPerDayByMonth.dec=20',
        'description=a test',
      ]),
    );
    expect(s.calendars.china.workingDays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s.heating.productivityByTempC[0]).toEqual({ tempC: -15, factor: 0.2 });
    expect(s.arrivals.vehiclesPerDayByMonth[11]).toBe(20);
    expect(s.description).toBe('a test');
  });

  test('overrides apply in order, the last one winning', () => {
    expect(expectOk(loadScenario(winter, ['sost.scanners=1', 'sost.scanners=3'])).sost.scanners).toBe(3);
  });

  test('setting days replaces the end given in the file', () => {
    const s = expectOk(loadScenario(winter, ['days=30']));
    expect([s.start, s.days]).toEqual(['2025-12-01', 30]);
    expect(expectOk(loadScenario(winter, ['end=2025-12-10'])).days).toBe(10);
  });

  test('a bad override value is reported against --set and its path, without a line', () => {
    const error = errorAt(loadScenario(winter, ['sost.examBays=-3']), 'sost.examBays');
    expect(error).toEqual({ file: '--set sost.examBays', path: 'sost.examBays', message: 'expected an integer >= 0, got -3' });
    expect(formatScenarioError(error)).toBe('--set sost.examBays: expected an integer >= 0, got -3');
  });

  test('a problem deep inside an override value names the override and the full path', () => {
    const error = errorAt(loadScenario(winter, ['sost.documentCheck={type: uniform, min: 5, max: 1}']), 'sost.documentCheck.max');
    expect(error.file).toBe('--set sost.documentCheck');
    expect(formatScenarioError(error)).toBe('--set sost.documentCheck sost.documentCheck.max: max (1) is less than min (5)');
  });

  test('a path the schema does not know is an unknown key, not silently added', () => {
    expect(errorAt(loadScenario(winter, ['sost.examBay=3']), 'sost.examBay')).toEqual({
      file: '--set sost.examBay',
      path: 'sost.examBay',
      message: 'unknown key "examBay"',
    });
    expect(errorAt(loadScenario(winter, ['colour.shade=3']), 'colour').file).toBe('--set colour.shade');
  });

  test('an override that breaks a sum or a horizon check is blamed, not the file', () => {
    const shares = errorAt(loadScenario(winter, ['arrivals.cargoMix.food=0.5']), 'arrivals.cargoMix');
    expect(shares).toEqual({
      file: '--set arrivals.cargoMix.food',
      path: 'arrivals.cargoMix',
      message: 'shares must sum to 1, but they sum to 1.3',
    });
    const warmup = errorAt(loadScenario(winter, ['days=3']), 'warmupDays');
    expect(warmup.file).toBe('--set days');
  });

  test('an unrelated override does not take the blame for a file\'s own problem', () => {
    // winter-2025 is fine; break its warm-up through a second, unrelated override.
    const result = loadScenario(winter, ['arrivals.scale=2', 'warmupDays=900']);
    expect(errorAt(result, 'warmupDays').file).toBe('--set warmupDays');
    expect(expectErrors(result)).toHaveLength(1);
  });

  test('malformed overrides are reported, and every problem comes at once', () => {
    const errors = expectErrors(
      loadScenario(winter, [
        'sost.examBays',
        'sost.documentCheck={type: exponential',
        'sost.examBays.count=1',
        'heating.productivityByTempC[9].factor=1',
        'extends=other.yaml',
        'a..b=1',
        'sost.scanners=-1',
      ]),
    );
    expect(errors.map(formatScenarioError)).toEqual([
      '--set sost.examBays: expected path=value, got "sost.examBays"',
      '--set sost.documentCheck: cannot read the value: YAML syntax error: Flow map must end with a }',
      '--set sost.examBays.count: sost.examBays is a number, not a mapping',
      '--set heating.productivityByTempC[9].factor: heating.productivityByTempC is a list of 4; "9" is not an index into it',
      '--set extends: extends cannot be set from the command line',
      '--set a..b: expected a path of keys separated by dots, such as sost.examBays, got "a..b"',
      '--set sost.scanners: expected an integer >= 0, got -1',
    ]);
  });

  test('validateFiles applies the overrides to every file', () => {
    const result = validateFiles([winter, bundledPath('summer-2025.yaml')], ['sost.examBays=-1']);
    expect(result.ok).toBe(false);
    expect(result.lines).toEqual([
      '--set sost.examBays: expected an integer >= 0, got -1',
      '--set sost.examBays: expected an integer >= 0, got -1',
    ]);
  });
});
