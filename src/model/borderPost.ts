import { assign, setup } from 'xstate';

/**
 * A border post's gate: open during its working hours, closed otherwise with the reason
 * (after hours, weekend, holiday, a seasonal or one-off closure). The corridor drives it
 * from the post's calendar; containers cross only while both posts and the road are open.
 */
export type PostEvent = { type: 'OPEN' } | { type: 'CLOSE'; reason: string };

export interface PostContext {
  readonly name: string;
  readonly reason: string | null;
}

export interface PostEffects {
  changed(): void;
}

export function createBorderPostMachine(effects: PostEffects) {
  return setup({
    types: { context: {} as PostContext, events: {} as PostEvent, input: {} as { name: string } },
    actions: {
      setReason: assign({ reason: ({ event }) => (event.type === 'CLOSE' ? event.reason : null) }),
      changed: () => effects.changed(),
    },
  }).createMachine({
    id: 'borderPost',
    context: ({ input }) => ({ name: input.name, reason: 'after hours' }),
    initial: 'closed',
    states: {
      closed: {
        on: {
          OPEN: { target: 'open', actions: ['setReason', 'changed'] },
          CLOSE: { actions: 'setReason' },
        },
      },
      open: {
        on: { CLOSE: { target: 'closed', actions: ['setReason', 'changed'] } },
      },
    },
  });
}

export type BorderPostMachine = ReturnType<typeof createBorderPostMachine>;
