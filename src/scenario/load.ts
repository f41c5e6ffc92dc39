import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { CorridorParams } from '../model/params.js';
import { fallbackErrorMap, toProblems, type SchemaProblem } from './issues.js';
import { LayeredScenario, formatPath } from './layers.js';
import { parseOverride, type Override } from './overrides.js';
import { scenarioSchema, type ScenarioSchema } from './schema.js';
import { describeValue, escapeControls, excerpt } from './messages.js';
import { extendsRefusal, readScenarioText } from './fileAccess.js';
import { keepLoad, lookUpLoad } from './loadCache.js';
import { errorMessage, isPlainMap, parseYaml, type DataPath, type Locator, type PlainMap } from './yamlSource.js';

/**
 * Loading a scenario: read the file and the files it `extends`, merge them, apply `--set`
 * overrides, validate the result against the schema, and trace every problem back to the
 * file, line and column a reader has to fix.
 *
 *   base.yaml ◀─extends── winter-2025.yaml ◀─extends── winter-2025-unheated.yaml
 *       └──────────── merged, root first ───────────────────┘ + --set … → schema → CorridorParams
 *
 * Bad input never throws: a missing file, a YAML syntax error, an `extends` cycle and every
 * schema violation come back as `ScenarioError`s, all of them at once.
 */
export interface ScenarioError {
  /** The file as named by the user or by `extends`, or "--set a.b.c" for an override. */
  readonly file: string;
  /** The field, e.g. "sost.examBays" or "calendars.pakistan.closures[0].to"; "" for the whole file. */
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export type LoadResult =
  | {
      readonly ok: true;
      readonly scenario: CorridorParams;
      /** Files in the order they were merged (the root of the `extends` chain first), then the `--set` overrides. */
      readonly sources: string[];
    }
  | { readonly ok: false; readonly errors: ScenarioError[] };

/**
 * Loads and validates a scenario file.
 *
 * @example
 * const result = loadScenario('scenarios/winter-2025.yaml', ['sost.examBays=4']);
 * if (!result.ok) for (const e of result.errors) console.error(formatScenarioError(e));
 */
export function loadScenario(file: string, overrides: readonly string[] = [], options: LoadOptions = {}): LoadResult {
  // A model's own schema is not the one the cache's entries were checked against.
  const request = options.schema === undefined ? { file, overrides, allowDirs: options.allowDirs ?? [] } : undefined;
  const cached = request === undefined ? undefined : lookUpLoad(request);
  if (cached !== undefined) return { ok: true, ...cached };
  const result = guarded(file, () => load(file, undefined, overrides, options.schema ?? scenarioSchema, options.allowDirs ?? []));
  if (result.ok && request !== undefined) {
    // Every override of a clean load is one source after the files.
    keepLoad(request, result.sources.slice(0, result.sources.length - overrides.length), { scenario: result.scenario, sources: result.sources });
  }
  return result;
}

export interface LoadOptions {
  /** A schema extended with a model's own parameters (see `scenarioSchemaWith`). */
  readonly schema?: ScenarioSchema;
  /** More folders `extends` may read from (`--allow-dir`); see fileAccess.ts. */
  readonly allowDirs?: readonly string[];
}

/** Like `loadScenario`, for a text already in memory; `extends` resolves next to `fileLabel`. */
export function loadScenarioText(text: string, fileLabel: string, overrides: readonly string[] = [], options: LoadOptions = {}): LoadResult {
  return guarded(fileLabel, () => load(fileLabel, text, overrides, options.schema ?? scenarioSchema, options.allowDirs ?? []));
}

/** "scenarios/x.yaml:12:5 sost.examBays: expected an integer >= 0, got -2" */
export function formatScenarioError(e: ScenarioError): string {
  return escapeControls(formatError(e));
}

function formatError(e: ScenarioError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}${e.column === undefined ? '' : `:${e.column}`}`;
  // An override's label already names its path: "--set sost.examBays: expected …".
  const path = e.file === `--set ${e.path}` ? '' : e.path;
  return path === '' ? `${where}: ${e.message}` : `${where} ${path}: ${e.message}`;
}

/** For `khunjerab validate`: one "ok" line per valid file, every error of each invalid one. */
export function validateFiles(
  paths: readonly string[],
  overrides: readonly string[] = [],
): { ok: boolean; lines: string[] } {
  let ok = true;
  const lines: string[] = [];
  for (const file of paths) {
    const result = loadScenario(file, overrides);
    if (result.ok) {
      const s = result.scenario;
      lines.push(`${file}: ok (${s.name}, ${s.days} days from ${s.start})`);
    } else {
      ok = false;
      lines.push(...result.errors.map(formatScenarioError));
    }
  }
  return { ok, lines };
}

// ---------------------------------------------------------------------------------------------

interface FileLayer {
  readonly file: string;
  readonly value: PlainMap;
  readonly locate: Locator;
}

type Layer = ({ readonly kind: 'file' } & FileLayer) | { readonly kind: 'set'; readonly override: Override };

type Chain = { readonly ok: true; readonly files: FileLayer[] } | { readonly ok: false; readonly errors: ScenarioError[] };

function guarded(file: string, run: () => LoadResult): LoadResult {
  try {
    return run();
  } catch (error) {
    // Not reached for any input we know of; kept so that a caller never sees an exception.
    return { ok: false, errors: [{ file, path: '', message: `internal error while loading: ${errorMessage(error)}` }] };
  }
}

function load(file: string, text: string | undefined, overrideTexts: readonly string[], schema: ScenarioSchema, allowDirs: readonly string[]): LoadResult {
  const chain = readChain(file, text, allowDirs);
  if (!chain.ok) return chain;

  const layers: Layer[] = [];
  const scenario = new LayeredScenario();
  const leafIndex = chain.files.length - 1;
  chain.files.forEach((layer, i) => {
    // `extends` belongs to the loader; `name` and `description` describe only their own file.
    const { extends: _extends, name, description, ...settings } = layer.value;
    const own = i === leafIndex ? { ...settings, ...defined({ name, description }) } : settings;
    layers.push({ kind: 'file', ...layer });
    scenario.applyFile(own, i);
  });
  // The default name is the loaded file's name, even when an ancestor has one.
  if (scenario.value.name === undefined) {
    scenario.applyFile({ name: nodePath.basename(file, nodePath.extname(file)) || 'scenario' }, leafIndex);
  }

  const errors: ScenarioError[] = [];
  const order = new Map<string, number>(chain.files.map((f, i) => [f.file, i]));
  for (const text of overrideTexts) {
    const parsed = parseOverride(text);
    const label = parsed.ok ? parsed.override.label : parsed.label;
    if (!order.has(label)) order.set(label, order.size);
    if (!parsed.ok) {
      errors.push({ file: parsed.label, path: parsed.label.slice('--set '.length), message: parsed.message });
      continue;
    }
    const { override } = parsed;
    const problem = scenario.checkSetPath(override.path);
    if (problem !== undefined) {
      errors.push({ file: override.label, path: override.label.slice('--set '.length), message: problem });
      continue;
    }
    layers.push({ kind: 'set', override });
    scenario.applySet(override.path, override.value, layers.length - 1);
  }

  const result = schema.safeParse(scenario.value, { reportInput: true, error: fallbackErrorMap });
  if (!result.success) {
    for (const problem of toProblems(result.error.issues)) errors.push(locateProblem(problem, scenario, layers));
  }
  if (!result.success || errors.length > 0) return { ok: false, errors: sortErrors(unique(errors), order) };
  return {
    ok: true,
    scenario: result.data,
    sources: layers.map((layer) => (layer.kind === 'file' ? layer.file : `--set ${layer.override.text}`)),
  };
}

/** The file and its `extends` ancestors, root first. */
function readChain(file: string, text: string | undefined, allowDirs: readonly string[]): Chain {
  const files: FileLayer[] = [];
  const seen: string[] = [];
  let current = file;
  let currentText = text;
  for (;;) {
    const read = readLayer(current, currentText);
    if (!read.ok) return read;
    files.unshift(read.layer);
    seen.push(nodePath.resolve(current));
    const target = read.layer.value.extends;
    if (target === undefined) return { ok: true, files };
    const at = read.layer.locate(['extends']);
    if (typeof target !== 'string' || target.trim() === '') {
      return fail(current, 'extends', `expected a path to another scenario file, got ${describeValue(target)}`, at);
    }
    const next = nodePath.isAbsolute(target) ? target : nodePath.join(nodePath.dirname(current), target);
    const cycleStart = seen.indexOf(nodePath.resolve(next));
    if (cycleStart >= 0) {
      const loop = [...files.map((f) => f.file).reverse().slice(cycleStart), next];
      return fail(current, 'extends', `extends cycle: ${loop.join(' → ')}`, at);
    }
    const refusal = extendsRefusal(current, next, allowDirs);
    if (refusal !== undefined) return fail(current, 'extends', `${refusal}; refused ${excerpt(target)}`, at);
    const parent = readScenarioText(next);
    if (!parent.ok) return fail(current, 'extends', `cannot read ${excerpt(next, 120)}: ${parent.message}`, at);
    current = next;
    currentText = parent.text;
  }
}

function readLayer(file: string, text: string | undefined): { ok: true; layer: FileLayer } | { ok: false; errors: ScenarioError[] } {
  let source = text;
  if (source === undefined) {
    const read = readScenarioText(file);
    if (!read.ok) return { ok: false, errors: [{ file, path: '', message: read.message }] };
    source = read.text;
  }
  const parsed = parseYaml(source);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: parsed.problems.map((p) => ({ file, path: formatPath(p.path), line: p.line, column: p.column, message: p.message })),
    };
  }
  if (!isPlainMap(parsed.value)) {
    const message =
      parsed.value === null || parsed.value === undefined
        ? 'the file is empty; expected a mapping of scenario settings'
        : `expected a mapping of scenario settings at the top level, got ${describeValue(parsed.value)}`;
    return fail(file, '', message, parsed.locate([]));
  }
  return { ok: true, layer: { file, value: parsed.value, locate: parsed.locate } };
}


function fail(file: string, path: string, message: string, at: { line: number; column: number }): { ok: false; errors: ScenarioError[] } {
  return { ok: false, errors: [{ file, path, line: at.line, column: at.column, message }] };
}

/**
 * Names the layer a problem belongs to: the layer that gave the value, as a rule; but when
 * an override changed a value the check looked at (a share of a sum, the `days` that
 * `warmupDays` must stay under), the override is to blame rather than the file.
 */
function locateProblem(problem: SchemaProblem, scenario: LayeredScenario, layers: readonly Layer[]): ScenarioError {
  const { path, message } = problem;
  const pathText = formatPath(path);
  let index = scenario.layerOf(path);
  const touched = layers.findLastIndex(
    (layer) => layer.kind === 'set' && problem.involves.some((involved) => startsWith(layer.override.path, involved)),
  );
  if (touched >= 0 && (index === undefined || touched > index)) index = touched;
  const layer = layers[index ?? layers.length - 1] ?? layers[0];
  if (layer === undefined) return { file: '?', path: pathText, message };
  if (layer.kind === 'set') return { file: layer.override.label, path: pathText, message };
  const at = layer.locate(path, problem.atKey ? 'key' : 'value');
  return { file: layer.file, path: pathText, line: at.line, column: at.column, message };
}

function startsWith(path: readonly string[], prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === String(segment));
}

/** Grouped by file in merge order, then overrides in command-line order; by position within a file. */
function sortErrors(errors: readonly ScenarioError[], order: ReadonlyMap<string, number>): ScenarioError[] {
  const rank = (e: ScenarioError): number => order.get(e.file) ?? order.size;
  return errors
    .map((e, index) => ({ e, index }))
    .sort(
      (a, b) =>
        rank(a.e) - rank(b.e) ||
        (a.e.line ?? 0) - (b.e.line ?? 0) ||
        (a.e.column ?? 0) - (b.e.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ e }) => e);
}

/** One value can fail two checks with the same words (1e308 is neither a safe integer nor <= 10,000). */
function unique(errors: readonly ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = JSON.stringify([e.file, e.path, e.line, e.column, e.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function defined(values: PlainMap): PlainMap {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
