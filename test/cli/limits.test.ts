import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { khunjerab } from './support.js';

describe('bounds and pipes', () => {
  test('more replications than any study needs, or more workers than cores, is a usage error before anything runs', () => {
    for (const args of [['--replications', '1000000000'], ['--workers', '150']]) {
      const result = khunjerab(['run', 'scenarios/winter-2025.yaml', ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/may be at most/);
      expect(result.stdout).toBe('');
    }
  });

  test('a replication expected to bring more containers than fit in memory is refused before it runs, naming the bound and the estimate', () => {
    const cases = [
      [['validate', 'scenarios/year-2025.yaml', '--set', 'arrivals.scale=200'], /arrivals\.scale: arrivals × scale over 365 days brings about 1,982,000 containers in one replication; at most 1,250,000/],
      [['run', 'scenarios/winter-2025.yaml', '--set', 'arrivals.scale=500', '--days', '366'], /over the 366 days of --days\/--until brings about 6,337,500 containers/],
      [['capacity', 'scenarios/year-2025.yaml', '--set', 'arrivals.scale=20', '--ceiling', '8'], /year-2025 at --ceiling 8× brings about 1,585,600 containers/],
    ] as const;
    for (const [args, message] of cases) {
      const result = khunjerab([...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });

  test('a seed has one range everywhere: the file\'s 32-bit bound applies to --seed on every command', () => {
    for (const command of [['run', 'scenarios/winter-2025.yaml'], ['compare', 'scenarios/summer-2025.yaml', 'scenarios/winter-2025.yaml'], ['capacity', 'scenarios/winter-2025.yaml'], ['sweep', 'scenarios/winter-2025.yaml', '--vary', 'sost.examBays=4,8'], ['sensitivity', 'studies/winter-investment.yaml'], ['calibrate', 'scenarios/winter-2025.yaml']]) {
      const result = khunjerab([...command, '--seed', '4294967296']);
      expect(result.status, command.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--seed may be at most 4,294,967,295 \(seeds are 32-bit, as in scenario files\)/);
    }
  });

  test('--set cannot reach a prototype, whatever the path or the value: the same rule and message as a file\'s key', () => {
    for (const set of ['__proto__=1', '__proto__={a: 1}', 'sost.__proto__.x=1', 'sost={__proto__: 1}']) {
      const result = khunjerab(['validate', 'scenarios/winter-2025.yaml', '--set', set]);
      expect(result.status, set).toBe(2);
      expect(result.stderr).toMatch(/unknown key "__proto__"/);
      expect(result.stderr).not.toMatch(/Immer|internal error/);
    }
  });

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during a run exits %i with one line, and leaves no output, partial or temporary file', async (signal, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'khunjerab-signal-'));
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    try {
      const child = spawn(process.execPath, ['bin/khunjerab.js', 'run', 'scenarios/year-2025.yaml', '--replications', '4', '--csv', join(dir, 'out.csv'), '--events', join(dir, 'out.ndjson')], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TMPDIR: temp, CI: 'true' },
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Wait until the run has made its temporary folder, so the signal lands mid-run.
      for (let i = 0; i < 200 && readdirSync(temp).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(readdirSync(temp).length).toBe(1);
      child.kill(signal);
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(status).toBe(code);
      expect(stderr.trim()).toBe(`khunjerab: stopped by ${signal} (output files are written whole or not at all)`);
      expect(readdirSync(dir).sort()).toEqual(['tmp']);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bare khunjerab and help for an unknown command are usage errors with the help on stderr', () => {
    const bare = khunjerab([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/Usage: khunjerab/);
    const unknown = khunjerab(['help', 'nosuch']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'nosuch'/);
  });

  test('output into a pipe the reader closes early ends quietly: exit 0, no stack trace', async () => {
    const child = spawn(process.execPath, ['bin/khunjerab.js', 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('output files', () => {
  test('a --csv into a missing folder, onto a scenario, or onto the --events file is refused before the run', async () => {
    const { mkdtempSync, readFileSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'khunjerab-out-'));
    const scenario = readFileSync('scenarios/winter-2025.yaml', 'utf8');
    const cases = [
      [['--csv', join(dir, 'missing', 'rows.csv')], /does not exist or cannot be written/],
      [['--csv', 'scenarios/winter-2025.yaml'], /is a scenario being read/],
      [['--csv', join(dir, 'same.out'), '--events', join(dir, 'same.out')], /is the same file as --csv/],
      [['--events', dir], /is a directory/],
    ] as const;
    for (const [args, message] of cases) {
      const result = khunjerab(['run', 'scenarios/winter-2025.yaml', '--days', '10', '--replications', '1', ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
    expect(readFileSync('scenarios/winter-2025.yaml', 'utf8')).toBe(scenario);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a --csv is written whole, with no temporary file left beside it', async () => {
    const { mkdtempSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'khunjerab-out-'));
    const result = khunjerab(['run', 'scenarios/winter-2025.yaml', '--days', '10', '--replications', '2', '--workers', '2', '--json', '--csv', join(dir, 'rows.csv')]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['rows.csv']);
  });
});
