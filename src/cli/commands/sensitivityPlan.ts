import { metricOrProblem, METRIC_NAMES, type Metric, type TaskRunner } from '../../run/index.js';
import { formatScenarioError, isStudyFile, loadStudy, parseFactor, type Factor, type StudyMethod } from '../../scenario/index.js';
import { UsageError } from '../errors.js';
import type { HorizonOptions } from './loadScenarios.js';
import type { HtmlOutputOptions } from './htmlOutput.js';
import { DEFAULT_LEVELS, DEFAULT_SENSITIVITY_METRICS, DEFAULT_STUDY_REPLICATIONS, DEFAULT_TRAJECTORIES } from './sensitivityDefaults.js';

/**
 * What `khunjerab sensitivity` is asked to do, from a study file and the command line (the
 * command line wins): the scenario, the factors, the metrics, the method and its settings.
 */
export interface SensitivityOptions extends HorizonOptions, HtmlOutputOptions {
  readonly factor: readonly string[];
  readonly metric: readonly string[];
  readonly method?: StudyMethod;
  readonly trajectories?: number;
  readonly levels?: number;
  readonly seed?: number;
  readonly replications?: number;
  readonly workers?: number;
  readonly queue?: TaskRunner;
  readonly json?: boolean;
  readonly xlsx?: string;
}

export interface SensitivityPlan {
  readonly scenarioFile: string;
  readonly studyFile?: string;
  readonly title?: string;
  readonly method: StudyMethod;
  readonly factors: readonly Factor[];
  readonly metrics: readonly Metric[];
  readonly replications: number;
  readonly seed?: number;
  readonly trajectories: number;
  readonly levels: number;
  readonly horizon: HorizonOptions;
}

export function planSensitivity(file: string, options: SensitivityOptions): SensitivityPlan {
  const study = isStudyFile(file) ? loadStudy(file, { metricNames: METRIC_NAMES }) : undefined;
  if (study !== undefined && !study.ok) {
    throw new UsageError(`${study.errors.length} error(s) in the study file`, study.errors.map(formatScenarioError));
  }
  const fromFile = study?.study;
  const problems: string[] = [];
  const parsedFactors = options.factor.map(parseFactor);
  for (const parsed of parsedFactors) if (!parsed.ok) problems.push(parsed.message);
  const factors = options.factor.length > 0 ? parsedFactors.flatMap((p) => (p.ok ? [p.factor] : [])) : fromFile?.factors ?? [];
  if (options.factor.length === 0 && fromFile === undefined) problems.push('give at least one --factor PATH=LOW..HIGH, or a study file that lists factors');
  const metrics: Metric[] = [];
  for (const name of options.metric.length > 0 ? options.metric : fromFile?.metrics ?? DEFAULT_SENSITIVITY_METRICS) {
    const found = metricOrProblem(name);
    if ('metric' in found) metrics.push(found.metric);
    else problems.push(`--metric: ${found.problem}`);
  }
  const paths = factors.map((f) => f.path);
  paths.forEach((path, i) => {
    if (paths.indexOf(path) !== i) problems.push(`the factor ${path} is given twice`);
  });
  if (problems.length > 0) throw new UsageError(problems.length === 1 ? problems[0] : `${problems.length} problems with the study`, problems.length === 1 ? [] : problems);
  return {
    scenarioFile: fromFile?.scenario ?? file,
    studyFile: fromFile?.file,
    title: fromFile?.title,
    method: options.method ?? fromFile?.method ?? 'oat',
    factors,
    metrics,
    replications: options.replications ?? fromFile?.replications ?? DEFAULT_STUDY_REPLICATIONS,
    seed: options.seed ?? fromFile?.seed,
    trajectories: options.trajectories ?? fromFile?.trajectories ?? DEFAULT_TRAJECTORIES,
    levels: options.levels ?? fromFile?.levels ?? DEFAULT_LEVELS,
    horizon: {
      days: options.days ?? (options.until === undefined ? fromFile?.days : undefined),
      until: options.until,
      set: options.set,
      allowDir: options.allowDir,
    },
  };
}
