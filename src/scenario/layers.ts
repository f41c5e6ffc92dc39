import { produce } from 'immer';
import { isPlainMap, type DataPath, type PlainMap } from './yamlSource.js';

/**
 * A scenario built up in layers (the root of an `extends` chain first, `--set` overrides
 * last) that remembers which layer each value came from:
 *
 *   base.yaml     sost: { gdOfficers: 80, examBays: 60 }      ┐
 *   winter.yaml   sost: { examBays: 40 }                      ├─▶ sost: { gdOfficers: 80,  ← base.yaml
 *   --set sost.examBays=2                                     ┘          examBays: 2 }   ← --set
 *
 * Files deep-merge: mappings merge key by key, lists and scalars replace. Two exceptions
 * keep a merge from mixing settings that only make sense together:
 *   - a distribution that names its `type` replaces the inherited one whole (a child's
 *     `{type: uniform, min: 1, max: 2}` must not pick up the parent's lognormal `median`),
 *     while one without `type`, e.g. `{median: 10}`, adjusts the inherited one;
 *   - the horizon is one setting: a layer that gives `days` or `end` replaces whichever of
 *     the two an earlier layer gave.
 * A `--set` replaces the value at its path.
 */
export class LayeredScenario {
  private merged: PlainMap = {};
  private readonly origin: OriginNode = { kind: 'map', owners: [], children: new Map() };

  get value(): PlainMap {
    return this.merged;
  }

  /** Deep-merges a file's mapping on top of what is there. */
  applyFile(patch: PlainMap, layer: number): void {
    const resetsHorizon = 'days' in patch || 'end' in patch;
    this.merged = produce(this.merged, (draft) => {
      if (resetsHorizon) {
        delete draft.days;
        delete draft.end;
      }
      mergeInto(draft, patch);
    });
    if (resetsHorizon) {
      this.origin.children.delete('days');
      this.origin.children.delete('end');
    }
    mergeOrigin(this.origin, patch, layer);
  }

  /**
   * Why `--set path=…` cannot apply, or undefined when it can: every step before the last
   * must be a mapping (missing keys are created) or a list with that index.
   */
  checkSetPath(path: DataPath): string | undefined {
    let node: unknown = this.merged;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isPlainMap(node)) {
        if (last) return undefined;
        node = node[String(segment)];
        if (node === undefined) return undefined; // the rest is created
      } else if (Array.isArray(node)) {
        if (!isIndex(segment, node.length)) {
          return `${formatPath(path.slice(0, i))} is a list of ${node.length}; "${segment}" is not an index into it`;
        }
        if (last) return undefined;
        node = node[Number(segment)];
      } else {
        return `${formatPath(path.slice(0, i))} is ${kindOf(node)}, not a mapping`;
      }
    }
    return undefined;
  }

  /** Replaces the value at `path` (see `checkSetPath`), creating missing mappings on the way. */
  applySet(path: DataPath, value: unknown, layer: number): void {
    const resetsHorizon = path.length === 1 && (path[0] === 'days' || path[0] === 'end');
    this.merged = produce(this.merged, (draft) => {
      if (resetsHorizon) {
        delete draft.days;
        delete draft.end;
      }
      setIn(draft, path, value);
    });
    if (resetsHorizon) {
      this.origin.children.delete('days');
      this.origin.children.delete('end');
    }
    let node = this.origin;
    for (const segment of path.slice(0, -1)) {
      let child = node.children.get(String(segment));
      if (child === undefined) {
        child = { kind: 'map', owners: [layer], children: new Map() };
        node.children.set(String(segment), child);
      }
      node = child;
    }
    node.children.set(String(path[path.length - 1]), originOf(value, layer));
  }

  /**
   * The layer that gave the value at `path`. When the path does not exist (a missing key),
   * the layer that gave its deepest existing mapping, most recent first; undefined when no
   * layer did.
   */
  layerOf(path: DataPath): number | undefined {
    let node = this.origin;
    for (const segment of path) {
      const child = node.children.get(String(segment));
      if (child === undefined) break;
      node = child;
    }
    return node.owners[node.owners.length - 1];
  }
}

/** "sost.examBays", "calendars.pakistan.closures[0].to". */
export function formatPath(path: DataPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

interface OriginNode {
  readonly kind: 'map' | 'list' | 'scalar';
  /** Layers that gave this mapping, oldest first; a scalar or list has one. */
  owners: number[];
  children: Map<string, OriginNode>;
}

function originOf(value: unknown, layer: number): OriginNode {
  const children = new Map<string, OriginNode>();
  if (isPlainMap(value)) {
    for (const [key, item] of Object.entries(value)) children.set(key, originOf(item, layer));
    return { kind: 'map', owners: [layer], children };
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => children.set(String(i), originOf(item, layer)));
    return { kind: 'list', owners: [layer], children };
  }
  return { kind: 'scalar', owners: [layer], children };
}

function mergeOrigin(node: OriginNode, patch: PlainMap, layer: number): void {
  node.owners.push(layer);
  for (const [key, value] of Object.entries(patch)) {
    const child = node.children.get(key);
    if (child !== undefined && child.kind === 'map' && mergesInto(value)) {
      mergeOrigin(child, value, layer);
    } else {
      node.children.set(key, originOf(value, layer));
    }
  }
}

/** A mapping merges into an inherited mapping, unless it is a distribution naming its type. */
function mergesInto(value: unknown): value is PlainMap {
  return isPlainMap(value) && !('type' in value);
}

function mergeInto(target: PlainMap, patch: PlainMap): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (isPlainMap(current) && mergesInto(value)) mergeInto(current, value);
    else target[key] = value;
  }
}

function setIn(target: PlainMap, path: DataPath, value: unknown): void {
  let node: PlainMap | unknown[] = target;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    if (Array.isArray(node)) {
      node = node[Number(segment)] as PlainMap | unknown[];
    } else {
      const key = String(segment);
      if (node[key] === undefined) node[key] = {};
      node = node[key] as PlainMap | unknown[];
    }
  }
  const last = path[path.length - 1];
  if (Array.isArray(node)) node[Number(last)] = value;
  else node[String(last)] = value;
}

function isIndex(segment: string | number | undefined, length: number): boolean {
  const index = Number(segment);
  return segment !== undefined && String(segment).trim() !== '' && Number.isInteger(index) && index >= 0 && index < length;
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
