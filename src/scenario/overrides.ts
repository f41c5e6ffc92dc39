import { parseYaml } from './yamlSource.js';

/**
 * A command-line override, `--set path=value`:
 *
 *   --set sost.examBays=4
 *   --set heating.sostHeated=false
 *   --set sost.documentCheck={type: exponential, mean: 3}
 *   --set heating.productivityByTempC[0].factor=0.2     (or …productivityByTempC.0.factor)
 *
 * The value is read as YAML, so numbers, booleans, lists and flow mappings keep their type.
 */
export interface Override {
  /** The argument as given. */
  readonly text: string;
  /** "--set sost.examBays": how errors name this override (list indices written as [0]). */
  readonly label: string;
  readonly path: readonly string[];
  readonly value: unknown;
}

export type ParsedOverride = { readonly ok: true; readonly override: Override } | { readonly ok: false; readonly label: string; readonly message: string };

export function parseOverride(text: string): ParsedOverride {
  const equals = text.indexOf('=');
  const pathText = (equals < 0 ? text : text.slice(0, equals)).trim();
  if (equals < 0) return { ok: false, label: `--set ${pathText}`, message: `expected path=value, got "${text}"` };
  const path = parsePath(pathText);
  if (path === undefined) {
    return {
      ok: false,
      label: `--set ${pathText}`,
      message: `expected a path of keys separated by dots, such as sost.examBays, got "${pathText}"`,
    };
  }
  const label = `--set ${canonicalPath(path)}`;
  if (path[0] === 'extends') return { ok: false, label, message: 'extends cannot be set from the command line' };
  // The same rule as a file's keys (yamlSource.ts): no object's prototype can be reached by name.
  if (path.includes('__proto__')) return { ok: false, label, message: 'unknown key "__proto__"' };
  const parsed = parseYaml(text.slice(equals + 1));
  if (!parsed.ok) return { ok: false, label, message: `cannot read the value: ${parsed.problems[0].message}` };
  return { ok: true, override: { text, label, path, value: parsed.value } };
}

/** The path as errors print it: "a.b[0].c" (no scenario key is all digits, so digits are an index). */
export function canonicalPath(path: readonly string[]): string {
  return path.map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/** "a.b[0].c" and "a.b.0.c" both give ["a", "b", "0", "c"]. */
function parsePath(text: string): string[] | undefined {
  if (text === '') return undefined;
  const path: string[] = [];
  for (const part of text.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (match === null) return undefined;
    path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(index[1]);
  }
  return path;
}
