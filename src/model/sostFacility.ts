import { setup } from 'xstate';

/**
 * Conditions at Sost Dry Port that can stop work: mains power, the WeBOC link and the
 * container scanner. Each is its own region, so a power cut and a scanner breakdown can
 * overlap. Whenever a region changes, the corridor recomputes what each station can do.
 */
export type FacilityEvent =
  | { type: 'POWER_CUT' }
  | { type: 'POWER_RESTORED' }
  | { type: 'WEBOC_DOWN' }
  | { type: 'WEBOC_UP' }
  | { type: 'SCANNER_BROKE' }
  | { type: 'SCANNER_REPAIRED' };

export interface FacilityEffects {
  conditionsChanged(): void;
}

export function createSostFacilityMachine(effects: FacilityEffects) {
  return setup({
    types: { events: {} as FacilityEvent },
    actions: {
      conditionsChanged: () => effects.conditionsChanged(),
    },
  }).createMachine({
    id: 'sostFacility',
    type: 'parallel',
    states: {
      power: {
        initial: 'on',
        states: {
          on: { on: { POWER_CUT: { target: 'cut', actions: 'conditionsChanged' } } },
          cut: { on: { POWER_RESTORED: { target: 'on', actions: 'conditionsChanged' } } },
        },
      },
      weboc: {
        initial: 'up',
        states: {
          up: { on: { WEBOC_DOWN: { target: 'down', actions: 'conditionsChanged' } } },
          down: { on: { WEBOC_UP: { target: 'up', actions: 'conditionsChanged' } } },
        },
      },
      scanner: {
        initial: 'working',
        states: {
          working: { on: { SCANNER_BROKE: { target: 'broken', actions: 'conditionsChanged' } } },
          broken: { on: { SCANNER_REPAIRED: { target: 'working', actions: 'conditionsChanged' } } },
        },
      },
    },
  });
}

export type SostFacilityMachine = ReturnType<typeof createSostFacilityMachine>;
