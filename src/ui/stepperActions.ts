/**
 * What each key does to the stepper, with the line of feedback to show. The stepper does the
 * work; these only decide what to say about it. Undefined means nothing worth saying.
 */
import { describeWhatIf, parseGoTo, type BackResult, type Moved, type Stepper } from '../run/index.js';
import type { Message } from './MessageLine.js';
import { hoursPerTick, MAX_EVENTS_PER_TICK } from './runSpeed.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where the run stands once it cannot go on, or has just reached the end of the horizon. */
export function endMessage(stepper: Stepper): Message {
  const view = stepper.view();
  if (stepper.finished) {
    const how = view.inside === 0 ? 'every container is out' : `the drain period is over with ${view.inside} still inside`;
    return { text: `run over at ${view.clock.pkt} (${view.dayLabel}): ${how}`, kind: 'info' };
  }
  const end = stepper.formatTime(stepper.horizonEnd);
  return { text: `the ${stepper.params.days}-day horizon ends ${end} PKT: no more arrivals; step on to drain the ${view.inside} inside`, kind: 'info' };
}

/** Space: fire `times` events. */
export function stepForward(stepper: Stepper, times: number): Message | undefined {
  const moved = stepper.stepMany(times);
  return firedSaying(moved) ?? (moved.fired < times ? endMessage(stepper) : undefined);
}

/** b: `times` events back, by replay. */
export function stepBack(stepper: Stepper, times: number): Message {
  const back = stepper.back(times);
  if (back === undefined) return { text: 'already at step 0', kind: 'info' };
  return { text: back.undid.length > 0 ? undidSaying(back) : `back to step ${back.to}`, kind: 'info' };
}

/** m: on to the followed container's next milestone, `times` over (or until it leaves, or the run ends). */
export function runToNextMilestone(stepper: Stepper, id: number | undefined, times: number): Message {
  if (id === undefined) return { text: 'no container to follow yet: step until one arrives', kind: 'error' };
  if (stepper.container(id)?.finished === true) return { text: `container ${id} has already left the corridor; f follows the next to arrive`, kind: 'error' };
  const before = stepper.container(id)?.milestones.length ?? 0;
  let fired = 0;
  const whatIfs: Moved['whatIfs'][number][] = [];
  for (let i = 0; i < times && stepper.container(id)?.finished !== true; i++) {
    const moved = stepper.toNextMilestone(id);
    fired += moved.fired;
    whatIfs.push(...moved.whatIfs);
    if (moved.fired === 0) break;
  }
  const after = stepper.container(id);
  const reached = after?.milestones.slice(before) ?? [];
  const also = firedSaying({ fired, whatIfs });
  if (reached.length === 0) {
    if (stepper.finished || stepper.horizonOver) return endMessage(stepper);
    return { text: after === undefined ? `container ${id} has not arrived yet` : `container ${id}: no new milestone after ${plural(fired, 'event')}`, kind: 'info' };
  }
  // Milestones reached at the same minute are named together, so none is skipped unannounced.
  const byTime = new Map<string, string[]>();
  for (const m of reached) byTime.set(m.pkt, [...(byTime.get(m.pkt) ?? []), m.label]);
  const said = [...byTime].map(([pkt, labels]) => `${labels.join(' and ')} at ${pkt.slice(5)}`).join('; ');
  return { text: `container ${id}: ${said} PKT (${plural(fired, 'event')})${also === undefined ? '' : ` · ${also.text}`}`, kind: 'info' };
}

/** d: on to the first event of the next PKT day, `times` over. */
export function runToNextDay(stepper: Stepper, times: number): Message {
  let fired = 0;
  const whatIfs: Moved['whatIfs'][number][] = [];
  for (let i = 0; i < times; i++) {
    const moved = stepper.toNextDay();
    fired += moved.fired;
    whatIfs.push(...moved.whatIfs);
    if (moved.fired === 0) break;
  }
  if (stepper.finished) return endMessage(stepper);
  const also = firedSaying({ fired, whatIfs });
  return { text: `${stepper.view().dayLabel} (${plural(fired, 'event')})${also === undefined ? '' : ` · ${also.text}`}`, kind: 'info' };
}

/** One tick of r at a speed; `more` false when the run pauses by itself (horizon, end of run). */
export function runTick(stepper: Stepper, speed: number): { readonly more: boolean; readonly message: Message | undefined } {
  const wasBeforeHorizon = !stepper.horizonOver;
  const moved = stepper.runFor(hoursPerTick(speed), MAX_EVENTS_PER_TICK);
  if (stepper.finished || (wasBeforeHorizon && stepper.horizonOver)) return { more: false, message: endMessage(stepper) };
  return { more: true, message: firedSaying(moved) };
}

/** g: go to what was typed. */
export function goTo(stepper: Stepper, text: string): Message {
  const target = parseGoTo(text, stepper.view().clock.pkt.slice(0, 10));
  if (target.kind === 'error') return { text: target.message, kind: 'error' };
  const went = stepper.goTo(target);
  const view = stepper.view();
  const where = `at step ${view.step}, ${view.clock.pkt} (${view.dayLabel})`;
  if (stepper.finished) return endMessage(stepper);
  const also = firedSaying(went);
  const undid = went.undid.length > 0 ? ` · ${undidSaying(went)}` : '';
  return { text: `${where}${undid}${also === undefined ? '' : ` · ${also.text}`}`, kind: 'info' };
}

/** x: forget the what-ifs kept for redo. */
export function dropRedo(stepper: Stepper): Message {
  const dropped = stepper.dropPending();
  if (dropped.length === 0) return { text: 'no what-if is kept for redo', kind: 'info' };
  return { text: `forgot ${dropped.map((e) => `${describeWhatIf(e.whatIf)} at step ${e.atStep}`).join('; ')}`, kind: 'info' };
}

/** "undid: pass closed for 5 days at step 238 · step on to redo, x to drop". */
function undidSaying(back: BackResult): string {
  const undid = back.undid.map((e) => `${describeWhatIf(e.whatIf)} at step ${e.atStep}`).join('; ');
  return `undid: ${undid} · step on to redo, x to drop`;
}

/** What-ifs that fired during a move: redone from the journal, or scheduled in the scenario. */
function firedSaying(moved: Moved): Message | undefined {
  if (moved.whatIfs.length === 0) return undefined;
  const said = moved.whatIfs.map((w) => `${w.source === 'stepper' ? 'redid' : 'scenario what-if'}: ${w.text} at step ${w.step}`).join('; ');
  return { text: said, kind: 'info' };
}
