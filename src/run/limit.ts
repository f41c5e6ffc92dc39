import { metricOrProblem, type Metric } from './metrics.js';

/**
 * A limit a capacity search keeps to, as typed on the command line:
 *
 *   timeRelease.p90<=72h        at most 72 hours
 *   corridorTime.p90<=3d        at most 3 days (72 hours)
 *   corridorTime.p90<=+24h      at most 24 hours above its value under light traffic
 *   corridorTime.mean<=1.5x     at most 1.5 times its value under light traffic
 *   stranded.peak<=200          a count, in the metric's own unit
 *
 * The demand at which it still holds is the capacity; demand only makes these figures worse,
 * so a limit is always an upper bound (`<=` or `<`).
 */
export interface Limit {
  readonly text: string;
  readonly metric: Metric;
  readonly strict: boolean;
  readonly bound: Bound;
}

export type Bound =
  | { readonly kind: 'absolute'; readonly value: number }
  | { readonly kind: 'aboveReference'; readonly value: number }
  | { readonly kind: 'timesReference'; readonly factor: number };

export type ParsedLimit = { readonly ok: true; readonly limit: Limit } | { readonly ok: false; readonly message: string };

const SHAPE = /^\s*([A-Za-z][\w.]*)\s*(<=|<|>=|>|=)\s*(\S.*?)\s*$/;

export function parseLimit(text: string): ParsedLimit {
  const match = SHAPE.exec(text);
  if (match === null) return { ok: false, message: `expected METRIC<=VALUE, such as corridorTime.p90<=+24h or timeRelease.p90<=72h, got "${text}"` };
  const [, name, op, valueText] = match;
  const found = metricOrProblem(name);
  if ('problem' in found) return { ok: false, message: `--limit "${text}": ${found.problem}` };
  if (op !== '<=' && op !== '<') {
    return { ok: false, message: `--limit "${text}": a capacity limit is an upper bound (<= or <), since more demand only makes ${name} worse` };
  }
  const bound = parseBound(valueText, found.metric);
  if (typeof bound === 'string') return { ok: false, message: `--limit "${text}": ${bound}` };
  return { ok: true, limit: { text: text.trim(), metric: found.metric, strict: op === '<', bound } };
}

function parseBound(text: string, metric: Metric): Bound | string {
  const times = /^(\d+(?:\.\d+)?)x$/.exec(text);
  if (times !== null) {
    const factor = Number(times[1]);
    return factor >= 1 ? { kind: 'timesReference', factor } : `a multiple of the light-traffic value must be at least 1x, got ${text}`;
  }
  const above = text.startsWith('+');
  const amount = /^\+?(\d+(?:\.\d+)?)\s*(h|d)?$/.exec(text);
  if (amount === null) return `expected a number${metric.unit === 'hours' ? ' of hours or days (72h, 3d)' : ''}, +N (above light traffic) or Nx (times light traffic), got "${text}"`;
  const unit = amount[2];
  if (unit !== undefined && metric.unit !== 'hours') return `${metric.name} is in ${metric.unit}, not a time: write the number without "${unit}"`;
  if (unit === undefined && metric.unit === 'hours') return `say the unit of ${amount[1]}: hours (${amount[1]}h) or days (${amount[1]}d)`;
  const value = Number(amount[1]) * (unit === 'd' ? 24 : 1);
  if (!Number.isFinite(value)) return `the bound ${text} is not a finite number`;
  return above ? { kind: 'aboveReference', value } : { kind: 'absolute', value };
}

/** The largest value the metric may take, given its value under light traffic. */
export function ceilingOf(limit: Limit, reference: number): number {
  const b = limit.bound;
  if (b.kind === 'absolute') return b.value;
  if (b.kind === 'aboveReference') return reference + b.value;
  return reference * b.factor;
}

export function needsReference(limit: Limit): boolean {
  return limit.bound.kind !== 'absolute';
}

export function holds(limit: Limit, value: number, ceiling: number): boolean {
  if (Number.isNaN(value)) return false;
  return limit.strict ? value < ceiling : value <= ceiling;
}
