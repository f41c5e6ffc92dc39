import type { CorridorParams } from '../../run/index.js';
import { buildScenarioReport, compareScenarios, runBatch, timeReleaseBucketWidth, type ScenarioReport } from '../../run/index.js';
import { MAX_DAYS, formatScenarioError, loadScenario, whatIfOutsideHorizon } from '../../scenario/index.js';
import { UsageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { renderComparison, renderRunReport } from '../render/index.js';

export interface SimulateOptions {
  readonly seed?: number;
  readonly replications: number;
  readonly workers?: number;
  readonly json?: boolean;
  readonly csv?: string;
  readonly events?: string;
  readonly days?: number;
  readonly until?: string;
  readonly set: readonly string[];
}

/** `khunjerab run` and `khunjerab compare`: load, replicate, report. */
export async function simulate(files: readonly string[], options: SimulateOptions, mode: 'run' | 'compare'): Promise<void> {
  const scenarios = loadAll(files, options);
  const seed = options.seed ?? scenarios[0].seed;
  const json = options.json === true;
  const progress = createProgress(process.stderr, !json, mode === 'run' ? 'replications' : 'replications (all scenarios)');
  const runs = await runBatch(scenarios, {
    seed,
    replications: options.replications,
    workers: options.workers,
    csvPath: options.csv,
    eventsPath: options.events,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const bucketWidth = timeReleaseBucketWidth(runs);
  const reports: ScenarioReport[] = scenarios.map((s, i) => buildScenarioReport(s, seed, runs[i], bucketWidth));
  const color = !json && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const width = Math.max(60, process.stdout.columns ?? 100);
  let output: string;
  if (mode === 'run') {
    output = json ? JSON.stringify(reports[0], null, 2) : renderRunReport(reports[0], { width, color });
  } else {
    const differences = compareScenarios(reports.map((r) => r.scenario), runs);
    output = json ? JSON.stringify({ scenarios: reports, differences }, null, 2) : renderComparison(reports, differences, { width, color });
  }
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

function loadAll(files: readonly string[], options: SimulateOptions): CorridorParams[] {
  const scenarios: CorridorParams[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const result = loadScenario(file, [...options.set]);
    if (!result.ok) {
      problems.push(...result.errors.map(formatScenarioError));
      continue;
    }
    try {
      scenarios.push(withHorizon(result.scenario, options));
    } catch (error) {
      if (error instanceof UsageError) problems.push(`${file}: ${error.message}`);
      else throw error;
    }
  }
  if (problems.length > 0) throw new UsageError(`${problems.length === 1 ? 'a problem' : `${problems.length} problems`} with the scenario input`, problems);
  return scenarios;
}

function withHorizon(scenario: CorridorParams, options: SimulateOptions): CorridorParams {
  let days = scenario.days;
  if (options.days !== undefined) days = options.days;
  if (options.until !== undefined) {
    const span = (Date.parse(`${options.until}T00:00:00Z`) - Date.parse(`${scenario.start}T00:00:00Z`)) / 86_400_000 + 1;
    if (span < 1) throw new UsageError(`--until ${options.until} is before the scenario start ${scenario.start}`);
    days = span;
  }
  if (days > MAX_DAYS) throw new UsageError(`the horizon of ${days} days is longer than the ${MAX_DAYS} allowed`);
  if (days <= scenario.warmupDays) {
    throw new UsageError(`the horizon of ${days} day(s) must be longer than the warm-up of ${scenario.warmupDays} day(s)`);
  }
  if (days === scenario.days) return scenario;
  const outside = whatIfOutsideHorizon(scenario.whatIfs, scenario.start, days);
  if (outside.length > 0) throw new UsageError(`with a horizon of ${days} days, ${outside.map((o) => `whatIfs[${o.index}]: ${o.message}`).join('; ')}`);
  return { ...scenario, days };
}
