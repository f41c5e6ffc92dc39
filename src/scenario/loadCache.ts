import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { CorridorParams } from '../model/params.js';

/**
 * Scenarios that loaded cleanly, kept on disk so that the next command on the same files skips
 * the YAML parser and the schema (a third of a second or more per command, most of a short
 * run's start-up). An entry is keyed by the loader's compiled code, the file as named, its
 * absolute path, the `--set` overrides and the allowed folders, and it is used only while
 * every file the load read (the file and each it `extends`) has the same bytes and the same
 * real path as then. Failed loads are never kept: an error is always worked out afresh, with
 * its line. Under the TypeScript sources (the tests' runner) nothing is kept. Any
 * problem with the cache (a read-only install, a torn entry) only means a normal load.
 *
 * Imports nothing of the loader: a command whose files are all here never loads yaml or zod.
 */
export interface CachedLoad {
  readonly scenario: CorridorParams;
  /** As `LoadResult.sources`: the files merged, root first, then the overrides. */
  readonly sources: string[];
}

export interface LoadRequest {
  readonly file: string;
  readonly overrides: readonly string[];
  readonly allowDirs: readonly string[];
}

interface FileStamp {
  readonly path: string;
  readonly real: string;
  readonly sha256: string;
}

interface Entry {
  readonly request: string;
  readonly files: readonly FileStamp[];
  readonly loaded: CachedLoad;
}

/** Entries kept; the least recently written go first beyond it. */
export const CACHE_ENTRIES = 256;

const DIRECTORY = fileURLToPath(new URL('../../node_modules/.cache/khunjerab/scenarios/', import.meta.url));
/** The compiled code a load runs: the loader, and the model and kernel it reads constants from. */
const LOADER_CODE = ['scenario', 'model', 'kernel'];

let codeStamp: string | null | undefined;

/** A hash of the loader's compiled code, so that no build step can leave an entry of older code in use; null under the TypeScript sources. */
function build(): string | null {
  if (codeStamp !== undefined) return codeStamp;
  codeStamp = null;
  if (!import.meta.url.endsWith('.js')) return codeStamp;
  try {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const hash = createHash('sha256');
    const files = LOADER_CODE.flatMap((dir) =>
      readdirSync(nodePath.join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.js'))
        .map((name) => nodePath.join(dir, name)),
    ).sort();
    for (const file of files) hash.update(file).update('\0').update(readFileSync(nodePath.join(root, file))).update('\0');
    codeStamp = hash.digest('hex');
  } catch {
    codeStamp = null;
  }
  return codeStamp;
}

function describe(request: LoadRequest, stamp: string): string {
  return JSON.stringify([stamp, request.file, nodePath.resolve(request.file), request.overrides, request.allowDirs.map((d) => nodePath.resolve(d))]);
}

function entryPath(description: string): string {
  return nodePath.join(DIRECTORY, `${createHash('sha256').update(description).digest('hex').slice(0, 32)}.json`);
}

function stampOf(path: string): FileStamp {
  const absolute = nodePath.resolve(path);
  return { path: absolute, real: realpathSync(absolute), sha256: createHash('sha256').update(readFileSync(absolute)).digest('hex') };
}

/** The cached load of `request`, if one is kept and every file it read is as it was. */
export function lookUpLoad(request: LoadRequest): CachedLoad | undefined {
  const stamp = build();
  if (stamp === null) return undefined;
  try {
    const description = describe(request, stamp);
    const entry = JSON.parse(readFileSync(entryPath(description), 'utf8')) as Entry;
    if (entry.request !== description) return undefined;
    for (const file of entry.files) {
      const now = stampOf(file.path);
      if (now.real !== file.real || now.sha256 !== file.sha256) return undefined;
    }
    return entry.loaded;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a clean load. `files` are the files it read, as it named them. Nothing is kept if the
 * scenario would not come back from JSON exactly as it is.
 */
export function keepLoad(request: LoadRequest, files: readonly string[], loaded: CachedLoad): void {
  const stamp = build();
  if (stamp === null) return;
  try {
    const description = describe(request, stamp);
    const entry: Entry = { request: description, files: files.map(stampOf), loaded };
    const text = JSON.stringify(entry);
    if (!isDeepStrictEqual((JSON.parse(text) as Entry).loaded, loaded)) return;
    mkdirSync(DIRECTORY, { recursive: true });
    const target = entryPath(description);
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, text);
    renameSync(partial, target);
    prune();
  } catch {
    // A cache that cannot be written is no cache; the load itself went well.
  }
}

function prune(): void {
  const names = readdirSync(DIRECTORY).filter((n) => n.endsWith('.json'));
  if (names.length <= CACHE_ENTRIES) return;
  const aged = names.map((name) => {
    const path = nodePath.join(DIRECTORY, name);
    return { path, at: statSync(path).mtimeMs };
  });
  aged.sort((a, b) => a.at - b.at);
  for (const { path } of aged.slice(0, aged.length - CACHE_ENTRIES)) rmSync(path, { force: true });
}
