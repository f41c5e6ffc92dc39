import { isDeepStrictEqual } from 'node:util';
import { scenarioJsonSchema } from './jsonSchema.js';
import { excerpt } from './messages.js';
import { canonicalPath, parseOverride } from './overrides.js';

/**
 * A factor of a sensitivity study: a scenario field and the two levels it moves between.
 *
 *   --factor sost.examBays=8..12            { path: "sost.examBays", low: 8, high: 12 }
 *   --factor heating.generator=false..true
 *   --factor calendars.pakistan.workingDays=[1,2,3,4,5]..[1,2,3,4,5,6]
 *
 * A level is applied as `--set path=level`, so it is validated exactly as the scenario file is.
 */
export interface Factor {
  readonly path: string;
  /** How reports name it: "Heating at Sost"; the path when no label was given. */
  readonly label: string;
  readonly low: Level;
  readonly high: Level;
  /** Where the factor was written ("studies/x.yaml:12:5"), for messages; absent on the command line. */
  readonly where?: string;
}

export interface Level {
  /** The level as YAML, as `--set` reads it. */
  readonly text: string;
  readonly value: unknown;
}

/**
 * How a factor can vary between its levels: `continuous` and `integer` numbers anywhere
 * between them (integers rounded), `ends` only at one level or the other (booleans, lists).
 */
export type FactorScale = 'continuous' | 'integer' | 'ends';

export type ParsedFactor = { readonly ok: true; readonly factor: Factor } | { readonly ok: false; readonly message: string };

const FORM = 'PATH=LOW..HIGH, e.g. sost.examBays=8..12 or heating.sostHeated=false..true';

/** `--factor PATH=LOW..HIGH`. */
export function parseFactor(text: string): ParsedFactor {
  const bad = (why: string): ParsedFactor => ({ ok: false, message: `--factor ${excerpt(JSON.stringify(text), 80)}: ${why}; expected ${FORM}` });
  const equals = text.indexOf('=');
  if (equals < 0) return bad('no "="');
  const range = text.slice(equals + 1);
  const dots = range.indexOf('..');
  if (dots < 0) return bad('no ".." between the levels');
  if (range.includes('...') || range.indexOf('..', dots + 2) >= 0) return bad('more than one ".." (write decimals as 0.5, not .5)');
  const lowText = range.slice(0, dots).trim();
  const highText = range.slice(dots + 2).trim();
  if (lowText === '' || highText === '') return bad(lowText === '' ? 'no LOW level' : 'no HIGH level');
  const pathText = text.slice(0, equals).trim();
  const low = levelOf(pathText, lowText);
  if (!low.ok) return low;
  const high = levelOf(pathText, highText);
  if (!high.ok) return high;
  return checkedFactor({ path: low.path, label: low.path, low: low.level, high: high.level });
}

/** A factor from a study file's values. */
export function factorFromValues(path: string, label: string | undefined, low: unknown, high: unknown, where?: string): ParsedFactor {
  const lowLevel = levelOf(path, JSON.stringify(low));
  if (!lowLevel.ok) return lowLevel;
  return checkedFactor({ path: lowLevel.path, label: label ?? lowLevel.path, low: lowLevel.level, high: { text: JSON.stringify(high), value: high }, where });
}

/** The `--set` text that puts the factor at `level`. */
export function levelOverride(factor: Factor, level: Level): string {
  return `${factor.path}=${level.text}`;
}

/** A level for a number between the two ends (Morris grid points). */
export function numberLevel(value: number): Level {
  return { text: String(value), value };
}

/** How `factor` can vary, from its levels and the scenario schema's type at its path. */
export function factorScale(factor: Factor): FactorScale {
  const { low, high } = factor;
  if (typeof low.value !== 'number' || typeof high.value !== 'number') return 'ends';
  return schemaTypeAt(factor.path) === 'integer' ? 'integer' : 'continuous';
}

function checkedFactor(factor: Factor): ParsedFactor {
  if (isDeepStrictEqual(factor.low.value, factor.high.value)) {
    return { ok: false, message: `--factor ${factor.path}: LOW and HIGH are the same (${excerpt(factor.low.text)}); a factor must move` };
  }
  return { ok: true, factor };
}

function levelOf(pathText: string, levelText: string): { ok: true; path: string; level: Level } | { ok: false; message: string } {
  const parsed = parseOverride(`${pathText}=${levelText}`);
  if (!parsed.ok) return { ok: false, message: `${parsed.label.replace(/^--set/, '--factor')}: ${parsed.message}` };
  const { override } = parsed;
  if (override.value === null || override.value === undefined) {
    return { ok: false, message: `--factor ${canonicalPath(override.path)}: a level is empty` };
  }
  return { ok: true, path: canonicalPath(override.path), level: { text: levelText, value: override.value } };
}

let jsonSchema: Record<string, unknown> | undefined;

/** The JSON Schema type at a path of the scenario ("integer", "number", …), if there is one. */
function schemaTypeAt(path: string): string | undefined {
  jsonSchema ??= scenarioJsonSchema();
  let node: unknown = jsonSchema.then;
  for (const segment of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    node = childOf(node, segment);
    if (node === undefined) return undefined;
  }
  return isObject(node) && typeof node.type === 'string' ? node.type : undefined;
}

function childOf(node: unknown, segment: string): unknown {
  if (!isObject(node)) return undefined;
  if (isObject(node.properties) && segment in node.properties) return node.properties[segment];
  if (/^\d+$/.test(segment) && isObject(node.items)) return node.items;
  for (const branch of [node.anyOf, node.oneOf]) {
    if (!Array.isArray(branch)) continue;
    for (const option of branch) {
      const child = childOf(option, segment);
      if (child !== undefined) return child;
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
