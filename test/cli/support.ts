import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI the way a user does: `node bin/khunjerab.js …`, no TTY. */
export function khunjerab(args: readonly string[], env: Record<string, string> = {}): CliResult {
  if (!existsSync('dist/cli/main.js')) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
  const result = spawnSync(process.execPath, ['bin/khunjerab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every number anywhere in a JSON value. */
export function numbersIn(value: unknown, path = ''): Array<{ path: string; value: unknown }> {
  if (typeof value === 'number') return [{ path, value }];
  if (value === null || value === undefined) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, path === '' ? k : `${path}.${k}`));
  return [];
}
