import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * BullMQ and ioredis load only with --queue, and only once the input has been checked: `--help`
 * stays fast, a local run never needs them, and a scenario error is reported with its file and
 * line before Redis is even looked for. The built CLI runs in a child that then lists the
 * packages Node loaded.
 */
interface Outcome {
  readonly status: number;
  readonly stderr: string;
  readonly packages: string[];
}

function runAndList(argv: readonly string[]): Outcome {
  if (!existsSync('dist/cli/program.js')) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
  const script = `
    import { createRequire } from 'node:module';
    const { main } = await import('./dist/cli/program.js');
    const status = await main(${JSON.stringify(argv)});
    const loaded = Object.keys(createRequire(import.meta.url).cache).flatMap((p) => /node_modules\\/(bullmq|ioredis)\\//.exec(p)?.[1] ?? []);
    process.stdout.write(JSON.stringify({ status, packages: [...new Set(loaded)].sort() }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const report = JSON.parse(result.stdout.slice(result.stdout.lastIndexOf('{"status"'))) as Omit<Outcome, 'stderr'>;
  return { ...report, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'khunjerab-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the queue loads only when asked for, after the input is checked', () => {
  test('not for --help, nor for a local run', () => {
    expect(runAndList(['--help'])).toMatchObject({ status: 0, packages: [] });
    expect(runAndList(['run', 'scenarios/winter-2025.yaml', '--days', '10', '--replications', '1', '--workers', '1', '--json'])).toMatchObject({ status: 0, packages: [] });
  });

  test('a scenario error comes first, with its file and line, and Redis is never looked for', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `extends: ${resolve('scenarios/winter-2025.yaml')}\nsost:\n  examBays: -2\n`);
    const outcome = runAndList(['run', file, '--allow-dir', resolve('scenarios'), '--queue', 'redis://127.0.0.1:1']);
    expect(outcome).toMatchObject({ status: 2, packages: [] });
    expect(outcome.stderr).toContain(`${file}:3:13 sost.examBays: expected an integer >= 0, got -2`);
  });

  test('and for a queued run: here Redis is unreachable, so exit 2 before any work', () => {
    const outcome = runAndList(['run', 'scenarios/winter-2025.yaml', '--days', '10', '--replications', '1', '--queue', 'redis://127.0.0.1:1']);
    expect(outcome).toMatchObject({ status: 2, packages: ['bullmq', 'ioredis'] });
    expect(outcome.stderr).toContain('cannot reach Redis at redis://127.0.0.1:1/0: connect ECONNREFUSED');
  });
});
