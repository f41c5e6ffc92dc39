import { z } from 'zod';
import { containerJourney } from '../model/containerJourney.js';
import {
  MEASURE_KINDS,
  OBSERVED_UNITS,
  type ContainerFilter,
  type MilestoneSpan,
  type ObservedBand,
  type ObservedParams,
  type ObservedRow,
} from '../model/observedParams.js';
import { CARGO_TYPES, CHANNELS, CLOSURE_CAUSES } from '../model/params.js';
import { readStageTable } from '../model/stageTable.js';
import { expecting, formatNumber } from './messages.js';
import { addIssue } from './refine.js';

/**
 * The `observed:` section: sourced observations and the rows a scenario claims,
 *
 *   observed:
 *     rows:                      # all of docs/sources.md section 8, in base.yaml
 *       - id: O4
 *         figure: Yellow document check, median about 12 h
 *         source: docs/sources.md O4 (D2, estimate)
 *         measure: { kind: median, from: assessed, to: checksDone, where: { channel: yellow, held: false } }
 *         band: [8, 18]          # or { atLeast: 40 }, { atMost: 5 }
 *         unit: elapsed hours
 *     claims: [O4]               # in a scenario: the rows it is calibrated to
 *
 * Milestones are those of the bundled journey's stage table; months are jan … dec (PKT);
 * shares and their bands are fractions from 0 to 1.
 */
const MILESTONES = readStageTable(containerJourney).milestoneIndex;
const MILESTONE_LIST = [...MILESTONES.keys()].join(', ');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

const text = (what: string) => z.string({ error: expecting(what) }).min(1, { error: expecting(what) });
const flag = z.boolean({ error: expecting('true or false') });
const figure = z.number({ error: expecting('a number') });

function integer(min: number, max: number, what: string) {
  const error = expecting(what);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const milestone = z
  .string({ error: expecting('a milestone id') })
  .refine((id) => MILESTONES.has(id), { error: expecting(`a milestone of the journey: one of ${MILESTONE_LIST}`) });

/** Without duplicates; each repeat is reported at its own place. */
function distinctList<T extends z.ZodType>(item: T, what: string) {
  return z
    .array(item, { error: expecting(what) })
    .min(1, { error: `expected at least one item in ${what}` })
    .superRefine((values, ctx) => {
      values.forEach((v, i) => {
        if (values.indexOf(v) !== i) addIssue(ctx, [i], `${String(v)} is listed twice`);
      });
    });
}

const months = distinctList(z.enum(MONTHS, { error: expecting('a month: jan … dec') }), 'a list of months [jan, …]').transform((list) =>
  list.map((m) => MONTHS.indexOf(m) + 1),
);

const weekdays = distinctList(integer(1, 7, 'an ISO weekday from 1 (Monday) to 7 (Sunday)'), 'a list of ISO weekdays');

const where = z
  .strictObject(
    {
      channel: z.enum(CHANNELS, { error: expecting(CHANNELS.join(', ')) }).optional(),
      scan: flag.optional(),
      held: flag.optional(),
      cargo: z.enum(CARGO_TYPES, { error: expecting(CARGO_TYPES.join(', ')) }).optional(),
      snowyDeparture: flag.optional(),
      exportClearedWeekdays: weekdays.optional(),
      months: months.optional(),
    },
    { error: expecting('a filter {channel, scan, held, cargo, snowyDeparture, exportClearedWeekdays, months}') },
  )
  .default({})
  .transform((w): ContainerFilter => w);

const span = z.strictObject({ from: milestone, to: milestone }, { error: expecting('an interval {from, to}') });

const interval = { from: milestone, to: milestone, except: span.optional(), where };

const hours = z.number({ error: expecting('a number of hours > 0') }).gt(0, { error: expecting('a number of hours > 0') });

const KINDS = Object.keys(MEASURE_KINDS);

const measure = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('shareWithin'), hours, ...interval }),
    z.strictObject({ kind: z.literal('median'), ...interval }),
    z.strictObject({ kind: z.literal('mean'), ...interval }),
    z.strictObject({ kind: z.literal('medianWorking'), calendar: z.enum(['china', 'pakistan', 'banks'], { error: expecting('china, pakistan or banks') }), ...interval }),
    z.strictObject({
      kind: z.literal('sameDayShare'),
      days: integer(0, 30, 'a whole number of days from 0 to 30'),
      from: milestone,
      to: milestone,
      where,
    }),
    z.strictObject({ kind: z.literal('closedShare'), months }),
    z.strictObject({ kind: z.literal('closureLength'), causes: distinctList(z.enum(CLOSURE_CAUSES, { error: expecting(CLOSURE_CAUSES.join(', ')) }), 'a list of causes'), months }),
    z.strictObject({ kind: z.literal('demandPerDay'), months }),
    z.strictObject({ kind: z.literal('gateCapacityPerDay') }),
  ],
  { error: expecting(`a measure {kind, …} with kind one of ${KINDS.join(', ')}`) },
);

const BAND = 'a band [low, high], {atLeast: low} or {atMost: high}';

const band = z
  .union(
    [
      z.tuple([figure, figure], { error: expecting(BAND) }).transform(([atLeast, atMost]): ObservedBand => ({ atLeast, atMost })),
      z
        .strictObject({ atLeast: figure.optional(), atMost: figure.optional() }, { error: expecting(BAND) })
        .refine((b) => b.atLeast !== undefined || b.atMost !== undefined, { error: 'give atLeast, atMost or both' })
        .transform((b): ObservedBand => b),
    ],
    { error: expecting(BAND) },
  );

const row = z
  .strictObject(
    {
      id: z
        .string({ error: expecting('a row id such as "O4"') })
        .regex(/^[A-Za-z0-9][\w.-]*$/, { error: expecting('a row id of letters, digits, "_", "." or "-", such as "O4"') }),
      figure: text('the observed figure in words'),
      source: text('the source, e.g. "docs/sources.md O4"'),
      measure,
      band,
      unit: z.enum(OBSERVED_UNITS, { error: expecting(`a unit: one of ${OBSERVED_UNITS.join(', ')}`) }),
      input: flag.default(false),
      reportOnly: flag.default(false),
      conflictsWith: z.array(z.string({ error: expecting('a row id') }), { error: expecting('a list of row ids') }).default([]),
    },
    { error: expecting('an observed row {id, figure, source, measure, band, unit}') },
  )
  .superRefine((r, ctx) => {
    const kind = MEASURE_KINDS[r.measure.kind];
    if (r.unit !== kind.unit) addIssue(ctx, ['unit'], `a ${r.measure.kind} measure is in ${kind.unit}, not ${r.unit}`);
    if (r.input !== kind.input) {
      addIssue(ctx, ['input'], kind.input ? `a ${r.measure.kind} measure is computed from the parameters: mark the row input: true` : `a ${r.measure.kind} measure comes from the run; it is not an input check`);
    }
    const { atLeast, atMost } = r.band;
    if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
      addIssue(ctx, ['band'], `the band's low end (${formatNumber(atLeast)}) is above its high end (${formatNumber(atMost)})`);
    }
    if (r.unit === 'share' && [atLeast, atMost].some((x) => x !== undefined && (x < 0 || x > 1))) {
      addIssue(ctx, ['band'], 'a share band runs from 0 to 1 (0.8 is 80 %)');
    }
    if ('from' in r.measure) {
      // An unknown milestone is reported on its own; the order checks need known ones.
      const known = (m: MilestoneSpan): boolean => MILESTONES.has(m.from) && MILESTONES.has(m.to);
      const order = (m: MilestoneSpan, path: readonly (string | number)[]): void => {
        if (known(m) && position(m.from) >= position(m.to)) addIssue(ctx, [...path, 'to'], `${m.to} does not come after ${m.from} in the journey`);
      };
      order(r.measure, ['measure']);
      const except = 'except' in r.measure ? r.measure.except : undefined;
      if (except !== undefined) {
        order(except, ['measure', 'except']);
        const outside = position(except.from) < position(r.measure.from) || position(except.to) > position(r.measure.to);
        if (known(except) && known(r.measure) && outside) {
          addIssue(ctx, ['measure', 'except'], `the interval left out (${except.from} → ${except.to}) must lie within ${r.measure.from} → ${r.measure.to}`);
        }
      }
    }
  })
  .transform((r): ObservedRow => r);

export const observedSchema = z
  .strictObject(
    {
      rows: z.array(row, { error: expecting('a list of observed rows') }).default([]).describe('Sourced observations (docs/sources.md section 8): what is measured, the band, the source'),
      claims: z.array(z.string({ error: expecting('a row id') }), { error: expecting('a list of row ids') }).default([]).describe('Ids of the rows this scenario is calibrated to'),
    },
    { error: expecting('a mapping {rows, claims}') },
  )
  .superRefine((o, ctx) => {
    const byId = new Map<string, number>();
    o.rows.forEach((r, i) => {
      const first = byId.get(r.id);
      if (first === undefined) byId.set(r.id, i);
      else addIssue(ctx, ['rows', i, 'id'], `row id ${r.id} is used twice (first at observed.rows[${first}])`);
    });
    o.rows.forEach((r, i) =>
      r.conflictsWith.forEach((other, k) => {
        if (!byId.has(other)) addIssue(ctx, ['rows', i, 'conflictsWith', k], `there is no observed row ${other}`);
        else if (other === r.id) addIssue(ctx, ['rows', i, 'conflictsWith', k], `row ${r.id} cannot conflict with itself`);
      }),
    );
    const conflicts = conflictMap(o.rows);
    o.claims.forEach((id, j) => {
      const index = byId.get(id);
      if (index === undefined) {
        addIssue(ctx, ['claims', j], `claims ${id}, but there is no observed row ${id}`);
      } else if (o.claims.indexOf(id) !== j) {
        addIssue(ctx, ['claims', j], `${id} is claimed twice`);
      } else if (o.rows[index].reportOnly) {
        addIssue(ctx, ['claims', j], `${id} is report-only: it cannot be claimed`);
      } else {
        const rival = o.claims.slice(0, j).find((earlier) => conflicts.get(id)?.has(earlier));
        if (rival !== undefined) addIssue(ctx, ['claims', j], `${id} conflicts with ${rival}, also claimed: claim the one the scenario is calibrated to`);
      }
    });
  })
  .transform((o): ObservedParams => {
    const conflicts = conflictMap(o.rows);
    return { rows: o.rows.map((r) => ({ ...r, conflictsWith: [...(conflicts.get(r.id) ?? [])] })), claims: o.claims };
  })
  .describe('Observed figures the run is checked against, and the rows this scenario claims');

function position(id: string): number {
  return MILESTONES.get(id) ?? -1;
}

/** Conflicts are mutual: a row conflicts with the rows it names and the rows that name it. */
function conflictMap(rows: readonly ObservedRow[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>(rows.map((r) => [r.id, new Set<string>()]));
  for (const r of rows) {
    for (const other of r.conflictsWith) {
      if (other === r.id || !map.has(other)) continue;
      map.get(r.id)?.add(other);
      map.get(other)?.add(r.id);
    }
  }
  return map;
}
