import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What the loader may read. A scenario file named on the command line is read if it is a
 * regular file of at most `MAX_SCENARIO_BYTES`. A file reached through `extends` must also be a
 * `.yaml` or `.yml` file whose real path (symlinks resolved) lies under the folder of the file
 * that names it, under the bundled `scenarios/`, or under a folder the user allows
 * (`--allow-dir`): a shared scenario cannot make the loader read, and print, any other file.
 */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** The bundled scenarios, next to the package's `src/` or `dist/`. */
export const BUNDLED_SCENARIOS = nodePath.resolve(fileURLToPath(new URL('../../scenarios/', import.meta.url)));

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a scenario file after checking it is a regular file of bounded size. */
export function readScenarioText(file: string): ReadResult {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { ok: false, message: 'is a directory, not a scenario file' };
    if (!stat.isFile()) return { ok: false, message: 'is not a regular file' };
    if (stat.size > MAX_SCENARIO_BYTES) return { ok: false, message: `is ${stat.size.toLocaleString('en-US')} bytes; a scenario file may be at most 1 MB` };
    return decodeUtf8(readFileSync(file));
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT') return { ok: false, message: 'file not found' };
    if (code === 'EACCES') return { ok: false, message: 'permission denied' };
    return { ok: false, message: 'cannot read the file' };
  }
}

/** The file's text, or which line is not UTF-8: decoding would otherwise turn the bytes into U+FFFD silently. */
function decodeUtf8(bytes: Buffer): ReadResult {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline < 0 ? bytes.length : newline;
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        return { ok: false, message: `line ${line} is not UTF-8 text (save the file as UTF-8)` };
      }
      start = end + 1;
    }
    return { ok: false, message: 'is not UTF-8 text (save the file as UTF-8)' };
  }
}

/** Why `target`, named by `extends` in `from`, may not be read; undefined when it may. */
export function extendsRefusal(from: string, target: string, allowDirs: readonly string[]): string | undefined {
  const extension = nodePath.extname(target).toLowerCase();
  if (extension !== '.yaml' && extension !== '.yml') return 'extends must name a .yaml or .yml scenario file';
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return undefined; // a missing file is reported as such when it is read
  }
  const roots = [nodePath.dirname(from), BUNDLED_SCENARIOS, ...allowDirs].flatMap((dir) => {
    try {
      return [realpathSync(dir)];
    } catch {
      return [];
    }
  });
  if (roots.some((root) => real === root || real.startsWith(root + nodePath.sep))) return undefined;
  return "extends may only name a file in this file's folder or below it, in the bundled scenarios/, or in a folder given with --allow-dir";
}
