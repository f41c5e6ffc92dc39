import { accessSync, constants, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Checks the output files (`--csv`, `--events`, `--xlsx`) before anything runs, so that a bad
 * path costs no run: each must be a file in a folder that exists and can be written, must not
 * be a scenario being read, and no two may be the same file. (The files themselves are written
 * whole, through a temporary file beside them that is renamed once complete.)
 */
export function checkOutputPaths(inputs: readonly string[], outputs: Readonly<Record<string, string | undefined>>): void {
  const problems: string[] = [];
  const read = new Set(inputs.map((f) => nodePath.resolve(f)));
  const seen = new Map<string, string>();
  for (const [flag, path] of Object.entries(outputs)) {
    if (path === undefined) continue;
    const target = nodePath.resolve(path);
    if (read.has(target)) problems.push(`${flag} ${path}: is a scenario being read; it would be overwritten`);
    const other = seen.get(target);
    if (other !== undefined) problems.push(`${flag} ${path}: is the same file as ${other}`);
    seen.set(target, `${flag} ${path}`);
    const problem = writableFile(target);
    if (problem !== undefined) problems.push(`${flag} ${path}: ${problem}`);
  }
  if (problems.length > 0) throw new UsageError('cannot write the output files', problems);
}

function writableFile(target: string): string | undefined {
  try {
    if (statSync(target).isDirectory()) return 'is a directory';
  } catch {
    // A file that does not exist yet is fine; its folder is checked below.
  }
  const dir = nodePath.dirname(target);
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a folder`;
    accessSync(dir, constants.W_OK);
  } catch {
    return `the folder ${dir} does not exist or cannot be written`;
  }
  return undefined;
}
