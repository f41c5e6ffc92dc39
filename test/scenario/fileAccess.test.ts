import { csvText } from '../../src/run/outputFiles.js';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatScenarioError, loadScenario, type LoadResult } from '../../src/scenario/index.js';

const root = mkdtempSync(join(tmpdir(), 'khunjerab-access-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(relative: string, text: string): string {
  const path = join(root, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function errors(result: LoadResult): string[] {
  return result.ok ? [] : result.errors.map(formatScenarioError);
}

const bundledWinter = resolve('scenarios/winter-2025.yaml');

describe('what extends may read', () => {
  test('a file that is not .yaml or .yml is refused, and nothing of it is printed', () => {
    const secret = file('secret.txt', 'root:x:0:0:very secret line\n');
    const result = loadScenario(file('a.yaml', `extends: ${secret}\n`));
    const [message] = errors(result);
    expect(message).toMatch(/a\.yaml:1:10 extends: extends must name a \.yaml or \.yml scenario file/);
    expect(message).not.toContain('very secret');
  });

  test('a YAML file outside this folder, the bundled scenarios and the allowed folders is refused', () => {
    const outside = file('elsewhere/other.yaml', `extends: ${bundledWinter}\n`);
    const result = loadScenario(file('studies/b.yaml', 'extends: ../elsewhere/other.yaml\n'));
    expect(errors(result)[0]).toMatch(/extends may only name a file in this file's folder or below it/);
    // The same file is read once its folder is allowed.
    expect(loadScenario(join(root, 'studies/b.yaml'), [], { allowDirs: [join(root, 'elsewhere')] }).ok).toBe(true);
    expect(outside).toBeTruthy();
  });

  test('a symlink that points out of the folder is judged by where it points', () => {
    const target = file('private/keys.yaml', 'seed: 1\n');
    mkdirSync(join(root, 'linked'), { recursive: true });
    symlinkSync(target, join(root, 'linked/keys.yaml'));
    const result = loadScenario(file('linked/c.yaml', 'extends: keys.yaml\n'));
    expect(errors(result)[0]).toMatch(/extends may only name a file in this file's folder/);
  });

  test('a file below its own folder and the bundled scenarios (by any path) may be extended', () => {
    file('deep/parent.yaml', `extends: ${bundledWinter}\nname: parent\n`);
    expect(loadScenario(file('d.yaml', 'extends: deep/parent.yaml\n')).ok).toBe(true);
  });
});

describe('what a scenario file may be', () => {
  test('a special file that never ends is refused without being read', () => {
    expect(errors(loadScenario('/dev/zero'))).toEqual(['/dev/zero: is not a regular file']);
  });

  test('a file over 1 MB is refused with its size', () => {
    const big = file('big.yaml', `# ${'x'.repeat(1024 * 1024)}\n`);
    expect(errors(loadScenario(big))[0]).toMatch(/big\.yaml: is 1,048,579 bytes; a scenario file may be at most 1 MB/);
  });

  test('control characters in a key are escaped and a long key is cut short', () => {
    const key = `\u001b[31m${'k'.repeat(100)}`;
    const result = loadScenario(file('e.yaml', `extends: ${bundledWinter}\nsost:\n  "${key.replace('\u001b', '\\e')}": 1\n`));
    const message = errors(result).find((m) => m.includes('unknown key')) ?? '';
    expect(message).not.toContain('\u001b');
    expect(message).toContain('\\x1b[31m');
    expect(message).toMatch(/unknown key "\\x1b\[31mk+…"/);
  });
});

describe('text that reaches terminals and files', () => {
  test.each([
    ['an escape sequence in the name', 'name: "a\\e[31mred"', /t\.yaml:2:7 name: text with a control character \(\\x1b\)/],
    ['a carriage return in the description', 'description: "one\\rtwo"', /t\.yaml:2:14 description: text with a control character \(\\x0d\)/],
    ['a bell in an observed row', 'observed:\n  rows:\n    - { id: X1, figure: "ding\\a", source: s, measure: { kind: share, of: green }, band: [0, 1], unit: share }', /text with a control character \(\\x07\)/],
  ])('%s is refused where it is written, with its line', (_, yaml, message) => {
    const result = loadScenario(file('t.yaml', `extends: ${bundledWinter}\n${yaml}\n`));
    expect(errors(result).some((m) => message.test(m)), errors(result).join('\n')).toBe(true);
    expect(errors(result).join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  test('a file that is not UTF-8 is refused with the line that is not, never read as replacement characters', () => {
    const path = file('latin1.yaml', '');
    writeFileSync(path, Buffer.concat([Buffer.from(`extends: ${bundledWinter}\n# caf`), Buffer.from([0xe9]), Buffer.from('\nname: x\n')]));
    expect(errors(loadScenario(path))).toEqual([expect.stringMatching(/latin1\.yaml: line 2 is not UTF-8 text/)]);
  });

  test('line breaks and tabs in a description are text, not control characters', () => {
    const result = loadScenario(file('ok.yaml', `extends: ${bundledWinter}\ndescription: |\n  two\n  lines\twith a tab\n`));
    expect(errors(result)).toEqual([]);
  });

  test('a CSV cell holding a carriage return, a line feed, a comma or a quote is quoted (RFC 4180)', () => {
    expect(['a\rb', 'a\nb', 'a,b', 'a"b', 'plain'].map(csvText)).toEqual(['"a\rb"', '"a\nb"', '"a,b"', '"a""b"', 'plain']);
  });
});

describe('derived quantities must be finite', () => {
  test('empirical weights are bounded, so that their sum stays a number, with the line of the weight', () => {
    const result = loadScenario(file('weights.yaml', `extends: ${bundledWinter}\nsost:\n  scan: { type: empirical, values: [1, 2], weights: [1e308, 1e308] }\n`));
    expect(errors(result)).toEqual([
      expect.stringMatching(/weights\.yaml:3:\d+ sost\.scan\.weights\[0\]: expected a weight from 0 to 10\^12 \(only the ratios matter\), got 1e\+308/),
      expect.stringMatching(/weights\.yaml:3:\d+ sost\.scan\.weights\[1\]: expected a weight from 0 to 10\^12/),
    ]);
  });

  test.each([
    ['weather.clearingWork.snowPerCm', 'weather:\n  clearingWork: { snowPerCm: 1e308 }', /expected a number of unit-hours per cm from 0 to 1,000/],
    ['outages.power.coldFactor', 'outages:\n  power: { coldFactor: 1e308 }', /expected a factor from 0 to 1,000/],
    ['route.passToSost.km', 'route:\n  passToSost: { km: 1e308 }', /expected a distance of at most 10,000 km/],
    ['weather.closureSnowfallCm', 'weather:\n  closureSnowfallCm: 1e308', /expected a depth from 0 to 10,000 cm/],
  ])('%s is bounded, so that the work or time it makes stays finite', (path, yaml, message) => {
    const result = loadScenario(file('bound.yaml', `extends: ${bundledWinter}\n${yaml}\n`));
    expect(errors(result).some((m) => m.includes(path) && message.test(m)), errors(result).join('\n')).toBe(true);
  });

  test('a speed so low that a leg would take for ever is an error at the speed, with its line', () => {
    const result = loadScenario(file('slow.yaml', `extends: ${bundledWinter}\nroute:\n  passToSost:\n    speedKmh: { clear: 1e-320 }\n`));
    expect(errors(result)).toEqual([expect.stringMatching(/slow\.yaml:4:\d+ route\.passToSost\.speedKmh\.clear: at 1e-320 km\/h the 86 km take more than 1,000,000 hours/)]);
  });
});
