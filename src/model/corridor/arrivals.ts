import { PoissonProcess, monthlyRate, type RandomStreams, type Simulation, type TimeAxis } from '../../kernel/index.js';
import { createContainerDrawer, type ContainerDrawer, type DrawnContainer } from '../containerDraws.js';
import type { CorridorParams } from '../params.js';
import type { StageTable } from '../stageTable.js';
import { PKT } from '../timeZones.js';

/**
 * Trucks arriving at Kashgar until the end of the horizon: a Poisson process with the
 * scenario's monthly rates (times `arrivals.scale`), each truck numbered in arrival order and
 * carrying everything random about its container, drawn at once (see containerDraws.ts).
 */
export class KashgarArrivals {
  private readonly process: PoissonProcess;
  private readonly draw: ContainerDrawer;
  private nextId = 1;

  constructor(
    private readonly sim: Simulation,
    params: CorridorParams,
    axis: TimeAxis,
    table: StageTable,
    streams: RandomStreams,
    private readonly end: number,
    private readonly onArrival: (id: number, container: DrawnContainer) => void,
  ) {
    this.draw = createContainerDrawer(params, table, streams);
    this.process = new PoissonProcess(monthlyRate(axis, PKT, params.arrivals.vehiclesPerDayByMonth.map((v) => v * params.arrivals.scale)), streams.get('arrivals'));
  }

  /** Schedules the first arrival after `after`; each arrival schedules the next. */
  scheduleNext(after: number): void {
    const t = this.process.next(after, this.end);
    if (t < this.end) this.sim.scheduleAt(t, this.arrive, 'arrival at Kashgar');
  }

  private readonly arrive = (): void => {
    this.onArrival(this.nextId++, this.draw());
    this.scheduleNext(this.sim.now);
  };
}
