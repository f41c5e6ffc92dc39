import { PoissonProcess, monthlyRate, type RandomStreams, type Rng, type Simulation, type TimeAxis } from '../../kernel/index.js';
import { createContainerDrawer, type ContainerDrawer, type DrawnContainer } from '../containerDraws.js';
import type { CorridorParams } from '../params.js';
import type { StageTable } from '../stageTable.js';
import { PKT } from '../timeZones.js';

/**
 * Trucks arriving at Kashgar until the end of the horizon: a Poisson process with the
 * scenario's monthly rates (times `arrivals.scale`), each truck numbered in arrival order and
 * carrying everything random about its container, drawn at once (see containerDraws.ts).
 *
 * With a `demandCeiling` (a scale at least `arrivals.scale`), trucks are drawn at the
 * ceiling's rate and each is kept with probability scale / ceiling, on a stream of its own,
 * after its container has been drawn. Runs that share the ceiling and the seed are then
 * nested: every truck of a lower demand arrives, at the same moment and with the same
 * container, at every higher demand (common random numbers for a capacity search).
 */
export class KashgarArrivals {
  private readonly process: PoissonProcess;
  private readonly draw: ContainerDrawer;
  private readonly keep: Thinning | undefined;
  private nextId = 1;

  constructor(
    private readonly sim: Simulation,
    params: CorridorParams,
    axis: TimeAxis,
    table: StageTable,
    streams: RandomStreams,
    private readonly end: number,
    private readonly onArrival: (id: number, container: DrawnContainer) => void,
    demandCeiling?: number,
  ) {
    const { scale } = params.arrivals;
    if (demandCeiling !== undefined && !(demandCeiling >= scale && demandCeiling > 0 && Number.isFinite(demandCeiling))) {
      throw new RangeError(`the demand ceiling must be finite, positive and at least arrivals.scale ${scale}, got ${demandCeiling}`);
    }
    this.draw = createContainerDrawer(params, table, streams);
    this.keep = demandCeiling === undefined ? undefined : { share: scale / demandCeiling, rng: streams.get('arrivals:thinning') };
    const drawnScale = demandCeiling ?? scale;
    this.process = new PoissonProcess(monthlyRate(axis, PKT, params.arrivals.vehiclesPerDayByMonth.map((v) => v * drawnScale)), streams.get('arrivals'));
  }

  /** Schedules the first arrival after `after`; each arrival schedules the next. */
  scheduleNext(after: number): void {
    const keep = this.keep;
    if (keep === undefined) {
      const t = this.process.next(after, this.end);
      if (t < this.end) this.sim.scheduleAt(t, () => this.arrive(this.draw.draw()), 'arrival at Kashgar');
      return;
    }
    // Trucks a lower demand would not see are passed over with their container's draws
    // skipped, so that the streams stay in step with every other demand on the same ceiling.
    for (let t = this.process.next(after, this.end); t < this.end; t = this.process.next(t, this.end)) {
      if (keep.rng.next() < keep.share) {
        const container = this.draw.draw();
        this.sim.scheduleAt(t, () => this.arrive(container), 'arrival at Kashgar');
        return;
      }
      this.draw.skip();
    }
  }

  private arrive(container: DrawnContainer): void {
    this.onArrival(this.nextId++, container);
    this.scheduleNext(this.sim.now);
  }
}

interface Thinning {
  readonly share: number;
  readonly rng: Rng;
}
