import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** `scripts/build.mjs --if-stale`, what `npm start` and `npm run bench` build with. */
describe('the build step of npm start', () => {
  const build = (): number | null => spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'ignore', timeout: 120_000 }).status;

  it('leaves a current build alone, and builds again when what it was built from is not what is there', () => {
    if (!existsSync('dist/.build-hash')) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
    expect(build()).toBe(0); // current from here on, whatever was edited since `npm test` built
    const stamp = readFileSync('dist/.build-hash', 'utf8');
    const written = statSync('dist/.build-hash').mtimeMs;
    expect(build()).toBe(0);
    expect(statSync('dist/.build-hash').mtimeMs).toBe(written);
    writeFileSync('dist/.build-hash', 'built from something else');
    expect(build()).toBe(0);
    expect(readFileSync('dist/.build-hash', 'utf8')).toBe(stamp);
  });
});
