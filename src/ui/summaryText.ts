import type { Stepper } from '../run/index.js';
import { describeWhatIf, formatDuration } from './format.js';

/**
 * What the CLI prints after the stepper UI exits: how far the run went and what was injected.
 *
 * @example
 * summaryText(stepper);
 * // khunjerab step: 52 steps, 9 h 35 min simulated, to 2025-12-01 09:35 PKT
 * // containers: 6 arrived, 0 released, 6 inside
 * // what-ifs: none
 */
export function summaryText(stepper: Stepper): string {
  const view = stepper.view();
  const steps = `${view.step} step${view.step === 1 ? '' : 's'}`;
  const whatIfs =
    stepper.injections.length === 0
      ? 'none'
      : `${stepper.injections.length} injected: ${stepper.injections.map((i) => `${describeWhatIf(i.whatIf)} at step ${i.atStep}`).join('; ')}`;
  return [
    `khunjerab step: ${steps}, ${formatDuration(view.now)} simulated, to ${view.clock.pkt}${view.finished ? ' (end of the horizon)' : ''}`,
    `containers: ${view.arrived} arrived, ${view.released} released, ${view.inside} inside`,
    `what-ifs: ${whatIfs}`,
  ].join('\n');
}
