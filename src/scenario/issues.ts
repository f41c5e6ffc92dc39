import type { z } from 'zod';
import { describeValue, excerpt, expecting } from './messages.js';
import { HORIZON_KEYS } from './schema.js';
import type { DataPath } from './yamlSource.js';

/**
 * Zod's issues, reshaped into one problem per offending YAML node:
 *
 *   - an unrecognized-keys issue on `sost` becomes one "unknown key" problem per key, each
 *     pointing at the key itself;
 *   - a union that failed in every branch is reported from the branch the value was meant
 *     for: a number from the number branch, a mapping from the distribution branch.
 */
export interface SchemaProblem {
  readonly path: DataPath;
  readonly message: string;
  /** Point at the key rather than the value (unknown keys). */
  readonly atKey: boolean;
  /**
   * Where the values a check looked at live: the problem's own path, and for a check over
   * several fields (shares summing to 1, min <= max, end after start) the paths of those
   * fields too. An override that changed any of them is to blame.
   */
  readonly involves: readonly DataPath[];
}

export function toProblems(issues: readonly z.core.$ZodIssue[], prefix: DataPath = []): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(toSegment)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: [...path, key], message: `unknown key "${excerpt(key)}"`, atKey: true, involves: [[...path, key]] });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const meant = issue.errors.filter((branch) => !isTypeMismatch(branch));
      if (meant.length === 1) problems.push(...toProblems(meant[0], path));
      else problems.push({ path, message: issue.message, atKey: false, involves: [path] });
    } else {
      problems.push({ path, message: issue.message, atKey: false, involves: issue.code === 'custom' ? involvedIn(path, issue.params) : [path] });
    }
  }
  return problems;
}

/**
 * Messages for issues the schema does not word itself. Passed to `safeParse` as the
 * per-parse error map; the schema's own messages take precedence.
 */
export const fallbackErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return expecting(TYPE_NAMES[issue.expected] ?? String(issue.expected))(issue);
    case 'too_small':
      return `expected at least ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}, got ${describeValue(issue.input)}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => describeValue(v)).join(', ')}, got ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  number: 'a number',
  int: 'an integer',
  string: 'a text',
  boolean: 'true or false',
};

/**
 * The values a check looked at: the value it is on (`params.depth` segments above the
 * problem's path). The only check on the whole scenario is the horizon check, which looks
 * at start, days, end and warmupDays.
 */
function involvedIn(path: DataPath, params: Record<string, unknown> | undefined): DataPath[] {
  const depth = typeof params?.depth === 'number' ? params.depth : 0;
  const checked = path.slice(0, Math.max(0, path.length - depth));
  if (checked.length === 0) return [...HORIZON_KEYS].map((key) => [String(key)]);
  return [checked];
}

/** A union branch that failed only because the value has another type altogether. */
function isTypeMismatch(branch: readonly z.core.$ZodIssue[]): boolean {
  return branch.length === 1 && branch[0].code === 'invalid_type' && branch[0].path.length === 0;
}

function toSegment(key: PropertyKey): string | number {
  return typeof key === 'symbol' ? String(key) : key;
}
