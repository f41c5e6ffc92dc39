import { z } from 'zod';
import { isValidIsoDate, isValidTimeZone, type DistributionSpec } from '../kernel/index.js';
import { describeValue, expecting, formatNumber } from './messages.js';
import { addIssue } from './refine.js';

/**
 * The fields a scenario is built of: numbers with their bounds, dates and times, distributions,
 * calendars, road legs, weather, outages and productivity curves. Each says what it expected and
 * what it got in the words of the YAML file. The scenario itself is put together in schema.ts.
 */

export const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
export type MonthKey = (typeof MONTH_KEYS)[number];

export const DISTRIBUTION_TYPES = [
  'constant',
  'uniform',
  'triangular',
  'exponential',
  'normal',
  'lognormal',
  'empirical',
] as const;

// ---------------------------------------------------------------------------------------------
// Leaves

export function numberAtLeast(min: number, what = `a number >= ${min}`) {
  const error = expecting(what);
  return z.number({ error }).min(min, { error });
}

export function numberAbove(min: number, what = `a number > ${min}`) {
  const error = expecting(what);
  return z.number({ error }).gt(min, { error });
}

export function numberIn(min: number, max: number, what: string) {
  const error = expecting(what);
  return z.number({ error }).min(min, { error }).max(max, { error });
}

export function integerIn(min: number, max: number, what = `an integer from ${min} to ${max}`) {
  const error = expecting(what);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** A non-negative integer count (officers, bays, …), at most 10,000. */
export const capacity = integerIn(0, 10_000, 'an integer >= 0').meta({ id: 'servers' });
/** A million hours is over a century: anything above is a typo, and would overflow simulated time. */
export const MAX_HOURS = 1_000_000;
export const hours = numberIn(0, MAX_HOURS, 'a number of hours from 0 to 1,000,000').meta({ id: 'hours' });
export const nonNegative = numberAtLeast(0);
export const probability = numberIn(0, 1, 'a probability from 0 to 1').meta({ id: 'probability' });
export const share = numberIn(0, 1, 'a share from 0 to 1').meta({ id: 'share' });
export const temperature = numberIn(-100, 100, 'a temperature from -100 to 100 °C');

const temperatureSpread = numberIn(0, 50, 'a standard deviation from 0 to 50 °C');

/** Snow depths: bounded far above any storm, so that work derived from them stays finite. */
export const snowDepth = numberIn(0, 10_000, 'a depth from 0 to 10,000 cm');

// The `meta` of a text field is what the JSON Schema says of it (format, pattern), once, in $defs.
export const isoDate = z
  .string({ error: expecting('a date as YYYY-MM-DD') })
  .refine(isValidIsoDate, { error: expecting('a calendar date as YYYY-MM-DD') })
  .meta({ id: 'isoDate', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar date, YYYY-MM-DD' });

export const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isMonthDay(text: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

export const monthDay = z
  .string({ error: expecting('a month and day as "MM-DD"') })
  .refine(isMonthDay, { error: expecting('a month and day as "MM-DD"') })
  .meta({ id: 'monthDay', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'A month and day, MM-DD' });

/** Minutes after midnight of "HH:MM" (00:00 … 24:00), or undefined. */
export function clockMinutes(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) <= 59 && minutes <= 1440 ? minutes : undefined;
}

export const clockTime = z
  .string({ error: expecting('a time of day as "HH:MM"') })
  .refine((t) => clockMinutes(t) !== undefined, { error: expecting('a time of day as "HH:MM" from "00:00" to "24:00"') })
  .meta({ id: 'clockTime', pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$', description: 'A time of day, HH:MM from 00:00 to 24:00' });

export const timeZone = z
  .string({ error: expecting('an IANA time zone such as "Asia/Karachi"') })
  .refine(isValidTimeZone, { error: expecting('an IANA time zone such as "Asia/Karachi"') })
  .meta({ id: 'timeZone', pattern: '^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*$', description: 'An IANA time zone, e.g. Asia/Karachi' });

// ---------------------------------------------------------------------------------------------
// Distributions

export const distributionObject = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('constant'), value: hours }),
      z.strictObject({ type: z.literal('uniform'), min: hours, max: hours }).superRefine((d, ctx) => {
        if (d.min > d.max) addIssue(ctx, ['max'], `max (${formatNumber(d.max)}) is less than min (${formatNumber(d.min)})`);
      }),
      z.strictObject({ type: z.literal('triangular'), min: hours, mode: hours, max: hours }).superRefine((d, ctx) => {
        if (d.mode < d.min) addIssue(ctx, ['mode'], `mode (${formatNumber(d.mode)}) is less than min (${formatNumber(d.min)})`);
        if (d.max < d.mode) addIssue(ctx, ['max'], `max (${formatNumber(d.max)}) is less than mode (${formatNumber(d.mode)})`);
      }),
      z.strictObject({ type: z.literal('exponential'), mean: numberAbove(0, 'a mean > 0 hours').max(MAX_HOURS, { error: expecting('a mean of at most 1,000,000 hours') }) }),
      z.strictObject({ type: z.literal('normal'), mean: hours, sd: hours }),
      z
        .strictObject({
          type: z.literal('lognormal'),
          median: numberIn(0.001, MAX_HOURS, 'a median from 0.001 to 1,000,000 hours').optional(),
          p90: numberIn(0.001, MAX_HOURS, 'a p90 from 0.001 to 1,000,000 hours').optional(),
          mu: numberIn(-10, 14, 'a log-scale mean from -10 to 14').optional(),
          sigma: numberIn(0, 3, 'a log-scale sd from 0 to 3').optional(),
        })
        .superRefine((d, ctx) => {
          const quantiles = d.median !== undefined || d.p90 !== undefined;
          const logScale = d.mu !== undefined || d.sigma !== undefined;
          if (quantiles && logScale) {
            addIssue(ctx, [], 'give either median and p90, or mu and sigma, not both');
          } else if (logScale) {
            if (d.mu === undefined) addIssue(ctx, ['mu'], 'missing; mu goes with sigma');
            if (d.sigma === undefined) addIssue(ctx, ['sigma'], 'missing; sigma goes with mu');
          } else if (d.median === undefined) {
            addIssue(ctx, ['median'], 'missing; expected a median > 0 and a p90 (or mu and sigma)');
          } else if (d.p90 === undefined) {
            addIssue(ctx, ['p90'], 'missing; expected a p90 above the median');
          } else if (!(d.p90 > d.median)) {
            addIssue(ctx, ['p90'], `p90 (${formatNumber(d.p90)}) must be above the median (${formatNumber(d.median)})`);
          }
        }),
      z
        .strictObject({
          type: z.literal('empirical'),
          values: z.array(hours, { error: expecting('a list of values') }).min(1, { error: 'expected at least one value' }),
          // Bounded so that their sum stays a number: only the ratios matter.
          weights: z.array(numberIn(0, 1e12, 'a weight from 0 to 10^12 (only the ratios matter)'), { error: expecting('a list of weights') }).optional(),
        })
        .superRefine((d, ctx) => {
          if (d.weights === undefined) return;
          if (d.weights.length !== d.values.length) {
            addIssue(ctx, ['weights'], `expected ${d.values.length} weights (one per value), got ${d.weights.length}`);
          } else if (!(d.weights.reduce((s, w) => s + w, 0) > 0)) {
            addIssue(ctx, ['weights'], 'weights must not all be 0');
          }
        }),
    ],
    {
      error: (issue) => {
        if (issue.code !== 'invalid_union') return expecting('a distribution mapping')(issue);
        const type = isRecord(issue.input) ? issue.input.type : undefined;
        const options = DISTRIBUTION_TYPES.join(', ');
        return type === undefined
          ? `missing; expected type: one of ${options}`
          : `expected type to be one of ${options}, got ${describeValue(type)}`;
      },
    },
  )
  .transform((d): DistributionSpec => {
    if (d.type !== 'lognormal') return d;
    // The refinement above guarantees exactly one complete pair.
    return d.mu !== undefined && d.sigma !== undefined
      ? { type: 'lognormal', mu: d.mu, sigma: d.sigma }
      : { type: 'lognormal', median: d.median ?? 0, p90: d.p90 ?? 0 };
  });

/**
 * A duration (or other non-negative quantity) drawn from a distribution. A bare number
 * is a constant. Every value a distribution can produce is >= 0.
 */
export const distributionSchema = z.union(
  [
    hours.transform((value): DistributionSpec => ({ type: 'constant', value })),
    distributionObject,
  ],
  {
    error: expecting('a number of hours or a distribution such as {type: lognormal, median: 12, p90: 36}'),
  },
);

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A value for each month, written as a mapping jan … dec and read as an array, January first. */
export function monthly<T extends z.ZodType>(value: T) {
  return z
    .strictObject(
      {
        jan: value,
        feb: value,
        mar: value,
        apr: value,
        may: value,
        jun: value,
        jul: value,
        aug: value,
        sep: value,
        oct: value,
        nov: value,
        dec: value,
      },
      { error: expecting('a mapping with one entry per month, jan … dec') },
    )
    .transform((m) => {
      const byMonth = m as Record<MonthKey, z.output<T>>;
      return MONTH_KEYS.map((key) => byMonth[key]);
    });
}

/** Shares over fixed keys that must sum to 1. */
export function shares<K extends string>(keys: readonly K[], what: string) {
  const shape = Object.fromEntries(keys.map((key) => [key, share])) as Record<K, typeof share>;
  return z.strictObject(shape, { error: expecting(`a mapping of ${what} shares`) }).superRefine((s, ctx) => {
    const byKey = s as Record<K, number>;
    const values = keys.map((key) => byKey[key]);
    const sum = values.reduce((total, v) => total + v, 0);
    if (Math.abs(sum - 1) > 1e-6) addIssue(ctx, [], `shares must sum to 1, but they sum to ${formatNumber(sum)}`);
  });
}

export function mapping<T extends z.core.$ZodLooseShape>(shape: T, what = 'a mapping') {
  return z.strictObject(shape, { error: expecting(what) });
}

export function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: expecting(what) });
}

export const workingHours = mapping({ from: clockTime, to: clockTime }, 'working hours {from: "HH:MM", to: "HH:MM"}').superRefine(
  (h, ctx) => {
    const from = clockMinutes(h.from);
    const to = clockMinutes(h.to);
    if (from !== undefined && to !== undefined && !(to > from)) addIssue(ctx, ['to'], `working hours must end after they start (${h.from}–${h.to})`);
  },
);

export const closurePeriod = mapping(
  {
    from: isoDate,
    to: isoDate,
    reason: z.string({ error: expecting('a short text') }).optional(),
  },
  'a closure {from: YYYY-MM-DD, to: YYYY-MM-DD, reason}',
).superRefine((c, ctx) => {
  if (isValidIsoDate(c.from) && isValidIsoDate(c.to) && c.to < c.from) addIssue(ctx, ['to'], `closure ends (${c.to}) before it starts (${c.from})`);
});

export const calendarSchema = mapping(
  {
    timeZone: timeZone.describe('IANA time zone of the place, e.g. Asia/Karachi'),
    workingDays: list(integerIn(1, 7, 'an ISO weekday from 1 (Monday) to 7 (Sunday)'), 'a list of ISO weekdays (1 = Monday … 7 = Sunday)')
      .min(1, { error: 'expected at least one working day' })
      .superRefine((days, ctx) => {
        days.forEach((day, i) => {
          if (days.indexOf(day) !== i) addIssue(ctx, [i], `weekday ${day} is listed twice`);
        });
      })
      .describe('ISO weekdays that work: 1 = Monday … 7 = Sunday'),
    hours: list(workingHours, 'a list of working hours {from, to}').describe(
      'Working hours on a working day, local time; an empty list means the whole day',
    ),
    holidays: list(isoDate, 'a list of dates (YYYY-MM-DD)').optional().describe('Local dates that do not work'),
    closures: list(closurePeriod, 'a list of closures {from, to, reason}')
      .optional()
      .describe('One-off closures, local dates, both ends inclusive'),
  },
  'a calendar mapping {timeZone, workingDays, hours}',
);

export const legSchema = mapping({
  km: numberAbove(0, 'a distance > 0 km').max(10_000, { error: expecting('a distance of at most 10,000 km') }),
  speedKmh: mapping({ clear: numberAbove(0, 'a speed > 0 km/h'), snow: numberAbove(0, 'a speed > 0 km/h') }),
}).superRefine((leg, ctx) => {
  // A speed that validates can still make the drive endless (1e-320 km/h): the derived hours must be finite and bounded.
  for (const road of ['clear', 'snow'] as const) {
    const hours = leg.km / leg.speedKmh[road];
    if (!(hours <= MAX_HOURS)) addIssue(ctx, ['speedKmh', road], `at ${formatNumber(leg.speedKmh[road])} km/h the ${formatNumber(leg.km)} km take more than ${MAX_HOURS.toLocaleString('en-US')} hours`);
  }
});

export const monthWeatherSchema = mapping({
  passTempC: mapping({ mean: temperature, sd: temperatureSpread }).describe('Daily temperature at Khunjerab Pass, °C'),
  sostTempC: mapping({ mean: temperature, sd: temperatureSpread }).describe('Daily temperature at Sost, °C'),
  snowDayProbability: probability.describe('Chance that a day brings snowfall'),
  snowfallCm: distributionSchema.describe('Snowfall on a snow day, in cm'),
  avalancheProbability: probability.describe('Chance per day of an avalanche across the road'),
  landslideProbability: probability.describe('Chance per day of a landslide across the road'),
});

export const outageSchema = mapping({
  perDay: numberIn(0, 1000, 'a number of events per day from 0 to 1,000').describe('Mean events per day at or above 0 °C at Sost'),
  coldFactor: numberIn(0, 1000, 'a factor from 0 to 1,000').describe('Multiplies perDay on days when Sost is below 0 °C'),
  duration: distributionSchema.describe('Outage length in hours'),
});

export const productivityPoint = mapping({
  tempC: temperature,
  factor: numberIn(0, 1, 'a productivity factor from 0 to 1'),
});

/** Productivity by temperature: points (°C, factor), linear between, flat outside; sorted on loading. */
export const productivityCurve = list(productivityPoint, 'a list of {tempC, factor} points')
  .min(1, { error: 'expected at least one {tempC, factor} point' })
  .superRefine((points, ctx) => {
    points.forEach((p, i) => {
      if (points.findIndex((q) => q.tempC === p.tempC) !== i) {
        addIssue(ctx, [i, 'tempC'], `${formatNumber(p.tempC)} °C is listed twice`);
      }
    });
  })
  .transform((points) => [...points].sort((a, b) => a.tempC - b.tempC));

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
