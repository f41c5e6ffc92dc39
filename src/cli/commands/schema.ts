import { scenarioJsonSchema } from '../../scenario/index.js';

/** `khunjerab schema`: the JSON Schema of scenario files, for editors. */
export function schema(): void {
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
