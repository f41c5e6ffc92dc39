import { z } from 'zod';
import { MAX_SEED, MS_PER_DAY, isValidIsoDate, parseIsoDate } from '../kernel/index.js';
import { demandTooLarge, expectedContainers } from './workBound.js';
import type { CargoType, Channel, CorridorParams } from '../model/params.js';
import { expecting, formatNumber } from './messages.js';
import { observedSchema } from './observedSchema.js';
import { addIssue } from './refine.js';
import {
  numberIn,
  snowDepth,
  integerIn,
  capacity,
  hours,
  probability,
  share,
  temperature,
  isoDate,
  monthDay,
  distributionSchema,
  monthly,
  shares,
  mapping,
  calendarSchema,
  legSchema,
  monthWeatherSchema,
  outageSchema,
  productivityCurve,
  isRecord,
} from './fields.js';
import { whatIfListSchema } from './whatIfSchema.js';
import { whatIfOutsideHorizon } from './whatIfHorizon.js';
import { MAX_DAYS } from './workBound.js';

/**
 * The scenario file, as zod sees it. The input side is what analysts write in YAML; the
 * output side is exactly `CorridorParams`. The input allows a few conveniences, each turned
 * into the params shape here:
 *
 *   documentCheck: 12                        → { type: 'constant', value: 12 }
 *   vehiclesPerDayByMonth: { jan: 15, … }    → [15, …]           (January first)
 *   end: 2025-08-31                          → days: 92          (end is inclusive)
 *
 * Objects are strict everywhere: an unknown key is an error, never ignored. The loader
 * (load.ts) merges `extends` chains and `--set` overrides before this schema runs, so the
 * schema always validates a complete scenario.
 */

export { MONTH_KEYS, DISTRIBUTION_TYPES, distributionSchema, clockMinutes, type MonthKey } from './fields.js';

/** Three days in the corridor: the backlog the report counts unless the scenario says otherwise. */
const DEFAULT_BACKLOG_AGE_HOURS = 72;

export { MAX_DAYS } from './workBound.js';

/** Kept in step with `CARGO_TYPES` and `CHANNELS` in params.ts by the compile-time check at the bottom. */
const CARGO_KEYS = ['machinery', 'textiles', 'electronics', 'food'] as const satisfies readonly CargoType[];
const CHANNEL_KEYS = ['green', 'yellow', 'red'] as const satisfies readonly Channel[];

// ---------------------------------------------------------------------------------------------
// The scenario

/** The fields the horizon checks look at together. */
export const HORIZON_KEYS: ReadonlySet<PropertyKey> = new Set(['start', 'days', 'end', 'warmupDays']);

const scenarioObject = z.strictObject(
  {
    extends: z
      .string({ error: expecting('a path to another scenario file') })
      .min(1, { error: expecting('a path to another scenario file') })
      .optional()
      .describe('Another scenario file, relative to this one; this file gives only what differs'),
    name: z
      .string({ error: expecting('a name') })
      .min(1, { error: expecting('a non-empty name') })
      .optional()
      .describe('Name of the scenario; defaults to the file name without extension (not inherited)'),
    description: z.string({ error: expecting('a text') }).optional().describe('What the scenario is for (not inherited)'),
    seed: integerIn(0, MAX_SEED, `an integer from 0 to ${MAX_SEED}`).describe('Random seed'),
    start: isoDate.describe('First simulated day, YYYY-MM-DD, from 00:00 PKT'),
    days: integerIn(1, MAX_DAYS, `a whole number of days from 1 to ${MAX_DAYS}`)
      .optional()
      .describe('Days simulated, warm-up included; give either days or end'),
    end: isoDate.optional().describe('Last simulated day, inclusive; give either days or end'),
    warmupDays: integerIn(0, MAX_DAYS, 'an integer >= 0')
      .default(0)
      .describe('Days at the start left out of the statistics; fewer than days'),
    drainDays: integerIn(0, MAX_DAYS, 'an integer >= 0')
      .default(60)
      .describe(
        'Days the run goes on after the horizon with no new arrivals, so that containers that arrived in time are followed to gate-out; throughput, closures and utilisation stay measured over the horizon',
      ),
    regime: z
      .enum(['year-round', 'seasonal'], { error: expecting('"year-round" or "seasonal"') })
      .default('year-round')
      .describe('year-round (since 1 Dec 2024) or seasonal (shut during seasonalClosure)'),
    seasonalClosure: mapping({ from: monthDay, to: monthDay })
      .default({ from: '12-01', to: '03-31' })
      .describe('Under the seasonal regime the crossing is shut from..to (MM-DD, inclusive, may wrap the year)'),
    calendars: mapping({
      china: calendarSchema.describe('Chinese posts (Kashgar, Tashkurgan), Beijing time'),
      pakistan: calendarSchema.describe('Pakistan Customs at Sost, PKT'),
      banks: calendarSchema.describe('Banks at Sost, for duty payment'),
    }),
    arrivals: mapping({
      vehiclesPerDayByMonth: monthly(numberIn(0, 10_000, 'a number of vehicles per day from 0 to 10,000')).describe(
        'Vehicles (one container each) arriving at Kashgar per day, by month',
      ),
      scale: numberIn(0, 1000, 'a factor from 0 to 1,000').default(1).describe('Multiplies every monthly rate, e.g. 2 for double demand'),
      cargoMix: shares(CARGO_KEYS, 'cargo type').describe('Share of each cargo type; sums to 1'),
    }),
    route: mapping({
      kashgarToTashkurgan: legSchema,
      tashkurganToPass: legSchema,
      passToSost: legSchema,
      snowyDaysAfterSnowfall: numberIn(0, 1000, 'a number of days from 0 to 1,000').describe('The road counts as snowy for this many days after snowfall'),
    }),
    kashgar: mapping({
      officers: capacity.describe('Export declaration officers at Kashgar'),
      exportDeclaration: distributionSchema.describe('Work per export declaration, hours'),
      inspectionShare: share.describe('Share of containers the Chinese risk check sends to inspection'),
      inspectionBays: capacity,
      inspection: distributionSchema.describe('Inspection work, bay hours'),
    }),
    tashkurgan: mapping({
      officers: capacity,
      exitClearance: distributionSchema.describe('Exit clearance work, officer hours'),
    }),
    crossing: mapping({
      incidentProbability: mapping({ clear: probability, snow: probability }).describe(
        'Chance a crossing suffers an accident or breakdown, on a clear and on a snowy road',
      ),
      incidentDelay: distributionSchema.describe('Delay an incident adds, hours'),
      gateVehiclesPerHour: numberIn(0.1, 100_000, 'a number of vehicles per hour from 0.1 to 100,000').describe(
        'Trucks the Khunjerab gate lets through per hour while both posts and the road are open',
      ),
    }),
    sost: mapping({
      gdOfficers: capacity.describe('Officers who accept GDs, check documents and release'),
      examBays: capacity.describe('Bays for physical examination with de-stuffing (red channel)'),
      scanners: capacity,
      bankCounters: capacity.describe('Bank counters taking duty payments during bank hours'),
      gdLodgement: distributionSchema.describe('Arrival at Sost (pre-arrival: departure from Tashkurgan) to GD lodged in WeBOC, elapsed hours'),
      preArrivalShare: share.describe('Share of GDs filed in WeBOC before the truck reaches Sost; their lodgement runs from its departure from Tashkurgan'),
      assessment: distributionSchema.describe('GD acceptance and risk assessment, officer hours'),
      channelShares: shares(CHANNEL_KEYS, 'risk channel').describe('Green/yellow/red shares; sums to 1'),
      documentCheck: distributionSchema.describe('Yellow channel documentary check, officer hours'),
      documentCheckWait: distributionSchema.describe(
        "Elapsed hours a documentary check waits on the agent's papers and answers (the agent works evenings too), holding no officer",
      ),
      scanShare: share.describe('Red channel: share examined by scanner rather than physically'),
      scan: distributionSchema.describe('Scan, scanner hours'),
      examination: distributionSchema.describe('Physical examination with de-stuffing, bay hours at full productivity'),
      examinationWait: distributionSchema.describe(
        'Working hours to book the examination and bring labour for de-stuffing, before the bay work',
      ),
      otherAgency: mapping({
        shareByCargo: mapping({
          machinery: share,
          textiles: share,
          electronics: share,
          food: share,
        }).describe('Share of each cargo type that needs an other-agency permit'),
        duration: distributionSchema.describe('Elapsed hours until the permit is issued'),
      }),
      dutyPayment: distributionSchema.describe('Duty payment, bank counter hours'),
      release: distributionSchema.describe('Customs release, officer hours'),
      gateOut: distributionSchema.describe('Customs release to leaving the dry port, hours'),
    }),
    holds: mapping({
      probability: probability.describe('Share of consignments held for documents or import policy'),
      duration: distributionSchema.describe('Length of a hold, hours'),
    }),
    weather: mapping({
      months: monthly(monthWeatherSchema).describe('Weather by month, jan … dec'),
      closureSnowfallCm: snowDepth.describe('Snowfall (cm) at or above which the pass road closes'),
      stormHours: distributionSchema.describe('How long the storm keeps the road shut before clearing starts, hours'),
      clearingWork: mapping({
        snowPerCm: numberIn(0, 1000, 'a number of unit-hours per cm from 0 to 1,000').describe('Unit-hours of clearing per cm of snow'),
        avalanche: distributionSchema.describe('Unit-hours to clear an avalanche'),
        landslide: distributionSchema.describe('Unit-hours to clear a landslide'),
      }),
      clearanceFleet: integerIn(1, 10_000, 'an integer >= 1').describe('Snow-clearance units on Sost–Khunjerab'),
    }),
    heating: mapping({
      sostHeated: z.boolean({ error: expecting('true or false') }).describe('Central heating in the Sost sheds'),
      generator: z
        .boolean({ error: expecting('true or false') })
        .describe('A generator keeps heating and the scanner running through a power cut'),
      productivityByTempC: productivityCurve.describe('Unheated examination productivity by Sost temperature; sorted by tempC on loading'),
      stopBelowC: temperature.describe('Unheated examinations stop below this Sost temperature'),
      perishableFrostC: temperature,
      perishableLossPerFrostDay: probability,
      spoiled: mapping({
        fate: z.enum(['destroyed', 'returned'], { error: expecting('"destroyed" or "returned"') }).describe('Spoiled food is destroyed at Sost or sent back to China'),
        hours: distributionSchema.describe('Hours from spoiling until the container has left Sost (destruction under supervision, or loading for return)'),
      }).describe('Spoiled food leaves the clearance: it is counted as lost, never released'),
    }),
    sostWinter: mapping({
      yardProductivityByTempC: productivityCurve.describe(
        'Pace of outdoor work at Sost (moving containers in the yard to and from the sheds) by Sost temperature, heated or not; it multiplies the examination pace',
      ),
      heavySnowCm: snowDepth.describe('Snowfall (cm) from which Sost counts a heavy-snow day'),
      staffAbsentShare: share.describe('Share of Sost officers, bays and bank counters not at work on a heavy-snow day (late starts, roads in)'),
    }).describe('What winter does to a Sost Dry Port that is heated: the yard, the staff'),
    outages: mapping({
      power: outageSchema,
      weboc: outageSchema.describe('WeBOC / internet: pauses GD filing and assessment'),
      scannerBreakdown: outageSchema,
    }),
    whatIfs: whatIfListSchema.default([]),
    observed: observedSchema.default({ rows: [], claims: [] }),
    report: mapping({
      backlogAgeHours: hours
        .default(DEFAULT_BACKLOG_AGE_HOURS)
        .describe('The report\'s backlog: containers inside the corridor at the end of a day that entered at Kashgar more than this many hours before'),
    })
      .default({ backlogAgeHours: DEFAULT_BACKLOG_AGE_HOURS })
      .describe('How the report reads the run; nothing here changes the simulation'),
  },
  { error: expecting('a mapping of scenario settings') },
);

/** Whole days from `start` to `end`, both included. */
function inclusiveDays(start: string, end: string): number {
  const a = parseIsoDate(start);
  const b = parseIsoDate(end);
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY + 1;
}

/**
 * The scenario schema over a scenario object: the checks across fields and the transform to
 * the model's parameters. A model that extends the journey with a stage of its own extends
 * the object with that stage's parameters and finishes it here (see `scenarioSchemaWith`).
 */
function finishScenario<T extends typeof scenarioObject>(object: T) {
  return object
    .superRefine(
      (s, ctx) => {
        if (s.days === undefined && s.end === undefined) {
          addIssue(ctx, ['days'], 'missing; give either days (a whole number) or end (YYYY-MM-DD, inclusive)');
          return;
        }
        if (s.days !== undefined && s.end !== undefined) {
          addIssue(ctx, ['end'], 'give either days or end, not both');
          return;
        }
        let days = s.days ?? 0;
        if (s.end !== undefined) {
          if (s.end < s.start) {
            addIssue(ctx, ['end'], `end (${s.end}) is before start (${s.start})`);
            return;
          }
          days = inclusiveDays(s.start, s.end);
          if (days > MAX_DAYS) {
            addIssue(ctx, ['end'], `start to end spans ${days} days; at most ${MAX_DAYS} are allowed`);
            return;
          }
        }
        if (s.warmupDays >= days) {
          addIssue(ctx, ['warmupDays'], `warmupDays (${s.warmupDays}) must be less than the ${days} days simulated`);
        }
        for (const { index, message } of whatIfOutsideHorizon(s.whatIfs, s.start, days)) addIssue(ctx, ['whatIfs', index, 'at'], message);
      },
      {
        // Check the horizon even when other parts of the file are wrong, so that every error
        // shows at once; skip it only when the horizon fields themselves failed.
        when: (payload) =>
          isRecord(payload.value) &&
          payload.issues.every((issue) => {
            const path = issue.path ?? [];
            return path.length === 0 ? issue.code === 'unrecognized_keys' : !HORIZON_KEYS.has(path[0]);
          }),
      },
    )
    .superRefine((s, ctx) => {
      // A station with no servers that some containers must pass would strand them for ever.
      const need = (path: readonly string[], servers: number, share: number, who: string): void => {
        if (servers === 0 && share > 0) addIssue(ctx, path, `is 0, but ${who} must pass here; they would wait for ever`);
      };
      const { kashgar, tashkurgan, sost } = s;
      const red = sost.channelShares.red;
      need(['kashgar', 'officers'], kashgar.officers, 1, 'every container');
      need(['kashgar', 'inspectionBays'], kashgar.inspectionBays, kashgar.inspectionShare, `the ${formatNumber(kashgar.inspectionShare)} inspected at Kashgar`);
      need(['tashkurgan', 'officers'], tashkurgan.officers, 1, 'every container');
      need(['sost', 'gdOfficers'], sost.gdOfficers, 1, 'every container');
      need(['sost', 'bankCounters'], sost.bankCounters, 1, 'every container');
      need(['sost', 'scanners'], sost.scanners, red * sost.scanShare, 'red-channel containers sent to the scanner (sost.scanShare)');
      need(['sost', 'examBays'], sost.examBays, red * (1 - sost.scanShare), 'red-channel containers examined physically');
      // Only when the horizon itself is sound: its own errors are reported above.
      if (!isValidIsoDate(s.start) || (s.end !== undefined && !isValidIsoDate(s.end))) return;
      const days = s.days ?? inclusiveDays(s.start, s.end ?? s.start);
      if (!(days >= 1 && days <= MAX_DAYS)) return;
      const tooLarge = demandTooLarge(expectedContainers(s.start, days, s.arrivals.vehiclesPerDayByMonth, s.arrivals.scale), `arrivals × scale over ${days} days`);
      if (tooLarge !== undefined) addIssue(ctx, ['arrivals', 'scale'], tooLarge);
    })
    .transform(({ extends: _extends, end, days, name, ...rest }) => ({
      ...rest,
      whatIfs: [...rest.whatIfs].sort((a, b) => a.at - b.at),
      name: name ?? 'scenario',
      days: days ?? inclusiveDays(rest.start, end ?? rest.start),
    }));
}

export const scenarioSchema = finishScenario(scenarioObject);

/**
 * The scenario schema with extra parameters, for a model whose journey has stages the
 * bundled one does not:
 *
 * @example
 * const schema = scenarioSchemaWith((base) =>
 *   base.extend({ sost: base.shape.sost.extend({ weighbridges: z.number().int().min(0) }) }));
 * loadScenario('my.yaml', [], { schema });
 */
export function scenarioSchemaWith(extend: (base: typeof scenarioObject) => typeof scenarioObject) {
  return finishScenario(extend(scenarioObject));
}

export type ScenarioSchema = ReturnType<typeof finishScenario>;

/** What a scenario file may contain (after `extends` and `--set` are merged). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

// Compile-time check: a parsed scenario is exactly what the model consumes.
const _check: (s: z.output<typeof scenarioSchema>) => CorridorParams = (s) => s;
void _check;

