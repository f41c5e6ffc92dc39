import { describe, expect, it } from 'vitest';
import { Resource, Simulation, type ResourceRequest } from '../../src/kernel/index.js';

/** Requests `resource` at time `at` and holds it for `duration`; records grant times. */
function job(
  sim: Simulation,
  resource: Resource,
  at: number,
  duration: number,
  log: string[],
  name: string,
  priority = 0,
): void {
  sim.scheduleAt(at, () => {
    const request = resource.request(
      () => {
        log.push(`${name}@${sim.now}`);
        sim.schedule(duration, () => resource.release(request));
      },
      { priority },
    );
  });
}

describe('Resource', () => {
  it('grants a free server at once and synchronously', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'desk', 1);
    let granted = false;
    const request = resource.request(() => (granted = true));
    expect(granted).toBe(true);
    expect(request.state).toBe('serving');
    expect(resource.busy).toBe(1);
  });

  it('serves waiting requests first in, first out under the fifo discipline, ignoring priorities', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'desk', 1);
    const log: string[] = [];
    job(sim, resource, 0, 1, log, 'hold');
    [3, 1, 2, 0, 1].forEach((priority, i) => job(sim, resource, 0.1 * (i + 1), 1, log, `j${i}`, priority));
    sim.run();
    expect(log).toEqual(['hold@0', 'j0@1', 'j1@2', 'j2@3', 'j3@4', 'j4@5']);
  });

  it('serves the lowest priority number first under the priority discipline, FIFO within a priority', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'desk', 1, { discipline: 'priority' });
    const log: string[] = [];
    job(sim, resource, 0, 1, log, 'hold', 5);
    [3, 1, 2, 0, 1].forEach((priority, i) => job(sim, resource, 0.1 * (i + 1), 1, log, `j${i}`, priority));
    sim.run();
    expect(log).toEqual(['hold@0', 'j3@1', 'j1@2', 'j4@3', 'j2@4', 'j0@5']);
  });

  it('does not let a higher-priority arrival interrupt a job already in service', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'desk', 1, { discipline: 'priority', dropPolicy: 'preempt' });
    const log: string[] = [];
    job(sim, resource, 0, 2, log, 'low', 9);
    job(sim, resource, 1, 1, log, 'urgent', 0);
    sim.run();
    expect(log).toEqual(['low@0', 'urgent@2']);
  });

  it('measures the utilisation of a capacity that drops from 2 to 1 mid-run as computed by hand', () => {
    // Jobs of 1.5 h arrive at 0.25, 1.25, …, 19.25. Capacity is 2 on [0, 10) and 1 on [10, 20].
    // [0, 10): at most two jobs overlap, nobody waits; jobs 0–8 are done by 9.75 (9 × 1.5 h) and
    //          job 9 (9.25–10.75) adds 0.75 h before 10: busy area 14.25.
    // [10, 20]: one server, a job every hour needing 1.5 h: the server never idles: busy area 10.
    // Utilisation = busy area / capacity area = 24.25 / (2·10 + 1·10) = 24.25 / 30.
    // Waits: job 10 + j arrives at 10.25 + j and starts at 10.75 + 1.5 j, so it waits 0.5 + 0.5 j;
    // j = 0..6 start by 20 (the last at 19.75): 7 waits summing to 14, plus 10 jobs with no wait.
    // Queue area: the 7 served waits (14) plus jobs 17, 18, 19 still waiting at 20
    // (2.75 + 1.75 + 0.75 = 5.25): 19.25. The queue peaks at 4 (jobs 16–19) on [19.25, 19.75).
    const sim = new Simulation();
    const resource = new Resource(sim, 'gate', 2);
    const log: string[] = [];
    sim.scheduleAt(10, () => resource.setCapacity(1));
    for (let k = 0; k < 20; k++) job(sim, resource, k + 0.25, 1.5, log, `j${k}`);
    sim.runUntil(20);
    const stats = resource.stats();
    expect(stats.capacity).toBe(1);
    expect(stats.utilization).toBeCloseTo(24.25 / 30, 12);
    expect(stats.meanBusy).toBeCloseTo(24.25 / 20, 12);
    expect(stats.served).toBe(17);
    expect(stats.meanWait).toBeCloseTo(14 / 17, 12);
    expect(stats.maxWait).toBeCloseTo(3.5, 12);
    expect(stats.meanQueue).toBeCloseTo(19.25 / 20, 12);
    expect(stats.maxQueue).toBe(4);
    expect(resource.queueLength).toBe(3);
  });

  it('under the finish policy lets busy exceed a lowered capacity until jobs finish, and starts no new job meanwhile', () => {
    // A and B start at 0 (4 h and 6 h); C waits. At 1 the capacity drops to 1: A and B both carry on.
    // At 4 A finishes: busy = 1 = capacity, so C still waits. At 6 B finishes and C starts.
    const sim = new Simulation();
    const resource = new Resource(sim, 'gate', 2, { dropPolicy: 'finish' });
    const log: string[] = [];
    job(sim, resource, 0, 4, log, 'A');
    job(sim, resource, 0, 6, log, 'B');
    job(sim, resource, 0, 1, log, 'C');
    const busyAt: Record<string, number> = {};
    sim.scheduleAt(1, () => resource.setCapacity(1));
    for (const t of [0.5, 2, 5, 6.5]) sim.scheduleAt(t, () => (busyAt[t] = resource.busy));
    sim.run();
    expect(log).toEqual(['A@0', 'B@0', 'C@6']);
    expect(busyAt).toEqual({ 0.5: 2, 2: 2, 5: 1, 6.5: 1 });
    const stats = resource.stats();
    expect(stats.preemptions).toBe(0);
    // Busy area 4 + 6 + 1 = 11 over capacity area 2·1 + 1·6 = 8: overtime shows as utilisation > 1.
    expect(stats.utilization).toBeCloseTo(11 / 8, 12);
  });

  it('under the preempt policy interrupts the most recently started job, calls onPreempt, and resumes it first', () => {
    // A starts at 0 (5 h of work), B at 1 (5 h), C queues at 1.5 (1 h). At 2 the capacity drops to 1:
    // B, the most recently started, is preempted after 1 h of work and goes back to the head of the
    // queue, ahead of C. When A finishes at 5, B resumes with its remaining 4 h (to 9), then C runs 9–10.
    const sim = new Simulation();
    const resource = new Resource(sim, 'gate', 2, { dropPolicy: 'preempt' });
    const log: string[] = [];

    const preemptible = (name: string, at: number, work: number): void => {
      sim.scheduleAt(at, () => {
        let remaining = work;
        let startedAt = Number.NaN;
        let finish: ReturnType<Simulation['schedule']> | undefined;
        const request: ResourceRequest = resource.request(
          () => {
            log.push(`${name} starts @${sim.now}`);
            startedAt = sim.now;
            finish = sim.schedule(remaining, () => {
              log.push(`${name} done @${sim.now}`);
              resource.release(request);
            });
          },
          {
            onPreempt: () => {
              log.push(`${name} preempted @${sim.now}`);
              remaining -= sim.now - startedAt;
              if (finish !== undefined) sim.cancel(finish);
            },
          },
        );
      });
    };
    preemptible('A', 0, 5);
    preemptible('B', 1, 5);
    preemptible('C', 1.5, 1);
    sim.scheduleAt(2, () => resource.setCapacity(1));
    sim.run();
    expect(log).toEqual([
      'A starts @0',
      'B starts @1',
      'B preempted @2',
      'A done @5',
      'B starts @5',
      'B done @9',
      'C starts @9',
      'C done @10',
    ]);
    const stats = resource.stats();
    expect(stats.preemptions).toBe(1);
    expect(stats.served).toBe(3); // a resumed job is not counted twice
    expect(resource.busy).toBe(0);
  });

  it('under the preempt policy with priorities interrupts the least urgent job, even if it started first', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'gate', 2, { discipline: 'priority', dropPolicy: 'preempt' });
    const preempted: string[] = [];
    resource.request(() => undefined, { priority: 5, onPreempt: () => preempted.push('relaxed') });
    sim.runUntil(1);
    resource.request(() => undefined, { priority: 1, onPreempt: () => preempted.push('urgent') });
    resource.setCapacity(1);
    expect(preempted).toEqual(['relaxed']);
    expect(resource.busy).toBe(1);
    expect(resource.queueLength).toBe(1);
  });

  it('starts queued jobs at once when the capacity rises', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'gate', 0);
    const log: string[] = [];
    job(sim, resource, 0, 1, log, 'a');
    job(sim, resource, 0, 1, log, 'b');
    sim.scheduleAt(3, () => resource.setCapacity(2));
    sim.run();
    expect(log).toEqual(['a@3', 'b@3']);
    expect(resource.stats().meanWait).toBe(3);
  });

  it('resetStats forgets everything measured so far and measures only from the reset on', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'desk', 1);
    const log: string[] = [];
    for (let k = 0; k < 5; k++) job(sim, resource, 0, 2, log, `j${k}`);
    sim.runUntil(4); // j0 done, j1 done at 4, j2 started at 4; j3, j4 waiting
    resource.resetStats();
    const cleared = resource.stats();
    expect(cleared).toMatchObject({ served: 0, meanWait: 0, maxWait: 0, preemptions: 0, utilization: 0, maxQueue: 2 });
    expect(cleared.meanQueue).toBe(2); // no time has passed: the current queue length
    sim.runUntil(6); // j3 starts at 6 after waiting 6 h; queue 2 on [4, 6)
    const after = resource.stats();
    expect(after.served).toBe(1);
    expect(after.meanWait).toBe(6);
    expect(after.meanQueue).toBe(2);
    expect(after.utilization).toBe(1);
  });

  it('throws when releasing a request that is not being served', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'desk', 1);
    const serving = resource.request(() => undefined);
    const waiting = resource.request(() => undefined);
    expect(() => resource.release(waiting)).toThrow(/state waiting/);
    resource.release(serving);
    expect(() => resource.release(serving)).toThrow(/state done/);
    const cancelled = resource.request(() => undefined);
    resource.cancel(cancelled);
    expect(() => resource.release(cancelled)).toThrow(/state cancelled/);
  });

  it('cancel withdraws a waiting request so it is never granted', () => {
    const sim = new Simulation();
    const resource = new Resource(sim, 'desk', 1);
    const granted: string[] = [];
    const first = resource.request(() => granted.push('first'));
    const quitter = resource.request(() => granted.push('quitter'));
    resource.request(() => granted.push('patient'));
    resource.cancel(quitter);
    expect(resource.queueLength).toBe(1);
    resource.release(first);
    expect(granted).toEqual(['first', 'patient']);
    expect(quitter.state).toBe('cancelled');
  });

  it('rejects a capacity that is negative or not a whole number', () => {
    const sim = new Simulation();
    expect(() => new Resource(sim, 'desk', -1)).toThrow(RangeError);
    expect(() => new Resource(sim, 'desk', 1.5)).toThrow(RangeError);
    expect(() => new Resource(sim, 'desk', 1).setCapacity(Number.NaN)).toThrow(RangeError);
  });
});
