export { ObservedTally } from './tally.js';
export { observedReport, type ObservedRowReport } from './report.js';
export { verdictOf, passes, type ObservedVerdict, type ModelFigure } from './verdict.js';
export type { ObservedValue } from './value.js';
