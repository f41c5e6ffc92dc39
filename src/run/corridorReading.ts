import type { CorridorView as CorridorState } from '../model/corridor/index.js';
import { BEIJING, PKT } from '../model/timeZones.js';
import { dayLabel, dayNumberAt } from './dayConvention.js';
import { eventLabel } from './eventLabel.js';
import { othersAtStations } from './stationOthers.js';
import type { SteppedRun } from './steppedRun.js';

/** The corridor as the stepper shows it: the model's view plus the stepper's own counters. */
export interface CorridorView extends CorridorState {
  readonly step: number;
  /** Day index since the start date (0 = day 1). */
  readonly day: number;
  /** "day 12 of 90", or "drain day 3" once the horizon is over. */
  readonly dayLabel: string;
  /** Past the horizon: no more arrivals, the corridor only empties. */
  readonly draining: boolean;
  readonly clock: { readonly pkt: string; readonly beijing: string };
  /** The last kernel event, in words ("declared", "power cut", "gate"). */
  readonly lastEvent: string;
  /** Snow from a snowstorm what-if that fired today (cm), beside the day's drawn weather. */
  readonly stormCmToday: number;
  /** By station name: containers in a stage that uses the station, at another step of it now. */
  readonly others: ReadonlyMap<string, number>;
}

/** What the stepper shows of the corridor of `run` now, with days counted against the horizon. */
export function corridorView(run: SteppedRun, horizonDays: number): CorridorView {
  const c = run.corridor;
  const today = Math.floor(c.now / 24 + 1e-9);
  return {
    ...c.view(),
    step: run.steps,
    day: today,
    dayLabel: dayLabel(c.now, horizonDays),
    draining: dayNumberAt(c.now) > horizonDays,
    clock: { pkt: `${c.axis.format(c.now, PKT)} PKT`, beijing: `${c.axis.format(c.now, BEIJING)} CST` },
    lastEvent: eventLabel(run.lastLabel),
    stormCmToday: stormOn(run, today),
    others: othersAtStations(c),
  };
}

/** Snow from snowstorm what-ifs that fired on day index `day` (cm). */
function stormOn(run: SteppedRun, day: number): number {
  let cm = 0;
  for (const { t, whatIf } of run.whatIfs) {
    if (whatIf.kind === 'snowstorm' && Math.floor(t / 24 + 1e-9) === day) cm += whatIf.snowfallCm;
  }
  return cm;
}
