import { buildScenarioReport, compareScenarios, runBatch, timeReleaseBucketWidth, type ScenarioReport } from '../../run/index.js';
import { createProgress } from '../progress.js';
import { renderComparison, renderRunReport } from '../render/index.js';
import { loadScenarios } from './loadScenarios.js';
import { checkOutputPaths } from './outputPaths.js';

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
  const scenarios = loadScenarios(files, options);
  checkOutputPaths(files, { '--csv': options.csv, '--events': options.events });
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
