import { runBatch, type CorridorParams, type ReplicationSummary, type TaskRunner } from '../../run/index.js';
import { excerpt, formatScenarioError, levelOverride, loadScenario, type Factor, type Level } from '../../scenario/index.js';
import { ReportedError, UsageError } from '../errors.js';
import { loadScenarios, type HorizonOptions } from './loadScenarios.js';

/**
 * The scenarios of a sensitivity study: the scenario with some factors at some levels, each
 * loaded through `--set` so that a level is validated exactly as the file is, and run all in
 * one batch on the same seeds (common random numbers). Points that come out as the same
 * scenario (a low level equal to the scenario's own value) run once.
 */
export type DesignPoint = ReadonlyArray<readonly [Factor, Level]>;

/**
 * Every level of every factor, applied alone to the scenario; all problems at once, each
 * naming the factor, the level and the schema's message.
 */
export function checkLevels(scenarioFile: string, factors: readonly Factor[], horizon: HorizonOptions): void {
  const problems: string[] = [];
  for (const factor of factors) {
    for (const [end, level] of [['low', factor.low], ['high', factor.high]] as const) {
      const result = loadScenario(scenarioFile, [...horizon.set, levelOverride(factor, level)], { allowDirs: horizon.allowDir ?? [] });
      if (result.ok) continue;
      for (const error of result.errors) {
        const message = error.file.startsWith('--set ') ? (error.path === factor.path ? error.message : `${error.path}: ${error.message}`) : formatScenarioError(error);
        problems.push(`${factor.where === undefined ? '' : `${factor.where} `}${factorName(factor)}, ${end} level ${excerpt(level.text)}: ${message}`);
      }
    }
  }
  if (problems.length > 0) throw new UsageError(problems.length === 1 ? 'a factor level the scenario rejects' : `${problems.length} factor levels the scenario rejects`, problems);
}

/** "factor sost.examBays" or "factor "Exam bays" (sost.examBays)". */
export function factorName(factor: Factor): string {
  return factor.label === factor.path ? `factor ${factor.path}` : `factor "${factor.label}" (${factor.path})`;
}

export interface DesignRuns {
  /** The replications of each point, in the order of the points. */
  readonly runs: ReadonlyArray<readonly ReplicationSummary[]>;
  /** Distinct scenarios run. */
  readonly distinct: number;
}

/** How the design points run: every point on the same seeds. */
export interface DesignBatch {
  readonly seed: number;
  readonly replications: number;
  readonly workers?: number;
  readonly queue?: TaskRunner;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function runDesign(scenarioFile: string, points: readonly DesignPoint[], horizon: HorizonOptions, batch: DesignBatch): Promise<DesignRuns> {
  const keys: string[] = [];
  const distinct: CorridorParams[] = [];
  const indexOf: number[] = [];
  for (const point of points) {
    const params = await loadPoint(scenarioFile, point, horizon);
    const key = JSON.stringify(params);
    let index = keys.indexOf(key);
    if (index < 0) {
      index = keys.push(key) - 1;
      distinct.push(params);
    }
    indexOf.push(index);
  }
  const runs = await runBatch(distinct, batch);
  return { runs: indexOf.map((i) => runs[i]), distinct: distinct.length };
}

async function loadPoint(scenarioFile: string, point: DesignPoint, horizon: HorizonOptions): Promise<CorridorParams> {
  try {
    const [params] = await loadScenarios([scenarioFile], { ...horizon, set: [...horizon.set, ...point.map(([f, level]) => levelOverride(f, level))] });
    return params;
  } catch (error) {
    if (!(error instanceof ReportedError)) throw error;
    const where = point.map(([f, level]) => `${f.path}=${excerpt(level.text)}`).join(', ');
    throw new UsageError(`the scenario rejects the design point ${where}`, error.details.length > 0 ? error.details : [error.message]);
  }
}
