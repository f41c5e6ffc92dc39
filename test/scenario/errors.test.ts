import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatScenarioError, loadScenario, loadScenarioText, validateFiles } from '../../src/scenario/index.js';
import { bundledText, errorAt, expectErrors, labelInScenarios, lineOf, removeFixtures, writeFixtures } from './helpers.js';

afterAll(removeFixtures);

describe('errors name the file, the field path and the line', () => {
  test('an unknown key is reported at the key', () => {
    const file = labelInScenarios('unknown-key.yaml');
    const text = ['extends: base.yaml', 'sost:', '  examBays: 4', '  exam_bays: 4', ''].join('\n');
    const error = errorAt(loadScenarioText(text, file), 'sost.exam_bays');
    expect(error).toEqual({ file, path: 'sost.exam_bays', line: 4, column: 3, message: 'unknown key "exam_bays"' });
  });

  test('a negative capacity is reported at the value, with what was expected and what was given', () => {
    const file = labelInScenarios('negative.yaml');
    const text = ['extends: base.yaml', 'sost:', '  examBays: -2', ''].join('\n');
    const error = errorAt(loadScenarioText(text, file), 'sost.examBays');
    expect(error).toMatchObject({ file, line: 3, column: 13, message: 'expected an integer >= 0, got -2' });
    expect(formatScenarioError(error)).toBe(`${file}:3:13 sost.examBays: expected an integer >= 0, got -2`);
  });

  test('shares that do not sum to 1 are reported at their mapping with the sum they reach', () => {
    const file = labelInScenarios('shares.yaml');
    const text = ['extends: base.yaml', 'sost:', '  channelShares:', '    green: 0.5', '    yellow: 0.35', '    red: 0.2', ''].join('\n');
    const error = errorAt(loadScenarioText(text, file), 'sost.channelShares');
    expect(error).toEqual({
      file,
      path: 'sost.channelShares',
      line: 3,
      column: 3,
      message: 'shares must sum to 1, but they sum to 1.05',
    });
  });

  test('an end date before the start is reported at end, naming both dates', () => {
    const file = labelInScenarios('backwards.yaml');
    const text = ['extends: base.yaml', 'start: 2025-06-01', 'end: 2025-05-31', ''].join('\n');
    const error = errorAt(loadScenarioText(text, file), 'end');
    expect(error).toEqual({ file, path: 'end', line: 3, column: 6, message: 'end (2025-05-31) is before start (2025-06-01)' });
  });

  test('a YAML syntax error is reported with its position and no field path', () => {
    const file = labelInScenarios('syntax.yaml');
    const text = ['extends: base.yaml', 'sost:', '\texamBays: 3', ''].join('\n');
    const errors = expectErrors(loadScenarioText(text, file));
    expect(errors[0]).toMatchObject({ file, path: '', line: 3, column: 1 });
    expect(errors[0].message).toMatch(/^YAML syntax error: Tabs are not allowed as indentation$/);
    expect(formatScenarioError(errors[0])).toBe(`${file}:3:1: YAML syntax error: Tabs are not allowed as indentation`);
  });

  test('an unterminated flow list is a syntax error at the line where YAML notices it', () => {
    const file = labelInScenarios('flow.yaml');
    const text = ['extends: base.yaml', 'sost:', '  examBays: [1, 2', '  scanners: 3', ''].join('\n');
    const [error] = expectErrors(loadScenarioText(text, file));
    expect(error).toMatchObject({ file, path: '', line: 4, column: 3 });
    expect(error.message).toMatch(/^YAML syntax error: Flow sequence/);
  });

  test('a duplicate key is a YAML error at the second key', () => {
    const file = labelInScenarios('duplicate.yaml');
    const [error] = expectErrors(loadScenarioText('extends: base.yaml\nseed: 1\nseed: 2\n', file));
    expect(error).toMatchObject({ file, path: '', line: 3, column: 1, message: 'YAML syntax error: Map keys must be unique' });
  });

  test('every repeat of a key is an error at its own place, in nested and flow mappings too, and a number key differs from a text key', () => {
    const file = labelInScenarios('repeats.yaml');
    const text = ['extends: base.yaml', 'sost:', '  examBays: 1', '  examBays: 2', '  examBays: 3', 'arrivals: { scale: 1, scale: 2 }', 'x: { 1: a, "1": b }', ''].join('\n');
    const errors = expectErrors(loadScenarioText(text, file)).filter((e) => e.message === 'YAML syntax error: Map keys must be unique');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [4, 3],
      [5, 3],
      [6, 23],
    ]);
  });

  test('a YAML file whose top level is a list, not a mapping, is reported at its start', () => {
    const file = labelInScenarios('list.yaml');
    const errors = expectErrors(loadScenarioText('# a list\n- seed: 1\n- start: 2025-01-01\n', file));
    expect(errors).toEqual([
      { file, path: '', line: 2, column: 1, message: 'expected a mapping of scenario settings at the top level, got a list' },
    ]);
  });

  test('an empty file is reported as empty', () => {
    const file = labelInScenarios('empty.yaml');
    const errors = expectErrors(loadScenarioText('# nothing here\n', file));
    expect(errors).toEqual([{ file, path: '', line: 1, column: 1, message: 'the file is empty; expected a mapping of scenario settings' }]);
  });

  test('a missing file is reported by name, without a line', () => {
    const file = join(writeFixtures({}), 'nope.yaml');
    expect(expectErrors(loadScenario(file))).toEqual([{ file, path: '', message: 'file not found' }]);
    expect(formatScenarioError({ file, path: '', message: 'file not found' })).toBe(`${file}: file not found`);
  });

  test('a missing extends target is reported at the extends line of the file that names it', () => {
    const dir = writeFixtures({ 'child.yaml': '# child\nextends: missing-parent.yaml\nseed: 3\n' });
    const errors = expectErrors(loadScenario(join(dir, 'child.yaml')));
    expect(errors).toEqual([
      {
        file: join(dir, 'child.yaml'),
        path: 'extends',
        line: 2,
        column: 10,
        message: `cannot read ${join(dir, 'missing-parent.yaml')}: file not found`,
      },
    ]);
  });

  test('an extends cycle is reported at the extends that closes it, showing the whole loop', () => {
    const dir = writeFixtures({
      'a.yaml': 'extends: b.yaml\nseed: 1\n',
      'b.yaml': 'seed: 2\nextends: c.yaml\n',
      'c.yaml': 'extends: a.yaml\n',
    });
    const errors = expectErrors(loadScenario(join(dir, 'a.yaml')));
    expect(errors).toEqual([
      {
        file: join(dir, 'c.yaml'),
        path: 'extends',
        line: 1,
        column: 10,
        message: `extends cycle: ${['a', 'b', 'c', 'a'].map((n) => join(dir, `${n}.yaml`)).join(' → ')}`,
      },
    ]);
  });

  test('a file that extends itself is a cycle', () => {
    const dir = writeFixtures({ 'self.yaml': 'seed: 1\nextends: ./self.yaml\n' });
    const [error] = expectErrors(loadScenario(join(dir, 'self.yaml')));
    expect(error).toMatchObject({ file: join(dir, 'self.yaml'), path: 'extends', line: 2, column: 10 });
    expect(error.message).toMatch(/^extends cycle: /);
  });

  test('a syntax error in an extended file is reported against that file', () => {
    const dir = writeFixtures({ 'parent.yaml': 'seed: 1\nsost: {examBays: 3\nstart: 2025-01-01\n', 'child.yaml': 'extends: parent.yaml\n' });
    const [error] = expectErrors(loadScenario(join(dir, 'child.yaml')));
    expect(error).toMatchObject({ file: join(dir, 'parent.yaml'), path: '', line: 3, column: 1 });
  });

  test('a missing key is reported at the mapping that should hold it', () => {
    const base = bundledText('base.yaml');
    const text = base.replace(/^ {2}examBays: .*\n/m, '');
    const file = labelInScenarios('missing-key.yaml');
    const error = errorAt(loadScenarioText(text, file), 'sost.examBays');
    expect(error).toEqual({
      file,
      path: 'sost.examBays',
      line: lineOf(text, /^sost:/),
      column: 1,
      message: 'missing; expected an integer >= 0',
    });
  });

  test('a bad value inherited from an extended file is reported in that file, at its line', () => {
    const parent = bundledText('base.yaml').replace(/^ {2}examBays: .*$/m, '  examBays: -2');
    const dir = writeFixtures({ 'parent.yaml': parent, 'child.yaml': 'extends: parent.yaml\nseed: 7\n' });
    const error = errorAt(loadScenario(join(dir, 'child.yaml')), 'sost.examBays');
    expect(error).toMatchObject({ file: join(dir, 'parent.yaml'), line: lineOf(parent, /^ {2}examBays: -2$/), column: 13 });
  });

  test('a value the child overrides is reported in the child, not in the parent', () => {
    const file = labelInScenarios('child.yaml');
    const error = errorAt(loadScenarioText('extends: summer-2025.yaml\nwarmupDays: 500\n', file), 'warmupDays');
    expect(error).toEqual({ file, path: 'warmupDays', line: 2, column: 13, message: 'warmupDays (500) must be less than the 92 days simulated' });
  });

  test('every problem in a file is reported at once, in file order', () => {
    const file = labelInScenarios('many.yaml');
    const text = [
      'extends: base.yaml', //                  1
      'seed: -1', //                            2
      'start: 2025-02-30', //                   3
      'arrivals:', //                           4
      '  cargoMix: {machinery: 0.5, textiles: 0.25, electronics: 0.25, food: 0.2}', // 5
      'sost:', //                               6
      '  gdOfficers: 2.5', //                   7
      '  documentCheck: {type: uniform, min: 5, max: 1}', // 8
      '  examination: {type: gamma}', //        9
      'weather:', //                            10
      '  months:', //                           11
      '    jan: {snowDayProbability: 2}', //    12
      'heating:', //                            13
      '  sostHeated: "yes"', //                 14
      'colour: blue', //                        15
      '',
    ].join('\n');
    const errors = expectErrors(loadScenarioText(text, file));
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      [2, 'seed'],
      [3, 'start'],
      [5, 'arrivals.cargoMix'],
      [7, 'sost.gdOfficers'],
      [8, 'sost.documentCheck.max'],
      [9, 'sost.examination.type'],
      [12, 'weather.months.jan.snowDayProbability'],
      [14, 'heating.sostHeated'],
      [15, 'colour'],
    ]);
    for (const error of errors) expect(error.file).toBe(file);
    expect(errors.find((e) => e.path === 'sost.examination.type')?.message).toBe(
      'expected type to be one of constant, uniform, triangular, exponential, normal, lognormal, empirical, got "gamma"',
    );
    expect(errors.find((e) => e.path === 'heating.sostHeated')?.message).toBe('expected true or false, got "yes"');
  });

  test('problems in a calendar name the list entry that is wrong', () => {
    const file = labelInScenarios('calendar.yaml');
    const text = [
      'extends: base.yaml',
      'calendars:',
      '  china:',
      '    timeZone: Asia/Nowhere',
      '    workingDays: [1, 8, 1]',
      '    hours: [{from: "19:00", to: "10:00"}]',
      '    holidays: [2025-02-30]',
      '    closures: [{from: 2025-03-02, to: 2025-03-01}]',
      '',
    ].join('\n');
    const errors = expectErrors(loadScenarioText(text, file));
    expect(errors.map((e) => formatScenarioError(e).slice(file.length))).toEqual([
      ':4:15 calendars.china.timeZone: expected an IANA time zone such as "Asia/Karachi", got "Asia/Nowhere"',
      ':5:22 calendars.china.workingDays[1]: expected an ISO weekday from 1 (Monday) to 7 (Sunday), got 8',
      ':5:25 calendars.china.workingDays[2]: weekday 1 is listed twice',
      ':6:33 calendars.china.hours[0].to: working hours must end after they start (19:00–10:00)',
      ':7:16 calendars.china.holidays[0]: expected a calendar date as YYYY-MM-DD, got "2025-02-30"',
      ':8:39 calendars.china.closures[0].to: closure ends (2025-03-01) before it starts (2025-03-02)',
    ]);
  });

  test('a number where a mapping belongs says so', () => {
    const file = labelInScenarios('scalar.yaml');
    const error = errorAt(loadScenarioText('extends: base.yaml\nsost: 5\n', file), 'sost');
    expect(error).toMatchObject({ line: 2, column: 7, message: 'expected a mapping, got 5' });
  });

  test('NaN and strings that look like numbers are rejected as numbers', () => {
    const file = labelInScenarios('nan.yaml');
    const result = loadScenarioText('extends: base.yaml\nsost:\n  scanShare: .nan\n  gateOut: "NaN"\n  scanners: 1e308\n', file);
    expect(errorAt(result, 'sost.scanShare').message).toBe('expected a share from 0 to 1, got NaN');
    expect(errorAt(result, 'sost.gateOut').message).toMatch(/^expected a number of hours or a distribution .*, got "NaN"$/);
    expect(errorAt(result, 'sost.scanners').message).toBe('expected an integer >= 0, got 1e+308');
  });

  test('validateFiles prints every error of an invalid file and is not ok', () => {
    const dir = writeFixtures({ 'bad.yaml': 'extends: missing.yaml\n' });
    const result = validateFiles([join(dir, 'bad.yaml'), join(dir, 'gone.yaml')]);
    expect(result.ok).toBe(false);
    expect(result.lines).toEqual([
      `${join(dir, 'bad.yaml')}:1:10 extends: cannot read ${join(dir, 'missing.yaml')}: file not found`,
      `${join(dir, 'gone.yaml')}: file not found`,
    ]);
  });

  test('formatScenarioError puts file, line, column, path and message on one line', () => {
    expect(
      formatScenarioError({
        file: 'scenarios/x.yaml',
        path: 'sost.examBays',
        line: 12,
        column: 5,
        message: 'expected an integer >= 0, got -2',
      }),
    ).toBe('scenarios/x.yaml:12:5 sost.examBays: expected an integer >= 0, got -2');
  });
});
