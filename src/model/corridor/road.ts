import type { Actor } from 'xstate';
import { distributionMean, type Simulation } from '../../kernel/index.js';
import type { CorridorParams, LegParams } from '../params.js';
import { createPassRoadMachine, type PassRoadMachine, type RoadClosureCause } from '../passRoad.js';
import type { DayWeather } from '../weather.js';
import { StateWatch, type ActorPort } from './actors.js';
import type { ClosureSegment } from './measures.js';

/**
 * The road over Khunjerab Pass. It owns the pass-road machine and the timers around it: a
 * storm keeps the road shut for its length, then the FWO/NHA fleet clears the work the storm
 * left at the fleet's pace; a new closure during clearing adds its work to what is left.
 * Whether the road is open is the machine's answer, never a copy of it.
 */
export class Road {
  readonly actor: Actor<PassRoadMachine>;
  private readonly openWatch: StateWatch;
  private readonly closures: ClosureSegment[] = [];
  /** The closure under way: when it began and the cause that began it. */
  private current: { readonly since: number; readonly cause: RoadClosureCause } | undefined;
  private lastSnowDay = -Infinity;
  private stormEndsAt = -Infinity;
  private clearingWork = 0;
  private timer: ReturnType<Simulation['schedule']> | undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly params: CorridorParams,
    private readonly port: ActorPort,
    /** Called (from a kernel event, never mid-transition) when the road opens. */
    private readonly onOpened: () => void,
  ) {
    this.actor = port.start(
      createPassRoadMachine({
        opened: () => this.opened(),
        closed: (cause) => this.closed(cause),
        clearingStarted: () => this.clearingStarted(),
      }),
      'road',
    );
    this.openWatch = new StateWatch(this.actor, 'open');
  }

  isOpen(): boolean {
    return this.openWatch.holds();
  }

  /** The day's weather: snow keeps the road snowy (slower, more incidents) for a few days; a closure is set for its hour. */
  weatherDrawn(weather: DayWeather, day: number): void {
    if (weather.snowfallCm > 0) this.lastSnowDay = day;
    const closure = weather.closure;
    if (closure !== null) this.sim.schedule(closure.atHour, () => this.close(closure.cause, closure.stormHours, closure.work), `${closure.cause} closes the road`);
  }

  /** What-if: snow starts falling now; the road closes for a storm of the scenario's mean length, then `snowfallCm` is cleared. */
  snowstorm(snowfallCm: number): void {
    const { weather } = this.params;
    this.lastSnowDay = Math.floor(this.sim.now / 24 + 1e-9);
    this.close('snow', distributionMean(weather.stormHours), snowfallCm * weather.clearingWork.snowPerCm);
  }

  snowy(): boolean {
    const today = Math.floor(this.sim.now / 24 + 1e-9);
    return today - this.lastSnowDay < this.params.route.snowyDaysAfterSnowfall;
  }

  travelHours(leg: LegParams): number {
    return leg.km / (this.snowy() ? leg.speedKmh.snow : leg.speedKmh.clear);
  }

  /** Closes the road now for `stormHours`, then leaves `work` unit-hours of clearing to do. */
  close(cause: RoadClosureCause, stormHours: number, work: number): void {
    const { sim } = this;
    const snapshot = this.actor.getSnapshot();
    if (snapshot.matches('clearing') && this.timer !== undefined) {
      const left = Math.max(0, this.timer.time - sim.now);
      this.clearingWork = left * this.params.weather.clearanceFleet;
      sim.cancel(this.timer);
      this.timer = undefined;
    }
    this.clearingWork += work;
    this.stormEndsAt = Math.max(this.stormEndsAt, sim.now + stormHours);
    if (snapshot.matches('closed')) {
      if (this.timer !== undefined) sim.cancel(this.timer);
    } else {
      this.port.send(this.actor, 'road', { type: 'CLOSE', cause });
    }
    this.timer = sim.scheduleAt(this.stormEndsAt, () => {
      this.timer = undefined;
      this.port.send(this.actor, 'road', { type: 'STORM_OVER' });
    }, 'storm over');
  }

  /** Closures so far, the one under way cut at `until`. */
  closureSegments(until: number): ClosureSegment[] {
    const open = this.current;
    return open === undefined || this.isOpen() ? [...this.closures] : [...this.closures, { from: open.since, to: until, cause: open.cause }];
  }

  private closed(cause: RoadClosureCause): void {
    this.current ??= { since: this.sim.now, cause };
  }

  private clearingStarted(): void {
    const hours = this.clearingWork / this.params.weather.clearanceFleet;
    this.timer = this.sim.schedule(hours, () => {
      this.timer = undefined;
      this.clearingWork = 0;
      this.port.send(this.actor, 'road', { type: 'CLEARED' });
    }, 'road cleared');
  }

  private opened(): void {
    if (this.current !== undefined) this.closures.push({ from: this.current.since, to: this.sim.now, cause: this.current.cause });
    this.current = undefined;
    this.sim.schedule(0, this.onOpened, 'gate');
  }
}
