import type { InspectionEvent } from 'xstate';
import { RandomStreams, Simulation, TimeAxis, watchCalendar, type StepResult, type WorkingCalendar } from '../../kernel/index.js';
import { compileMachine } from '../compiledMachine.js';
import { CORE_MILESTONES, containerJourney, type BeginParams, type ContainerContext, type ContainerJourneyMachine } from '../containerJourney.js';
import { readLeg } from '../paramPath.js';
import type { CorridorParams, LegParams } from '../params.js';
import type { RoadClosureCause } from '../passRoad.js';
import { readStageTable, type CalendarName, type StageTable } from '../stageTable.js';
import { PKT } from '../timeZones.js';
import { createWeatherDrawer } from '../weather.js';
import { applyWhatIf, describeWhatIf, type WhatIf, type WhatIfTarget } from '../whatIfs.js';
import { ActorPort, type TransitionRecord } from './actors.js';
import { KashgarArrivals } from './arrivals.js';
import { BorderPosts } from './borderPosts.js';
import { DailyCycle } from './dailyCycle.js';
import { TashkurganDepartures } from './departures.js';
import { KhunjerabGate } from './gate.js';
import { JourneyPool, type ActiveContainer, type Activity, type ContainerRecord } from './journeyPool.js';
import { Measures, type CorridorTotals } from './measures.js';
import { Perishables } from './perishables.js';
import { Road } from './road.js';
import { corridorCalendars } from './seasons.js';
import { SostConditions, type OutageKind } from './sostConditions.js';
import { StageRunner } from './stageRunner.js';
import { Stations } from './stations.js';
import { corridorView, type CorridorView } from './view.js';

export type JourneyRuntime = 'xstate' | 'compiled';

export interface CorridorOptions {
  readonly seed: number;
  /** Called for every machine transition (the `--events` log and the stepper use it). */
  readonly onTransition?: (record: TransitionRecord) => void;
  /**
   * Called for each container as it leaves the corridor, released or lost (`record.outcome`
   * says which), or, with `finished` false, when it is still inside at the end.
   */
  readonly onContainerDone?: (record: ContainerRecord, finished: boolean) => void;
  /** Keep every container's record in `records` (the stepper wants them; long runs stream instead). */
  readonly keepRecords?: boolean;
  /** An XState inspector attached to every actor of the run. */
  readonly inspect?: (event: InspectionEvent) => void;
  /**
   * How containers run the journey machine: as XState actors, or compiled into tables (see
   * compiledMachine.ts), which is the same machine at a fraction of the cost. Compiled unless
   * an inspector is attached, since an inspector sees only XState actors.
   */
  readonly journeyRuntime?: JourneyRuntime;
  /** The journey machine with its stage table; the bundled one unless a model extends it. */
  readonly journey?: ContainerJourneyMachine;
  /** Draw trucks at this demand scale and thin them to the scenario's (see arrivals.ts): nested runs for a capacity search. */
  readonly demandCeiling?: number;
}

/**
 * The corridor on simulated time, wired from small rooms: the road, the border posts, Sost's
 * conditions, the stations, the Khunjerab gate, the journey pool, the stage runner, the daily
 * cycle and the measures. The kernel sends the machines events; the journey's stage table
 * says what each stage does. Every number comes from the params.
 */
export class Corridor implements WhatIfTarget {
  readonly sim = new Simulation();
  readonly axis: TimeAxis;
  /** End of the horizon: arrivals stop and the statistics close. */
  readonly end: number;
  /** End of the drain period that follows the horizon. */
  readonly drainEnd: number;
  readonly table: StageTable;
  readonly calendars: Readonly<Record<CalendarName, WorkingCalendar>>;
  readonly port: ActorPort;
  readonly road: Road;
  readonly posts: BorderPosts;
  readonly conditions: SostConditions;
  readonly stations: Stations;
  readonly gate: KhunjerabGate<() => void>;
  readonly departures: TashkurganDepartures;
  readonly pool: JourneyPool;
  readonly measures: Measures;
  private readonly runner: StageRunner;
  private readonly days: DailyCycle;
  private readonly perishables: Perishables;
  private readonly arrivals: KashgarArrivals;
  private readonly warmupEnd: number;
  private horizonTotals: CorridorTotals | undefined;

  constructor(
    readonly params: CorridorParams,
    private readonly options: CorridorOptions,
  ) {
    const sim = this.sim;
    this.axis = TimeAxis.startingAt(params.start, PKT);
    this.end = params.days * 24;
    this.drainEnd = this.end + params.drainDays * 24;
    this.warmupEnd = params.warmupDays * 24;
    const streams = new RandomStreams(options.seed);
    const journey = options.journey ?? containerJourney;
    this.table = readStageTable(journey);
    this.measures = new Measures(this.warmupEnd, params.days, params.report.backlogAgeHours);
    this.port = new ActorPort(() => sim.now, options.onTransition, options.inspect);

    const calendars = corridorCalendars(params, this.axis);
    this.calendars = calendars.customs;
    const gateOpen = (): boolean => this.road.isOpen() && this.posts.bothOpen();
    const stranded = (): void => this.measures.strandedChanged(sim.now, this.departures.waiting + this.gate.waiting);
    this.gate = new KhunjerabGate<() => void>(sim, params.crossing.gateVehiclesPerHour, gateOpen, (through) => through(), stranded);
    const departureLeg = this.departureLeg(params);
    this.departures = new TashkurganDepartures(sim, params.crossing.gateVehiclesPerHour, () => this.road.travelHours(departureLeg), () => this.road.isOpen(), [calendars.posts.china, calendars.posts.pakistan], stranded);
    const crossingMayOpen = (): void => {
      this.departures.dispatch();
      this.gate.dispatch();
    };
    this.road = new Road(sim, params, this.port, crossingMayOpen);
    this.posts = new BorderPosts(sim, calendars.posts, this.port, crossingMayOpen);
    this.conditions = new SostConditions(sim, params, this.port, () => this.days.weather, () => this.recomputeSost());
    this.stations = new Stations(sim, this.table, params, this.calendars, (c) => this.conditions.holds(c), (calendar) =>
      calendar === 'china' ? 1 : this.conditions.staffShare(),
    );
    this.perishables = new Perishables(params.heating, (container) => {
      this.measures.perishableLost(sim.now);
      this.runner.abandon(container);
      this.pool.send(container, { type: 'SPOILED' });
    });
    const provided = journey.provide({
      actions: {
        begin: ({ context }, params: BeginParams) => this.runner.begin(context, params),
        finish: ({ context }) => this.finish(context),
        lose: ({ context }) => this.lose(context),
      },
    });
    const runtime = options.journeyRuntime ?? (options.inspect === undefined ? 'compiled' : 'xstate');
    if (runtime === 'compiled' && options.inspect !== undefined) throw new Error('an inspector sees only XState actors: run the journey as XState (journeyRuntime: "xstate") to inspect it');
    const compiled = runtime === 'compiled' ? compileMachine(provided) : undefined;
    this.pool = new JourneyPool(sim, provided, this.port, this.table.milestones.length, options.keepRecords === true, compiled);
    this.runner = new StageRunner({
      sim,
      table: this.table,
      params,
      pool: this.pool,
      stations: this.stations,
      road: this.road,
      calendars: this.calendars,
      paces: { examination: () => this.conditions.examProductivity() },
      joinGate: (through) => this.gate.join(through),
      joinDepartures: (leave) => this.departures.join(leave),
      conditions: this.conditions,
      onMilestone: (container, milestone) => {
        if (milestone !== CORE_MILESTONES.arrivedSost) return;
        this.measures.arrivedAtSost(sim.now);
        this.perishables.arrivedAtSost(container);
      },
    });
    this.arrivals = new KashgarArrivals(sim, params, this.axis, this.table, streams, this.end, (id, { traits, draws }) => {
      this.measures.arrived(sim.now);
      this.measures.entered(sim.now);
      this.pool.enter(id, traits, draws);
    }, options.demandCeiling);
    this.days = new DailyCycle(sim, this.axis, this.drainEnd, createWeatherDrawer(params), {
      weather: streams.get('weather'),
      outages: streams.get('outages'),
      spoilage: streams.get('spoilage'),
    }, { road: this.road, conditions: this.conditions, perishables: this.perishables, pool: this.pool, posts: this.posts, measures: this.measures, recomputeSost: () => this.recomputeSost() });
    this.start();
  }

  get now(): number {
    return this.sim.now;
  }

  get weather() {
    return this.days.weather;
  }

  get records(): readonly ContainerRecord[] {
    return this.pool.records;
  }

  /** Past the horizon with every container out, or at the end of the drain period. */
  get done(): boolean {
    return this.sim.peekTime() > this.drainEnd || (this.sim.now >= this.end && this.pool.active.size === 0);
  }

  /** Fires one kernel event; undefined once the run is done (see `done`). */
  step(): StepResult | undefined {
    if (this.done) return undefined;
    return this.sim.step();
  }

  runUntil(t: number): void {
    this.sim.runUntil(Math.min(t, this.drainEnd));
  }

  /** Runs the horizon, freezes its totals, then drains: containers still inside are followed out. */
  run(): CorridorTotals {
    this.sim.runUntil(this.end);
    const totals = this.totals();
    this.horizonTotals = totals;
    while (this.pool.active.size > 0 && this.sim.peekTime() <= this.drainEnd) this.sim.fireNext();
    return totals;
  }

  /** What the run measured, over the horizon (frozen at its end; the drain period adds nothing). */
  totals(): CorridorTotals {
    if (this.horizonTotals !== undefined) return this.horizonTotals;
    const until = Math.min(this.sim.now, this.end);
    return this.measures.totals(this.sim.now, {
      days: this.params.days,
      warmupDays: this.params.warmupDays,
      inSystem: this.pool.active.size,
      roadClosures: this.road.closureSegments(until),
      until,
      resources: Object.values(this.stations.resources).map((r) => r.stats()),
      transitions: this.port.transitions,
      kernelEvents: this.sim.processed,
    });
  }

  /** Reports the containers still inside at the end to `onContainerDone`. */
  flushUnfinished(): void {
    for (const c of this.pool.active.values()) this.options.onContainerDone?.(c.record, false);
  }

  /** Everything the stepper shows of the corridor now. */
  view(): CorridorView {
    return corridorView(this);
  }

  heatingOn(): boolean {
    return this.conditions.heatingOn();
  }

  examProductivity(): number {
    return this.conditions.examProductivity();
  }

  /** What a container in the corridor is doing now (for the stepper's "why is it waiting?"). */
  activityOf(container: ActiveContainer): Activity | undefined {
    return this.runner.activityOf(container);
  }

  /** Containers run as XState actors from now on (a replay in the compiled runtime hands over here). */
  useXStateJourneys(): void {
    this.pool.useXState();
  }

  // ── what-ifs ──────────────────────────────────────────────────────────────

  apply(whatIf: WhatIf): boolean {
    return applyWhatIf(this, whatIf);
  }

  snowstorm(snowfallCm: number): void {
    this.road.snowstorm(snowfallCm);
  }

  closeRoad(cause: RoadClosureCause, stormHours: number, clearingWork: number): void {
    this.road.close(cause, stormHours, clearingWork);
  }

  startOutage(kind: OutageKind, hours: number): void {
    this.conditions.startOutage(kind, hours);
  }

  forceRed(id: number): boolean {
    const container = this.pool.active.get(id);
    if (container === undefined || !this.pool.can(container, { type: 'FORCE_RED' })) return false;
    this.pool.send(container, { type: 'FORCE_RED' });
    this.pool.syncRecord(container);
    return true;
  }

  // ── wiring ────────────────────────────────────────────────────────────────

  private start(): void {
    const { sim } = this;
    watchCalendar(sim, this.calendars.china, () => this.stations.apply('china', sim.now), this.drainEnd, 'china customs');
    watchCalendar(sim, this.calendars.pakistan, () => this.recomputeSost(), this.drainEnd, 'pakistan customs');
    watchCalendar(sim, this.calendars.banks, () => this.stations.apply('banks', sim.now), this.drainEnd, 'banks');
    this.posts.watch('china', this.drainEnd);
    this.posts.watch('pakistan', this.drainEnd);
    this.days.newDay();
    if (this.warmupEnd > 0) sim.scheduleAt(this.warmupEnd, () => this.endWarmup(), 'warm-up ends');
    this.arrivals.scheduleNext(0);
    for (const { at, whatIf } of this.params.whatIfs) {
      sim.scheduleAt(this.axis.fromEpoch(at), () => this.applyScheduled(whatIf), `what-if: ${describeWhatIf(whatIf)}`);
    }
  }

  /** A scheduled what-if goes into the event log ahead of the transitions it causes. */
  private applyScheduled(whatIf: WhatIf): void {
    const log = (to: string): void => this.options.onTransition?.({ t: this.sim.now, machine: 'what-if', event: whatIf.kind, from: '', to });
    log(describeWhatIf(whatIf));
    if (!this.apply(whatIf)) log(`not applied (${whatIf.kind === 'forceRed' ? 'the container is not in the corridor or its channel is decided' : 'nothing to act on'})`);
  }

  /** The leg a truck leaving Tashkurgan drives to the border: the stage table's `depart` step names it. */
  private departureLeg(params: CorridorParams): LegParams {
    for (const meta of this.table.stages.values()) {
      for (const step of meta.steps) if (step.kind === 'depart') return readLeg(params, step.toBorder);
    }
    return { km: 0, speedKmh: { clear: 1, snow: 1 } };
  }

  private recomputeSost(): void {
    this.stations.apply('pakistan', this.sim.now);
    this.conditions.releaseWaiters();
  }

  private endWarmup(): void {
    for (const r of Object.values(this.stations.resources)) r.resetStats();
  }

  private finish(context: ContainerContext): void {
    const container = this.leave(context, 'released');
    if (container === undefined) return;
    this.runner.mark(container, this.table.milestones.length - 1);
    this.measures.released(this.sim.now, container.record.milestones[0]);
    this.options.onContainerDone?.(container.record, true);
  }

  /** Spoiled food destroyed or sent back: it leaves the corridor but is not released. */
  private lose(context: ContainerContext): void {
    const container = this.leave(context, 'lost');
    if (container === undefined) return;
    this.measures.lost();
    this.options.onContainerDone?.(container.record, true);
  }

  private leave(context: ContainerContext, outcome: 'released' | 'lost'): ActiveContainer | undefined {
    const container = this.pool.active.get(context.id);
    if (container === undefined) return undefined;
    container.record.outcome = outcome;
    const atSost = !Number.isNaN(container.record.milestones[this.table.milestoneIndex.get(CORE_MILESTONES.arrivedSost) ?? 0]);
    this.measures.left(this.sim.now, container.record.milestones[0], atSost);
    this.pool.leave(context.id);
    this.perishables.left(container);
    return container;
  }
}
