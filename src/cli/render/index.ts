/** Terminal rendering of `khunjerab run` and `khunjerab compare` reports. */
export { renderRunReport } from './runReport.js';
export { renderComparison, COMMON_RANDOM_NUMBERS } from './comparison.js';
export type { RenderOptions } from './options.js';
export { renderCapacity } from './capacity.js';
export { renderPrecision } from './precision.js';
export { formatGoal } from './format.js';
export { renderSweep, sweepCsv } from './sweep.js';
