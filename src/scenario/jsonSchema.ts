import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/**
 * The JSON Schema of a scenario file: the input side, i.e. what may be written in YAML,
 * with `extends`, `end` and the number shorthand for distributions. Point an editor's YAML
 * language server at it for completion and checks as you type:
 *
 *   # yaml-language-server: $schema=./scenario.schema.json
 *
 * A file with `extends` gives only what differs, so at the root every key is optional and
 * only a file without `extends` must be complete (the `if`/`then` at the root).
 * Cross-field rules (shares summing to 1, end after start, …) cannot be said in JSON
 * Schema; `khunjerab validate` checks those.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // A definition used in many places (a distribution, a calendar, a date) is written once.
    reused: 'ref',
  });
  const { $schema: _ignored, $defs: defs = {}, ...complete } = generated as Record<string, unknown> & { $defs?: Record<string, unknown> };
  // The partial form (a file that extends another) refers to partial definitions, the complete form to complete ones.
  const partialDefs = Object.fromEntries(Object.entries(defs).map(([name, def]) => [`${name}${PARTIAL}`, withoutRequired(def)]));
  const partial = withoutRequired(complete);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Khunjerab corridor scenario',
    description:
      'A scenario of the Kashgar → Khunjerab Pass → Sost Dry Port customs corridor. Durations in hours, ' +
      'distances in km, temperatures in °C; shares sum to 1. A file with `extends` gives only what differs.',
    ...(isObject(partial) ? partial : {}),
    if: { not: { required: ['extends'] } },
    then: complete,
    $defs: { ...defs, ...partialDefs },
  };
}

const PARTIAL = 'Partial';

/**
 * The same schema with nothing required, for files that extend another. Alternatives become
 * `anyOf`: a partial distribution such as `{median: 10}` need not pick exactly one branch.
 */
function withoutRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRequired);
  if (!isObject(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'required') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
      result[key] = `${value}${PARTIAL}`;
      continue;
    }
    if (key === 'properties' && isObject(value)) {
      // Keys here are field names, not keywords.
      result[key] = Object.fromEntries(Object.entries(value).map(([name, field]) => [name, withoutRequired(field)]));
    } else {
      result[key === 'oneOf' ? 'anyOf' : key] = withoutRequired(value);
    }
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
