import { excerpt } from './messages.js';
import { canonicalPath, parseOverride } from './overrides.js';

/**
 * A swept field, `--vary path=v1,v2,…`: the values a sweep gives one scenario field, each
 * applied as `--set path=value` would be, so each is read as YAML and validated like the file.
 *
 *   --vary sost.examBays=2,3,4
 *   --vary sost.documentCheck={type: exponential, mean: 3},{type: exponential, mean: 4}
 *   --vary heating.productivityByTempC[0].factor=0.2,0.5
 *   --vary some.list=[1,2],[3,4]            (a list value is written in brackets)
 *
 * Values split on the commas at the top level only: not inside {}, [] or quotes.
 */
export interface Vary {
  /** The path as typed: what each value is `--set` on. */
  readonly pathText: string;
  /** "sost.examBays", "a.b[0].c": how output and errors name it. */
  readonly path: string;
  readonly values: readonly VaryValue[];
}

export interface VaryValue {
  /** The value as typed (trimmed). */
  readonly text: string;
  /** The value read as YAML. */
  readonly value: unknown;
}

export type ParsedVary = { readonly ok: true; readonly vary: Vary } | { readonly ok: false; readonly message: string };

/** One point of a sweep: one value of every `--vary`, in their order. */
export type GridPoint = readonly VaryValue[];

export function parseVary(text: string): ParsedVary {
  const equals = text.indexOf('=');
  if (equals < 0) return { ok: false, message: `--vary ${excerpt(text)}: expected path=value1,value2,…` };
  const pathText = text.slice(0, equals).trim();
  const pieces = splitTopLevel(text.slice(equals + 1));
  if (typeof pieces === 'string') return { ok: false, message: `--vary ${excerpt(pathText)}: ${pieces}` };
  const values: VaryValue[] = [];
  let path: readonly string[] = [];
  for (const piece of pieces) {
    const parsed = parseOverride(`${pathText}=${piece}`);
    if (!parsed.ok) return { ok: false, message: `${parsed.label.replace(/^--set/, '--vary')}: ${parsed.message}` };
    path = parsed.override.path;
    const twin = values.find((v) => JSON.stringify(v.value) === JSON.stringify(parsed.override.value));
    if (twin !== undefined) return { ok: false, message: `--vary ${canonicalPath(path)}: the value ${excerpt(piece)} is given twice (as ${excerpt(twin.text)})` };
    values.push({ text: piece, value: parsed.override.value });
  }
  return { ok: true, vary: { pathText, path: canonicalPath(path), values } };
}

/**
 * "1,{a: 1, b: 2},[3,4]" → ["1", "{a: 1, b: 2}", "[3,4]"]: commas split only outside brackets,
 * braces and quotes. An empty value, an unclosed bracket or quote, or a closing one without its
 * opening is a message instead.
 */
export function splitTopLevel(text: string): string[] | string {
  const pieces: string[] = [];
  const open: string[] = [];
  let quote: string | undefined;
  let start = 0;
  const closing: Readonly<Record<string, string>> = { '}': '{', ']': '[' };
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === undefined) return `the quote ${quote} is never closed`;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') open.push(c);
    else if (c === '}' || c === ']') {
      if (open.pop() !== closing[c]) return `"${c}" at character ${i + 1} closes nothing open`;
    } else if (c === undefined || (c === ',' && open.length === 0)) {
      if (c === undefined && open.length > 0) return `"${open[open.length - 1]}" is never closed`;
      const piece = text.slice(start, i).trim();
      if (piece === '') return pieces.length === 0 && c === undefined ? 'expected at least one value after =' : `value ${pieces.length + 1} is empty`;
      pieces.push(piece);
      start = i + 1;
    }
  }
  return pieces;
}

/** Every combination of the values, the first `--vary` changing slowest (as nested loops, outermost first). */
export function gridOf(varies: readonly Vary[]): GridPoint[] {
  let points: GridPoint[] = [[]];
  for (const vary of varies) points = points.flatMap((point) => vary.values.map((value) => [...point, value]));
  return points;
}

/** "sost.examBays=3 arrivals.scale=2": a point as `--set` arguments would write it. */
export function pointLabel(varies: readonly Vary[], point: GridPoint): string {
  return point.map((v, k) => `${varies[k].path}=${v.text}`).join(' ');
}
