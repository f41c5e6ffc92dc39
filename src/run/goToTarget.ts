/** Where `g` goes: a step, or a PKT date and time (the first event at or after it). */
export type GoToTarget =
  | { readonly kind: 'step'; readonly step: number }
  | { readonly kind: 'time'; readonly date: string; readonly time: string }
  | { readonly kind: 'day'; readonly day: number }
  | { readonly kind: 'error'; readonly message: string };

export const GO_TO_EXAMPLES = '1234 (a step), 2025-12-15 14:00, 12-15, 14:00 (today) or day 30';

/**
 * Reads what was typed after `g`. `today` ("2025-12-03") fills in a missing year or date.
 *
 * @example
 * parseGoTo('12-15 9:30', '2025-12-03'); // { kind: 'time', date: '2025-12-15', time: '09:30' }
 */
export function parseGoTo(text: string, today: string): GoToTarget {
  const typed = text.trim().toLowerCase();
  const step = /^(?:step\s*)?(\d+)$/.exec(typed);
  if (step !== null) return { kind: 'step', step: Number(step[1]) };
  const day = /^day\s*(\d+)$/.exec(typed);
  if (day !== null) return Number(day[1]) >= 1 ? { kind: 'day', day: Number(day[1]) } : { kind: 'error', message: 'days count from 1' };
  const when = /^(?:(?:(\d{4})-)?(\d{1,2})-(\d{1,2}))?\s*(?:(\d{1,2}):(\d{2}))?$/.exec(typed);
  if (when === null || (when[2] === undefined && when[4] === undefined)) return { kind: 'error', message: `go to what? try ${GO_TO_EXAMPLES}` };
  const [, year, month, dayOfMonth, hour, minute] = when;
  const date = month === undefined ? today : `${year ?? today.slice(0, 4)}-${month.padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`;
  const time = hour === undefined ? '00:00' : `${hour.padStart(2, '0')}:${minute}`;
  if (Number.isNaN(Date.parse(`${date}T${time}:00+05:00`)) || Number(hour ?? 0) > 23) return { kind: 'error', message: `no such date or time: ${text.trim()}` };
  return { kind: 'time', date, time };
}
