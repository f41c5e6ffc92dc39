import type { WorkingCalendar } from './calendar.js';
import type { Resource, ResourceClient, ResourceRequest } from './resource.js';
import type { Action, Fireable, ScheduledEvent, Simulation } from './simulation.js';

/**
 * A job with a fixed amount of work (hours at full productivity) served by one server of a
 * resource. Productivity is read each time the job (re)starts, so a job preempted at the end
 * of a shift resumes next morning at that morning's pace, with only its remaining work left.
 *
 * ```
 *  work 10h ──[grant p=1.0: 4h done]──preempt──[grant p=0.5: 6h left → 12h]── done
 * ```
 */
export interface WorkJob {
  readonly request: ResourceRequest;
  /** Work still to do, as of the last (re)start or preemption. */
  remaining(): number;
  /** Abandons the job: out of the queue if waiting, its server freed if in service; `onDone` never runs. */
  cancel(): void;
}

export interface WorkOptions {
  readonly priority?: number;
  /** Productivity factor in (0, 1], read at each (re)start; 1 when omitted. */
  readonly productivity?: () => number;
  readonly label?: string;
}

export function serveWork(
  sim: Simulation,
  resource: Resource,
  work: number,
  onDone: Action | Fireable,
  options: WorkOptions = {},
): WorkJob {
  return new ServedWork(sim, resource, work, onDone, options.productivity, options.label ?? resource.name, options.priority);
}

/** The job is its own resource client and its own completion event: one object per job. */
class ServedWork implements WorkJob, ResourceClient, Fireable {
  readonly request: ResourceRequest;
  private left: number;
  private startedAt = 0;
  private pace = 1;
  private completion: ScheduledEvent | undefined = undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly resource: Resource,
    work: number,
    private readonly onDone: Action | Fireable,
    private readonly productivity: (() => number) | undefined,
    private readonly label: string,
    priority: number | undefined,
  ) {
    this.left = work;
    // Last: the resource may grant at once, and `granted` needs the fields above.
    this.request = resource.requestFor(this, priority);
  }

  remaining(): number {
    return this.left;
  }

  granted(): void {
    this.startedAt = this.sim.now;
    this.pace = this.productivity === undefined ? 1 : this.productivity();
    if (!(this.pace > 0)) throw new RangeError(`${this.resource.name}: productivity must be > 0, got ${this.pace}`);
    this.completion = this.sim.schedule(this.left / this.pace, this, this.label);
  }

  preempted(): void {
    if (this.completion !== undefined) this.sim.cancel(this.completion);
    this.completion = undefined;
    this.left = Math.max(0, this.left - (this.sim.now - this.startedAt) * this.pace);
  }

  /** The work is done. */
  fire(): void {
    this.left = 0;
    this.completion = undefined;
    this.resource.release(this.request);
    if (typeof this.onDone === 'function') this.onDone();
    else this.onDone.fire();
  }

  cancel(): void {
    const request = this.request;
    if (request.state === 'waiting') this.resource.cancel(request);
    else if (request.state === 'serving') {
      if (this.completion !== undefined) this.sim.cancel(this.completion);
      this.completion = undefined;
      this.resource.release(request);
    }
  }
}

/**
 * The instant at which `hours` of the calendar's open time have passed since `t`
 * (a permit office that works 09:00–17:00 takes three days for 24 working hours).
 * `Infinity` if the calendar never opens enough.
 */
export function addWorkingTime(calendar: WorkingCalendar, t: number, hours: number): number {
  let now = t;
  let remaining = hours;
  for (let guard = 0; guard < 100_000; guard++) {
    const start = calendar.nextOpen(now);
    if (start === Infinity) return Infinity;
    const end = calendar.nextClose(start);
    if (start + remaining <= end) return start + remaining;
    remaining -= end - start;
    now = end;
  }
  return Infinity;
}

/**
 * Calls `onChange(open)` now and at every opening and closing of the calendar before
 * `until`, e.g. to put officers on and off shift.
 */
export function watchCalendar(
  sim: Simulation,
  calendar: WorkingCalendar,
  onChange: (open: boolean) => void,
  until: number,
  label = 'calendar',
): void {
  const tick = (): void => {
    const open = calendar.isOpen(sim.now);
    onChange(open);
    const next = open ? calendar.nextClose(sim.now) : calendar.nextOpen(sim.now);
    if (next > sim.now && next <= until) sim.scheduleAt(next, tick, label);
  };
  tick();
}
