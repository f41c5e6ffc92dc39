import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import {
  PoissonProcess,
  RandomStreams,
  Resource,
  Simulation,
  TimeAxis,
  WorkingCalendar,
  addWorkingTime,
  createSampler,
  distributionMean,
  monthlyRate,
  serveWork,
  watchCalendar,
  type CalendarSpec,
  type ClosurePeriod,
  type ResourceStats,
  type Rng,
  type Sampler,
  type StepResult,
} from '../kernel/index.js';
import { createBorderPostMachine, type BorderPostMachine } from './borderPost.js';
import {
  createContainerJourneyMachine,
  type BeginParams,
  type ContainerContext,
  type ContainerEvent,
  type ContainerJourneyMachine,
} from './containerJourney.js';
import { createContainerDrawer, type ContainerDraws } from './containerDraws.js';
import { FifoQueue } from './fifoQueue.js';
import { MILESTONE_INDEX, MILESTONES } from './milestones.js';
import { CLOSURE_CAUSES, type CargoType, type Channel, type CorridorParams, type OutageParams } from './params.js';
import { createPassRoadMachine, type PassRoadMachine, type RoadClosureCause } from './passRoad.js';
import { createSostFacilityMachine, type FacilityEvent, type SostFacilityMachine } from './sostFacility.js';
import { createProductivityCurve, createWeatherDrawer, type DayWeather } from './weather.js';

export const PKT = 'Asia/Karachi';
export const BEIJING = 'Asia/Shanghai';

/** What one container went through. Milestone times are simulated hours; NaN = not reached. */
export interface ContainerRecord {
  readonly id: number;
  readonly cargo: CargoType;
  channel: Channel;
  scan: boolean;
  readonly held: boolean;
  readonly needsPermit: boolean;
  readonly exportInspection: boolean;
  readonly milestones: Float64Array;
  incident: boolean;
  spoiled: boolean;
}

/** One XState transition, stamped with simulated time. */
export interface TransitionRecord {
  readonly t: number;
  readonly machine: string;
  readonly event: string;
  readonly from: string;
  readonly to: string;
}

export interface CorridorOptions {
  readonly seed: number;
  /** Called for every machine transition (the `--events` log and the stepper use it). */
  readonly onTransition?: (record: TransitionRecord) => void;
  /** Called for each container as it leaves Sost (or is still inside at the end, with `finished` false). */
  readonly onContainerDone?: (record: ContainerRecord, finished: boolean) => void;
  /** Keep every container's record in `records` (the stepper wants them; long runs stream instead). */
  readonly keepRecords?: boolean;
}

export interface CorridorTotals {
  readonly days: number;
  readonly warmupDays: number;
  /** All containers that entered at Kashgar, warm-up included. */
  readonly arrivedTotal: number;
  readonly releasedTotal: number;
  readonly inSystem: number;
  /** Containers that entered and left after the warm-up. */
  readonly arrived: number;
  readonly released: number;
  /** Containers gated out at Sost on each day, warm-up included. */
  readonly releasedPerDay: readonly number[];
  /** Days (24 h of closure = 1 day) the road or the posts were shut, by cause, after the warm-up. */
  readonly closedDaysByCause: Readonly<Record<string, number>>;
  readonly stranded: { readonly mean: number; readonly peak: number };
  readonly perishablesLost: number;
  readonly resources: readonly ResourceStats[];
  readonly transitions: number;
  readonly kernelEvents: number;
}

interface ActiveContainer {
  readonly record: ContainerRecord;
  readonly draws: ContainerDraws;
  /** The live journey actor, or undefined while the machine is parked. */
  actor: Actor<ContainerJourneyMachine> | undefined;
  /** The state a parked machine rests in. */
  parkedIn: string;
  /** Simulated time of the last event sent to the machine. */
  lastEventAt: number;
  remainingTravel: number;
  atSost: boolean;
}

/** A container's journey machine as the stepper shows it. */
export interface JourneyState {
  readonly value: string;
  readonly context: ContainerContext;
}

const EVENT: { readonly [K in ContainerEvent['type']]: Extract<ContainerEvent, { type: K }> } = {
  DECLARED: { type: 'DECLARED' },
  INSPECTED: { type: 'INSPECTED' },
  REACHED_TASHKURGAN: { type: 'REACHED_TASHKURGAN' },
  EXIT_CLEARED: { type: 'EXIT_CLEARED' },
  DEPART: { type: 'DEPART' },
  INCIDENT: { type: 'INCIDENT' },
  RECOVERED: { type: 'RECOVERED' },
  REACHED_SOST: { type: 'REACHED_SOST' },
  GD_LODGED: { type: 'GD_LODGED' },
  ASSESSED: { type: 'ASSESSED' },
  HOLD_LIFTED: { type: 'HOLD_LIFTED' },
  DOCS_CHECKED: { type: 'DOCS_CHECKED' },
  SCANNED: { type: 'SCANNED' },
  EXAMINED: { type: 'EXAMINED' },
  PERMIT_ISSUED: { type: 'PERMIT_ISSUED' },
  DUTY_PAID: { type: 'DUTY_PAID' },
  RELEASED: { type: 'RELEASED' },
  GATED_OUT: { type: 'GATED_OUT' },
  FORCE_RED: { type: 'FORCE_RED' },
};

/** A day without an event: overnight waits stay live, weekend and backlog waits park. */
const PARK_AFTER_IDLE_HOURS = 24;

const OUTAGE_EVENTS = {
  power: ['POWER_CUT', 'POWER_RESTORED'],
  weboc: ['WEBOC_DOWN', 'WEBOC_UP'],
  scanner: ['SCANNER_BROKE', 'SCANNER_REPAIRED'],
} as const satisfies Record<string, readonly [FacilityEvent['type'], FacilityEvent['type']]>;

/**
 * The corridor on simulated time: the kernel drives the XState machines (one journey per
 * container, the pass road, the two border posts and the Sost facility) by sending them
 * events; the machines call back when a stage begins. Every number comes from the params.
 */
export class Corridor {
  readonly sim = new Simulation();
  readonly axis: TimeAxis;
  /** End of the horizon: arrivals stop and the statistics close. */
  readonly end: number;
  /** End of the drain period that follows the horizon. */
  readonly drainEnd: number;
  readonly calendars: { readonly china: WorkingCalendar; readonly pakistan: WorkingCalendar; readonly banks: WorkingCalendar };
  readonly resources: {
    readonly kashgarOfficers: Resource;
    readonly kashgarBays: Resource;
    readonly tashkurganOfficers: Resource;
    readonly gdOfficers: Resource;
    readonly examBays: Resource;
    readonly scanners: Resource;
    readonly bankCounters: Resource;
  };
  readonly road: Actor<PassRoadMachine>;
  readonly posts: { readonly china: Actor<BorderPostMachine>; readonly pakistan: Actor<BorderPostMachine> };
  readonly facility: Actor<SostFacilityMachine>;
  readonly journeyMachine: ContainerJourneyMachine;
  /** Containers between Kashgar gate-in and Sost gate-out, by id. */
  readonly active = new Map<number, ActiveContainer>();
  /** Every container so far, in arrival order, when `keepRecords` is set. */
  readonly records: ContainerRecord[] = [];
  weather: DayWeather;

  private readonly streams: RandomStreams;
  private readonly rng: { readonly arrivals: Rng; readonly cargo: Rng; readonly weather: Rng; readonly outages: Rng; readonly spoilage: Rng };
  private readonly drawContainer: ReturnType<typeof createContainerDrawer>;
  private readonly drawWeather: ReturnType<typeof createWeatherDrawer>;
  private readonly unheatedPace: (tempC: number) => number;
  private readonly arrivals: PoissonProcess;
  private readonly outageDuration: Map<OutageParams, Sampler>;
  private readonly warmupEnd: number;
  /** Containers waiting at Tashkurgan, in order; the gate lets them through one at a time. */
  private readonly waitingForPass = new FifoQueue<ActiveContainer>();
  private gateBusy = false;
  /** Food containers at Sost, in arrival order at Sost: the ones frost can spoil. */
  private readonly foodAtSost = new Set<ActiveContainer>();
  private readonly awaitingWeboc: ActiveContainer[] = [];
  private readonly releasedPerDay: number[];
  /** Road closures so far: [from, to, cause]; the one under way has no entry until it ends. */
  private readonly roadClosures: Array<readonly [number, number, RoadClosureCause]> = [];
  /** Per day, the calendar closure (seasonal regime, sit-in, …) that shut a post, if any. */
  private readonly calendarClosures = new Map<number, string>();
  private horizonTotals: CorridorTotals | undefined;
  private chinaOpen = false;
  private pakistanOpen = false;
  private roadOpen = true;
  private lastSnowDay = -Infinity;
  private roadClosedSince = NaN;
  private roadClosureCause: RoadClosureCause = 'snow';
  private stormEndsAt = -Infinity;
  private clearingWork = 0;
  private roadTimer: ReturnType<Simulation['schedule']> | undefined;
  private strandedArea = 0;
  private strandedPeak = 0;
  private strandedSince = 0;
  private nextId = 1;
  private arrivedTotal = 0;
  private releasedTotal = 0;
  private arrivedAfterWarmup = 0;
  private releasedAfterWarmup = 0;
  private perishablesLost = 0;
  private transitions = 0;

  constructor(
    readonly params: CorridorParams,
    private readonly options: CorridorOptions,
  ) {
    this.axis = TimeAxis.startingAt(params.start, PKT);
    this.end = params.days * 24;
    this.drainEnd = this.end + params.drainDays * 24;
    this.warmupEnd = params.warmupDays * 24;
    this.releasedPerDay = new Array<number>(params.days).fill(0);
    this.streams = new RandomStreams(options.seed);
    this.rng = {
      arrivals: this.streams.get('arrivals'),
      cargo: this.streams.get('cargo'),
      weather: this.streams.get('weather'),
      outages: this.streams.get('outages'),
      spoilage: this.streams.get('spoilage'),
    };
    this.drawContainer = createContainerDrawer(params);
    this.drawWeather = createWeatherDrawer(params);
    this.unheatedPace = createProductivityCurve(params.heating.productivityByTempC);
    this.outageDuration = new Map(Object.values(params.outages).map((o) => [o, createSampler(o.duration)]));

    const seasonal = params.regime === 'seasonal' ? seasonalClosures(params) : [];
    this.calendars = {
      china: new WorkingCalendar(withClosures(params.calendars.china, seasonal), this.axis),
      pakistan: new WorkingCalendar(withClosures(params.calendars.pakistan, seasonal), this.axis),
      banks: new WorkingCalendar(params.calendars.banks, this.axis),
    };

    const shift = { dropPolicy: 'preempt' } as const;
    const { sim } = this;
    this.resources = {
      kashgarOfficers: new Resource(sim, 'Kashgar export officers', 0, shift),
      kashgarBays: new Resource(sim, 'Kashgar inspection bays', 0, shift),
      tashkurganOfficers: new Resource(sim, 'Tashkurgan exit officers', 0, shift),
      gdOfficers: new Resource(sim, 'Sost GD officers', 0, shift),
      examBays: new Resource(sim, 'Sost examination bays', 0, shift),
      scanners: new Resource(sim, 'Sost scanners', 0, shift),
      bankCounters: new Resource(sim, 'Sost bank counters', 0, shift),
    };

    this.journeyMachine = createContainerJourneyMachine({
      begin: (context, params) => this.begin(context, params),
      finish: (context) => this.finish(context.id),
    });
    this.road = this.startActor(
      createPassRoadMachine({
        opened: () => this.roadOpened(),
        closed: (cause) => this.roadClosed(cause),
        clearingStarted: () => this.clearingStarted(),
      }),
      'road',
    );
    const postEffects = { changed: () => this.defer(() => this.dispatchCrossings(), 'gate') };
    this.posts = {
      china: this.startActor(createBorderPostMachine(postEffects), 'post:china', { name: 'China (Tashkurgan)' }),
      pakistan: this.startActor(createBorderPostMachine(postEffects), 'post:pakistan', { name: 'Pakistan (Sost)' }),
    };
    // Mid-transition the facility's snapshot is still the old one: recompute once it has settled.
    const conditionsChanged = (): void => this.defer(() => this.applySostCapacities(), 'Sost conditions');
    this.facility = this.startActor(createSostFacilityMachine({ conditionsChanged }), 'facility');

    this.arrivals = new PoissonProcess(
      monthlyRate(this.axis, PKT, params.arrivals.vehiclesPerDayByMonth.map((v) => v * params.arrivals.scale)),
      this.rng.arrivals,
    );
    this.weather = this.drawWeather(this.rng.weather, this.axis.localDate(0, PKT).month);
    this.schedule();
  }

  get now(): number {
    return this.sim.now;
  }

  /** Past the horizon with every container out, or at the end of the drain period. */
  get done(): boolean {
    return this.sim.peekTime() > this.drainEnd || (this.sim.now >= this.end && this.active.size === 0);
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
    while (this.active.size > 0 && this.sim.peekTime() <= this.drainEnd) this.sim.step();
    return totals;
  }

  /** What-if: a facility outage starting now and lasting `hours`. */
  injectOutage(kind: 'power' | 'weboc' | 'scanner', hours: number): void {
    const [start, stop] = OUTAGE_EVENTS[kind];
    this.startOutage(start, stop, hours);
  }

  /**
   * What-if: a snowstorm starts now. The road turns snowy and closes for a storm of the
   * scenario's mean length, then the fleet clears `snowfallCm` of snow.
   */
  injectSnowstorm(snowfallCm: number): void {
    const { weather } = this.params;
    this.lastSnowDay = Math.floor(this.sim.now / 24 + 1e-9);
    this.closeRoad('snow', distributionMean(weather.stormHours), snowfallCm * weather.clearingWork.snowPerCm);
  }

  /** Closes the road now for `hours` of storm, then the given clearing work. */
  injectRoadClosure(cause: RoadClosureCause, stormHours: number, clearingWork: number): void {
    this.closeRoad(cause, stormHours, clearingWork);
  }

  injectForceRed(id: number): boolean {
    const container = this.active.get(id);
    if (container === undefined) return false;
    this.sendContainer(container, EVENT.FORCE_RED);
    const { channel, scan } = this.wake(container).getSnapshot().context;
    container.record.channel = channel;
    container.record.scan = scan;
    return true;
  }

  /** Containers waiting at Tashkurgan for the pass to open: the stranded. */
  get strandedNow(): number {
    return this.waitingForPass.size;
  }

  gateIsOpen(): boolean {
    return this.roadOpen && this.chinaOpen && this.pakistanOpen;
  }

  examProductivity(): number {
    return this.heatingOn() ? 1 : this.unheatedPace(this.weather.sostTempC);
  }

  heatingOn(): boolean {
    const power = this.facility.getSnapshot().matches({ power: 'on' }) || this.params.heating.generator;
    return this.params.heating.sostHeated && power;
  }

  /** What the run measured, over the horizon (frozen at its end; the drain period adds nothing). */
  totals(): CorridorTotals {
    if (this.horizonTotals !== undefined) return this.horizonTotals;
    this.accumulateStranded();
    const closedDaysByCause = this.closedDaysByCause(Math.min(this.sim.now, this.end));
    const measured = Math.max(0, this.sim.now - this.warmupEnd);
    return {
      days: this.params.days,
      warmupDays: this.params.warmupDays,
      arrivedTotal: this.arrivedTotal,
      releasedTotal: this.releasedTotal,
      inSystem: this.active.size,
      arrived: this.arrivedAfterWarmup,
      released: this.releasedAfterWarmup,
      releasedPerDay: this.releasedPerDay,
      closedDaysByCause,
      stranded: { mean: measured > 0 ? this.strandedArea / measured : 0, peak: this.strandedPeak },
      perishablesLost: this.perishablesLost,
      resources: Object.values(this.resources).map((r) => r.stats()),
      transitions: this.transitions,
      kernelEvents: this.sim.processed,
    };
  }

  /**
   * Days the crossing was shut after the warm-up, by cause; 24 h of closure is one day. A day a
   * post's calendar shut for a closure (not a weekend or holiday) counts whole to that closure,
   * and road closures count only on the other days, so no hour is counted twice.
   */
  private closedDaysByCause(until: number): Record<string, number> {
    const days: Record<string, number> = {};
    for (const cause of CLOSURE_CAUSES) days[cause] = 0;
    const add = (cause: string, hours: number): void => {
      days[cause] = (days[cause] ?? 0) + hours / 24;
    };
    for (const [day, reason] of this.calendarClosures) if (day * 24 >= this.warmupEnd && day * 24 < until) add(reason, 24);
    const segments = [...this.roadClosures];
    if (!this.roadOpen) segments.push([this.roadClosedSince, until, this.roadClosureCause]);
    for (const [from, to, cause] of segments) {
      for (let t = Math.max(from, this.warmupEnd); t < Math.min(to, until); ) {
        const day = Math.floor(t / 24 + 1e-9);
        const next = Math.min(to, until, (day + 1) * 24);
        if (!this.calendarClosures.has(day)) add(cause, next - t);
        t = next;
      }
    }
    return days;
  }

  /** Reports the containers still inside at the end to `onContainerDone`. */
  flushUnfinished(): void {
    for (const c of this.active.values()) this.options.onContainerDone?.(c.record, false);
  }

  // ── set-up ────────────────────────────────────────────────────────────────

  private schedule(): void {
    const { sim } = this;
    watchCalendar(sim, this.calendars.china, (open) => this.postChanged('china', open), this.drainEnd, 'china post');
    watchCalendar(sim, this.calendars.pakistan, (open) => this.postChanged('pakistan', open), this.drainEnd, 'pakistan post');
    watchCalendar(sim, this.calendars.banks, (open) => {
      this.resources.bankCounters.setCapacity(open ? this.params.sost.bankCounters : 0);
    }, this.drainEnd, 'banks');
    this.newDay();
    if (this.warmupEnd > 0) sim.scheduleAt(this.warmupEnd, () => this.endWarmup(), 'warm-up ends');
    this.scheduleNextArrival(0);
  }

  private endWarmup(): void {
    for (const r of Object.values(this.resources)) r.resetStats();
    this.strandedSince = this.sim.now;
    this.strandedArea = 0;
    this.strandedPeak = this.waitingForPass.size;
  }

  private scheduleNextArrival(after: number): void {
    const t = this.arrivals.next(after, this.end);
    if (t < this.end) this.sim.scheduleAt(t, () => this.arrive(), 'arrival at Kashgar');
  }

  // ── days: weather, closures, outages, frost ───────────────────────────────

  private newDay(): void {
    const { sim, params } = this;
    const today = Math.floor(sim.now / 24 + 1e-9);
    const month = this.axis.localDate(sim.now, PKT).month;
    this.weather = this.drawWeather(this.rng.weather, month);
    if (this.weather.snowfallCm > 0) this.lastSnowDay = today;
    const closure = this.weather.closure;
    if (closure !== null) {
      sim.schedule(closure.atHour, () => this.closeRoad(closure.cause, closure.stormHours, closure.work), `${closure.cause} closes the road`);
    }
    this.drawOutage(params.outages.power, 'POWER_CUT', 'POWER_RESTORED');
    this.drawOutage(params.outages.weboc, 'WEBOC_DOWN', 'WEBOC_UP');
    this.drawOutage(params.outages.scannerBreakdown, 'SCANNER_BROKE', 'SCANNER_REPAIRED');
    this.applySostCapacities();
    this.checkPerishables();
    this.parkIdle();
    this.countPostClosures();
    if (sim.now + 24 < this.drainEnd) sim.schedule(24, () => this.newDay(), 'new day');
  }

  private drawOutage(outage: OutageParams, start: FacilityEvent['type'], stop: FacilityEvent['type']): void {
    const rate = outage.perDay * (this.weather.sostTempC < 0 ? outage.coldFactor : 1);
    const hit = this.rng.outages.next() < 1 - Math.exp(-rate);
    const atHour = 24 * this.rng.outages.next();
    const hours = this.outageDuration.get(outage)!(this.rng.outages);
    if (hit) this.sim.schedule(atHour, () => this.startOutage(start, stop, hours), start.toLowerCase());
  }

  /** Starts an outage unless one of the kind is already on; the one under way keeps its end. */
  private startOutage(start: FacilityEvent['type'], stop: FacilityEvent['type'], hours: number): void {
    const before = this.facility.getSnapshot();
    this.send(this.facility, 'facility', { type: start } as FacilityEvent);
    if (this.facility.getSnapshot() === before) return;
    this.sim.schedule(hours, () => this.send(this.facility, 'facility', { type: stop } as FacilityEvent), stop.toLowerCase());
  }

  private snowy(): boolean {
    const today = Math.floor(this.sim.now / 24 + 1e-9);
    return today - this.lastSnowDay < this.params.route.snowyDaysAfterSnowfall;
  }

  private checkPerishables(): void {
    const { heating } = this.params;
    const frost = this.weather.sostTempC < heating.perishableFrostC;
    const warmStore = this.heatingOn();
    for (const c of this.foodAtSost) {
      if (c.record.spoiled) continue;
      const u = this.rng.spoilage.next();
      if (frost && !warmStore && u < heating.perishableLossPerFrostDay) {
        c.record.spoiled = true;
        if (this.sim.now >= this.warmupEnd) this.perishablesLost++;
      }
    }
  }

  private countPostClosures(): void {
    const midday = this.sim.now + 12;
    const reason = [this.calendars.pakistan.closedReason(midday), this.calendars.china.closedReason(midday)].find(
      (r) => r !== undefined && r !== 'weekend' && r !== 'holiday',
    );
    if (reason !== undefined) this.calendarClosures.set(Math.floor(this.sim.now / 24 + 1e-9), reason);
  }

  // ── the road over the pass ────────────────────────────────────────────────

  private closeRoad(cause: RoadClosureCause, stormHours: number, work: number): void {
    const { sim } = this;
    const state = this.road.getSnapshot().value;
    if (state === 'clearing' && this.roadTimer !== undefined) {
      const left = Math.max(0, this.roadTimer.time - sim.now);
      this.clearingWork = left * this.params.weather.clearanceFleet;
      sim.cancel(this.roadTimer);
      this.roadTimer = undefined;
    }
    this.clearingWork += work;
    this.stormEndsAt = Math.max(this.stormEndsAt, sim.now + stormHours);
    if (state === 'closed') {
      if (this.roadTimer !== undefined) sim.cancel(this.roadTimer);
    } else {
      this.send(this.road, 'road', { type: 'CLOSE', cause });
    }
    this.roadTimer = sim.scheduleAt(this.stormEndsAt, () => {
      this.roadTimer = undefined;
      this.send(this.road, 'road', { type: 'STORM_OVER' });
    }, 'storm over');
  }

  private roadClosed(cause: RoadClosureCause): void {
    if (this.roadOpen) {
      this.roadOpen = false;
      this.roadClosedSince = this.sim.now;
      this.roadClosureCause = cause;
    }
  }

  private clearingStarted(): void {
    const hours = this.clearingWork / this.params.weather.clearanceFleet;
    this.roadTimer = this.sim.schedule(hours, () => {
      this.roadTimer = undefined;
      this.clearingWork = 0;
      this.send(this.road, 'road', { type: 'CLEARED' });
    }, 'road cleared');
  }

  private roadOpened(): void {
    this.roadClosures.push([this.roadClosedSince, this.sim.now, this.roadClosureCause]);
    this.roadOpen = true;
    this.roadClosedSince = NaN;
    this.defer(() => this.dispatchCrossings(), 'gate');
  }

  // ── border posts ──────────────────────────────────────────────────────────

  private postChanged(side: 'china' | 'pakistan', open: boolean): void {
    const calendar = this.calendars[side];
    if (side === 'china') {
      this.chinaOpen = open;
      const n = open ? this.params.kashgar.officers : 0;
      this.resources.kashgarOfficers.setCapacity(n);
      this.resources.kashgarBays.setCapacity(open ? this.params.kashgar.inspectionBays : 0);
      this.resources.tashkurganOfficers.setCapacity(open ? this.params.tashkurgan.officers : 0);
    } else {
      this.pakistanOpen = open;
      this.applySostCapacities();
    }
    const reason = open ? null : (calendar.closedReason(this.sim.now) ?? 'after hours');
    const actor = this.posts[side];
    this.send(actor, `post:${side}`, reason === null ? { type: 'OPEN' } : { type: 'CLOSE', reason });
  }

  private applySostCapacities(): void {
    const { sost, heating } = this.params;
    const snapshot = this.facility.getSnapshot();
    const powered = snapshot.matches({ power: 'on' }) || heating.generator;
    const webocUp = snapshot.matches({ weboc: 'up' });
    const scannerOk = snapshot.matches({ scanner: 'working' }) && powered;
    const frostStop = !this.heatingOn() && (this.weather.sostTempC < heating.stopBelowC || this.examProductivity() <= 0);
    const open = this.pakistanOpen;
    this.resources.gdOfficers.setCapacity(open && webocUp ? sost.gdOfficers : 0);
    this.resources.examBays.setCapacity(open && !frostStop ? sost.examBays : 0);
    this.resources.scanners.setCapacity(open && scannerOk ? sost.scanners : 0);
    if (webocUp && this.awaitingWeboc.length > 0) {
      const waiting = this.awaitingWeboc.splice(0);
      this.defer(() => waiting.forEach((c) => this.sendContainer(c, EVENT.GD_LODGED)), 'WeBOC back up');
    }
  }

  // ── containers ────────────────────────────────────────────────────────────

  private arrive(): void {
    const id = this.nextId++;
    const { traits, draws } = this.drawContainer(this.rng.cargo);
    const record: ContainerRecord = {
      id,
      ...traits,
      milestones: new Float64Array(MILESTONES.length).fill(NaN),
      incident: false,
      spoiled: false,
    };
    this.arrivedTotal++;
    if (this.options.keepRecords === true) this.records.push(record);
    if (this.sim.now >= this.warmupEnd) this.arrivedAfterWarmup++;
    const input: ContainerContext = { id, ...traits };
    const actor = createActor(this.journeyMachine, { input });
    const container: ActiveContainer = { record, draws, actor, parkedIn: '', lastEventAt: this.sim.now, remainingTravel: -1, atSost: false };
    this.active.set(id, container);
    this.transitions++;
    actor.start();
    this.options.onTransition?.({ t: this.sim.now, machine: `container:${id}`, event: 'xstate.init', from: '', to: stateString(actor.getSnapshot().value) });
    this.scheduleNextArrival(this.sim.now);
  }

  private begin(context: ContainerContext, { stage, milestone }: BeginParams): void {
    const container = this.active.get(context.id);
    if (container === undefined) throw new Error(`container ${context.id} is not in the corridor`);
    if (milestone !== undefined) this.mark(container.record, MILESTONE_INDEX[milestone]);
    const { resources, params } = this;
    const work = container.draws.work;
    switch (stage) {
      case 'exportDeclaration':
        return this.serve(container, resources.kashgarOfficers, work.exportDeclaration, EVENT.DECLARED);
      case 'exportInspection':
        return this.serve(container, resources.kashgarBays, work.exportInspection, EVENT.INSPECTED);
      case 'toTashkurgan':
        return this.sendAfter(container, this.travelHours(params.route.kashgarToTashkurgan), EVENT.REACHED_TASHKURGAN);
      case 'exitClearance':
        return this.serve(container, resources.tashkurganOfficers, work.exitClearance, EVENT.EXIT_CLEARED);
      case 'waitingForPass':
        return this.queueForPass(container);
      case 'crossing':
        return this.cross(container);
      case 'incident':
        return this.sendAfter(container, container.draws.incidentDelay, EVENT.RECOVERED);
      case 'gdLodgement':
        container.atSost = true;
        if (container.record.cargo === 'food') this.foodAtSost.add(container);
        // Agents file in WeBOC at any hour; a WeBOC outage holds the filing until it is back.
        return this.sendAfter(container, work.gdLodgement, EVENT.GD_LODGED);
      case 'assessment':
        return this.serve(container, resources.gdOfficers, work.assessment, EVENT.ASSESSED);
      case 'onHold':
        return this.sendAfter(container, container.draws.holdHours, EVENT.HOLD_LIFTED);
      case 'documentCheck':
        // The officer's review, then the wait for the agent's papers and answers.
        serveWork(this.sim, resources.gdOfficers, work.documentCheck, () => this.sendAfterWorkingTime(container, work.documentCheckWait, EVENT.DOCS_CHECKED), { label: stage });
        return;
      case 'scan':
        return this.serve(container, resources.scanners, work.scan, EVENT.SCANNED);
      case 'examination': {
        // Booking and labour first; the bay is held only for the de-stuffing and examination.
        const booked = addWorkingTime(this.calendars.pakistan, this.sim.now, work.examinationWait);
        if (booked < Infinity) {
          this.sim.scheduleAt(booked, () => this.serve(container, resources.examBays, work.examination, EVENT.EXAMINED, this.examPace), 'examination booked');
        }
        return;
      }
      case 'otherAgency':
        return this.sendAfterWorkingTime(container, work.otherAgency, EVENT.PERMIT_ISSUED);
      case 'dutyPayment':
        return this.serve(container, resources.bankCounters, work.dutyPayment, EVENT.DUTY_PAID);
      case 'customsRelease':
        return this.serve(container, resources.gdOfficers, work.customsRelease, EVENT.RELEASED);
      case 'gateOut':
        return this.sendAfterWorkingTime(container, work.gateOut, EVENT.GATED_OUT);
    }
  }

  private readonly examPace = (): number => this.examProductivity();

  private serve(container: ActiveContainer, resource: Resource, hours: number, event: ContainerEvent, productivity?: () => number): void {
    serveWork(this.sim, resource, hours, () => this.sendContainer(container, event), { productivity, label: event.type });
  }

  private sendAfter(container: ActiveContainer, hours: number, event: ContainerEvent): void {
    this.sim.schedule(hours, () => this.sendContainer(container, event), event.type);
  }

  /** Sends `event` once `hours` of Sost's working time have passed. */
  private sendAfterWorkingTime(container: ActiveContainer, hours: number, event: ContainerEvent): void {
    const t = addWorkingTime(this.calendars.pakistan, this.sim.now, hours);
    if (t < Infinity) this.sim.scheduleAt(t, () => this.sendContainer(container, event), event.type);
  }

  private queueForPass(container: ActiveContainer): void {
    this.accumulateStranded();
    this.waitingForPass.push(container);
    if (this.waitingForPass.size > this.strandedPeak && this.sim.now >= this.warmupEnd) this.strandedPeak = this.waitingForPass.size;
    if (this.gateIsOpen()) this.defer(() => this.dispatchCrossings(), 'gate');
  }

  /**
   * A long closure or a backlog can leave hundreds of thousands of containers idle at once. One
   * that has had no event for three days (longer than a weekend) keeps its machine as a state
   * name instead of a live actor until its next event; the record holds its context.
   */
  private parkIdle(): void {
    for (const c of this.active.values()) {
      if (c.actor !== undefined && this.sim.now - c.lastEventAt > PARK_AFTER_IDLE_HOURS) this.park(c);
    }
  }

  private cross(container: ActiveContainer): void {
    const { route, crossing } = this.params;
    const snowy = this.snowy();
    if (container.remainingTravel >= 0) {
      const left = container.remainingTravel;
      container.remainingTravel = -1;
      this.sim.schedule(left, () => this.sendContainer(container, EVENT.REACHED_SOST), 'reached Sost');
      return;
    }
    const hours = this.travelHours(route.tashkurganToPass) + this.travelHours(route.passToSost);
    const chance = snowy ? crossing.incidentProbability.snow : crossing.incidentProbability.clear;
    if (container.draws.incidentDraw < chance) {
      container.record.incident = true;
      const at = hours * container.draws.incidentAt;
      container.remainingTravel = hours - at;
      this.sim.schedule(at, () => this.sendContainer(container, EVENT.INCIDENT), 'incident on the pass');
    } else {
      this.sim.schedule(hours, () => this.sendContainer(container, EVENT.REACHED_SOST), 'reached Sost');
    }
  }

  private travelHours(leg: CorridorParams['route']['passToSost']): number {
    return leg.km / (this.snowy() ? leg.speedKmh.snow : leg.speedKmh.clear);
  }

  /** Lets the next waiting truck through the Khunjerab gate, then the next after the gate's pace. */
  private dispatchCrossings(): void {
    if (this.gateBusy || !this.gateIsOpen() || this.waitingForPass.size === 0) return;
    this.accumulateStranded();
    const next = this.waitingForPass.shift() as ActiveContainer;
    this.sendContainer(next, EVENT.DEPART);
    this.gateBusy = true;
    this.sim.schedule(1 / this.params.crossing.gateVehiclesPerHour, () => {
      this.gateBusy = false;
      this.dispatchCrossings();
    }, 'gate');
  }

  private accumulateStranded(): void {
    const now = this.sim.now;
    if (now > this.warmupEnd) {
      const from = Math.max(this.strandedSince, this.warmupEnd);
      if (now > from) this.strandedArea += this.waitingForPass.size * (now - from);
    }
    this.strandedSince = now;
  }

  private finish(id: number): void {
    const container = this.active.get(id);
    if (container === undefined) return;
    const now = this.sim.now;
    this.mark(container.record, MILESTONE_INDEX.gatedOut);
    this.active.delete(id);
    this.foodAtSost.delete(container);
    this.releasedTotal++;
    const day = Math.floor(now / 24);
    if (day < this.releasedPerDay.length) this.releasedPerDay[day]++;
    if (now >= this.warmupEnd && container.record.milestones[0] >= this.warmupEnd) this.releasedAfterWarmup++;
    this.options.onContainerDone?.(container.record, true);
  }

  /** Records a milestone; any earlier milestone the journey passed through in zero time gets the same time. */
  private mark(record: ContainerRecord, index: number): void {
    const m = record.milestones;
    if (!Number.isNaN(m[index])) return;
    for (let i = index; i >= 0 && Number.isNaN(m[i]); i--) m[i] = this.sim.now;
  }

  // ── sending events ────────────────────────────────────────────────────────

  private sendContainer(container: ActiveContainer, event: ContainerEvent): void {
    if (event.type === 'GD_LODGED' && !this.facility.getSnapshot().matches({ weboc: 'up' })) {
      this.awaitingWeboc.push(container);
      return;
    }
    container.lastEventAt = this.sim.now;
    this.send(this.wake(container), `container:${container.record.id}`, event);
  }

  /** The state and context of a container's journey machine, parked or live. */
  journeyState(id: number): JourneyState | undefined {
    const container = this.active.get(id);
    if (container === undefined) return undefined;
    if (container.actor === undefined) return { value: container.parkedIn, context: this.contextOf(container) };
    const snapshot = container.actor.getSnapshot();
    return { value: String(snapshot.value), context: snapshot.context };
  }

  private park(container: ActiveContainer): void {
    const actor = container.actor;
    if (actor === undefined) return;
    container.parkedIn = String(actor.getSnapshot().value);
    actor.stop();
    container.actor = undefined;
  }

  /**
   * The container's live actor. A parked machine is rebuilt in the state it was parked in,
   * with the context its record holds; entry actions are not re-run.
   */
  private wake(container: ActiveContainer): Actor<ContainerJourneyMachine> {
    if (container.actor !== undefined) return container.actor;
    const context = this.contextOf(container);
    const snapshot = this.journeyMachine.resolveState({ value: container.parkedIn, context });
    const actor = createActor(this.journeyMachine, { snapshot, input: context });
    container.actor = actor;
    actor.start();
    return actor;
  }

  private contextOf({ record }: ActiveContainer): ContainerContext {
    const { id, cargo, channel, scan, exportInspection, needsPermit, held } = record;
    return { id, cargo, channel, scan, exportInspection, needsPermit, held };
  }

  private send<E extends { type: string }>(actor: { send(event: E): void; getSnapshot(): { value: unknown } }, machine: string, event: E): void {
    this.transitions++;
    const log = this.options.onTransition;
    if (log === undefined) {
      actor.send(event);
      return;
    }
    const from = stateString(actor.getSnapshot().value);
    actor.send(event);
    log({ t: this.sim.now, machine, event: event.type, from, to: stateString(actor.getSnapshot().value) });
  }

  private startActor<M extends AnyStateMachine>(machine: M, name: string, input?: unknown): Actor<M> {
    const actor = createActor(machine, { input } as never) as Actor<M>;
    actor.start();
    this.options.onTransition?.({ t: this.sim.now, machine: name, event: 'xstate.init', from: '', to: stateString((actor.getSnapshot() as { value: unknown }).value) });
    return actor;
  }

  /** Effects never send to another actor while one is mid-transition; they queue a kernel event instead. */
  private defer(action: () => void, label: string): void {
    this.sim.schedule(0, action, label);
  }
}

/** "power.on, weboc.up" for a parallel state value, "crossing" for a flat one. */
export function stateString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (typeof v === 'string' ? `${k}.${v}` : `${k}.(${stateString(v)})`))
      .join(', ');
  }
  return String(value);
}

function seasonalClosures(params: CorridorParams): ClosurePeriod[] {
  const firstYear = Number(params.start.slice(0, 4)) - 1;
  const lastYear = firstYear + Math.ceil(params.days / 365) + 2;
  const { from, to } = params.seasonalClosure;
  const closures: ClosurePeriod[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const wraps = to < from;
    closures.push({
      from: `${year}-${validDay(year, from)}`,
      to: `${wraps ? year + 1 : year}-${validDay(wraps ? year + 1 : year, to)}`,
      reason: 'seasonal closure',
    });
  }
  return closures;
}

/** "02-29" in a year without one becomes "02-28". */
function validDay(year: number, monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

function withClosures(spec: CalendarSpec, extra: readonly ClosurePeriod[]): CalendarSpec {
  return extra.length === 0 ? spec : { ...spec, closures: [...(spec.closures ?? []), ...extra] };
}
