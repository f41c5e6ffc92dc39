import { DEFAULT_LIMIT, findCapacities, metricOrProblem, parseLimit, type Limit, type TaskRunner } from '../../run/index.js';
import { demandTooLarge, expectedContainers } from '../../scenario/workBound.js';
import { UsageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { terminalWidth } from '../terminalWidth.js';
import { renderCapacity } from '../render/index.js';
import { loadScenarios, type HorizonOptions } from './loadScenarios.js';
import { checkOutputPaths } from './outputPaths.js';
import { writeHtmlIfAsked, type HtmlOutputOptions } from './htmlOutput.js';

export interface CapacityCommandOptions extends HorizonOptions, HtmlOutputOptions {
  readonly seed?: number;
  readonly replications: number;
  readonly workers?: number;
  readonly queue?: TaskRunner;
  readonly json?: boolean;
  readonly xlsx?: string;
  readonly limit?: string;
  readonly metric?: string;
  readonly ceiling: number;
  readonly light: number;
  readonly steps: number;
  readonly resamples: number;
}

/** `khunjerab capacity`: the highest demand each scenario clears within the limit. */
export async function capacity(files: readonly string[], options: CapacityCommandOptions): Promise<void> {
  const limit = limitFrom(options);
  const scenarios = await loadScenarios(files, options);
  checkOutputPaths(files, { '--html': options.html, '--xlsx': options.xlsx });
  const silent = scenarios.find((s) => s.arrivals.vehiclesPerDayByMonth.every((v) => v === 0) || s.arrivals.scale === 0);
  if (silent !== undefined) throw new UsageError(`${silent.name}: the scenario brings no vehicles (every monthly rate or arrivals.scale is 0), so there is no demand to scale`);
  // Every probe draws its trucks at the ceiling, so the ceiling's demand is what must fit.
  const tooLarge = scenarios.flatMap((s) => {
    const problem = demandTooLarge(expectedContainers(s.start, s.days, s.arrivals.vehiclesPerDayByMonth, s.arrivals.scale * options.ceiling), `${s.name} at --ceiling ${options.ceiling}×`);
    return problem === undefined ? [] : [problem];
  });
  if (tooLarge.length > 0) throw new UsageError(tooLarge.join('; '));
  const json = options.json === true;
  const progress = createProgress(process.stderr, !json, 'capacity probes', { workers: options.workers });
  const study = await findCapacities(scenarios, {
    limit,
    seed: options.seed ?? scenarios[0].seed,
    replications: options.replications,
    workers: options.workers,
    queue: options.queue,
    light: options.light,
    ceiling: options.ceiling,
    steps: options.steps,
    resamples: options.resamples,
    onProgress: (done, total) => progress.update(Math.round(done * 10) / 10, total),
  });
  progress.finish();
  if (options.xlsx !== undefined) await (await import('../xlsx/index.js')).writeCapacityWorkbook(options.xlsx, study, files, options.commandLine ?? '');
  await writeHtmlIfAsked(options, (html, commandLine) => html.capacityPage(study, commandLine));
  const color = !json && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const width = terminalWidth();
  const output = json ? JSON.stringify(study, null, 2) : renderCapacity(study, { width, color });
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

function limitFrom(options: CapacityCommandOptions): Limit {
  let text = options.limit ?? DEFAULT_LIMIT;
  if (options.metric !== undefined) {
    const found = metricOrProblem(options.metric);
    if ('problem' in found) throw new UsageError(`--metric: ${found.problem}`);
    if (options.limit !== undefined) throw new UsageError('give the metric inside --limit (e.g. --limit "timeRelease.p90<=72h") or with --metric, not both');
    text = text.replace(/^[^<]+/, found.metric.name);
  }
  const parsed = parseLimit(text);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.limit;
}
