import { describe, expect, it } from 'vitest';
import { Resource, Simulation, serveWork, type ResourceRequest } from '../../src/kernel/index.js';

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
    // The two requests waiting at the reset are the new window's first arrivals.
    expect(cleared).toMatchObject({ arrivals: 2, served: 0, meanWait: 0, maxWait: 0, preemptions: 0, utilization: 0, maxQueue: 2 });
    expect(cleared.meanQueue).toBe(2); // no time has passed: the current queue length
    sim.runUntil(6); // j3 starts at 6 after waiting 6 h, 2 of them after the reset; queue 2 on [4, 6)
    const after = resource.stats();
    expect(after.served).toBe(1);
    expect(after.arrivals).toBe(2);
    expect(after.meanWait).toBe(2); // only the waiting inside the window counts
    expect(after.maxWait).toBe(2);
    expect(after.meanQueue).toBe(2);
    expect(after.utilization).toBe(1);
    sim.run(); // j4 starts at 8 (4 h after the reset): the queue is empty, Little's law is exact
    const end = resource.stats();
    // j2 was granted at 4 before the reset, so the window served j3 and j4.
    expect(end).toMatchObject({ arrivals: 2, served: 2, meanWait: 3, maxWait: 4 });
    // Queue area on [4, 10]: 2 × 2 + 1 × 2 = 6 = arrivals × meanWait.
    expect(end.meanQueue * (sim.now - 4)).toBeCloseTo(end.arrivals * end.meanWait, 12);
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

describe('Resource waits across preemptions', () => {
  it("adds the wait after a preemption to the job's wait, exactly as worked out by hand", () => {
    // One server. H holds it on [0, 1]. A (3 h of work) arrives at 0.5 and waits 0.5 h, works 1 h,
    // and is preempted at 2 when the capacity drops to 0. It waits again until the capacity comes
    // back at 5 (3 h) and finishes its last 2 h at 7. A's wait is 0.5 + 3 = 3.5 h; H's is 0.
    // (Counting only the wait before the first service, as the kernel once did, gives A 0.5 h.)
    const sim = new Simulation();
    const resource = new Resource(sim, 'bay', 1, { dropPolicy: 'preempt' });
    const done: Record<string, number> = {};
    sim.scheduleAt(0, () => serveWork(sim, resource, 1, () => (done.H = sim.now)));
    sim.scheduleAt(0.5, () => serveWork(sim, resource, 3, () => (done.A = sim.now)));
    sim.scheduleAt(2, () => resource.setCapacity(0));
    sim.scheduleAt(5, () => resource.setCapacity(1));

    sim.runUntil(3); // A is back in the queue: its wait is not over, so only H's (0) counts
    const meanwhile = resource.stats();
    expect(meanwhile).toMatchObject({ arrivals: 2, served: 2, meanWait: 0, preemptions: 1 });

    sim.run();
    expect(done).toEqual({ H: 1, A: 7 });
    const stats = resource.stats();
    expect(stats).toMatchObject({ arrivals: 2, served: 2, preemptions: 1 });
    expect(stats.meanWait).toBe(3.5 / 2);
    expect(stats.maxWait).toBe(3.5);
    // Queue area 0.5 + 3 = 3.5 over [0, 7], and the queue ends empty: L = λ W exactly.
    expect(stats.meanQueue).toBe(0.5);
    expect(stats.meanQueue).toBeCloseTo((stats.arrivals / 7) * stats.meanWait, 14);
  });

  it('sums the waits of a job preempted on two nights, and counts the job once', () => {
    // Open [0, 2), [10, 12), [20, 22): a 5 h job starting at 0 works 2 h, waits 8 h, works 2 h,
    // waits 8 h and finishes its last hour at 21. Its wait is 16 h.
    const sim = new Simulation();
    const resource = new Resource(sim, 'officer', 1, { dropPolicy: 'preempt' });
    for (const day of [0, 10, 20]) {
      sim.scheduleAt(day, () => resource.setCapacity(1));
      sim.scheduleAt(day + 2, () => resource.setCapacity(0));
    }
    let finished = Number.NaN;
    serveWork(sim, resource, 5, () => (finished = sim.now));
    sim.run();
    expect(finished).toBe(21);
    expect(resource.stats()).toMatchObject({ arrivals: 1, served: 1, preemptions: 2, meanWait: 16, maxWait: 16 });
  });

  it('counts the whole wait of a request cancelled while it waits again after a preemption', () => {
    // A starts at 0, is preempted at 1 and withdrawn at 3: it waited 2 h, and that wait counts.
    const sim = new Simulation();
    const resource = new Resource(sim, 'bay', 1, { dropPolicy: 'preempt' });
    const job = serveWork(sim, resource, 5, () => undefined);
    sim.scheduleAt(1, () => resource.setCapacity(0));
    sim.scheduleAt(3, () => resource.cancel(job.request));
    sim.run();
    const stats = resource.stats();
    expect(job.request.state).toBe('cancelled');
    expect(stats).toMatchObject({ arrivals: 1, served: 1, meanWait: 2, maxWait: 2 });
    expect(stats.meanQueue).toBeCloseTo((stats.arrivals / 3) * stats.meanWait, 14);
  });

  it('after resetStats counts a job in service at the reset and preempted later as an arrival, with only its later wait', () => {
    // A (4 h) starts at 0; stats reset at 1; preempted at 2 with 2 h left, resumed at 5, done at 7.
    // The window [1, 7] saw A join the queue once (at 2) and wait 3 h.
    const sim = new Simulation();
    const resource = new Resource(sim, 'bay', 1, { dropPolicy: 'preempt' });
    let finished = Number.NaN;
    serveWork(sim, resource, 4, () => (finished = sim.now));
    sim.scheduleAt(1, () => resource.resetStats());
    sim.scheduleAt(2, () => resource.setCapacity(0));
    sim.scheduleAt(5, () => resource.setCapacity(1));
    sim.run();
    expect(finished).toBe(7);
    const stats = resource.stats();
    expect(stats).toMatchObject({ arrivals: 1, served: 1, preemptions: 1, meanWait: 3, maxWait: 3 });
    expect(stats.meanQueue).toBeCloseTo((stats.arrivals / 6) * stats.meanWait, 14);
  });

  it('after resetStats counts only the waiting after the reset of a job preempted before it', () => {
    // A (4 h) starts at 0, is preempted at 2, the stats are reset at 3, A resumes at 5 and is done
    // at 7. A waited 3 h in all, 2 h of them inside the window [3, 7], which is what counts.
    const sim = new Simulation();
    const resource = new Resource(sim, 'bay', 1, { dropPolicy: 'preempt' });
    serveWork(sim, resource, 4, () => undefined);
    sim.scheduleAt(2, () => resource.setCapacity(0));
    sim.scheduleAt(3, () => resource.resetStats());
    sim.scheduleAt(5, () => resource.setCapacity(1));
    sim.run();
    const stats = resource.stats();
    expect(stats).toMatchObject({ arrivals: 1, served: 1, preemptions: 0, meanWait: 2, maxWait: 2 });
    expect(stats.meanQueue).toBeCloseTo((stats.arrivals / 4) * stats.meanWait, 14);
  });
});
