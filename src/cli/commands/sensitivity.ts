import {
  morrisDesign,
  morrisRanking,
  oneAtATimeEffects,
  type CorridorParams,
  type MorrisFactor,
  type MorrisReport,
  type OneAtATimeReport,
  type SensitivityReport,
} from '../../run/index.js';
import { factorScale, numberLevel, type Factor, type Level } from '../../scenario/index.js';
import { createProgress } from '../progress.js';
import { terminalWidth } from '../terminalWidth.js';
import { renderSensitivity } from '../render/sensitivity.js';
import { checkLevels, runDesign, type DesignBatch, type DesignPoint } from './designPoints.js';
import { loadScenarios } from './loadScenarios.js';
import { checkOutputPaths } from './outputPaths.js';
import { writeHtmlIfAsked } from './htmlOutput.js';
import { planSensitivity, type SensitivityOptions, type SensitivityPlan } from './sensitivityPlan.js';

/**
 * `khunjerab sensitivity FILE`: which factors move the metrics, one at a time (a tornado) or by
 * Morris screening, every design point on the same seeds.
 */
export async function sensitivity(file: string, options: SensitivityOptions): Promise<void> {
  const plan = planSensitivity(file, options);
  const [scenario] = await loadScenarios([plan.scenarioFile], plan.horizon);
  checkLevels(plan.scenarioFile, plan.factors, plan.horizon);
  checkOutputPaths([file, plan.scenarioFile], { '--html': options.html, '--xlsx': options.xlsx });
  const seed = plan.seed ?? scenario.seed;
  const json = options.json === true;
  const progress = createProgress(process.stderr, !json, 'replications (all design points)', { workers: options.workers });
  const batch: DesignBatch = { seed, replications: plan.replications, workers: options.workers, queue: options.queue, onProgress: (done, total) => progress.update(done, total) };
  const report = plan.method === 'oat' ? await oneAtATime(plan, scenario, batch) : await morris(plan, scenario, batch);
  progress.finish();
  await writeHtmlIfAsked(options, (html, commandLine) => html.sensitivityPage(report, commandLine));
  if (options.xlsx !== undefined) await (await import('../xlsx/index.js')).writeSensitivityWorkbook(options.xlsx, report, options.commandLine ?? '');
  const width = terminalWidth();
  const color = !json && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const output = json ? JSON.stringify(report, null, 2) : renderSensitivity(report, { width, color });
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

async function oneAtATime(plan: SensitivityPlan, scenario: CorridorParams, batch: DesignBatch): Promise<OneAtATimeReport> {
  const points: DesignPoint[] = plan.factors.flatMap((f) => [[[f, f.low]], [[f, f.high]]]);
  const { runs, distinct } = await runDesign(plan.scenarioFile, points, plan.horizon, batch);
  const ranking = oneAtATimeEffects(
    plan.factors.map((f, i) => ({ factor: f.label, low: runs[2 * i], high: runs[2 * i + 1] })),
    plan.metrics,
  );
  return { method: 'oat', ...reportBase(plan, scenario, batch.seed, distinct), ranking };
}

async function morris(plan: SensitivityPlan, scenario: CorridorParams, batch: DesignBatch): Promise<MorrisReport> {
  const factors = plan.factors.map(morrisFactor);
  const design = morrisDesign(factors, { trajectories: plan.trajectories, levels: plan.levels, seed: batch.seed });
  const points: DesignPoint[] = design.trajectories.flatMap((t) => t.points.map((values) => plan.factors.map((f, i) => [f, levelAt(f, factors[i], values[i])] as const)));
  const { runs, distinct } = await runDesign(plan.scenarioFile, points, plan.horizon, batch);
  const perPoint = plan.factors.length + 1;
  const byTrajectory = design.trajectories.map((_, t) => runs.slice(t * perPoint, (t + 1) * perPoint));
  return {
    method: 'morris',
    ...reportBase(plan, scenario, batch.seed, distinct),
    trajectories: plan.trajectories,
    levels: design.levels,
    delta: design.delta,
    ranking: morrisRanking(design, byTrajectory, plan.metrics),
  };
}

/** A two-level factor runs from 0 (its low level) to 1 (its high); a number between its own levels. */
function morrisFactor(factor: Factor): MorrisFactor {
  const scale = factorScale(factor);
  if (scale === 'ends' || typeof factor.low.value !== 'number' || typeof factor.high.value !== 'number') {
    return { name: factor.label, kind: 'ends', low: 0, high: 1 };
  }
  return { name: factor.label, kind: scale, low: factor.low.value, high: factor.high.value };
}

function levelAt(factor: Factor, scaled: MorrisFactor, value: number): Level {
  if (scaled.kind === 'ends') return value === scaled.low ? factor.low : factor.high;
  if (value === factor.low.value) return factor.low;
  if (value === factor.high.value) return factor.high;
  return numberLevel(value);
}

function reportBase(plan: SensitivityPlan, scenario: CorridorParams, seed: number, designPoints: number): Omit<SensitivityReport, 'method' | 'ranking'> {
  return {
    scenario: scenario.name,
    scenarioFile: plan.scenarioFile,
    ...(plan.studyFile === undefined ? {} : { study: plan.studyFile }),
    ...(plan.title === undefined ? {} : { title: plan.title }),
    start: scenario.start,
    days: scenario.days,
    warmupDays: scenario.warmupDays,
    seed,
    replications: plan.replications,
    metrics: plan.metrics.map((m) => ({ name: m.name, unit: m.unit, what: m.what })),
    factors: plan.factors.map((f) => ({ label: f.label, path: f.path, low: f.low.value, high: f.high.value, scale: factorScale(f) })),
    designPoints,
  };
}
