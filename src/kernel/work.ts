import type { WorkingCalendar } from './calendar.js';
import type { Resource, ResourceRequest } from './resource.js';
import type { Simulation } from './simulation.js';

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
  onDone: () => void,
  options: WorkOptions = {},
): WorkJob {
  let remaining = work;
  let startedAt = 0;
  let pace = 1;
  let completion: ReturnType<Simulation['schedule']> | undefined;
  const label = options.label ?? resource.name;
  const request = resource.request(
    () => {
      startedAt = sim.now;
      pace = options.productivity === undefined ? 1 : options.productivity();
      if (!(pace > 0)) throw new RangeError(`${resource.name}: productivity must be > 0, got ${pace}`);
      completion = sim.schedule(remaining / pace, () => {
        remaining = 0;
        completion = undefined;
        resource.release(request);
        onDone();
      }, label);
    },
    {
      priority: options.priority,
      onPreempt: () => {
        if (completion !== undefined) sim.cancel(completion);
        completion = undefined;
        remaining = Math.max(0, remaining - (sim.now - startedAt) * pace);
      },
    },
  );
  const cancel = (): void => {
    if (request.state === 'waiting') resource.cancel(request);
    else if (request.state === 'serving') {
      if (completion !== undefined) sim.cancel(completion);
      completion = undefined;
      resource.release(request);
    }
  };
  return { request, remaining: () => remaining, cancel };
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
