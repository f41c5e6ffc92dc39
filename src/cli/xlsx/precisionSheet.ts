/** What `--precision` reached, as a sheet (run, compare and sweep). */
import type { PrecisionOutcome } from '../../run/index.js';
import { sheetOf } from './fields.js';
import type { Sheet } from './workbook.js';

export function precisionSheet(outcome: PrecisionOutcome): Sheet {
  type Check = PrecisionOutcome['checks'][number];
  return sheetOf<Check>(
    'Precision',
    `What --precision reached for ${outcome.metric}: the mean of replications of each subject, its 95% half-width and the half-width allowed.`,
    [
      { header: 'Subject', width: 36, value: (c) => c.subject },
      { header: 'Mean of replications', format: 'decimal', value: (c) => c.mean },
      { header: '95% half-width', format: 'decimal', value: (c) => c.halfWidth },
      { header: 'Allowed half-width', format: 'decimal', value: (c) => c.allowed },
      { header: 'Met', value: (c) => c.met },
    ],
    outcome.checks,
  );
}
