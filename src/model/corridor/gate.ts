import type { Simulation } from '../../kernel/index.js';
import { FifoQueue } from '../fifoQueue.js';

/**
 * The Khunjerab gate. Trucks cleared at Tashkurgan queue for it in order; while `isOpen`
 * says the crossing is open, it lets the first through, then the next after its pace
 * (vehicles per hour). Trucks waiting here are the ones stranded by a closure.
 */
export class KhunjerabGate<T> {
  private readonly queue = new FifoQueue<T>();
  private busy = false;

  constructor(
    private readonly sim: Simulation,
    private readonly vehiclesPerHour: number,
    private readonly isOpen: () => boolean,
    private readonly letThrough: (truck: T) => void,
    /** Told the queue's length whenever it is about to change and after. */
    private readonly onQueueChange: (size: number) => void,
  ) {}

  get waiting(): number {
    return this.queue.size;
  }

  join(truck: T): void {
    this.queue.push(truck);
    this.onQueueChange(this.queue.size);
    if (this.isOpen()) this.sim.schedule(0, this.dispatch, 'gate');
  }

  /** Lets the next waiting truck through, then the next after the gate's pace. */
  readonly dispatch = (): void => {
    if (this.busy || !this.isOpen() || this.queue.size === 0) return;
    const next = this.queue.shift() as T;
    this.onQueueChange(this.queue.size);
    this.letThrough(next);
    this.busy = true;
    this.sim.schedule(1 / this.vehiclesPerHour, () => {
      this.busy = false;
      this.dispatch();
    }, 'gate');
  };
}
