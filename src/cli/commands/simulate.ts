import { buildScenarioReport, compareScenarios, timeReleaseBucketWidth, type PrecisionGoal, type ScenarioReport, type TaskRunner } from '../../run/index.js';
import { UsageError } from '../errors.js';
import { PRECISION_METRIC, type PrecisionFlags } from '../precisionOptions.js';
import { metricNamed, precisionGoal } from './precisionGoal.js';
import { createProgress } from '../progress.js';
import { terminalWidth } from '../terminalWidth.js';
import { loadScenarios } from './loadScenarios.js';
import { checkOutputPaths } from './outputPaths.js';
import { writeHtmlIfAsked, type HtmlOutputOptions } from './htmlOutput.js';
import { replicate } from './replicate.js';

export interface SimulateOptions extends PrecisionFlags, HtmlOutputOptions {
  readonly seed?: number;
  readonly replications: number;
  readonly workers?: number;
  readonly queue?: TaskRunner;
  readonly json?: boolean;
  readonly csv?: string;
  readonly events?: string;
  readonly xlsx?: string;
  readonly days?: number;
  readonly until?: string;
  readonly set: readonly string[];
}

/** `khunjerab run` and `khunjerab compare`: load, replicate, report. */
export async function simulate(files: readonly string[], options: SimulateOptions, mode: 'run' | 'compare'): Promise<void> {
  const goal = precisionGoalOf(options, mode);
  const scenarios = await loadScenarios(files, options);
  checkOutputPaths(files, { '--csv': options.csv, '--events': options.events, '--html': options.html, '--xlsx': options.xlsx });
  const seed = options.seed ?? scenarios[0].seed;
  const json = options.json === true;
  const progress = createProgress(process.stderr, !json, mode === 'run' ? 'replications' : 'replications (all scenarios)', { workers: options.workers });
  const workbook = options.xlsx === undefined ? undefined : (await import('../xlsx/index.js')).planReportWorkbook(options.xlsx, options.csv, goal !== undefined, options.commandLine ?? '');
  const { runs, precision } = await replicate(scenarios, { ...options, seed, csv: workbook?.containerCsv ?? options.csv }, goal, progress);
  const bucketWidth = timeReleaseBucketWidth(runs);
  const reports: ScenarioReport[] = scenarios.map((s, i) => buildScenarioReport(s, seed, runs[i], bucketWidth));
  const differences = mode === 'compare' ? compareScenarios(reports.map((r) => r.scenario), runs) : [];
  await workbook?.write({ reports, differences, precision, files, seed });
  const color = !json && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const width = terminalWidth();
  await writeHtmlIfAsked(options, (html, commandLine) =>
    mode === 'run' ? html.runPage(reports[0], precision, commandLine) : html.comparePage(reports, differences, precision, commandLine),
  );
  let output: string;
  if (json) {
    output = JSON.stringify(mode === 'run' ? { ...reports[0], precision } : { scenarios: reports, differences, precision }, null, 2);
  } else {
    // The text renderer and its table and width libraries load only for a text report.
    const { renderComparison, renderPrecision, renderRunReport } = await import('../render/index.js');
    output = mode === 'run' ? renderRunReport(reports[0], { width, color }) : renderComparison(reports, differences, { width, color });
    if (precision !== undefined) output = `${output.trimEnd()}\n\n${renderPrecision(precision, { width, color })}`;
  }
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

/** `--precision` on run and compare: the main metric is the one `--metric` names (one at most). */
function precisionGoalOf(options: SimulateOptions, mode: 'run' | 'compare'): PrecisionGoal | undefined {
  if (options.metric.length > 1) throw new UsageError(`--metric names the one metric --precision aims at; got ${options.metric.length}`);
  if (options.metric.length === 1 && options.precision === undefined) throw new UsageError('--metric only applies with --precision');
  return precisionGoal(options, metricNamed(options.metric[0] ?? PRECISION_METRIC), mode === 'compare');
}
