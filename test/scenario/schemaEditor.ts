import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { scenarioJsonSchema } from '../../src/scenario/index.js';

/** The scenario JSON Schema compiled the way an editor's YAML language server would use it. */
export function editorValidator(): (value: unknown) => boolean {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  // ajv-formats is CommonJS: under Node's ESM its plugin is the default export's `default`.
  type Plugin = (ajv: Ajv2020) => Ajv2020;
  const addFormats = (formatsModule as unknown as { default?: Plugin }).default ?? (formatsModule as unknown as Plugin);
  addFormats(ajv);
  const validate = ajv.compile(scenarioJsonSchema());
  return (value) => validate(value) === true;
}

/** A node of the schema with its `$ref` followed into $defs; keywords beside the `$ref` (a default, a description) win. */
export function resolved(schema: Record<string, unknown>, node: unknown): Record<string, unknown> {
  const { $ref: ref, ...beside } = node as Record<string, unknown>;
  if (typeof ref !== 'string') return beside;
  const defs = schema.$defs as Record<string, Record<string, unknown>>;
  return { ...resolved(schema, defs[ref.replace('#/$defs/', '')]), ...beside };
}
