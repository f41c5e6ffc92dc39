import { afterEach, describe, expect, test } from 'vitest';
import { redisTargetOf } from '../../src/cli/queueOption.js';
import { parseRedisUrl } from '../../src/run/queue/redisUrl.js';

describe('the --queue URL', () => {
  const saved = process.env.REDIS_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = saved;
  });

  test.each([
    ['redis://127.0.0.1:6400', { host: '127.0.0.1', port: 6400, db: 0, tls: false, shown: 'redis://127.0.0.1:6400/0' }],
    ['redis://queue-host/3', { host: 'queue-host', port: 6379, db: 3, tls: false, shown: 'redis://queue-host:6379/3' }],
    ['rediss://:s3cr%40t@h:6380/1', { host: 'h', port: 6380, db: 1, password: 's3cr@t', tls: true, shown: 'rediss://:***@h:6380/1' }],
    ['redis://ops:pw@[::1]:7000', { host: '::1', port: 7000, db: 0, username: 'ops', password: 'pw', tls: false, shown: 'redis://ops:***@[::1]:7000/0' }],
  ])('%s', (text, expected) => {
    const parsed = parseRedisUrl(text);
    expect(parsed.ok && parsed.target).toMatchObject(expected);
  });

  test.each([
    ['http://user:hunter2@h', 'expected a redis://HOST:PORT[/DB] URL, got something else'],
    ['redis://:hunter2@h/db', 'database must be a number'],
    ['redis://:hunter2@h:1/0?timeout=3', 'takes no ?query'],
    ['scenarios/winter-2025.yaml', 'put --queue after the files'],
  ])('%s is refused without echoing it', (text, message) => {
    const parsed = parseRedisUrl(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain(message);
    expect(parsed.message).not.toContain('hunter2');
  });

  test('a bare --queue takes REDIS_URL, and says so when it is missing or wrong', () => {
    process.env.REDIS_URL = 'redis://:hunter2@env-host:6390/2';
    expect(redisTargetOf('REDIS_URL')).toMatchObject({ host: 'env-host', port: 6390, db: 2, shown: 'redis://:***@env-host:6390/2' });
    process.env.REDIS_URL = 'env-host:6390';
    expect(() => redisTargetOf('REDIS_URL')).toThrow('--queue (from REDIS_URL): expected a redis://');
    delete process.env.REDIS_URL;
    expect(() => redisTargetOf('REDIS_URL')).toThrow('--queue needs a Redis URL (redis://HOST:PORT[/DB]), or REDIS_URL in the environment');
  });
});
