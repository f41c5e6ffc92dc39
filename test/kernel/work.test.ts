import { describe, expect, it } from 'vitest';
import { Resource, Simulation, TimeAxis, WorkingCalendar, addWorkingTime, serveWork } from '../../src/kernel/index.js';

describe('serveWork', () => {
  it('takes work / productivity hours on a free server', () => {
    const sim = new Simulation();
    const desk = new Resource(sim, 'desk', 1);
    let doneAt = Number.NaN;
    serveWork(sim, desk, 6, () => (doneAt = sim.now), { productivity: () => 0.75 });
    sim.run();
    expect(doneAt).toBe(8);
    expect(desk.busy).toBe(0);
  });

  it('resumes a preempted job with only its remaining work, at the pace read when it restarts', () => {
    // 10 h of work at pace 1 from 0; the shift ends at 4 (capacity 0, preempt): 6 h remain.
    // The next shift starts at 14 at pace 0.5: 6 / 0.5 = 12 h, so the job is done at 26.
    const sim = new Simulation();
    const desk = new Resource(sim, 'desk', 1, { dropPolicy: 'preempt' });
    let pace = 1;
    let doneAt = Number.NaN;
    const job = serveWork(sim, desk, 10, () => (doneAt = sim.now), { productivity: () => pace });
    sim.scheduleAt(4, () => desk.setCapacity(0));
    sim.scheduleAt(14, () => {
      pace = 0.5;
      desk.setCapacity(1);
    });
    sim.runUntil(10);
    expect(job.remaining()).toBe(6);
    sim.run();
    expect(doneAt).toBe(26);
    expect(job.remaining()).toBe(0);
  });

  it('rejects a productivity that is not positive when the job starts', () => {
    const sim = new Simulation();
    const desk = new Resource(sim, 'desk', 1);
    expect(() => serveWork(sim, desk, 1, () => undefined, { productivity: () => 0 })).toThrow(RangeError);
  });
});

describe('addWorkingTime', () => {
  // Monday 2025-12-01 00:00 PKT is t = 0; the office works 09:00–17:00 Monday to Friday.
  const axis = TimeAxis.startingAt('2025-12-01', 'Asia/Karachi');
  const office = new WorkingCalendar(
    { timeZone: 'Asia/Karachi', workingDays: [1, 2, 3, 4, 5], hours: [{ from: '09:00', to: '17:00' }] },
    axis,
  );

  it('takes three working days for 24 working hours: Monday 09:00 to Wednesday 17:00', () => {
    expect(addWorkingTime(office, 9, 24)).toBe(2 * 24 + 17);
  });

  it('carries work left on Friday afternoon over the weekend: Friday 16:00 + 2 h is Monday 10:00', () => {
    expect(addWorkingTime(office, 4 * 24 + 16, 2)).toBe(7 * 24 + 10);
  });

  it('starts counting at the next opening when asked while closed', () => {
    expect(addWorkingTime(office, 5 * 24 + 12, 1)).toBe(7 * 24 + 10); // Saturday noon + 1 h
  });
});
