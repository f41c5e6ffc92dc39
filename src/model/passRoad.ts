import { assign, setup } from 'xstate';
import type { ClosureCause } from './params.js';

/**
 * The Karakoram Highway over Khunjerab Pass: open, closed by snow, avalanche or landslide
 * (or by an analyst's what-if), then being cleared by the FWO/NHA fleet, then open again.
 * The corridor decides when storms end and how long clearing takes; the machine keeps
 * the road's state and tells the corridor when it opens or closes.
 */
export type RoadClosureCause = ClosureCause | 'what-if';

export type RoadEvent =
  | { type: 'CLOSE'; cause: RoadClosureCause }
  | { type: 'STORM_OVER' }
  | { type: 'CLEARED' };

export interface RoadContext {
  readonly cause: RoadClosureCause | null;
}

export interface RoadEffects {
  opened(): void;
  closed(cause: RoadClosureCause): void;
  /** The storm is over: the fleet starts clearing what `cause` left on the road. */
  clearingStarted(cause: RoadClosureCause): void;
}

export function createPassRoadMachine(effects: RoadEffects) {
  return setup({
    types: { context: {} as RoadContext, events: {} as RoadEvent },
    actions: {
      recordCause: assign({
        cause: ({ event }) => (event.type === 'CLOSE' ? event.cause : null),
      }),
      clearCause: assign({ cause: null }),
      notifyOpened: () => effects.opened(),
      notifyClosed: ({ context }) => effects.closed(context.cause ?? 'what-if'),
      notifyClearing: ({ context }) => effects.clearingStarted(context.cause ?? 'what-if'),
    },
  }).createMachine({
    id: 'passRoad',
    context: { cause: null },
    initial: 'open',
    states: {
      open: {
        on: { CLOSE: { target: 'closed', actions: 'recordCause' } },
      },
      closed: {
        entry: 'notifyClosed',
        on: { STORM_OVER: 'clearing' },
      },
      clearing: {
        entry: 'notifyClearing',
        on: {
          CLEARED: { target: 'open', actions: ['clearCause', 'notifyOpened'] },
          // A fresh slide or snowfall while the fleet is at work shuts the road again.
          CLOSE: { target: 'closed', actions: 'recordCause' },
        },
      },
    },
  });
}

export type PassRoadMachine = ReturnType<typeof createPassRoadMachine>;
