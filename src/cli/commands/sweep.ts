import { buildSweepReport, writeWhole, type Metric } from '../../run/index.js';
import { canonicalPath, gridOf, parseOverride, parseVary, type Vary } from '../../scenario/index.js';
import { UsageError } from '../errors.js';
import { metricNamed, precisionGoal } from './precisionGoal.js';
import { createProgress } from '../progress.js';
import { terminalWidth } from '../terminalWidth.js';
import { renderPrecision, renderSweep, sweepCsv } from '../render/index.js';
import { checkOutputPaths } from './outputPaths.js';
import { writeHtmlIfAsked } from './htmlOutput.js';
import { replicate } from './replicate.js';
import type { SimulateOptions } from './simulate.js';
import { loadSweepPoints } from './sweepPoints.js';

/** The metrics a sweep reports unless `--metric` names others. */
export const DEFAULT_SWEEP_METRICS = ['timeRelease.mean', 'timeRelease.p90', 'throughputPerDay', 'corridorTime.p90'];

/**
 * At most this many replications in a sweep, all points together (points × replications, or
 * points × --max-replications under --precision): a bound no command line can pass.
 */
export const MAX_SWEEP_RUNS = 10_000;

export interface SweepOptions extends SimulateOptions {
  readonly vary: readonly string[];
  readonly allowDir?: readonly string[];
}

/**
 * `khunjerab sweep FILE --vary PATH=v1,v2 …`: the scenario at every point of the grid of the
 * `--vary` values, all points in one batch on the same replication seeds (common random numbers).
 */
export async function sweep(file: string, options: SweepOptions): Promise<void> {
  const varies = parseVaries(options);
  const metrics = sweepMetrics(options.metric);
  const goal = precisionGoal(options, metrics[0], false);
  checkGridSize(varies, goal === undefined ? options.replications : options.maxReplications, goal !== undefined);
  const grid = gridOf(varies);
  const { scenario, points } = loadSweepPoints(file, varies, grid, options);
  checkOutputPaths([file], { '--csv': options.csv, '--events': options.events, '--html': options.html, '--xlsx': options.xlsx });
  const seed = options.seed ?? points[0].seed;
  const json = options.json === true;
  const progress = createProgress(process.stderr, !json, `replications (${grid.length} points)`, { workers: options.workers });
  const { runs, precision } = await replicate(points, { seed, replications: options.replications, workers: options.workers, queue: options.queue, events: options.events }, goal, progress);
  const report = buildSweepReport({ scenario, file, seed, vary: varies, grid, metrics, runs, precision });
  if (options.csv !== undefined) writeWhole(options.csv, sweepCsv(report));
  if (options.xlsx !== undefined) await (await import('../xlsx/index.js')).writeSweepWorkbook(options.xlsx, report, options.commandLine ?? '');
  await writeHtmlIfAsked(options, (html, commandLine) => html.sweepPage(report, commandLine));
  const color = !json && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const width = terminalWidth();
  let output = json ? JSON.stringify(report, null, 2) : renderSweep(report, { width, color });
  if (!json && precision !== undefined) output = `${output.trimEnd()}\n\n${renderPrecision(precision, { width, color })}`;
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

function parseVaries(options: SweepOptions): Vary[] {
  if (options.vary.length === 0) throw new UsageError('sweep needs at least one --vary PATH=v1,v2,…');
  const problems: string[] = [];
  const varies: Vary[] = [];
  for (const text of options.vary) {
    const parsed = parseVary(text);
    if (parsed.ok) varies.push(parsed.vary);
    else problems.push(parsed.message);
  }
  problems.push(...overlaps(varies, options));
  if (problems.length > 0) throw new UsageError(`${problems.length === 1 ? 'a problem' : `${problems.length} problems`} with --vary`, problems);
  return varies;
}

/** A field swept twice, swept and set, or one inside the other, would be swept in name only. */
function overlaps(varies: readonly Vary[], options: SweepOptions): string[] {
  const problems: string[] = [];
  const setPaths = options.set.map(parseOverride).flatMap((p) => (p.ok ? [canonicalPath(p.override.path)] : []));
  varies.forEach((v, i) => {
    if (v.path === 'seed') problems.push('--vary seed: every point runs on the same seeds; give --seed instead');
    if ((v.path === 'days' || v.path === 'start') && (options.days !== undefined || options.until !== undefined)) {
      problems.push(`--vary ${v.path} cannot be combined with --days or --until, which set the horizon of every point`);
    }
    for (const other of varies.slice(0, i)) if (nested(v.path, other.path)) problems.push(`--vary ${v.path} and --vary ${other.path} change the same field`);
    for (const set of setPaths) if (nested(v.path, set)) problems.push(`--vary ${v.path} and --set ${set} change the same field`);
  });
  return problems;
}

/** True when one path is the other or lies inside it. */
function nested(a: string, b: string): boolean {
  const inside = (x: string, y: string): boolean => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return inside(a, b) || inside(b, a);
}

function sweepMetrics(names: readonly string[]): Metric[] {
  const chosen = names.length === 0 ? DEFAULT_SWEEP_METRICS : names;
  return [...new Set(chosen.map((n) => n.trim()))].map(metricNamed);
}

/** Checked before the grid is built: its size is the product of the numbers of values. */
function checkGridSize(varies: readonly Vary[], replications: number, precision: boolean): void {
  const points = varies.reduce((n, v) => n * v.values.length, 1);
  const runs = points * replications;
  if (runs <= MAX_SWEEP_RUNS) return;
  const per = precision ? `--max-replications ${replications}` : `${replications.toLocaleString('en-US')} replications`;
  throw new UsageError(
    `the sweep has ${points.toLocaleString('en-US')} points × ${per} = ${runs.toLocaleString('en-US')} replications; at most ${MAX_SWEEP_RUNS.toLocaleString('en-US')} are allowed (fewer values, or fewer replications)`,
  );
}
