import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/run/workerPool.js';

const dir = mkdtempSync(join(tmpdir(), 'khunjerab-pool-'));
const echo = join(dir, 'echo.mjs');
writeFileSync(echo, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => m === 'die' ? process.exit(3) : parentPort.postMessage(m));\n");

const reply = (worker: import('node:worker_threads').Worker, message: string): Promise<unknown> =>
  new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(message);
  });

describe('the worker pool', () => {
  it('hands the same threads to the next batch, and never one that has ended', async () => {
    const pool = new WorkerPool(pathToFileURL(echo));
    const first = pool.take(2);
    expect(await Promise.all(first.map((w) => reply(w, 'hello')))).toEqual(['hello', 'hello']);
    pool.give(first);
    const second = pool.take(2);
    expect(second).toEqual(first);
    const ended = new Promise((resolve) => second[0].once('exit', resolve));
    second[0].postMessage('die');
    pool.give(second);
    await ended;
    const third = pool.take(2);
    expect(third).toContain(second[1]);
    expect(third).not.toContain(second[0]);
    expect(await Promise.all(third.map((w) => reply(w, 'again')))).toEqual(['again', 'again']);
    await Promise.all(third.map((w) => w.terminate()));
  });

  it('idle threads do not keep the process alive', () => {
    const script = `
      const { WorkerPool } = await import(${JSON.stringify(pathToFileURL(join(process.cwd(), 'dist/run/workerPool.js')).href)});
      const pool = new WorkerPool(new URL(${JSON.stringify(pathToFileURL(echo).href)}));
      const workers = pool.take(2);
      await Promise.all(workers.map((w) => new Promise((r) => { w.once('message', r); w.postMessage('x'); })));
      pool.give(workers);
      console.log('given');`;
    const parent = join(dir, 'parent.mjs');
    writeFileSync(parent, script);
    const result = spawnSync(process.execPath, [parent], { encoding: 'utf8', timeout: 20_000 });
    expect(result.error).toBeUndefined();
    expect(result.stdout.trim()).toBe('given');
    expect(result.status).toBe(0);
  });
});
