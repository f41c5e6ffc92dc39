import { LineCounter, isAlias, isCollection, isMap, isNode, isScalar, isSeq, parseDocument, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import { escapeControls } from './messages.js';

/**
 * One YAML text, parsed once and kept with its syntax tree so that any path into the
 * data can be traced back to a line and column:
 *
 *   sost:                 locate(['sost', 'examBays'])        → 3:13 (the value)
 *     gdOfficers: 4       locate(['sost', 'examBays'], 'key') → 3:3  (the key)
 *     examBays: -2        locate(['sost', 'missing'])         → 1:1  (the parent's key)
 */
export type DataPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlProblem extends Position {
  readonly path: DataPath;
  readonly message: string;
}

export type PlainMap = Record<string, unknown>;

export type ParsedYaml =
  | { readonly ok: true; readonly value: unknown; readonly locate: Locator }
  | { readonly ok: false; readonly problems: readonly YamlProblem[] };

/** Where the node at `path` sits; `target: 'key'` points at the mapping key instead of the value. */
export type Locator = (path: DataPath, target?: 'value' | 'key') => Position;

/** Aliases one document may expand; guards against "billion laughs" documents. */
const MAX_ALIAS_COUNT = 1000;

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // The library's own check for repeated keys scans the mapping for every key (quadratic in
  // a file with tens of thousands of keys); repeatedKeys does the same check in one pass.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const syntax: YamlProblem[] = doc.errors.map((error) => {
    const at = error.linePos?.[0] ?? positionOf(lineCounter, error.pos[0]);
    return { path: [], line: at.line, column: at.col, message: `YAML syntax error: ${firstLine(error.message)}` };
  });
  const errors = [...syntax, ...repeatedKeys(doc, lineCounter)].sort((x, y) => x.line - y.line || x.column - y.column);
  if (errors.length > 0) return { ok: false, problems: errors };
  const locate: Locator = (path, target = 'value') => locateIn(doc, lineCounter, path, target);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const at = locate([]);
    return { ok: false, problems: [{ path: [], ...at, message: `YAML error: ${errorMessage(error)}` }] };
  }
  const problems: YamlProblem[] = [];
  const value = toPlainTree(raw, [], new Set(), problems, locate);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value, locate };
}

export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Control characters other than line feed and tab. Text from a scenario reaches terminals,
 * CSV files and reports; an escape sequence or a carriage return in it could redraw a
 * terminal or hide a line, so it is refused where it is written.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * A fresh tree of plain objects and arrays: no shared nodes (aliases are copied), no cycles
 * (a recursive alias is a problem), no `__proto__` keys, no control characters in text.
 */
function toPlainTree(
  value: unknown,
  path: DataPath,
  ancestors: Set<unknown>,
  problems: YamlProblem[],
  locate: Locator,
): unknown {
  if (typeof value === 'string' && CONTROL.test(value)) {
    problems.push({ path, ...locate(path), message: `text with a control character (${escapeControls(value.match(CONTROL)?.[0] ?? '')}); only line breaks and tabs are allowed in text` });
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (!Array.isArray(value) && !isPlainMap(value)) return value; // binary data and other tagged values stay as they are
  if (ancestors.has(value)) {
    problems.push({ path, ...locate(path), message: 'a YAML alias refers to a node that contains it' });
    return null;
  }
  ancestors.add(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    copy = value.map((item: unknown, i) => toPlainTree(item, [...path, i], ancestors, problems, locate));
  } else {
    const map: PlainMap = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === '__proto__') {
        problems.push({ path: [...path, key], ...locate([...path, key], 'key'), message: 'unknown key "__proto__"' });
        continue;
      }
      map[key] = toPlainTree(item, [...path, key], ancestors, problems, locate);
    }
    copy = map;
  }
  ancestors.delete(value);
  return copy;
}

function locateIn(doc: Document, lineCounter: LineCounter, path: DataPath, target: 'value' | 'key'): Position {
  let node: unknown = doc.contents;
  let key: unknown = null;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(segment));
      if (pair === undefined) return startOf(lineCounter, key, node); // missing key: the parent mapping
      key = pair.key;
      node = pair.value;
    } else if (isSeq(node) && Number.isInteger(Number(segment))) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined) return startOf(lineCounter, key, node);
      key = item;
      node = item;
    } else {
      break; // the path runs on into a scalar: point at the scalar
    }
  }
  if (target === 'key') return startOf(lineCounter, key, node);
  // A block mapping or list starts on the line after its key; the key is where a reader looks.
  const block = isCollection(node) && !node.flow;
  return block || node === null ? startOf(lineCounter, key, node) : startOf(lineCounter, node, key);
}

/** Every second (third, …) occurrence of a key in a mapping, as the YAML error the library would give. */
function repeatedKeys(doc: Document, lineCounter: LineCounter): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        // Scalar keys compare by value, as the library does; other keys only by identity.
        if (!isScalar(pair.key)) continue;
        const text = `${typeof pair.key.value}:${String(pair.key.value)}`;
        if (!seen.has(text)) {
          seen.add(text);
          continue;
        }
        const at = startOf(lineCounter, pair.key);
        problems.push({ path: [], line: at.line, column: at.column, message: 'YAML syntax error: Map keys must be unique' });
      }
    },
  });
  return problems;
}

/**
 * Each mapping's pairs by key, built once: errors are located one by one, and a file with
 * tens of thousands of keys must not cost a scan of its mapping per error. The first pair
 * of a repeated key wins, as a scan would find it.
 */
const pairIndex = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();

function pairsByKey(map: YAMLMap<unknown, unknown>): Map<string, Pair<unknown, unknown>> {
  let index = pairIndex.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items) {
      const text = keyText(pair.key);
      if (!index.has(text)) index.set(text, pair);
    }
    pairIndex.set(map, index);
  }
  return index;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/** The start of the first of `nodes` that has a source range; 1:1 when none has. */
function startOf(lineCounter: LineCounter, ...nodes: unknown[]): Position {
  for (const node of nodes) {
    const range = isNode(node) ? node.range : undefined;
    if (range !== undefined && range !== null) {
      const at = positionOf(lineCounter, range[0]);
      return { line: at.line, column: at.col };
    }
  }
  return { line: 1, column: 1 };
}

function positionOf(lineCounter: LineCounter, offset: number): { line: number; col: number } {
  return lineCounter.linePos(offset);
}

/** yaml's messages end with " at line 3, column 5:" and a code frame; keep the sentence. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
