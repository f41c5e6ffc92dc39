import type { CorridorParams } from '../../run/index.js';
import { excerpt, formatScenarioError, loadScenario, pointLabel, type GridPoint, type ScenarioError, type Vary } from '../../scenario/index.js';
import { UsageError } from '../errors.js';
import { withHorizon, type HorizonOptions } from './loadScenarios.js';

export interface SweepPoints {
  /** The scenario's own name. */
  readonly scenario: string;
  /** One scenario per point, in grid order, named "name[path=value …]" (the name in --events lines and precision checks). */
  readonly points: CorridorParams[];
}

/**
 * Loads the scenario once per point of the grid, each `--vary` value applied after the `--set`
 * overrides exactly as `--set path=value` would be, so it is validated like the file. A value
 * the schema rejects is named by its `--vary`, its value and the schema's message:
 *
 *   --vary sost.examBays=-1: expected an integer >= 0, got -1
 *
 * Every problem at every point comes back at once (each once) as a UsageError.
 */
export function loadSweepPoints(file: string, varies: readonly Vary[], grid: readonly GridPoint[], options: HorizonOptions): SweepPoints {
  const points: CorridorParams[] = [];
  let scenario = '';
  const problems = new Set<string>();
  for (const point of grid) {
    const sets = point.map((v, k) => `${varies[k].pathText}=${v.text}`);
    const result = loadScenario(file, [...options.set, ...sets], { allowDirs: options.allowDir ?? [] });
    if (!result.ok) {
      for (const e of result.errors) problems.add(describeProblem(e, varies, point));
      continue;
    }
    try {
      const params = withHorizon(result.scenario, options);
      scenario = params.name;
      points.push({ ...params, name: `${params.name}[${pointLabel(varies, point)}]` });
    } catch (error) {
      if (error instanceof UsageError) problems.add(`${file} at ${pointLabel(varies, point)}: ${error.message}`);
      else throw error;
    }
  }
  if (problems.size > 0) throw new UsageError(`${problems.size === 1 ? 'a problem' : `${problems.size} problems`} with the sweep's input`, [...problems]);
  return { scenario, points };
}

/** A problem the loader blames on a `--vary` value names the `--vary`; any other is the loader's own message. */
function describeProblem(e: ScenarioError, varies: readonly Vary[], point: GridPoint): string {
  const k = varies.findIndex((v) => e.file === `--set ${v.path}`);
  if (k < 0) return formatScenarioError(e);
  const field = e.path === varies[k].path ? '' : `${e.path}: `;
  return formatScenarioError({ file: `--vary ${varies[k].path}=${excerpt(point[k].text)}`, path: '', message: `${field}${e.message}` });
}
