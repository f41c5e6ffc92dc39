import { MS_PER_HOUR, isValidIsoDate, localToEpoch, parseIsoDate } from '../kernel/index.js';
import type { ScheduledWhatIf } from '../model/params.js';
import { PKT } from '../model/timeZones.js';
import { describeWhatIf } from '../model/whatIfs.js';

/** Each scheduled what-if must fall inside the horizon [start 00:00 PKT, start + days). */
export function whatIfOutsideHorizon(list: readonly ScheduledWhatIf[], start: string, days: number): Array<{ index: number; message: string }> {
  if (!Array.isArray(list) || !isValidIsoDate(start)) return [];
  const { year, month, day } = parseIsoDate(start);
  const from = localToEpoch(PKT, year, month, day, 0);
  const to = from + days * 24 * MS_PER_HOUR;
  return list.flatMap((w, index) =>
    typeof w?.at !== 'number' || (w.at >= from && w.at < to) ? [] : [{ index, message: `${describeWhatIf(w.whatIf)} is set outside the horizon (${start} for ${days} days)` }],
  );
}
