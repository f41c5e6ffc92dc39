import { z } from 'zod';
import { isValidIsoDate, localToEpoch, parseIsoDate } from '../kernel/index.js';
import type { ScheduledWhatIf } from '../model/params.js';
import { PKT } from '../model/timeZones.js';
import { WHAT_IF_NAMES, type WhatIf, type WhatIfName, type WhatIfParamsOf } from '../model/whatIfs.js';
import { timeZone } from './fields.js';
import { expecting } from './messages.js';

/**
 * The `whatIfs:` list of a scenario: what-ifs applied at set instants in every replication,
 *
 *   whatIfs:
 *     - { at: 2025-12-10T08:00, kind: closePass, days: 5 }      # 08:00 PKT
 *     - { at: 2025-12-15T09:30, zone: Asia/Shanghai, kind: webocOutage, hours: 6 }
 *
 * with the same kinds and parameters as the stepper's what-if menu (src/model/whatIfs.ts).
 * Times are local to `zone`, PKT when none is given.
 */
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

function localMinutes(text: string): { date: string; minutes: number } | undefined {
  const match = LOCAL_TIME.exec(text);
  if (match === null || !isValidIsoDate(match[1])) return undefined;
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (hour > 23 || minute > 59) return undefined;
  return { date: match[1], minutes: hour * 60 + minute };
}

const WHEN = 'a local time as YYYY-MM-DDTHH:MM';
const at = z
  .string({ error: expecting(WHEN) })
  .refine((t) => localMinutes(t) !== undefined, { error: expecting(WHEN) })
  .meta({ id: 'localTime', pattern: '^\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d$', description: 'A local date and time, YYYY-MM-DDTHH:MM' });
const zone = timeZone;

const hours = z.number().positive().max(24 * 365);

/**
 * The bounds of each what-if's parameters (the kinds themselves are in src/model/whatIfs.ts;
 * the compiler holds the two to the same names).
 */
export const WHAT_IF_PARAMETERS = {
  snowstorm: { snowfallCm: z.number().positive().max(1000) },
  closePass: { days: z.number().positive().max(365) },
  webocOutage: { hours },
  powerCut: { hours },
  scannerBreakdown: { hours },
  // Containers are numbered in order of arrival, so "the Nth arrival" means the same in every replication.
  forceRed: { container: z.number().int().positive() },
} satisfies { readonly [K in WhatIfName]: { readonly [P in keyof WhatIfParamsOf<K>]-?: z.ZodType<number> } };

const KINDS = WHAT_IF_NAMES.map((name) => `"${name}"`).join(', ');

const entries = WHAT_IF_NAMES.map((name) =>
  z.strictObject({ at, zone: zone.optional(), kind: z.literal(name), ...WHAT_IF_PARAMETERS[name] }, { error: expecting(`a what-if {at, kind, …}`) }),
);

export const whatIfListSchema = z
  .array(
    z.discriminatedUnion('kind', entries as unknown as [(typeof entries)[number], ...(typeof entries)[number][]], {
      error: expecting(`a what-if {at, kind, …} with kind one of ${KINDS}`),
    }),
    { error: expecting('a list of what-ifs {at, kind, …}') },
  )
  .transform((list): ScheduledWhatIf[] =>
    list.map(({ at: when, zone: tz, ...whatIf }) => {
      const { date, minutes } = localMinutes(when) as { date: string; minutes: number };
      const { year, month, day } = parseIsoDate(date);
      return { at: localToEpoch(tz ?? PKT, year, month, day, minutes), whatIf: whatIf as WhatIf };
    }),
  )
  .describe('What-ifs applied at set instants in every replication: {at: YYYY-MM-DDTHH:MM, zone?, kind, …parameters}');
