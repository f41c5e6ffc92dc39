import { EventQueue } from './eventQueue.js';
import type { ResourceStats } from './resourceStats.js';
import type { Simulation } from './simulation.js';

export type { ResourceStats } from './resourceStats.js';

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
 *   It is the same request that waits again, and that wait is part of its wait (`ResourceStats`).
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

/** Who holds a request: told when a server is granted and, under `preempt`, when it is taken away. */
export interface ResourceClient {
  granted(): void;
  preempted?(): void;
}

export interface ResourceRequest {
  readonly id: number;
  readonly priority: number;
  readonly requestedAt: number;
  state: RequestState;
  grantedAt: number;
}

/** A request is its own queue entry: the heap's "time" key holds the priority. */
interface InternalRequest extends ResourceRequest {
  readonly time: number;
  readonly seq: number;
  readonly client: ResourceClient;
  /** When the request last joined the queue (on request, or on preemption). */
  queuedAt: number;
  /**
   * Bookkeeping for the stats window `epoch`: whether the request was counted as an arrival and
   * as served in it, its waiting in it so far, and whether that wait is in `waitSum` now.
   */
  epoch: number;
  arrived: boolean;
  servedInEpoch: boolean;
  windowWait: number;
  settled: boolean;
}

export class Resource {
  private readonly queue = new EventQueue<InternalRequest>();
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
  /** Counts `resetStats()` calls: a request's bookkeeping from an older window is stale. */
  private epoch = 0;
  private arrivals = 0;
  private served = 0;
  /** Whole waits in the window of the settled requests (left the queue, not back in it). */
  private settled = 0;
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
    return this.requestFor({ granted: onGrant, preempted: options.onPreempt }, options.priority);
  }

  /** `request` for a client object, which a job that lives as long as its request can be itself. */
  requestFor(client: ResourceClient, priority = 0): ResourceRequest {
    this.accumulate();
    const rank = this.discipline === 'priority' ? priority : 0;
    const request: InternalRequest = {
      time: rank,
      id: this.nextId,
      seq: this.nextId++,
      priority: rank,
      requestedAt: this.sim.now,
      state: 'waiting',
      grantedAt: NaN,
      client,
      queuedAt: this.sim.now,
      epoch: this.epoch,
      arrived: false,
      servedInEpoch: false,
      windowWait: 0,
      settled: false,
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
    this.leaveQueue(request);
  }

  /** The 1-based place of a waiting request in the queue (the stepper shows it); 0 when it is not waiting. */
  queuePosition(handle: ResourceRequest): number {
    const request = handle as InternalRequest;
    if (request.state !== 'waiting') return 0;
    let ahead = 0;
    for (const other of this.queue.entries()) {
      if (other === request || other.state !== 'waiting') continue;
      if (other.time < request.time || (other.time === request.time && other.seq < request.seq)) ahead++;
    }
    return ahead + 1;
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

  /**
   * Forgets what was measured so far (end of a warm-up period). The requests waiting now count
   * as the new window's first arrivals, and only their waiting from now on counts: the queue-length
   * area restarts from zero now, so clipping their waits at the same instant keeps the sum of the
   * counted waits equal to that area, and Little's law exact (see `ResourceStats`). Counting their
   * whole waits instead would add warm-up time the area does not contain.
   */
  resetStats(): void {
    this.accumulate();
    this.epoch++;
    this.statsStart = this.sim.now;
    this.busyArea = this.capacityArea = this.queueArea = 0;
    this._maxQueue = this.waiting;
    this.arrivals = this.waiting;
    this.served = this.settled = this.waitSum = this._maxWait = this.preemptions = 0;
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
      arrivals: this.arrivals,
      served: this.served,
      meanWait: this.settled > 0 ? this.waitSum / this.settled : 0,
      maxWait: this._maxWait,
      preemptions: this.preemptions,
    };
  }

  /** Puts a new or preempted request in the queue; its waiting from now on will count. */
  private enqueue(request: InternalRequest): void {
    this.queue.push(request);
    this.waiting++;
    if (this.waiting > this._maxQueue) this._maxQueue = this.waiting;
    this.touch(request);
    request.queuedAt = this.sim.now;
    if (!request.arrived) {
      request.arrived = true;
      this.arrivals++;
    }
    if (request.settled) {
      // Back in the queue after a preemption: its wait is not over, so take it out of the tally.
      request.settled = false;
      this.settled--;
      this.waitSum -= request.windowWait;
    }
  }

  /**
   * A request leaves the queue (granted a server, or cancelled): its waiting stretch ends, and its
   * wait so far in the window, all stretches summed, goes into the tally.
   */
  private leaveQueue(request: InternalRequest): void {
    this.touch(request);
    // A request waiting across a reset has already been counted as one of its arrivals.
    request.arrived = true;
    request.windowWait += this.sim.now - Math.max(request.queuedAt, this.statsStart);
    request.settled = true;
    this.settled++;
    this.waitSum += request.windowWait;
    if (request.windowWait > this._maxWait) this._maxWait = request.windowWait;
  }

  /** Brings a request's per-window bookkeeping into the current window. */
  private touch(request: InternalRequest): void {
    if (request.epoch === this.epoch) return;
    request.epoch = this.epoch;
    request.arrived = request.servedInEpoch = request.settled = false;
    request.windowWait = 0;
  }

  private dispatch(): void {
    while (this.inService.size < this._capacity) {
      const request = this.queue.pop();
      if (request === undefined) return;
      if (request.state !== 'waiting') continue;
      this.waiting--;
      request.state = 'serving';
      request.grantedAt = this.sim.now;
      this.inService.add(request);
      this.leaveQueue(request);
      if (!request.servedInEpoch) {
        request.servedInEpoch = true;
        this.served++;
      }
      request.client.granted();
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
      request.client.preempted?.();
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
