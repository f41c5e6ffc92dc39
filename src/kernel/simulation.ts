import { EventQueue, type QueueEntry } from './eventQueue.js';

/** A callback run by the kernel when its scheduled time comes. */
export type Action = () => void;

/**
 * A long-lived object the kernel calls when an event for it comes due: a job, a timer. The
 * event then holds just the object, so the hot path allocates no closure per event.
 */
export interface Fireable {
  fire(): void;
}

export interface ScheduledEvent extends QueueEntry {
  /** Exactly one of `action` and `target` is set. */
  readonly action: Action | undefined;
  readonly target: Fireable | undefined;
  /** A short label for logs and the interactive stepper; never used for ordering. */
  readonly label: string;
  cancelled: boolean;
}

export interface StepResult {
  readonly time: number;
  readonly label: string;
}

/**
 * Simulated time and its event queue: SimPy's `Environment` in a few lines.
 * Time is a plain number in whatever unit the caller chooses (the corridor uses hours).
 *
 * @example
 * const sim = new Simulation();
 * sim.schedule(2, () => console.log('at', sim.now)); // prints "at 2"
 * sim.run();
 */
export class Simulation {
  private readonly queue = new EventQueue<ScheduledEvent>();
  private seq = 0;
  private _now: number;
  private _processed = 0;

  constructor(startTime = 0) {
    this._now = startTime;
  }

  get now(): number {
    return this._now;
  }

  /** Events fired so far (cancelled events are not counted). */
  get processed(): number {
    return this._processed;
  }

  /** Live events still waiting; cancelled ones are dropped lazily and may be counted until popped. */
  get pending(): number {
    return this.queue.size;
  }

  schedule(delay: number, action: Action | Fireable, label = ''): ScheduledEvent {
    if (!(delay >= 0) || delay === Infinity) {
      throw new RangeError(`delay must be a finite number >= 0, got ${delay}`);
    }
    return this.scheduleAt(this._now + delay, action, label);
  }

  scheduleAt(time: number, action: Action | Fireable, label = ''): ScheduledEvent {
    if (!(time >= this._now) || time === Infinity) {
      throw new RangeError(`cannot schedule at ${time}: now is ${this._now}`);
    }
    const event: ScheduledEvent = typeof action === 'function'
      ? { time, seq: this.seq++, action, target: undefined, label, cancelled: false }
      : { time, seq: this.seq++, action: undefined, target: action, label, cancelled: false };
    this.queue.push(event);
    return event;
  }

  cancel(event: ScheduledEvent): void {
    event.cancelled = true;
  }

  /** Time of the next live event, or `Infinity` when the queue is empty. */
  peekTime(): number {
    this.dropCancelled();
    const head = this.queue.peek();
    return head === undefined ? Infinity : head.time;
  }

  /** Fires exactly one event. Returns undefined when nothing is left. */
  step(): StepResult | undefined {
    const event = this.fireOne();
    return event === undefined ? undefined : { time: event.time, label: event.label };
  }

  /** `step` without its result, for loops that fire event after event: false when nothing is left. */
  fireNext(): boolean {
    return this.fireOne() !== undefined;
  }

  private fireOne(): ScheduledEvent | undefined {
    this.dropCancelled();
    const event = this.queue.pop();
    if (event === undefined) return undefined;
    this._now = event.time;
    this._processed++;
    fire(event);
    return event;
  }

  /** Fires every event with time <= `until`, then sets the clock to `until`. */
  runUntil(until: number): void {
    const queue = this.queue;
    for (;;) {
      const head = queue.peek();
      if (head === undefined || head.time > until) break;
      queue.pop();
      if (head.cancelled) continue;
      this._now = head.time;
      this._processed++;
      fire(head);
    }
    if (until > this._now && until !== Infinity) this._now = until;
  }

  /** Fires events until the queue is empty. */
  run(): void {
    this.runUntil(Infinity);
  }

  /** The live pending events in firing order; for inspection and checkpoints. */
  pendingEvents(): ScheduledEvent[] {
    return this.queue
      .entries()
      .filter((e) => !e.cancelled)
      .sort((a, b) => a.time - b.time || a.seq - b.seq);
  }

  private dropCancelled(): void {
    let head = this.queue.peek();
    while (head !== undefined && head.cancelled) {
      this.queue.pop();
      head = this.queue.peek();
    }
  }
}

function fire(event: ScheduledEvent): void {
  if (event.target !== undefined) event.target.fire();
  else (event.action as Action)();
}
