import { nextOpenAll, type Simulation, type WorkingCalendar } from '../../kernel/index.js';
import { FifoQueue } from '../fifoQueue.js';

/**
 * Trucks cleared at Tashkurgan wait there until they can leave: while the road is open, a truck
 * leaves when, driving to the border, it would get there inside both posts' common hours, one
 * every 1/pace hours (a convoy's spacing). Otherwise the next departure waits for the window
 * that lets it arrive in hours, or for the road or a post to open.
 *
 * ```
 *   Tashkurgan ──(lead hours to the border)──▶ border: open 09:00–16:00 PKT
 *   leaves at 05:20 PKT at the earliest for a 3.7 h drive; none leave after 12:20
 * ```
 */
export class TashkurganDepartures {
  private readonly queue = new FifoQueue<() => void>();
  private busy = false;
  private retry: ReturnType<Simulation['schedule']> | undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly vehiclesPerHour: number,
    /** Hours from Tashkurgan to the border, were a truck to leave now. */
    private readonly leadHours: () => number,
    private readonly roadOpen: () => boolean,
    private readonly posts: readonly WorkingCalendar[],
    /** Told the queue's length whenever it changes. */
    private readonly onQueueChange: (size: number) => void,
  ) {}

  get waiting(): number {
    return this.queue.size;
  }

  join(leave: () => void): void {
    this.queue.push(leave);
    this.onQueueChange(this.queue.size);
    this.sim.schedule(0, this.dispatch, 'departure');
  }

  /** Lets the next truck leave if it would reach the border in hours; else waits for the window. */
  readonly dispatch = (): void => {
    if (this.busy || this.queue.size === 0 || !this.roadOpen()) return;
    const { sim } = this;
    const lead = this.leadHours();
    const arrival = sim.now + lead;
    if (!this.posts.every((c) => c.isOpen(arrival))) {
      const next = nextOpenAll(this.posts, arrival) - lead;
      if (this.retry !== undefined) sim.cancel(this.retry);
      // Never retry at the same instant: float rounding of (open − lead) + lead must not spin.
      this.retry = next < Infinity ? sim.scheduleAt(Math.max(sim.now + 1e-6, next), () => {
        this.retry = undefined;
        this.dispatch();
      }, 'departure window') : undefined;
      return;
    }
    const leave = this.queue.shift() as () => void;
    this.onQueueChange(this.queue.size);
    leave();
    this.busy = true;
    sim.schedule(1 / this.vehiclesPerHour, () => {
      this.busy = false;
      this.dispatch();
    }, 'departure');
  };
}
