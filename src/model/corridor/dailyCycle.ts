import type { Rng, Simulation, TimeAxis } from '../../kernel/index.js';
import { PKT } from '../timeZones.js';
import type { DayWeather } from '../weather.js';

export interface DailyCycleDeps {
  readonly sim: Simulation;
  readonly axis: TimeAxis;
  readonly drainEnd: number;
  readonly rng: { readonly weather: Rng; readonly outages: Rng; readonly spoilage: Rng };
  readonly drawWeather: (rng: Rng, month: number) => DayWeather;
  /** The day's weather is set: snow on the road, closures to schedule. */
  readonly weatherDrawn: (weather: DayWeather, day: number) => void;
  readonly drawOutages: (rng: Rng) => void;
  readonly recomputeSost: () => void;
  readonly checkFrost: (weather: DayWeather, rng: Rng) => void;
  readonly parkIdle: () => void;
  readonly countClosures: (day: number) => void;
}

/**
 * Midnight PKT, every day until the end of the drain period: the day's weather, the day's
 * outages, Sost's stations for the new temperature, frost on the perishables, idle machines
 * parked and the day's calendar closures counted. Each draw happens every day whatever
 * happens, so the streams stay in step across scenarios.
 */
export class DailyCycle {
  weather: DayWeather;

  constructor(private readonly deps: DailyCycleDeps) {
    // A first draw so that Sost has a temperature before the first midnight runs.
    this.weather = deps.drawWeather(deps.rng.weather, deps.axis.localDate(0, PKT).month);
  }

  readonly newDay = (): void => {
    const { sim, axis, rng } = this.deps;
    const today = Math.floor(sim.now / 24 + 1e-9);
    this.weather = this.deps.drawWeather(rng.weather, axis.localDate(sim.now, PKT).month);
    this.deps.weatherDrawn(this.weather, today);
    this.deps.drawOutages(rng.outages);
    this.deps.recomputeSost();
    this.deps.checkFrost(this.weather, rng.spoilage);
    this.deps.parkIdle();
    this.deps.countClosures(today);
    if (sim.now + 24 < this.deps.drainEnd) sim.schedule(24, this.newDay, 'new day');
  };
}
