import type { CorridorParams } from '../../run/index.js';
import { lookUpLoad, type CachedLoad } from '../../scenario/loadCache.js';
import { whatIfOutsideHorizon } from '../../scenario/whatIfHorizon.js';
import { MAX_DAYS, demandTooLarge, expectedContainers } from '../../scenario/workBound.js';
import { UsageError } from '../errors.js';

export interface HorizonOptions {
  readonly days?: number;
  readonly until?: string;
  readonly set: readonly string[];
  /** Folders `extends` may also read from (`--allow-dir`). */
  readonly allowDir?: readonly string[];
}

/**
 * Loads every scenario with the `--set` overrides and the `--days`/`--until` horizon; every
 * problem with any of them comes back at once as a UsageError (exit 2). Files loaded cleanly
 * before come from the load cache (scenario/loadCache.ts), and the YAML parser and the schema
 * load only when a file is not there.
 */
export async function loadScenarios(files: readonly string[], options: HorizonOptions): Promise<CorridorParams[]> {
  const allowDirs = options.allowDir ?? [];
  const cached = files.map((file) => lookUpLoad({ file, overrides: options.set, allowDirs }));
  const loader = cached.every((c): c is CachedLoad => c !== undefined) ? undefined : await import('../../scenario/index.js');
  const scenarios: CorridorParams[] = [];
  const problems: string[] = [];
  files.forEach((file, i) => {
    const result = cached[i] ?? loader?.loadScenario(file, [...options.set], { allowDirs });
    if (result === undefined) throw new Error(`${file}: neither cached nor loaded`);
    if ('errors' in result) {
      problems.push(...result.errors.map((e) => loader?.formatScenarioError(e) ?? e.message));
      return;
    }
    try {
      scenarios.push(withHorizon(result.scenario, options));
    } catch (error) {
      if (error instanceof UsageError) problems.push(`${file}: ${error.message}`);
      else throw error;
    }
  });
  if (problems.length > 0) throw new UsageError(`${problems.length === 1 ? 'a problem' : `${problems.length} problems`} with the scenario input`, problems);
  return scenarios;
}

/** The scenario with the `--days`/`--until` horizon, or a UsageError when it does not fit. */
export function withHorizon(scenario: CorridorParams, options: HorizonOptions): CorridorParams {
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
  const tooLarge = demandTooLarge(expectedContainers(scenario.start, days, scenario.arrivals.vehiclesPerDayByMonth, scenario.arrivals.scale), `arrivals × scale over the ${days} days of --days/--until`);
  if (tooLarge !== undefined) throw new UsageError(tooLarge);
  const outside = whatIfOutsideHorizon(scenario.whatIfs, scenario.start, days);
  if (outside.length > 0) throw new UsageError(`with a horizon of ${days} days, ${outside.map((o) => `whatIfs[${o.index}]: ${o.message}`).join('; ')}`);
  return { ...scenario, days };
}
