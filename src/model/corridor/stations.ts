import { Resource, type Simulation, type WorkingCalendar } from '../../kernel/index.js';
import { readNumber } from '../paramPath.js';
import type { CalendarName, Condition, StageTable, StationSpec } from '../stageTable.js';

/**
 * The service stations the stage table names (officers, bays, scanners, counters), as kernel
 * resources. A station has its servers while its calendar is open and every condition it
 * requires holds; otherwise none, and work in hand is preempted to resume later.
 */
export class Stations {
  readonly resources: Readonly<Record<string, Resource>>;
  private readonly byCalendar: ReadonlyMap<CalendarName, ReadonlyArray<readonly [StationSpec, Resource, number]>>;

  constructor(
    sim: Simulation,
    table: StageTable,
    params: object,
    private readonly calendars: Readonly<Record<CalendarName, WorkingCalendar>>,
    private readonly holds: (condition: Condition) => boolean,
    /** Share of a calendar's staff at work today (1 unless snow keeps some away). */
    private readonly staffShare: (calendar: CalendarName) => number,
  ) {
    const resources: Record<string, Resource> = {};
    const byCalendar = new Map<CalendarName, Array<readonly [StationSpec, Resource, number]>>();
    for (const station of table.stations) {
      const resource = new Resource(sim, station.name, 0, { dropPolicy: 'preempt' });
      resources[station.id] = resource;
      const list = byCalendar.get(station.calendar) ?? [];
      list.push([station, resource, readNumber(params, station.servers)]);
      byCalendar.set(station.calendar, list);
    }
    this.resources = resources;
    this.byCalendar = byCalendar;
  }

  /** Sets the servers of every station on `calendar` for the calendar and conditions now. */
  apply(calendar: CalendarName, now: number): void {
    const open = this.calendars[calendar].isOpen(now);
    const share = this.staffShare(calendar);
    for (const [station, resource, servers] of this.byCalendar.get(calendar) ?? []) {
      const ok = open && (station.requires ?? []).every(this.holds);
      // Snow may thin the staff, but a station with servers keeps at least one.
      const staffed = share >= 1 || servers === 0 ? servers : Math.max(1, Math.round(servers * share));
      resource.setCapacity(ok ? staffed : 0);
    }
  }

  resource(id: string): Resource {
    const r = this.resources[id];
    if (r === undefined) throw new Error(`no station ${id}`);
    return r;
  }
}
