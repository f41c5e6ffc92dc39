import type { ContainerView, Stepper } from '../run/index.js';
import type { Message } from './MessageLine.js';

/** Once the followed container has left the corridor, the offer to follow the next arrival. */
export function followNotice(stepper: Stepper, id: number | undefined): Message | undefined {
  if (id === undefined) return undefined;
  const container = stepper.container(id);
  if (container === undefined || !container.finished) return undefined;
  const left = container.milestones.at(-1);
  const how = container.outcome === 'lost' ? 'was lost (spoiled)' : 'gated out';
  return { text: `container ${id} ${how}${left === undefined ? '' : ` at ${left.pkt.slice(5)}`}; f follows the next to arrive (${stepper.arrived + 1})`, kind: 'info' };
}

/** Why the followed container cannot be forced red now. */
export function forceRedUnavailable(followed: number | undefined, container: ContainerView | undefined): string {
  if (followed === undefined) return 'no container followed: / finds one';
  if (container === undefined) return `container ${followed} has not arrived yet`;
  if (container.finished) return `container ${followed} has left the corridor`;
  return `container ${followed}'s channel is already decided: ${container.context.channel}`;
}
