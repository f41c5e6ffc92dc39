import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a job is computed with: the program's version and a content hash of every module a
 * replication runs (kernel, model, scenario, run). A job carries its submitter's; a worker whose
 * code differs refuses it, since its summaries would not be the ones the submitter's machine makes.
 */
export interface CodeVersion {
  readonly version: string;
  /** First 12 hex digits of the SHA-256 of the code. */
  readonly code: string;
  readonly host: string;
}

const HASHED = ['kernel', 'model', 'scenario', 'run'];

let cached: CodeVersion | undefined;

export function codeVersion(): CodeVersion {
  cached ??= { version: packageVersion(), code: hashCode(), host: hostname() };
  return cached;
}

/** "khunjerab 0.1.0, code 1a2b3c4d5e6f, on host-a". */
export function describeVersion(v: CodeVersion): string {
  return `khunjerab ${v.version}, code ${v.code}, on ${v.host}`;
}

function hashCode(): string {
  // dist/ when built, src/ under the tests' TypeScript runner: either way the tree this module is in.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const hash = createHash('sha256');
  for (const file of HASHED.flatMap((dir) => codeFiles(join(root, dir))).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return codeFiles(path);
    return /\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function packageVersion(): string {
  const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
  const parsed = JSON.parse(text) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}
