import { describe, expect, test } from 'vitest';
import { gridOf, parseVary, pointLabel, splitTopLevel, type Vary } from '../../src/scenario/index.js';

function vary(text: string): Vary {
  const parsed = parseVary(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.vary;
}

function problem(text: string): string {
  const parsed = parseVary(text);
  if (parsed.ok) throw new Error(`expected ${text} to be refused`);
  return parsed.message;
}

describe('--vary values', () => {
  test('split on commas at the top level only, not inside {}, [] or quotes', () => {
    expect(splitTopLevel('2,3, 4')).toEqual(['2', '3', '4']);
    expect(splitTopLevel('{type: exponential, mean: 3},{type: exponential, mean: 4}')).toEqual(['{type: exponential, mean: 3}', '{type: exponential, mean: 4}']);
    expect(splitTopLevel('[1,2],[3,[4,5]]')).toEqual(['[1,2]', '[3,[4,5]]']);
    expect(splitTopLevel('"a,b",\'c,d\',e')).toEqual(['"a,b"', "'c,d'", 'e']);
  });

  test('are read as YAML, so numbers, mappings and lists keep their type', () => {
    const v = vary('sost.documentCheck={type: exponential, mean: 3},{type: exponential, mean: 4}');
    expect(v.path).toBe('sost.documentCheck');
    expect(v.values.map((x) => x.value)).toEqual([
      { type: 'exponential', mean: 3 },
      { type: 'exponential', mean: 4 },
    ]);
    expect(vary('calendars.china.workingDays=[1,2,3],[1,2]').values.map((x) => x.value)).toEqual([[1, 2, 3], [1, 2]]);
    expect(vary('heating.productivityByTempC.0.factor=0.2,0.5').path).toBe('heating.productivityByTempC[0].factor');
  });

  test.each([
    ['sost.examBays', /expected path=value1,value2/],
    ['sost.examBays=', /expected at least one value/],
    ['sost.examBays=2,,3', /value 2 is empty/],
    ['sost.examBays=2,', /value 2 is empty/],
    ['sost.documentCheck={type: exponential, mean: 3', /"\{" is never closed/],
    ['sost.documentCheck=[1,2]]', /"]" at character 6 closes nothing open/],
    ['sost.documentCheck={a: [1}]', /"}" at character 7 closes nothing open/],
    ['name="a,b', /the quote " is never closed/],
    ['sost.examBays=2,2.0', /the value 2.0 is given twice \(as 2\)/],
    ['sost..examBays=2', /expected a path of keys separated by dots/],
  ])('a malformed --vary %s is refused with a message', (text, message) => {
    expect(problem(text)).toMatch(message);
    expect(problem(text)).toMatch(/^--vary /);
  });
});

describe('the grid of a sweep', () => {
  test('is every combination, the first --vary changing slowest', () => {
    const varies = [vary('a=1,2'), vary('b=x,y,z')];
    const grid = gridOf(varies);
    expect(grid.map((p) => pointLabel(varies, p))).toEqual(['a=1 b=x', 'a=1 b=y', 'a=1 b=z', 'a=2 b=x', 'a=2 b=y', 'a=2 b=z']);
  });

  test('of three fields has the product of their sizes, the last changing fastest', () => {
    const grid = gridOf([vary('a=1,2'), vary('b=1,2,3'), vary('c=1,2')]);
    expect(grid).toHaveLength(12);
    expect(grid.map((p) => p.map((v) => v.value))).toEqual([
      [1, 1, 1], [1, 1, 2], [1, 2, 1], [1, 2, 2], [1, 3, 1], [1, 3, 2],
      [2, 1, 1], [2, 1, 2], [2, 2, 1], [2, 2, 2], [2, 3, 1], [2, 3, 2],
    ]);
  });
});
