import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Child processes for the queue's integration tests: a real redis-server, `khunjerab worker`s and
 * submitting commands, every one tracked so that `stopAll` ends them whatever a test left behind.
 */
export interface Started {
  readonly child: ChildProcess;
  /** stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  /** Waits until stderr (from `from` on) matches, and returns the text matched. */
  waitFor(pattern: RegExp, timeoutMs?: number, from?: number): Promise<string>;
}

const running = new Set<ChildProcess>();

export const hasRedis = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;

export function start(command: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(pattern, timeoutMs = 20_000, from = 0) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = pattern.exec(err.slice(from)) ?? pattern.exec(out.slice(from));
        if (found !== null) return found[0];
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${args.join(' ')} ended before ${pattern}:\n${err}`);
        if (Date.now() > deadline) throw new Error(`${args.join(' ')}: no ${pattern} within ${timeoutMs} ms:\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** `node bin/khunjerab.js …` from `cwd` (the repository unless given). */
export function khunjerabProcess(args: readonly string[], env: Record<string, string | undefined> = {}, cwd?: string): Started {
  return start(process.execPath, ['bin/khunjerab.js', ...args], { cwd, env: { CI: 'true', ...env } });
}

export interface Finished {
  readonly status: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

export async function finished(started: Started): Promise<Finished> {
  const status = await started.exited;
  return { status, stdout: started.stdout(), stderr: started.stderr() };
}

/** A loopback port nothing listens on at the moment asked. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway redis-server on a free loopback port: nothing saved to disk, a password required. */
export async function startRedis(password: string): Promise<{ readonly port: number; readonly server: Started }> {
  const port = await freePort();
  const server = start('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--requirepass', password]);
  await server.waitFor(/Ready to accept connections/, 10_000);
  return { port, server };
}

/** SIGKILL to everything still running: the tests' last word, pass or fail. */
export async function stopAll(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once('close', resolve)))));
}
