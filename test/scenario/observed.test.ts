import { describe, expect, test } from 'vitest';
import { loadScenario, loadScenarioText } from '../../src/scenario/index.js';
import { bundledPath, errorAt, expectOk, labelInScenarios } from './helpers.js';

const file = labelInScenarios('observed.yaml');

/** A scenario on base.yaml with its own observed rows (a list replaces the inherited one). */
function withRows(rows: readonly string[], claims: readonly string[] = []): string {
  return ['extends: base.yaml', 'observed:', '  rows:', ...rows, ...claims, ''].join('\n');
}

const O4 = [
  '    - id: O4',
  '      figure: Yellow document check, median about 12 h',
  '      source: docs/sources.md O4',
  '      measure: { kind: median, from: assessed, to: checksDone, where: { channel: yellow, held: false } }',
  '      band: [8, 18]',
  '      unit: elapsed hours',
];

describe('the observed: section', () => {
  test('base.yaml lists every row of docs/sources.md section 8, O1 to O17, with O1 and O2 in conflict both ways', () => {
    const { observed } = expectOk(loadScenario(bundledPath('base.yaml')));
    const ids = observed.rows.map((r) => r.id);
    for (let i = 1; i <= 17; i++) expect(ids).toContain(`O${i}`);
    const byId = new Map(observed.rows.map((r) => [r.id, r]));
    expect(byId.get('O1')?.conflictsWith).toEqual(['O2']);
    expect(byId.get('O2')?.conflictsWith).toEqual(['O1']);
    expect(['O13', 'O14', 'O16', 'O17'].map((id) => byId.get(id)?.input)).toEqual([true, true, true, true]);
    expect(observed.rows.filter((r) => r.reportOnly).map((r) => r.id)).toEqual(['O2-median', 'O17']);
    expect(observed.claims).toEqual([]);
  });

  test('a row is read into the parameters with its band as {atLeast, atMost}, months as numbers and defaults filled in', () => {
    const text = withRows([
      ...O4,
      '    - id: O9',
      '      figure: Pass road closed 10–20 % of days in Dec–Feb',
      '      source: docs/sources.md O9',
      '      measure: { kind: closedShare, months: [dec, jan, feb] }',
      '      band: { atLeast: 0.1 }',
      '      unit: share',
    ], ['  claims: [O4]']);
    const { observed } = expectOk(loadScenarioText(text, file));
    expect(observed.rows[0]).toEqual({
      id: 'O4',
      figure: 'Yellow document check, median about 12 h',
      source: 'docs/sources.md O4',
      measure: { kind: 'median', from: 'assessed', to: 'checksDone', where: { channel: 'yellow', held: false } },
      band: { atLeast: 8, atMost: 18 },
      unit: 'elapsed hours',
      input: false,
      reportOnly: false,
      conflictsWith: [],
    });
    expect(observed.rows[1].measure).toEqual({ kind: 'closedShare', months: [12, 1, 2] });
    expect(observed.rows[1].band).toEqual({ atLeast: 0.1 });
    expect(observed.claims).toEqual(['O4']);
  });

  test('a scenario without the section has no rows and no claims', () => {
    const { observed } = expectOk(loadScenarioText(['extends: base.yaml', 'observed: { rows: [] }', ''].join('\n'), file));
    expect(observed).toEqual({ rows: [], claims: [] });
  });

  test('a claim in a child scenario keeps the rows it inherits', () => {
    const { observed } = expectOk(loadScenarioText(['extends: summer-2025.yaml', 'observed:', '  claims: [O3, O13]', ''].join('\n'), file));
    expect(observed.rows.length).toBeGreaterThanOrEqual(17);
    expect(observed.claims).toEqual(['O3', 'O13']);
  });
});

describe('observed rows: every error at its file, field, line and column', () => {
  test('an unknown milestone is an error at the milestone, naming the ones there are', () => {
    const rows = O4.map((line) => line.replace('to: checksDone', 'to: checked'));
    const error = errorAt(loadScenarioText(withRows(rows), file), 'observed.rows[0].measure.to');
    expect(error).toMatchObject({ file, line: 7 });
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/expected a milestone of the journey: one of gateInKashgar, .*checksDone.*, got "checked"/);
  });

  test('a band whose low end is above its high end is an error at the band', () => {
    const rows = O4.map((line) => line.replace('[8, 18]', '[18, 8]'));
    const error = errorAt(loadScenarioText(withRows(rows), file), 'observed.rows[0].band');
    expect(error).toMatchObject({ file, line: 8, column: 13, message: "the band's low end (18) is above its high end (8)" });
  });

  test('a claim with no row is an error at the claim', () => {
    const error = errorAt(loadScenarioText(withRows(O4, ['  claims: [O4, O99]']), file), 'observed.claims[1]');
    expect(error).toMatchObject({ file, line: 10, column: 16, message: 'claims O99, but there is no observed row O99' });
  });

  test('a row id used twice is an error at the second one, naming the first', () => {
    const error = errorAt(loadScenarioText(withRows([...O4, ...O4]), file), 'observed.rows[1].id');
    expect(error).toMatchObject({ file, line: 10, column: 11, message: 'row id O4 is used twice (first at observed.rows[0])' });
  });

  test.each([
    ['a unit that does not fit the measure', 'unit: elapsed hours', 'unit: share', 'observed.rows[0].unit', 'a median measure is in elapsed hours, not share'],
    ['an interval that runs backwards', 'from: assessed, to: checksDone', 'from: checksDone, to: assessed', 'observed.rows[0].measure.to', 'assessed does not come after checksDone in the journey'],
    ['an unknown measure kind', 'kind: median', 'kind: p95', 'observed.rows[0].measure.kind', /kind one of shareWithin, median/],
    ['an unknown filter', 'held: false', 'hold: false', 'observed.rows[0].measure.where.hold', 'unknown key "hold"'],
    ['an interval left out that lies outside the measured one', 'where: {', 'except: { from: gdLodged, to: assessed }, where: {', 'observed.rows[0].measure.except', 'the interval left out (gdLodged → assessed) must lie within assessed → checksDone'],
    ['a month that is not one', 'where: { channel: yellow, held: false }', 'where: { months: [dec, jun, smarch] }', 'observed.rows[0].measure.where.months[2]', /expected a month: jan … dec, got "smarch"/],
  ])('%s is an error at its place', (_, from, to, path, message) => {
    const error = errorAt(loadScenarioText(withRows(O4.map((line) => line.replace(from, to))), file), path);
    expect(error.line).toBeGreaterThan(3);
    expect(error.column).toBeGreaterThan(0);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  test('a share band outside 0–1 and an input measure not marked input are errors at the row', () => {
    const text = withRows([
      '    - id: O1',
      '      figure: 80 % within 24 h',
      '      source: S7',
      '      measure: { kind: shareWithin, from: gdLodged, to: released, hours: 24 }',
      '      band: [70, 90]',
      '      unit: share',
      '    - id: O13',
      '      figure: about 15 vehicles a day',
      '      source: V2',
      '      measure: { kind: demandPerDay, months: [jan, feb, mar] }',
      '      band: [12, 18]',
      '      unit: vehicles/day',
    ]);
    const result = loadScenarioText(text, file);
    expect(errorAt(result, 'observed.rows[0].band')).toMatchObject({ line: 8, message: 'a share band runs from 0 to 1 (0.8 is 80 %)' });
    expect(errorAt(result, 'observed.rows[1].input').message).toBe('a demandPerDay measure is computed from the parameters: mark the row input: true');
  });

  test('claiming two rows that conflict, or a report-only row, is an error at the claim', () => {
    const result = loadScenario(bundledPath('base.yaml'), ['observed.claims=[O1, O3, O2, O17]']);
    expect(errorAt(result, 'observed.claims[2]').message).toBe('O2 conflicts with O1, also claimed: claim the one the scenario is calibrated to');
    expect(errorAt(result, 'observed.claims[3]').message).toBe('O17 is report-only: it cannot be claimed');
  });

  test('a conflict with a row that does not exist is an error at that id', () => {
    const rows = [...O4, '      conflictsWith: [O2]'];
    const error = errorAt(loadScenarioText(withRows(rows), file), 'observed.rows[0].conflictsWith[0]');
    expect(error).toMatchObject({ file, line: 10, message: 'there is no observed row O2' });
  });
});
