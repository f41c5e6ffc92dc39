import type { Stepper } from '../run/index.js';
import { describeWhatIf, formatDuration } from './format.js';
import { wrapWords } from './layout.js';

/**
 * What the CLI prints after the stepper UI exits: how far the run went, with the day as the
 * header counts it (drain days after the horizon), and what was injected; wrapped to `columns`.
 *
 * @example
 * summaryText(stepper);
 * // khunjerab step: 52 steps, 9 h 35 min simulated, to 2025-12-01 09:35 PKT (day 1 of 90)
 * // containers: 6 arrived, 0 released, 6 inside
 * // what-ifs: none
 */
export function summaryText(stepper: Stepper, columns = 80): string {
  const view = stepper.view();
  const steps = `${view.step} step${view.step === 1 ? '' : 's'}`;
  const horizon = view.draining ? `; the ${stepper.params.days}-day horizon ended ${stepper.formatTime(stepper.horizonEnd)} PKT` : '';
  const over = stepper.finished ? (view.inside === 0 ? '; run over, every container out' : '; run over at the end of the drain period') : '';
  const injected = stepper.injections;
  const whatIfs = injected.length === 0 ? 'none' : `${injected.length} injected: ${injected.map((i) => `${describeWhatIf(i.whatIf)} at step ${i.atStep}`).join('; ')}`;
  const redo = stepper.pending.length === 0 ? '' : ` (${stepper.pending.length} undone and not redone)`;
  return [
    `khunjerab step: ${steps}, ${formatDuration(view.now)} simulated, to ${view.clock.pkt} (${view.dayLabel})${horizon}${over}`,
    `containers: ${view.arrived} arrived, ${view.released} released, ${view.inside} inside`,
    `what-ifs: ${whatIfs}${redo}`,
  ]
    .flatMap((line) => wrapWords(line, columns, 2))
    .join('\n');
}
