import type { Actor } from 'xstate';
import { watchCalendar, type Simulation, type WorkingCalendar } from '../../kernel/index.js';
import { createBorderPostMachine, type BorderPostMachine } from '../borderPost.js';
import { StateWatch, type ActorPort } from './actors.js';

export type Side = 'china' | 'pakistan';

const POST_NAMES: Readonly<Record<Side, string>> = { china: 'China (Tashkurgan)', pakistan: 'Pakistan (Sost)' };

/**
 * The two border posts of the crossing, each a machine driven by its calendar: open in its
 * working hours, closed otherwise with the reason (after hours, weekend, holiday, a seasonal
 * or one-off closure). Whether a post is open is its machine's answer.
 */
export class BorderPosts {
  readonly actors: Readonly<Record<Side, Actor<BorderPostMachine>>>;
  private readonly openWatch: Readonly<Record<Side, StateWatch>>;

  constructor(
    private readonly sim: Simulation,
    private readonly calendars: Readonly<Record<Side, WorkingCalendar>>,
    private readonly port: ActorPort,
    /** Called (from a kernel event) when a post opens or closes. */
    onChanged: () => void,
  ) {
    const effects = { changed: () => void sim.schedule(0, onChanged, 'gate') };
    this.actors = {
      china: port.start(createBorderPostMachine(effects), 'post:china', { input: { name: POST_NAMES.china } }),
      pakistan: port.start(createBorderPostMachine(effects), 'post:pakistan', { input: { name: POST_NAMES.pakistan } }),
    };
    this.openWatch = { china: new StateWatch(this.actors.china, 'open'), pakistan: new StateWatch(this.actors.pakistan, 'open') };
  }

  /**
   * Follows a post's calendar until `until`. While a post is shut
   * its reason can change at a local midnight (closed after hours on Friday, then the weekend,
   * then a holiday), so a shut post looks again at each of its midnights until it opens.
   */
  watch(side: Side, until: number): void {
    const calendar = this.calendars[side];
    const { sim } = this;
    const actor = this.actors[side];
    const name = `post:${side}`;
    const nextMidnight = (): void => {
      const next = calendar.nextDayStart(sim.now);
      if (next < calendar.nextOpen(sim.now) && next <= until) sim.scheduleAt(next, midnight, `${side} post: new day`);
    };
    const midnight = (): void => {
      if (calendar.isOpen(sim.now)) return;
      const reason = calendar.closedReason(sim.now) ?? 'after hours';
      if (actor.getSnapshot().context.reason !== reason) this.port.send(actor, name, { type: 'CLOSE', reason });
      nextMidnight();
    };
    watchCalendar(sim, calendar, (open) => {
      const reason = open ? null : (calendar.closedReason(sim.now) ?? 'after hours');
      this.port.send(actor, name, reason === null ? { type: 'OPEN' } : { type: 'CLOSE', reason });
      if (!open) nextMidnight();
    }, until, `${side} post`);
  }

  isOpen(side: Side): boolean {
    return this.openWatch[side].holds();
  }

  bothOpen(): boolean {
    return this.isOpen('china') && this.isOpen('pakistan');
  }

  /** The closure (seasonal regime, sit-in, …) that shuts a post at `t`; weekends and holidays are not closures. */
  closureAt(t: number): string | undefined {
    return [this.calendars.pakistan.closedReason(t), this.calendars.china.closedReason(t)].find(
      (r) => r !== undefined && r !== 'weekend' && r !== 'holiday',
    );
  }
}
