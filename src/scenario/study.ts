import * as nodePath from 'node:path';
import { z } from 'zod';
import { MAX_SEED } from '../kernel/index.js';
import { factorFromValues, type Factor } from './factor.js';
import { integerIn, isRecord, list, mapping } from './fields.js';
import { readScenarioText } from './fileAccess.js';
import { fallbackErrorMap, toProblems } from './issues.js';
import { formatPath } from './layers.js';
import type { ScenarioError } from './load.js';
import { describeValue, expecting } from './messages.js';
import { addIssue } from './refine.js';
import { parseYaml, type Locator } from './yamlSource.js';

/**
 * A sensitivity study in a file: which scenario, which factors between which levels, which
 * metrics, how. Command-line flags override what it says.
 *
 *   scenario: ../scenarios/winter-2025.yaml       # relative to the study file
 *   method: oat                                   # or morris (with trajectories, levels)
 *   replications: 10
 *   metrics: [timeRelease.mean, perishablesLost]
 *   factors:
 *     - { label: Heating at Sost, path: heating.sostHeated, low: false, high: true }
 *
 * Errors come back as `ScenarioError`s with file, line and column, like a scenario's.
 */
export interface Study {
  readonly file: string;
  /** The scenario file, resolved against the study file's folder. */
  readonly scenario: string;
  readonly title?: string;
  readonly method?: StudyMethod;
  readonly metrics?: readonly string[];
  readonly replications?: number;
  readonly seed?: number;
  readonly days?: number;
  readonly trajectories?: number;
  readonly levels?: number;
  readonly factors: readonly Factor[];
}

export const STUDY_METHODS = ['oat', 'morris'] as const;
export type StudyMethod = (typeof STUDY_METHODS)[number];

export type StudyResult = { readonly ok: true; readonly study: Study } | { readonly ok: false; readonly errors: ScenarioError[] };

export interface StudyOptions {
  /** The metric names a study may ask for; any other is an error at its line. */
  readonly metricNames: readonly string[];
}

const level = z.unknown().superRefine((value, ctx) => {
  if (value === undefined || value === null) addIssue(ctx, [], `${value === undefined ? 'missing' : 'empty'}; expected a level such as 4, true or [1, 2, 3]`);
});

const factorSchema = mapping(
  {
    path: z.string({ error: expecting('a scenario field path such as sost.examBays') }).min(1, { error: 'expected a scenario field path such as sost.examBays' }),
    label: z.string({ error: expecting('a short text') }).optional(),
    low: level,
    high: level,
  },
  'a factor {path, label, low, high}',
);

function studySchema(metricNames: readonly string[]) {
  const metric = z.string({ error: expecting('a metric name') }).superRefine((name, ctx) => {
    if (!metricNames.includes(name)) addIssue(ctx, [], `unknown metric ${describeValue(name)}; one of ${metricNames.join(', ')}`);
  });
  return mapping(
    {
      scenario: z.string({ error: expecting('the path of a scenario file, relative to the study') }),
      title: z.string({ error: expecting('a short text') }).optional(),
      description: z.string({ error: expecting('a text') }).optional(),
      method: z.enum(STUDY_METHODS, { error: expecting('"oat" or "morris"') }).optional(),
      metrics: list(metric, 'a list of metric names').min(1, { error: 'expected at least one metric' }).optional(),
      replications: integerIn(1, 100_000, 'a whole number of replications from 1 to 100,000').optional(),
      seed: integerIn(0, MAX_SEED, `an integer from 0 to ${MAX_SEED}`).optional(),
      days: integerIn(1, 100_000, 'a whole number of days >= 1').optional(),
      trajectories: integerIn(1, 10_000, 'a whole number of trajectories from 1 to 10,000').optional(),
      levels: integerIn(2, 100, 'an even number of levels from 2 to 100')
        .refine((p) => p % 2 === 0, { error: expecting('an even number of levels from 2 to 100') })
        .optional(),
      factors: list(factorSchema, 'a list of factors {path, label, low, high}').min(1, { error: 'expected at least one factor' }),
    },
    'a study mapping {scenario, factors, …}',
  );
}

/** True when `value` (a parsed YAML file) reads as a study rather than a scenario: it has a key only studies have. */
export function looksLikeStudy(value: unknown): boolean {
  return isRecord(value) && ('scenario' in value || 'factors' in value);
}

/** Whether the file at `file` is a study; false when it cannot be read (the scenario loader will say why). */
export function isStudyFile(file: string): boolean {
  const read = readScenarioText(file);
  if (!read.ok) return false;
  const parsed = parseYaml(read.text);
  return parsed.ok && looksLikeStudy(parsed.value);
}

export function loadStudy(file: string, options: StudyOptions): StudyResult {
  const read = readScenarioText(file);
  if (!read.ok) return { ok: false, errors: [{ file, path: '', message: read.message }] };
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    return { ok: false, errors: parsed.problems.map((p) => ({ file, path: formatPath(p.path), line: p.line, column: p.column, message: p.message })) };
  }
  const result = studySchema(options.metricNames).safeParse(parsed.value, { error: fallbackErrorMap, reportInput: true });
  if (!result.success) {
    return {
      ok: false,
      errors: toProblems(result.error.issues).map((p) => at(file, parsed.locate, p.path, p.message, p.atKey ? 'key' : 'value')),
    };
  }
  const data = result.data;
  const factors: Factor[] = [];
  const errors: ScenarioError[] = [];
  data.factors.forEach((f, i) => {
    const position = parsed.locate(['factors', i]);
    const made = factorFromValues(f.path, f.label, f.low, f.high, `${file}:${position.line}:${position.column}`);
    if (made.ok) factors.push(made.factor);
    else errors.push(at(file, parsed.locate, ['factors', i], made.message.replace(/^--factor /, '')));
  });
  if (errors.length > 0) return { ok: false, errors };
  const { scenario, description: _description, factors: _factors, ...rest } = data;
  return { ok: true, study: { ...rest, file, scenario: nodePath.isAbsolute(scenario) ? scenario : nodePath.join(nodePath.dirname(file), scenario), factors } };
}

function at(file: string, locate: Locator, path: readonly (string | number)[], message: string, target: 'key' | 'value' = 'value'): ScenarioError {
  const position = locate(path, target);
  return { file, path: formatPath(path), line: position.line, column: position.column, message };
}
