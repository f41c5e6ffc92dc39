import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { finished, freePort, hasRedis, khunjerabProcess, startRedis, stopAll, type Started } from './processes.js';

/**
 * Replications as BullMQ jobs, for real: a redis-server on a free loopback port (with a password,
 * which must never be printed), `khunjerab worker` processes, and the built CLI submitting. The
 * queued runs must print the very bytes of the same command run here, through a worker killed
 * mid-job and one stopped by SIGTERM; and the faults must end the way the README says.
 * Under CI a missing redis-server fails the file (.ci/run installs it); elsewhere it skips.
 */
const inCi = process.env.CI === 'true';
const skip = !hasRedis && !inCi;
if (skip) console.warn('test/queue: redis-server is not installed (apt-get install redis-server), so the queue integration tests are skipped');

const root = join(import.meta.dirname, '..', '..');
const PASSWORD = 'queue-test-pw-7f3a';
/** A lock of one second: the long replications below take longer, so a lost lock would show as a job run twice. */
const STALL = ['--stall-seconds', '1'];
/** Short replications: the report, the CSV rows and the events of a comparison. */
const SHORT = ['compare', 'scenarios/summer-2025.yaml', 'scenarios/winter-2025.yaml', '--days', '12', '--replications', '2', '--seed', '11', '--json'];
/** Replications longer than the lock: four years of the corridor each. */
const LONG = ['run', 'scenarios/year-2025.yaml', '--days', '1460', '--replications', '2', '--seed', '5', '--json'];

let port = 0;
let redis: Started | undefined;
let url = '';
const outputs: Started[] = [];
const dir = mkdtempSync(join(tmpdir(), 'khunjerab-queue-test-'));

function cli(args: readonly string[], env: Record<string, string | undefined> = {}, cwd?: string): Started {
  const started = khunjerabProcess(args, env, cwd ?? root);
  outputs.push(started);
  return started;
}

/** A worker with REDIS_URL in its environment, waiting for jobs once this resolves. */
async function worker(cwd?: string): Promise<Started> {
  const started = cli(['worker', '--queue', '--concurrency', '1', ...STALL], { REDIS_URL: url }, cwd);
  await started.waitFor(/waiting for jobs/);
  return started;
}

async function withClient<T>(use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({ host: '127.0.0.1', port, password: PASSWORD, lazyConnect: true });
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

/** Keys of jobs (BullMQ keeps a hash per job, named after its id: this run's UUID, batch, index). */
async function jobKeys(): Promise<string[]> {
  const keys = await withClient((client) => client.keys('bull:khunjerab-replications:*'));
  return keys.filter((k) => /:[0-9a-f]{8}-[0-9a-f-]+-\d+-\d+$/.test(k));
}

/** Jobs waiting for a worker. */
function waitingJobs(): Promise<number> {
  return withClient((client) => client.llen('bull:khunjerab-replications:wait'));
}

/** Jobs finished and still kept. */
function completedJobs(): Promise<number> {
  return withClient((client) => client.zcard('bull:khunjerab-replications:completed'));
}

describe.skipIf(skip)('replications on a Redis queue', () => {
  let local = '';
  let localCsv = '';
  let localEvents = '';
  /** The long local run goes on while the first tests (which need no worker) run. */
  let localLong: Promise<string>;

  beforeAll(async () => {
    if (!hasRedis) throw new Error('redis-server is missing: the queue tests need it under CI (.ci/run installs it)');
    if (!existsSync(join(root, 'dist/run/queue/processor.js'))) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
    const started = await startRedis(PASSWORD);
    port = started.port;
    redis = started.server;
    url = `redis://:${PASSWORD}@127.0.0.1:${port}/0`;
    // The local references, on this machine's threads.
    localLong = finished(cli([...LONG, '--workers', '2'])).then((long) => {
      expect(long.status, long.stderr).toBe(0);
      return long.stdout;
    });
    const short = await finished(cli([...SHORT, '--csv', join(dir, 'local.csv'), '--events', join(dir, 'local.ndjson')]));
    expect(short.status, short.stderr).toBe(0);
    local = short.stdout;
    localCsv = readFileSync(join(dir, 'local.csv'), 'utf8');
    localEvents = readFileSync(join(dir, 'local.ndjson'), 'utf8');
  });

  afterAll(async () => {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  });

  test('Redis unreachable: exit 2 before any work, with a message that hides the password', async () => {
    const closed = await freePort();
    const [given, fromEnvironment] = await Promise.all([
      finished(cli([...SHORT, '--queue', `redis://:${PASSWORD}@127.0.0.1:${closed}/0`])),
      finished(cli(['worker', '--queue'], { REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:${closed}` })),
    ]);
    expect(given.status).toBe(2);
    expect(given.stderr).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${closed}/0: connect ECONNREFUSED`);
    expect(given.stdout).toBe('');
    expect(fromEnvironment.status).toBe(2);
    expect(fromEnvironment.stderr).toContain(`cannot reach Redis at redis://:***@127.0.0.1:${closed}/0`);
  });

  test('Ctrl-C removes the jobs the run queued', async () => {
    const run = cli([...SHORT, '--queue'], { REDIS_URL: url });
    await run.waitFor(/no worker is listening/);
    await expect.poll(jobKeys).toHaveLength(4);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(await jobKeys()).toEqual([]);
  });

  test('a worker on other code refuses the jobs, naming both versions, and the command gets the error once', async () => {
    const other = join(dir, 'other-build');
    cpSync(join(root, 'dist'), join(other, 'dist'), { recursive: true });
    cpSync(join(root, 'bin'), join(other, 'bin'), { recursive: true });
    cpSync(join(root, 'package.json'), join(other, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(other, 'node_modules'));
    appendFileSync(join(other, 'dist/model/params.js'), '\n// a change the hash must see\n');
    const stale = await worker(other);
    const run = await finished(cli([...SHORT, '--queue'], { REDIS_URL: url }));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const refusal = /refused: this worker runs khunjerab [\d.]+, code ([0-9a-f]{12}), on [^;]+; the job comes from khunjerab [\d.]+, code ([0-9a-f]{12}), on .+: run the same build on both/.exec(run.stderr);
    expect(refusal, run.stderr).not.toBeNull();
    expect(refusal?.[1]).not.toBe(refusal?.[2]);
    expect(run.stderr.match(/failed on a worker/g)).toHaveLength(1);
    // Its other jobs no longer wait (one the stale worker already held may stay, failed, until it expires).
    expect(await waitingJobs()).toBe(0);
    stale.child.kill('SIGTERM');
    expect(await stale.exited).toBe(0);
  });

  describe('with two workers', () => {
    let first: Started;
    let second: Started;

    beforeAll(async () => {
      [first, second] = await Promise.all([worker(), worker()]);
    });

    test('a queued compare prints the bytes of the local run, and writes the same CSV rows and events', async () => {
      const run = await finished(cli([...SHORT, '--csv', join(dir, 'queued.csv'), '--events', join(dir, 'queued.ndjson'), '--queue'], { REDIS_URL: url }));
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(local);
      expect(readFileSync(join(dir, 'queued.csv'), 'utf8')).toBe(localCsv);
      expect(readFileSync(join(dir, 'queued.ndjson'), 'utf8')).toBe(localEvents);
      // Both workers took jobs, and the finished jobs were removed.
      expect(first.stderr()).toMatch(/#\d: done/);
      expect(second.stderr()).toMatch(/#\d: done/);
      expect(await completedJobs()).toBe(0);
    });

    test('one worker killed mid-job, another stopped by SIGTERM: the killed job runs again, the other finishes, same bytes', async () => {
      const marks = [first.stderr().length, second.stderr().length];
      const run = cli([...LONG, '--queue'], { REDIS_URL: url });
      await Promise.all([first.waitFor(/#\d: started/, 30_000, marks[0]), second.waitFor(/#\d: started/, 30_000, marks[1])]);
      first.child.kill('SIGKILL');
      second.child.kill('SIGTERM');
      // A worker to take the killed one's job once its lock lapses.
      const third = await worker();
      // SIGTERM: the job in hand is finished and delivered, then the worker exits 0.
      expect(await second.exited).toBe(0);
      const stopped = second.stderr().slice(marks[1]);
      expect(stopped).toMatch(/SIGTERM: finishing the job in hand[^]*#\d: done after [\d.]+ s[^]*stopped/);
      // kill -9: the lock lapses, the job goes back on the queue, the third worker runs it.
      const result = await finished(run);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe(await localLong);
      expect(result.stderr.match(/its worker stopped answering; the job goes back on the queue for another/g)).toHaveLength(1);
      const killed = /#(\d): started/.exec(first.stderr().slice(marks[0]))?.[1];
      expect(third.stderr()).toContain(`#${killed}: done`);
      // The job SIGTERM let finish took longer than the lock, and still ran once: its lock was renewed.
      const kept = /#(\d): done after ([\d.]+) s/.exec(stopped);
      expect(Number(kept?.[2])).toBeGreaterThan(1);
      expect(third.stderr()).not.toContain(`#${kept?.[1]}: started`);
      first = third;
    });

    test('Redis lost mid-run: exit 1 with a clear error within 10 s, and no report', async () => {
      const from = first.stderr().length;
      const run = cli([...LONG, '--queue'], { REDIS_URL: url });
      await first.waitFor(/#\d: started/, 30_000, from);
      const lostAt = Date.now();
      redis?.child.kill('SIGKILL');
      const result = await finished(run);
      expect(Date.now() - lostAt).toBeLessThan(13_000);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`lost Redis at redis://:***@127.0.0.1:${port}/0: no answer for 10 s, so the run stops here without a report`);
    });
  });

  test('the password appears in no output of any process', () => {
    for (const started of outputs) {
      expect(started.stdout()).not.toContain(PASSWORD);
      expect(started.stderr()).not.toContain(PASSWORD);
    }
  });
});
