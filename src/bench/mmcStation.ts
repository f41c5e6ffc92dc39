import { RandomStreams, Resource, Simulation, createSampler, type ResourceRequest } from '../kernel/index.js';

/** An M/M/c station built only from kernel parts, ready to run. */
export interface Station {
  readonly sim: Simulation;
  readonly station: Resource;
  /** Every request made so far, in arrival order (kept only when asked for). */
  readonly requests: readonly ResourceRequest[];
}

/**
 * Poisson arrivals and exponential service times drawn from their own named streams, one
 * `Resource` with `servers` servers. Nothing has run yet. The kernel benchmark and the
 * queueing-theory tests share it.
 */
export function buildStation(seed: number, servers: number, arrivalRate: number, serviceRate: number, keepRequests = true): Station {
  const sim = new Simulation();
  const streams = new RandomStreams(seed);
  const arrivalRng = streams.get('arrivals');
  const serviceRng = streams.get('service');
  const interarrival = createSampler({ type: 'exponential', mean: 1 / arrivalRate });
  const service = createSampler({ type: 'exponential', mean: 1 / serviceRate });
  const station = new Resource(sim, 'station', servers);
  const requests: ResourceRequest[] = [];

  const arrive = (): void => {
    sim.schedule(interarrival(arrivalRng), arrive, 'arrival');
    const request = station.request(() => {
      sim.schedule(service(serviceRng), () => station.release(request), 'departure');
    });
    if (keepRequests) requests.push(request);
  };
  sim.schedule(interarrival(arrivalRng), arrive, 'arrival');
  return { sim, station, requests };
}
