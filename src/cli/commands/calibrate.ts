import { buildScenarioReport, runBatch, timeReleaseBucketWidth } from '../../run/index.js';
import { NotCalibrated } from '../errors.js';
import { createProgress } from '../progress.js';
import { terminalWidth } from '../terminalWidth.js';
import { failingClaims, observedSection, OBSERVED_TITLE } from '../render/observed.js';
import { loadScenarios, type HorizonOptions } from './loadScenarios.js';

export interface CalibrateOptions extends HorizonOptions {
  readonly seed?: number;
  readonly replications: number;
  readonly workers?: number;
}

/**
 * `khunjerab calibrate FILE...`: runs the scenarios as `run` does (common random numbers) and
 * prints only their "Model against observed figures" tables. Every row a scenario claims must
 * pass, or the command says which did not and exits 3.
 */
export async function calibrate(files: readonly string[], options: CalibrateOptions): Promise<void> {
  const scenarios = await loadScenarios(files, options);
  const seed = options.seed ?? scenarios[0].seed;
  const progress = createProgress(process.stderr, true, 'replications', { workers: options.workers });
  const runs = await runBatch(scenarios, {
    seed,
    replications: options.replications,
    workers: options.workers,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const width = terminalWidth();
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const bucketWidth = timeReleaseBucketWidth(runs);
  const reports = scenarios.map((s, i) => buildScenarioReport(s, seed, runs[i], bucketWidth));
  const header = `Seed ${seed}, ${options.replications} replication${options.replications === 1 ? '' : 's'} per scenario.`;
  const tables = reports.map((r) => observedSection(r, { width, color }, `${OBSERVED_TITLE}: ${r.scenario}`));
  process.stdout.write(`${[header, ...tables].join('\n\n')}\n`);
  const failing = reports.flatMap((r) => {
    const rows = failingClaims(r);
    return rows.length === 0 ? [] : [`${r.scenario}: ${rows.join(', ')}`];
  });
  if (failing.length > 0) throw new NotCalibrated('claimed observed rows that do not pass', failing);
}
