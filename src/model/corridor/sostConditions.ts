import type { Actor } from 'xstate';
import { createSampler, type Rng, type Sampler, type Simulation } from '../../kernel/index.js';
import type { CorridorParams, OutageParams } from '../params.js';
import { createSostFacilityMachine, type FacilityEvent, type SostFacilityMachine } from '../sostFacility.js';
import type { Condition } from '../stageTable.js';
import { createProductivityCurve, type DayWeather } from '../weather.js';
import { StateWatch, type ActorPort } from './actors.js';

export type OutageKind = 'power' | 'weboc' | 'scanner';

const OUTAGE_EVENTS = {
  power: ['POWER_CUT', 'POWER_RESTORED'],
  weboc: ['WEBOC_DOWN', 'WEBOC_UP'],
  scanner: ['SCANNER_BROKE', 'SCANNER_REPAIRED'],
} as const satisfies Record<OutageKind, readonly [FacilityEvent['type'], FacilityEvent['type']]>;

const CONDITION_RESTORED: Readonly<Record<Condition, string>> = {
  webocUp: 'WeBOC back up',
  scannerWorking: 'scanner back',
  warmEnoughToExamine: 'warm enough to examine',
};

/**
 * Conditions at Sost Dry Port: mains power, the WeBOC link and the scanner (the facility
 * machine), the heating and the day's temperature. It answers the conditions stations and
 * stages require, starts outages (daily draws and what-ifs) and holds the completions that
 * wait for a condition (a GD is filed only while WeBOC is up). Whenever a condition
 * changes, `onChanged` recomputes the stations.
 */
export class SostConditions {
  readonly actor: Actor<SostFacilityMachine>;
  private readonly powerOn: StateWatch;
  private readonly webocUp: StateWatch;
  private readonly scannerWorking: StateWatch;
  private readonly unheatedPace: (tempC: number) => number;
  private readonly yardPace: (tempC: number) => number;
  private readonly outageDuration: Map<OutageParams, Sampler>;
  private readonly waiting = new Map<Condition, Array<() => void>>();

  constructor(
    private readonly sim: Simulation,
    private readonly params: CorridorParams,
    private readonly port: ActorPort,
    private readonly weather: () => DayWeather,
    onChanged: () => void,
  ) {
    this.unheatedPace = createProductivityCurve(params.heating.productivityByTempC);
    this.yardPace = createProductivityCurve(params.sostWinter.yardProductivityByTempC);
    this.outageDuration = new Map(Object.values(params.outages).map((o) => [o, createSampler(o.duration)]));
    // Mid-transition the facility's snapshot is still the old one: recompute once it has settled.
    const conditionsChanged = (): void => void sim.schedule(0, onChanged, 'Sost conditions');
    this.actor = port.start(createSostFacilityMachine({ conditionsChanged }), 'facility');
    this.powerOn = new StateWatch(this.actor, { power: 'on' });
    this.webocUp = new StateWatch(this.actor, { weboc: 'up' });
    this.scannerWorking = new StateWatch(this.actor, { scanner: 'working' });
  }

  powered(): boolean {
    return this.powerOn.holds() || this.params.heating.generator;
  }

  heatingOn(): boolean {
    return this.params.heating.sostHeated && this.powered();
  }

  /**
   * The examination pace: heating keeps the shed at full pace, an unheated shed slows with the
   * cold; either way the containers are moved in the open yard, which the cold slows too.
   */
  examProductivity(): number {
    const tempC = this.weather().sostTempC;
    return (this.heatingOn() ? 1 : this.unheatedPace(tempC)) * this.yardPace(tempC);
  }

  /** Share of Sost's staff at work today: fewer on a heavy-snow day, heated sheds or not. */
  staffShare(): number {
    const { sostWinter } = this.params;
    return this.weather().snowfallCm >= sostWinter.heavySnowCm && sostWinter.heavySnowCm > 0 ? 1 - sostWinter.staffAbsentShare : 1;
  }

  holds(condition: Condition): boolean {
    switch (condition) {
      case 'webocUp':
        return this.webocUp.holds();
      case 'scannerWorking':
        return this.scannerWorking.holds() && this.powered();
      case 'warmEnoughToExamine':
        return (this.heatingOn() || this.weather().sostTempC >= this.params.heating.stopBelowC) && this.examProductivity() > 0;
    }
  }

  /** Runs `action` once `condition` holds again (checked each time the stations are recomputed). */
  waitFor(condition: Condition, action: () => void): void {
    const list = this.waiting.get(condition);
    if (list === undefined) this.waiting.set(condition, [action]);
    else list.push(action);
  }

  /** After the stations are recomputed: what waited for a condition that now holds goes ahead. */
  releaseWaiters(): void {
    for (const [condition, list] of this.waiting) {
      if (list.length === 0 || !this.holds(condition)) continue;
      const ready = list.splice(0);
      this.sim.schedule(0, () => ready.forEach((action) => action()), CONDITION_RESTORED[condition]);
    }
  }

  /** Today's outages, one draw of each kind whatever happens, more likely below 0 °C. */
  drawOutages(rng: Rng): void {
    const { outages } = this.params;
    this.drawOutage(rng, outages.power, 'power');
    this.drawOutage(rng, outages.weboc, 'weboc');
    this.drawOutage(rng, outages.scannerBreakdown, 'scanner');
  }

  /** Starts an outage now unless one of the kind is already on; the one under way keeps its end. */
  startOutage(kind: OutageKind, hours: number): void {
    const [start, stop] = OUTAGE_EVENTS[kind];
    if (!this.actor.getSnapshot().can({ type: start })) return;
    this.port.send(this.actor, 'facility', { type: start });
    this.sim.schedule(hours, () => this.port.send(this.actor, 'facility', { type: stop }), stop.toLowerCase());
  }

  private drawOutage(rng: Rng, outage: OutageParams, kind: OutageKind): void {
    const rate = outage.perDay * (this.weather().sostTempC < 0 ? outage.coldFactor : 1);
    const hit = rng.next() < 1 - Math.exp(-rate);
    const atHour = 24 * rng.next();
    const hours = this.outageDuration.get(outage)!(rng);
    if (hit) this.sim.schedule(atHour, () => this.startOutage(kind, hours), OUTAGE_EVENTS[kind][0].toLowerCase());
  }
}
