import { metricOrProblem, type Metric, type PrecisionGoal } from '../../run/index.js';
import { UsageError } from '../errors.js';
import type { PrecisionFlags } from '../precisionOptions.js';

/** The named metric, or a usage error that lists the names there are. */
export function metricNamed(name: string): Metric {
  const found = metricOrProblem(name);
  if ('problem' in found) throw new UsageError(`--metric: ${found.problem}`);
  return found.metric;
}

/**
 * The goal the flags set, or undefined without `--precision`. `main` is the metric it aims at;
 * `paired` (compare) holds the paired differences to it too.
 */
export function precisionGoal(flags: PrecisionFlags, main: Metric, paired: boolean): PrecisionGoal | undefined {
  if (flags.precision === undefined) return undefined;
  if (flags.replications > flags.maxReplications) {
    throw new UsageError(`the first batch of ${flags.replications} replications (--replications) is more than --max-replications ${flags.maxReplications}`);
  }
  return { relative: flags.precision, metric: main, firstBatch: flags.replications, maxReplications: flags.maxReplications, paired };
}
