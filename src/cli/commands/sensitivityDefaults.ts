/** Defaults of `khunjerab sensitivity`; imports nothing, so `--help` stays fast. */
export const DEFAULT_SENSITIVITY_METRICS: readonly string[] = ['timeRelease.mean', 'timeRelease.p90', 'throughputPerDay', 'perishablesLost', 'stranded.peak'];
export const DEFAULT_STUDY_REPLICATIONS = 20;
export const DEFAULT_TRAJECTORIES = 10;
export const DEFAULT_LEVELS = 4;
