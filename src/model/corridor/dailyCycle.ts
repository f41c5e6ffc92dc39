import type { Rng, Simulation, TimeAxis } from '../../kernel/index.js';
import { PKT } from '../timeZones.js';
import type { DayWeather } from '../weather.js';
import type { BorderPosts } from './borderPosts.js';
import type { JourneyPool } from './journeyPool.js';
import type { Measures } from './measures.js';
import type { Perishables } from './perishables.js';
import type { Road } from './road.js';
import type { SostConditions } from './sostConditions.js';

export interface DailyRooms {
  readonly road: Road;
  readonly conditions: SostConditions;
  readonly perishables: Perishables;
  readonly pool: JourneyPool;
  readonly posts: BorderPosts;
  readonly measures: Measures;
  /** Sost's stations for the day's conditions. */
  readonly recomputeSost: () => void;
}

/**
 * Midnight PKT, every day until the end of the drain period: the day's weather (snow on the
 * road, closures), the day's outages, Sost's stations for the new temperature, frost on the
 * perishables, idle machines parked and the day's calendar closure counted. Each draw happens
 * every day whatever happens, so the streams stay in step across scenarios.
 */
export class DailyCycle {
  weather: DayWeather;

  constructor(
    private readonly sim: Simulation,
    private readonly axis: TimeAxis,
    private readonly drainEnd: number,
    private readonly drawWeather: (rng: Rng, month: number) => DayWeather,
    private readonly rng: { readonly weather: Rng; readonly outages: Rng; readonly spoilage: Rng },
    private readonly rooms: DailyRooms,
  ) {
    // A first draw so that Sost has a temperature before the first midnight runs.
    this.weather = drawWeather(rng.weather, axis.localDate(0, PKT).month);
  }

  readonly newDay = (): void => {
    const { sim, rng, rooms } = this;
    const today = Math.floor(sim.now / 24 + 1e-9);
    this.weather = this.drawWeather(rng.weather, this.axis.localDate(sim.now, PKT).month);
    rooms.road.weatherDrawn(this.weather, today);
    rooms.conditions.drawOutages(rng.outages);
    rooms.recomputeSost();
    rooms.perishables.checkFrost(this.weather.sostTempC, rooms.conditions.heatingOn(), rng.spoilage);
    rooms.pool.parkIdle();
    const closure = rooms.posts.closureAt(sim.now + 12);
    if (closure !== undefined) rooms.measures.calendarClosure(today, closure);
    if (sim.now + 24 < this.drainEnd) sim.schedule(24, this.newDay, 'new day');
  };
}
