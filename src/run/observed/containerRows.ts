import { TimeAxis, WorkingCalendar, workingHoursBetween } from '../../kernel/index.js';
import type { ContainerRecord } from '../../model/corridor/index.js';
import type { ContainerFilter, MilestoneSpan, ObservedMeasure } from '../../model/observedParams.js';
import type { CorridorParams } from '../../model/params.js';
import type { StageTable } from '../../model/stageTable.js';
import { PKT } from '../../model/timeZones.js';
import { LogHistogram } from '../histogram.js';
import { NOTHING_MEASURED, type ObservedValue, type RowAccumulator } from './value.js';

/** The measures read from each container's milestones. */
export type ContainerMeasure = Extract<ObservedMeasure, { readonly where: ContainerFilter }>;

/** Shields a share from the rounding of a difference of milestone times (24 h may come out as 24.000000000004). */
const EPSILON = 1e-9;

/**
 * A row read from the containers: which ones count (`where`), the hours each one took
 * between two milestones (elapsed or working, less an interval left out), and the statistic
 * over them (a share within a limit, a median, a mean, a share by a calendar day).
 */
export function containerRow(measure: ContainerMeasure, params: CorridorParams, table: StageTable): RowAccumulator {
  const axis = TimeAxis.startingAt(params.start, PKT);
  const from = indexOf(table, measure.from);
  const to = indexOf(table, measure.to);
  const matches = filterOf(measure.where, from, table, axis);
  const selected = (r: ContainerRecord): boolean => Number.isFinite(r.milestones[from]) && Number.isFinite(r.milestones[to]) && matches(r);

  if (measure.kind === 'sameDayShare') {
    const days = measure.days;
    return shareOf(selected, (r) => dayOf(r.milestones[to]) <= dayOf(r.milestones[from]) + days);
  }

  const hours = hoursOf(measure, params, table, axis);
  if (measure.kind === 'shareWithin') {
    const limit = measure.hours + EPSILON;
    return shareOf(selected, (r) => hours(r) <= limit);
  }
  if (measure.kind === 'mean') {
    let sum = 0;
    let total = 0;
    return {
      add(r) {
        if (!selected(r)) return;
        total++;
        sum += hours(r);
      },
      value: () => (total > 0 ? { value: sum / total, count: total } : NOTHING_MEASURED),
    };
  }
  // median and medianWorking: a log histogram keeps memory constant however many containers pass.
  const histogram = new LogHistogram();
  return {
    add(r) {
      if (selected(r)) histogram.add(hours(r));
    },
    value: () => (histogram.count > 0 ? { value: histogram.quantile(0.5), count: histogram.count } : NOTHING_MEASURED),
  };
}

/** Hours a container took over the measure's interval, less the interval left out; never negative. */
function hoursOf(measure: Exclude<ContainerMeasure, { kind: 'sameDayShare' }>, params: CorridorParams, table: StageTable, axis: TimeAxis): (r: ContainerRecord) => number {
  const calendar = measure.kind === 'medianWorking' ? new WorkingCalendar(params.calendars[measure.calendar], axis) : undefined;
  const span = (s: MilestoneSpan): ((m: Float64Array) => number) => {
    const a = indexOf(table, s.from);
    const b = indexOf(table, s.to);
    return calendar === undefined ? (m) => m[b] - m[a] : (m) => workingHoursBetween(calendar, m[a], m[b]);
  };
  const whole = span(measure);
  const except = measure.except === undefined ? undefined : span(measure.except);
  return (r) => Math.max(0, whole(r.milestones) - (except === undefined ? 0 : except(r.milestones)));
}

function filterOf(where: ContainerFilter, fromIndex: number, table: StageTable, axis: TimeAxis): (r: ContainerRecord) => boolean {
  const exportCleared = where.exportClearedWeekdays === undefined ? -1 : indexOf(table, 'exportCleared');
  return (r) =>
    (where.channel === undefined || r.channel === where.channel) &&
    (where.scan === undefined || r.scan === where.scan) &&
    (where.held === undefined || r.held === where.held) &&
    (where.cargo === undefined || r.cargo === where.cargo) &&
    (where.snowyDeparture === undefined || r.snowyDeparture === where.snowyDeparture) &&
    (where.months === undefined || where.months.includes(axis.localDate(r.milestones[fromIndex], PKT).month)) &&
    (where.exportClearedWeekdays === undefined ||
      (Number.isFinite(r.milestones[exportCleared]) && where.exportClearedWeekdays.includes(axis.localDate(r.milestones[exportCleared], PKT).weekday)));
}

/** The PKT calendar day of a simulated time (the axis starts at 00:00 PKT). */
function dayOf(t: number): number {
  return Math.floor(t / 24 + EPSILON);
}

function indexOf(table: StageTable, id: string): number {
  const index = table.milestoneIndex.get(id);
  if (index === undefined) throw new Error(`the journey has no milestone ${id}`);
  return index;
}

/** The share of the selected containers for which `hit` holds. */
function shareOf(selected: (r: ContainerRecord) => boolean, hit: (r: ContainerRecord) => boolean): RowAccumulator {
  let hits = 0;
  let total = 0;
  return {
    add(r) {
      if (!selected(r)) return;
      total++;
      if (hit(r)) hits++;
    },
    value: () => (total > 0 ? { value: hits / total, count: total } : NOTHING_MEASURED),
  };
}
