import { EventQueue } from './eventQueue.js';
import type { Simulation } from './simulation.js';

/**
 * A resource is N servers and a queue, like pumps at a petrol station:
 *
 * ```
 *   queue (by priority, then arrival)      servers (capacity N)
 *   [c7][c6][c5] ───────────────────────▶  [c1][c2][c3]   ──▶ release()
 * ```
 *
 * `request()` grants a free server at once (calling `onGrant` synchronously) or queues.
 * `release()` hands the server to the head of the queue. Capacity can change mid-run; what
 * happens to work in progress when it drops is the explicit `dropPolicy`:
 * - `finish`: every job in service completes; no new job starts until busy < capacity;
 * - `preempt`: the most recently started, least urgent jobs are interrupted (`onPreempt`)
 *   and go back to the head of their priority class, to resume when a server frees up.
 */
export type QueueDiscipline = 'fifo' | 'priority';
export type CapacityDropPolicy = 'finish' | 'preempt';

export interface ResourceOptions {
  readonly discipline?: QueueDiscipline;
  readonly dropPolicy?: CapacityDropPolicy;
}

export interface RequestOptions {
  /** Lower is served first; ignored under FIFO. */
  readonly priority?: number;
  readonly onPreempt?: () => void;
}

export type RequestState = 'waiting' | 'serving' | 'done' | 'cancelled';

export interface ResourceRequest {
  readonly id: number;
  readonly priority: number;
  readonly requestedAt: number;
  state: RequestState;
  grantedAt: number;
}

export interface ResourceStats {
  readonly name: string;
  readonly capacity: number;
  /** Busy server-time over available server-time since the stats started. */
  readonly utilization: number;
  /** Time-average number waiting. */
  readonly meanQueue: number;
  readonly maxQueue: number;
  /** Time-average number in service. */
  readonly meanBusy: number;
  readonly served: number;
  readonly meanWait: number;
  readonly maxWait: number;
  readonly preemptions: number;
}

interface InternalRequest extends ResourceRequest {
  readonly seq: number;
  readonly onGrant: () => void;
  readonly onPreempt?: () => void;
  waited: boolean;
}

/** The queue reuses the kernel heap; its "time" key holds the priority. */
interface QueueSlot {
  readonly time: number;
  readonly seq: number;
  readonly request: InternalRequest;
}

export class Resource {
  private readonly queue = new EventQueue<QueueSlot>();
  private readonly inService = new Set<InternalRequest>();
  private readonly discipline: QueueDiscipline;
  private readonly dropPolicy: CapacityDropPolicy;
  private _capacity: number;
  private waiting = 0;
  private nextId = 0;

  private statsStart: number;
  private lastChange: number;
  private busyArea = 0;
  private capacityArea = 0;
  private queueArea = 0;
  private _maxQueue = 0;
  private served = 0;
  private waitSum = 0;
  private _maxWait = 0;
  private preemptions = 0;

  constructor(
    private readonly sim: Simulation,
    readonly name: string,
    capacity: number,
    options: ResourceOptions = {},
  ) {
    checkCapacity(name, capacity);
    this._capacity = capacity;
    this.discipline = options.discipline ?? 'fifo';
    this.dropPolicy = options.dropPolicy ?? 'finish';
    this.statsStart = sim.now;
    this.lastChange = sim.now;
  }

  get capacity(): number {
    return this._capacity;
  }

  get busy(): number {
    return this.inService.size;
  }

  get queueLength(): number {
    return this.waiting;
  }

  request(onGrant: () => void, options: RequestOptions = {}): ResourceRequest {
    this.accumulate();
    const priority = this.discipline === 'priority' ? (options.priority ?? 0) : 0;
    const request: InternalRequest = {
      id: this.nextId,
      seq: this.nextId++,
      priority,
      requestedAt: this.sim.now,
      state: 'waiting',
      grantedAt: NaN,
      onGrant,
      onPreempt: options.onPreempt,
      waited: false,
    };
    this.enqueue(request);
    this.dispatch();
    return request;
  }

  /** Frees the server held by `request` and starts the next job in the queue. */
  release(handle: ResourceRequest): void {
    const request = handle as InternalRequest;
    if (request.state !== 'serving') {
      throw new Error(`${this.name}: release of request ${request.id} in state ${request.state}`);
    }
    this.accumulate();
    this.inService.delete(request);
    request.state = 'done';
    this.dispatch();
  }

  /** Withdraws a waiting request (e.g. the job was abandoned); a no-op once served. */
  cancel(handle: ResourceRequest): void {
    const request = handle as InternalRequest;
    if (request.state !== 'waiting') return;
    this.accumulate();
    request.state = 'cancelled';
    this.waiting--;
  }

  setCapacity(capacity: number): void {
    checkCapacity(this.name, capacity);
    this.accumulate();
    this._capacity = capacity;
    if (this.dropPolicy === 'preempt') {
      if (this.inService.size > capacity) this.preempt(this.inService.size - capacity);
    }
    this.dispatch();
  }

  /** Forgets what was measured so far (end of a warm-up period). */
  resetStats(): void {
    this.accumulate();
    this.statsStart = this.sim.now;
    this.busyArea = this.capacityArea = this.queueArea = 0;
    this._maxQueue = this.waiting;
    this.served = this.waitSum = this._maxWait = this.preemptions = 0;
  }

  stats(): ResourceStats {
    this.accumulate();
    const span = this.sim.now - this.statsStart;
    return {
      name: this.name,
      capacity: this._capacity,
      utilization: this.capacityArea > 0 ? this.busyArea / this.capacityArea : 0,
      meanQueue: span > 0 ? this.queueArea / span : this.waiting,
      maxQueue: this._maxQueue,
      meanBusy: span > 0 ? this.busyArea / span : this.inService.size,
      served: this.served,
      meanWait: this.served > 0 ? this.waitSum / this.served : 0,
      maxWait: this._maxWait,
      preemptions: this.preemptions,
    };
  }

  private enqueue(request: InternalRequest): void {
    this.queue.push({ time: request.priority, seq: request.seq, request });
    this.waiting++;
    if (this.waiting > this._maxQueue) this._maxQueue = this.waiting;
  }

  private dispatch(): void {
    while (this.inService.size < this._capacity) {
      const slot = this.queue.pop();
      if (slot === undefined) return;
      const request = slot.request;
      if (request.state !== 'waiting') continue;
      this.waiting--;
      request.state = 'serving';
      request.grantedAt = this.sim.now;
      this.inService.add(request);
      if (!request.waited) {
        request.waited = true;
        const wait = this.sim.now - request.requestedAt;
        this.served++;
        this.waitSum += wait;
        if (wait > this._maxWait) this._maxWait = wait;
      }
      request.onGrant();
    }
  }

  /** Interrupts the `count` least urgent, most recently started jobs, in that order. */
  private preempt(count: number): void {
    const serving = [...this.inService].map((request, order) => ({ request, order }));
    serving.sort((a, b) => b.request.priority - a.request.priority || b.request.grantedAt - a.request.grantedAt || b.order - a.order);
    for (const { request } of serving.slice(0, count)) {
      this.inService.delete(request);
      request.state = 'waiting';
      this.preemptions++;
      this.enqueue(request);
      request.onPreempt?.();
    }
  }


  private accumulate(): void {
    const now = this.sim.now;
    const dt = now - this.lastChange;
    if (dt > 0) {
      this.busyArea += this.inService.size * dt;
      this.capacityArea += this._capacity * dt;
      this.queueArea += this.waiting * dt;
      this.lastChange = now;
    }
  }
}

function checkCapacity(name: string, capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new RangeError(`${name}: capacity must be a whole number >= 0, got ${capacity}`);
  }
}
