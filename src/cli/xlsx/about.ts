/**
 * The workbook's first sheet: what was run and how to run it again, how to read the figures,
 * and what each sheet holds. Nothing on it depends on where or when it was written.
 */
import { isAbsolute, relative } from 'node:path';
import { DAY_CONVENTION } from '../../run/dayConvention.js';
import { FIXED_DATE, type Sheet } from './workbook.js';

export interface About {
  /** "Khunjerab corridor — comparison of 3 scenarios". */
  readonly title: string;
  /** The command line that writes this workbook again (see commandLine.ts). */
  readonly command: string;
  /** The run's own facts: scenario files, seed, replications, settings, the common-random-numbers statement. */
  readonly facts: ReadonlyArray<readonly [string, string]>;
}

/** The About sheet, listing `sheets` (the ones that follow it) with what each holds. */
export function aboutSheet(about: About, sheets: readonly Sheet[]): Sheet {
  const rows: Array<readonly [string, string]> = [
    ['Report', about.title],
    ['Command', about.command],
    ...about.facts,
    ['Days and times', DAY_CONVENTION],
    ['Figures', 'The same as --json prints: numbers as numbers, units in the column headers, shares as fractions shown as %; an empty cell is a figure that does not exist (null in --json).'],
    ['Workbook dates', `Fixed at ${FIXED_DATE.toISOString().slice(0, 10)}, so that the same command writes the same bytes.`],
    ...sheets.map((s): readonly [string, string] => [`Sheet "${s.name}"`, s.description]),
  ];
  return {
    name: 'About',
    description: 'What was run, how to run it again, and what each sheet holds.',
    columns: [{ header: 'Item', width: 28 }, { header: 'Value', width: 120 }],
    rows,
  };
}

/** `path` as given, or relative to `cwd` when absolute: a workbook never names the folders of the machine that wrote it. */
export function portablePath(path: string, cwd: string = process.cwd()): string {
  return isAbsolute(path) ? relative(cwd, path) || '.' : path;
}


