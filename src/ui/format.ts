import type { TransitionRecord } from '../run/index.js';

/** One entry of the stepper's transition log. */
export type TransitionEntry = TransitionRecord;

/** "3 d 4 h 05 min" for a span of simulated hours. */
export function formatDuration(hours: number): string {
  const minutes = Math.floor(hours * 60 + 1e-6);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = d > 0 ? [`${d} d`, `${h} h`] : h > 0 ? [`${h} h`] : [];
  return [...parts, `${String(m).padStart(parts.length > 0 ? 2 : 1, '0')} min`].join(' ');
}

/** "2d04h", "5h10m" or "45m": a span of simulated hours in at most six cells. */
export function shortDuration(hours: number): string {
  const minutes = Math.max(0, Math.floor(hours * 60 + 1e-6));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}d${String(h).padStart(2, '0')}h`;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m`;
}

/** "−12.1 °C" with a real minus sign. */
export function formatTemperature(celsius: number): string {
  const text = Math.abs(celsius).toFixed(1);
  return `${celsius < -0.05 ? '−' : ''}${text} °C`;
}

/** What the analyst injected, in words (each what-if describes itself). */
export { describeWhatIf } from '../run/index.js';

/** One log line: "12-03 14:05 container:12 DECLARED exportDeclaration → toTashkurgan". */
export function describeTransition(entry: TransitionEntry, formatTime: (t: number) => string): string {
  const change = entry.from === '' ? `starts in ${entry.to}` : entry.from === entry.to ? `stays ${entry.to}` : `${entry.from} → ${entry.to}`;
  const event = entry.event === 'xstate.init' ? '' : ` ${entry.event}`;
  return `${formatTime(entry.t)} ${entry.machine}${event}: ${change}`;
}

/**
 * The Sost facility's parallel state ("power.on, weboc.up, scanner.working") as regions,
 * e.g. [{ region: 'power', state: 'on' }, …].
 */
export function facilityRegions(facility: string): Array<{ readonly region: string; readonly state: string }> {
  return facility
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const dot = part.indexOf('.');
      return dot < 0 ? { region: part, state: '' } : { region: part.slice(0, dot), state: part.slice(dot + 1) };
    });
}
