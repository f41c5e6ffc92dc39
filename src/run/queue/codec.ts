/**
 * Plain data (objects, arrays, strings, numbers, booleans, null, undefined) as JSON text and
 * back, exactly: JSON alone would turn NaN, ±Infinity and -0 into null or 0 and drop undefined,
 * and an empty histogram's minimum is Infinity. What crosses the queue must come back as a worker
 * thread's structured clone would give it, or a queued run would not print the same bytes as a
 * local one. Anything that is not plain data (a Map, a Date, a typed array) is refused, not bent.
 */
const TAG = '$khunjerab';

type Special = 'NaN' | 'Infinity' | '-Infinity' | '-0' | 'undefined';

const SPECIALS: Readonly<Record<Special, unknown>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0, undefined };

export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, replaced: unknown) {
    const original = key === '' ? value : (this as Record<string, unknown>)[key];
    const special = specialOf(original);
    if (special !== undefined) return { [TAG]: special };
    if (typeof original === 'object' && original !== null) checkPlain(original, key);
    return replaced;
  });
}

export function decode(text: string): unknown {
  return restore(JSON.parse(text) as unknown);
}

function specialOf(value: unknown): Special | undefined {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'number') return undefined;
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return Object.is(value, -0) ? '-0' : undefined;
}

function checkPlain(value: object, key: string): void {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) {
    throw new Error(`cannot send ${key === '' ? 'the value' : `"${key}"`} through the queue: a ${value.constructor.name} is not plain data`);
  }
  if (Object.hasOwn(value, TAG)) throw new Error(`cannot send an object with a "${TAG}" key through the queue`);
}

function restore(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restore(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === TAG) {
    const special = record[TAG];
    if (typeof special === 'string' && Object.hasOwn(SPECIALS, special)) return SPECIALS[special as Special];
    throw new Error(`unknown value ${JSON.stringify(special)} from the queue`);
  }
  for (const key of keys) record[key] = restore(record[key]);
  return record;
}
