/**
 * What each key does to the stepper, with the line of feedback to show. The stepper does the
 * work; these only decide what to say about it. Undefined means nothing worth saying.
 */
import type { Stepper } from '../run/index.js';
import type { Message } from './MessageLine.js';

const endOfRun = (stepper: Stepper): Message => ({ text: `end of the horizon: ${stepper.view().clock.pkt}`, kind: 'info' });

/** Space: fire `times` events (a burst of spaces arrives as one input). */
export function stepForward(stepper: Stepper, times = 1): Message | undefined {
  for (let i = 0; i < times; i++) if (!stepper.step()) return endOfRun(stepper);
  return undefined;
}

/** b: one event back, by exact replay. */
export function stepBack(stepper: Stepper): Message | undefined {
  if (!stepper.back()) return { text: 'already at step 0', kind: 'info' };
  return { text: `back to step ${stepper.stepCount}`, kind: 'info' };
}

/** m: on to the followed container's next milestone (or until it leaves, or the run ends). */
export function runToNextMilestone(stepper: Stepper, id: number | undefined): Message {
  if (id === undefined) return { text: 'no container to follow yet: step until one arrives', kind: 'error' };
  const before = stepper.container(id);
  if (before?.finished === true) return { text: `container ${id} has already left the corridor`, kind: 'error' };
  const fired = stepper.toNextMilestone(id);
  const after = stepper.container(id);
  const latest = after?.milestones.at(-1);
  if (after === undefined || latest === undefined) return stepper.finished ? endOfRun(stepper) : { text: `container ${id} has not arrived yet`, kind: 'info' };
  const reached = (before?.milestones.length ?? 0) < after.milestones.length;
  if (!reached) return stepper.finished ? endOfRun(stepper) : { text: `container ${id}: no new milestone after ${fired} events`, kind: 'info' };
  return { text: `container ${id}: ${latest.label} at ${latest.pkt} PKT (${fired} event${fired === 1 ? '' : 's'})`, kind: 'info' };
}

/**
 * d: on to the first event of the next day. The stepper stops just before midnight; one more
 * event (the day's weather draw at midnight) puts the clock on the new day.
 */
export function runToNextDay(stepper: Stepper): Message {
  let fired = stepper.toNextDay();
  if (stepper.step()) fired++;
  if (stepper.finished) return endOfRun(stepper);
  return { text: `day ${stepper.view().day + 1} (${fired} event${fired === 1 ? '' : 's'})`, kind: 'info' };
}

/** r: one chunk of a continuous run; false once the horizon is reached. */
export function runChunk(stepper: Stepper, events: number): boolean {
  for (let i = 0; i < events; i++) if (!stepper.step()) return false;
  return !stepper.finished;
}
