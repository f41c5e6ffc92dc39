import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../../src/scenario/index.js';
import { BUNDLED, bundledPath } from './helpers.js';
import { editorValidator, resolved } from './schemaEditor.js';

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
    const schema = scenarioJsonSchema();
    const complete = schema.then as Record<string, unknown>;
    const property = (node: unknown, key: string): Record<string, unknown> => resolved(schema, (resolved(schema, node).properties as Record<string, unknown>)[key]);
    const branches = (property(property(complete, 'sost'), 'documentCheck').anyOf as unknown[]).map((b) => resolved(schema, b));
    // A bare number of hours, or one of the distribution mappings.
    expect(branches[0].type).toBe('number');
    expect((branches[1].oneOf as unknown[]).length).toBeGreaterThanOrEqual(7);
    expect(property(property(complete, 'arrivals'), 'vehiclesPerDayByMonth')).toMatchObject({ type: 'object', required: expect.arrayContaining(['jan', 'dec']) });
  });

  test("describes the report's backlog age with its default", () => {
    const schema = scenarioJsonSchema();
    const report = resolved(schema, (resolved(schema, schema.then).properties as Record<string, unknown>).report);
    expect(resolved(schema, (report.properties as Record<string, unknown>).backlogAgeHours)).toMatchObject({ type: 'number', default: 72, description: expect.stringContaining('backlog') });
  });

  test('says the format of dates, times of day, month-days and time zones, each defined once', () => {
    const schema = scenarioJsonSchema();
    const defs = schema.$defs as Record<string, Record<string, unknown>>;
    expect(defs.isoDate).toMatchObject({ type: 'string', format: 'date', pattern: expect.any(String) });
    expect(defs.clockTime).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(defs.monthDay).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(defs.timeZone).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(new RegExp(defs.clockTime.pattern as string).test('24:00')).toBe(true);
    expect(new RegExp(defs.clockTime.pattern as string).test('24:01')).toBe(false);
    // Shared definitions keep the schema small enough for an editor to load at once.
    expect(JSON.stringify(schema).length).toBeLessThan(200_000);
  });

  test('requires everything only of files without extends', () => {
    const schema = scenarioJsonSchema();
    expect(schema.required).toBeUndefined();
    expect(schema.if).toEqual({ not: { required: ['extends'] } });
    expect((schema.then as { required: string[] }).required).toEqual(expect.arrayContaining(['seed', 'start', 'sost']));
  });

  test('accepts every bundled file the way an editor checks it: the complete branch base.yaml, the partial one all of them', () => {
    const accepts = editorValidator();
    const read = (file: string): unknown => parse(readFileSync(bundledPath(file), 'utf8'));
    for (const file of BUNDLED) expect(accepts(read(file)), file).toBe(true);
    const { extends: _extends, ...base } = read('base.yaml') as Record<string, unknown>;
    expect(accepts(base)).toBe(true);
    expect(accepts({ seed: 1 })).toBe(false);
    expect(accepts({ extends: 'base.yaml', sost: { examBays: -1 } })).toBe(false);
    expect(accepts({ extends: 'base.yaml', start: '2025-02-30' })).toBe(false);
    expect(accepts({ extends: 'base.yaml', calendars: { pakistan: { hours: [{ from: '09:00', to: '25:00' }] } } })).toBe(false);
  });
});
