import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { scenarioJsonSchema } from '../../src/scenario/index.js';
import { BUNDLED, bundledPath } from './helpers.js';

const TOP_LEVEL_KEYS = [
  'extends', 'name', 'description', 'seed', 'start', 'days', 'end', 'warmupDays', 'drainDays', 'regime', 'seasonalClosure',
  'calendars', 'arrivals', 'route', 'kashgar', 'tashkurgan', 'crossing', 'sost', 'holds', 'weather', 'heating', 'sostWinter', 'outages', 'whatIfs',
  'observed', 'report',
];

describe('scenarioJsonSchema', () => {
  test('is a titled draft 2020-12 object schema with every top-level key and no others', () => {
    const schema = scenarioJsonSchema();
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Khunjerab corridor scenario',
      type: 'object',
      additionalProperties: false,
    });
    expect(Object.keys(schema.properties as object).sort()).toEqual([...TOP_LEVEL_KEYS].sort());
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  test('describes the input side: a distribution may be a number, months are a mapping', () => {
    const complete = scenarioJsonSchema().then as { properties: Record<string, { properties: Record<string, unknown> }> };
    expect(JSON.stringify(complete.properties.sost.properties.documentCheck)).toContain('"type":"number"');
    expect(complete.properties.arrivals.properties.vehiclesPerDayByMonth).toMatchObject({ type: 'object', required: expect.arrayContaining(['jan', 'dec']) });
  });

  test("describes the report's backlog age with its default", () => {
    const complete = scenarioJsonSchema().then as { properties: Record<string, { properties: Record<string, unknown> }> };
    expect(complete.properties.report.properties.backlogAgeHours).toMatchObject({ type: 'number', default: 72, description: expect.stringContaining('backlog') });
  });

  test('requires everything only of files without extends', () => {
    const schema = scenarioJsonSchema();
    expect(schema.required).toBeUndefined();
    expect(schema.if).toEqual({ not: { required: ['extends'] } });
    expect((schema.then as { required: string[] }).required).toEqual(expect.arrayContaining(['seed', 'start', 'sost']));
  });

  test('accepts every bundled file: the complete branch base.yaml, the partial one all of them', () => {
    const { if: _if, then, ...partialSchema } = scenarioJsonSchema();
    const complete = z.fromJSONSchema(then as Parameters<typeof z.fromJSONSchema>[0]);
    const partial = z.fromJSONSchema(partialSchema as Parameters<typeof z.fromJSONSchema>[0]);
    const read = (file: string): unknown => parse(readFileSync(bundledPath(file), 'utf8'));
    expect(complete.safeParse(read('base.yaml')).success).toBe(true);
    for (const file of BUNDLED) expect(partial.safeParse(read(file)).success, file).toBe(true);
    expect(complete.safeParse({ seed: 1 }).success).toBe(false);
    expect(partial.safeParse({ extends: 'base.yaml', sost: { examBays: -1 } }).success).toBe(false);
  });
});
