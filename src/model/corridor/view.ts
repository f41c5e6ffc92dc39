import { PLACES, type Place } from '../stageTable.js';
import type { DayWeather } from '../weather.js';
import { stateString } from './actors.js';
import type { Corridor } from './corridor.js';

export interface StageCount {
  readonly state: string;
  readonly count: number;
  readonly place: Place;
  readonly label: string;
}

/** The corridor as the stepper shows it at one instant. */
export interface CorridorView {
  readonly now: number;
  readonly finished: boolean;
  readonly road: { readonly state: string; readonly cause: string | null };
  readonly posts: {
    readonly china: { readonly state: string; readonly reason: string | null };
    readonly pakistan: { readonly state: string; readonly reason: string | null };
  };
  readonly facility: string;
  readonly weather: DayWeather;
  readonly heatingOn: boolean;
  readonly examProductivity: number;
  /** Containers in each journey state, in journey order, zeros included, placed and labelled by the stage table. */
  readonly stages: readonly StageCount[];
  readonly resources: ReadonlyArray<{ readonly name: string; readonly capacity: number; readonly busy: number; readonly queue: number }>;
  readonly stranded: number;
  readonly arrived: number;
  readonly released: number;
  readonly inside: number;
}

export function corridorView(c: Corridor): CorridorView {
  const road = c.road.actor.getSnapshot();
  const post = (side: 'china' | 'pakistan') => {
    const s = c.posts.actors[side].getSnapshot();
    return { state: String(s.value), reason: s.context.reason };
  };
  const counts = new Map<string, number>();
  for (const id of c.pool.active.keys()) {
    const state = c.pool.state(id)?.value ?? 'done';
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return {
    now: c.now,
    finished: c.done,
    road: { state: String(road.value), cause: road.context.cause },
    posts: { china: post('china'), pakistan: post('pakistan') },
    facility: stateString(c.conditions.actor.getSnapshot().value),
    weather: c.weather,
    heatingOn: c.heatingOn(),
    examProductivity: c.examProductivity(),
    stages: c.table.states
      .filter((s) => !c.table.finals.has(s))
      .map((state) => ({ state, count: counts.get(state) ?? 0, place: c.table.place(state) ?? PLACES[0], label: c.table.label(state) })),
    resources: Object.values(c.stations.resources).map((r) => ({ name: r.name, capacity: r.capacity, busy: r.busy, queue: r.queueLength })),
    stranded: c.departures.waiting + c.gate.waiting,
    arrived: c.measures.arrivedTotal,
    released: c.measures.releasedTotal,
    inside: c.pool.active.size,
  };
}
