import type { Resource } from '../kernel/index.js';
import type { Corridor } from '../model/corridor/index.js';

/** One PKT day of the run so far, as the stepper's timeline draws it. */
export interface DayLevels {
  /** Most trucks stranded at Tashkurgan and the Khunjerab gate at once. */
  readonly stranded: number;
  /** Longest total of Sost's station queues at once. */
  readonly sostQueue: number;
  /** The pass road was closed or being cleared at some moment of the day. */
  readonly passShut: boolean;
  /** A what-if fired that day (the stepper's or the scenario's). */
  readonly whatIf: boolean;
}

interface MutableDay {
  stranded: number;
  sostQueue: number;
  passShut: boolean;
  whatIf: boolean;
}

/**
 * The day-by-day levels of a run, read after every event. Levels only change at events, so the
 * highest value seen after each event is the day's highest.
 */
export class DayTrack {
  private readonly daysSoFar: MutableDay[] = [];
  private readonly sostResources: readonly Resource[];

  constructor(private readonly corridor: Corridor) {
    const sostStations = corridor.table.stations.filter((s) => s.calendar !== 'china');
    this.sostResources = sostStations.map((s) => corridor.stations.resource(s.id));
    this.observe();
  }

  get days(): readonly DayLevels[] {
    return this.daysSoFar;
  }

  /** Reads the levels now, into the current day. */
  observe(): void {
    const c = this.corridor;
    const index = Math.floor(c.now / 24 + 1e-9);
    while (this.daysSoFar.length <= index) this.daysSoFar.push({ stranded: 0, sostQueue: 0, passShut: false, whatIf: false });
    const day = this.daysSoFar[index];
    const stranded = c.departures.waiting + c.gate.waiting;
    let queue = 0;
    for (const r of this.sostResources) queue += r.queueLength;
    if (stranded > day.stranded) day.stranded = stranded;
    if (queue > day.sostQueue) day.sostQueue = queue;
    if (!c.road.isOpen()) day.passShut = true;
  }

  /** Marks today as a day a what-if fired. */
  markWhatIf(): void {
    this.observe();
    this.daysSoFar[this.daysSoFar.length - 1].whatIf = true;
  }
}
