import type { ContainerContext } from '../model/containerJourney.js';
import { contextOf, type Corridor } from '../model/corridor/index.js';
import { PKT } from '../model/timeZones.js';

/**
 * One container as the stepper shows it, read from a corridor: its machine, context and
 * milestones, and where its time went.
 */
export interface ContainerView {
  readonly id: number;
  readonly state: string;
  readonly finished: boolean;
  readonly context: ContainerContext;
  /** Events the machine accepts in its current state. */
  readonly events: readonly string[];
  /** Every state of the journey machine, in order, to draw the active one among them. */
  readonly states: readonly string[];
  readonly milestones: ReadonlyArray<{ readonly milestone: string; readonly label: string; readonly t: number; readonly pkt: string }>;
  readonly spoiled: boolean;
  readonly incident: boolean;
  /** Still inside, released at Sost, or lost (spoiled food destroyed or returned). */
  readonly outcome: 'inside' | 'released' | 'lost';
}

/** Where a container's time went so far (see `Stepper.timeSpent`). */
export interface TimeSpent {
  readonly places: ReadonlyArray<{ readonly place: string; readonly hours: number }>;
  /** Hours since its machine last changed state (0 once it has left). */
  readonly inState: number;
}

/** The final state a journey that left the corridor rests in. */
function finalState(finals: ReadonlyMap<string, string>, outcome: string): string {
  for (const [state, how] of finals) if (how === outcome) return state;
  return 'done';
}

/** The container with this id, if it has arrived. */
export function containerView(c: Corridor, id: number): ContainerView | undefined {
  const record = c.records[id - 1];
  if (record === undefined) return undefined;
  const journey = c.pool.state(id);
  const { table } = c;
  return {
    id,
    state: journey?.value ?? finalState(table.finals, record.outcome),
    finished: journey === undefined,
    context: journey?.context ?? contextOf(record),
    events: journey === undefined ? [] : c.pool.acceptedEvents(id),
    states: table.states,
    milestones: table.milestones.flatMap((milestone, i) => {
      const t = record.milestones[i];
      return Number.isNaN(t) ? [] : [{ milestone: milestone.id, label: milestone.label, t, pkt: c.axis.format(t, PKT) }];
    }),
    spoiled: record.spoiled,
    incident: record.incident,
    outcome: record.outcome,
  };
}

/**
 * Where the container's time went: hours at each place it has reached (from the first
 * milestone there to the first at the next place, or to now), and hours in its current state.
 */
export function timeSpent(c: Corridor, id: number): TimeSpent | undefined {
  const record = c.records[id - 1];
  if (record === undefined) return undefined;
  const entered = new Map<string, number>();
  for (const meta of c.table.stages.values()) {
    const index = meta.milestone === undefined ? undefined : c.table.milestoneIndex.get(meta.milestone.id);
    const t = index === undefined ? NaN : record.milestones[index];
    if (!Number.isNaN(t)) entered.set(meta.place, Math.min(t, entered.get(meta.place) ?? Infinity));
  }
  const active = c.pool.active.get(id);
  const end = active === undefined ? Math.max(...record.milestones.filter((t) => !Number.isNaN(t))) : c.now;
  const starts = [...entered].sort((a, b) => a[1] - b[1]);
  const places = starts.map(([place, from], i) => ({ place, hours: (starts[i + 1]?.[1] ?? end) - from }));
  return { places, inState: active === undefined ? 0 : c.now - active.lastEventAt };
}
