import { InvalidArgumentError, type Command } from 'commander';
import { collect, integerBetween } from './parseOptions.js';

/** The cap on replications per scenario under `--precision` unless `--max-replications` says otherwise. */
export const DEFAULT_MAX_REPLICATIONS = 200;

/** The first batch under `--precision` when `--replications` is not given. */
export const PRECISION_FIRST_BATCH = 10;

/** The main metric of `--precision` unless `--metric` names another. */
export const PRECISION_METRIC = 'timeRelease.mean';

/** The flags `--precision` reads, as commander hands them over. */
export interface PrecisionFlags {
  readonly precision?: number;
  readonly maxReplications: number;
  readonly metric: readonly string[];
  /** Under `--precision`, the first batch. */
  readonly replications: number;
}

/**
 * Adds `--precision`, `--max-replications` and `--metric` to a command. Without
 * `--replications`, the first batch under `--precision` is {@link PRECISION_FIRST_BATCH}
 * (or the cap, if lower).
 */
export function addPrecisionOptions(command: Command, maxReplications: number, metricHelp: string): Command {
  return command
    .option(
      '--precision <percent>',
      `replicate in batches until the 95% CI half-width of the main metric is within this share of its mean, e.g. 5% (first batch: --replications, default ${PRECISION_FIRST_BATCH})`,
      percentage,
    )
    .option(
      '--max-replications <n>',
      'with --precision: replications per scenario at most',
      integerBetween(2, maxReplications, '--max-replications', 'a study never needs more'),
      DEFAULT_MAX_REPLICATIONS,
    )
    .option('--metric <name>', metricHelp, collect, [])
    .hook('preAction', (self) => {
      if (self.getOptionValue('precision') !== undefined && self.getOptionValueSource('replications') === 'default') {
        self.setOptionValue('replications', Math.min(PRECISION_FIRST_BATCH, Number(self.getOptionValue('maxReplications'))));
      }
    });
}

/** "5%" or "5" → 0.05: a percentage strictly between 0 and 100. */
export function percentage(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*%?\s*$/.exec(value);
  const percent = match === null ? NaN : Number(match[1]);
  if (!(percent > 0 && percent < 100)) throw new InvalidArgumentError(`expected a percentage between 0 and 100 (exclusive), such as 5%, got "${value}"`);
  return percent / 100;
}
