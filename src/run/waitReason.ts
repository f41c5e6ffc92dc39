import type { Resource } from '../kernel/index.js';
import type { Activity, Corridor } from '../model/corridor/index.js';
import type { ActiveContainer } from '../model/corridor/journeyPool.js';
import type { Condition } from '../model/stageTable.js';
import { PKT } from '../model/timeZones.js';
import { eventLabel } from './eventLabel.js';

/** Why a container is where it is: busy at something, or held up and by what. */
export interface WaitReason {
  /** Being served or driving (work goes on) rather than held up. */
  readonly working: boolean;
  readonly text: string;
}

const CONDITION_WORDS: Readonly<Record<Condition, string>> = {
  webocUp: 'WeBOC down',
  scannerWorking: 'scanner out of order or no power',
  warmEnoughToExamine: 'too cold to examine (yard unheated)',
};

/**
 * "off shift until 09:00", "queue position 7 of 12 at Sost GD officers", "WeBOC down", "pass
 * closed by snow", "hold lifted due 12-20 14:00": read from what the container is doing now.
 */
export function waitReason(c: Corridor, container: ActiveContainer): WaitReason {
  const activity = c.activityOf(container);
  if (activity === undefined) return { working: true, text: 'moving to its next stage' };
  return reasonFor(c, activity);
}

function reasonFor(c: Corridor, activity: Activity): WaitReason {
  const when = (t: number): string => shortTime(c, t);
  switch (activity.kind) {
    case 'serve': {
      const { resource, request } = activity;
      if (request.state === 'serving') return { working: true, text: `in service at ${resource.name}` };
      const closed = stationClosed(c, resource);
      if (closed !== undefined) return { working: false, text: `${closed} · queue position ${resource.queuePosition(request)} of ${resource.queueLength}` };
      return { working: false, text: `queue position ${resource.queuePosition(request)} of ${resource.queueLength} at ${resource.name} (${resource.busy}/${resource.capacity} busy)` };
    }
    case 'timer':
      return { working: activity.travel, text: `${activity.travel ? 'on the road: ' : ''}${eventLabel(activity.label)}, due ${when(activity.until)} PKT` };
    case 'condition':
      return { working: false, text: `${CONDITION_WORDS[activity.condition]}: waits until it is back` };
    case 'gate':
    case 'depart': {
      const where = activity.kind === 'gate' ? 'the Khunjerab gate' : 'Tashkurgan';
      const queued = activity.kind === 'gate' ? c.gate.waiting : c.departures.waiting;
      const blocked = crossingBlocked(c);
      return blocked === undefined ? { working: false, text: `in the queue at ${where} (${queued} trucks)` } : { working: false, text: `${blocked} · ${queued} trucks waiting at ${where}` };
    }
  }
}

/** Why a station has no servers now, or undefined when it has some. */
function stationClosed(c: Corridor, resource: Resource): string | undefined {
  if (resource.capacity > 0) return undefined;
  const station = c.table.stations.find((s) => c.stations.resources[s.id] === resource);
  if (station === undefined) return 'no servers';
  const calendar = c.calendars[station.calendar];
  if (!calendar.isOpen(c.now)) {
    const opens = calendar.nextOpen(c.now);
    return opens === Infinity ? 'off shift' : `off shift until ${shortTime(c, opens)}`;
  }
  const failing = (station.requires ?? []).find((condition) => !c.conditions.holds(condition));
  return failing === undefined ? 'no servers' : CONDITION_WORDS[failing];
}

/** Why trucks cannot cross now: the pass or a border post. */
function crossingBlocked(c: Corridor): string | undefined {
  const road = c.road.actor.getSnapshot();
  if (!c.road.isOpen()) return `pass ${String(road.value)} by ${road.context.cause ?? 'weather'}`;
  for (const side of ['china', 'pakistan'] as const) {
    if (!c.posts.isOpen(side)) return `${side === 'china' ? 'China' : 'Pakistan'} post closed (${c.posts.actors[side].getSnapshot().context.reason ?? 'closed'})`;
  }
  return undefined;
}

/** "09:00" today, "12-06 09:00" on another day. */
function shortTime(c: Corridor, t: number): string {
  const text = c.axis.format(t, PKT);
  return text.slice(0, 10) === c.axis.format(c.now, PKT).slice(0, 10) ? text.slice(11) : text.slice(5);
}
