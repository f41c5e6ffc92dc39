import { afterAll, describe, expect, test } from 'vitest';
import { cellsOf, COMPARE_ARGS, figuresIn, makeReport, removeTemporaryFolders, SHORT, valueAtPath, type MadeReport } from './support.js';

/**
 * One source of figures, two renderings: every figure in the HTML page's tables is the figure
 * `--json` prints in the same run, found through the JSON path the cell carries (`data-json`),
 * shown to the decimals the cell gives.
 */
afterAll(removeTemporaryFolders);

/** The numbers a JSON value holds (a figure, a CI's ends, a band's bounds), smallest first; NaN for anything else, which no cell matches. */
function figuresOf(value: unknown): number[] {
  const values = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [value];
  return values.map((v) => (typeof v === 'number' ? v : NaN)).sort((a, b) => a - b);
}

const COMMANDS: ReadonlyArray<readonly [string, readonly string[], number]> = [
  ['run', ['run', 'scenarios/winter-2025.yaml', ...SHORT], 80],
  ['compare', COMPARE_ARGS, 150],
  ['sweep', ['sweep', 'scenarios/winter-2025.yaml', '--vary', 'sost.examBays=2,4', ...SHORT], 20],
  ['sensitivity', ['sensitivity', 'scenarios/winter-2025.yaml', '--factor', 'sost.examBays=2..6', '--factor', 'heating.sostHeated=false..true', ...SHORT], 30],
  ['capacity', ['capacity', 'scenarios/summer-2025.yaml', '--days', '14', '--replications', '2', '--seed', '7', '--workers', '2', '--ceiling', '2', '--steps', '1', '--resamples', '20'], 15],
];

describe.each(COMMANDS)('khunjerab %s --html', (_, args, atLeast) => {
  let report: MadeReport | undefined;
  const made = (): MadeReport => (report ??= makeReport(args));

  test(`every figure cell shows the --json figure at its path (at least ${atLeast} cells)`, () => {
    const { html, json } = made();
    const cells = cellsOf(html).filter((c) => c.json !== undefined);
    expect(cells.length).toBeGreaterThanOrEqual(atLeast);
    const wrong: string[] = [];
    for (const cell of cells) {
      const value = valueAtPath(json, cell.json as string);
      const expected = figuresOf(value);
      const shown = figuresIn(cell.text).sort((a, b) => a.value - b.value);
      const matches = shown.length === expected.length && shown.every((s, i) => Math.abs(s.value - expected[i]) <= s.tolerance + 1e-9 * Math.abs(s.value));
      if (!matches) wrong.push(`${cell.json}: shows "${cell.text}", JSON has ${JSON.stringify(value)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  test('a data cell that shows only figures says where they come from, and no cell shows NaN or undefined', () => {
    const cells = cellsOf(made().html);
    const figureOnly = /^[\s≥<+\-−\d.,%[\]]+$/;
    const untraced = cells.filter((c) => c.tag === 'td' && /\d/.test(c.text) && figureOnly.test(c.text) && c.json === undefined);
    expect(untraced.map((c) => c.text)).toEqual([]);
    expect(cells.filter((c) => /NaN|undefined|Infinity|null/.test(c.text)).map((c) => c.text)).toEqual([]);
  }, 120_000);
});
