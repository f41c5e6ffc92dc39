import type { Resource } from '../kernel/index.js';
import type { Corridor } from '../model/corridor/index.js';

/**
 * For each station, the containers in a stage that uses it but at another step of that stage
 * now: an examination booked but not yet at a bay, papers with the agent after the document
 * check. Beside "busy/cap queue" they account for the rest of the stage's count.
 */
export function othersAtStations(c: Corridor): ReadonlyMap<string, number> {
  const stationsOf = new Map<string, Resource[]>();
  for (const [state, meta] of c.table.stages) {
    const served = meta.steps.flatMap((step) => (step.kind === 'serve' ? [c.stations.resource(step.station.id)] : []));
    if (served.length > 0) stationsOf.set(state, served);
  }
  const others = new Map<string, number>();
  for (const [id, container] of c.pool.active) {
    const state = c.pool.state(id)?.value;
    const stations = state === undefined ? undefined : stationsOf.get(state);
    if (stations === undefined) continue;
    const activity = c.activityOf(container);
    const at = activity?.kind === 'serve' ? activity.resource : undefined;
    for (const station of stations) if (station !== at) others.set(station.name, (others.get(station.name) ?? 0) + 1);
  }
  return others;
}
