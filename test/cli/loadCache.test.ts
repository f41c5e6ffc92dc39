import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { khunjerab } from './support.js';

/**
 * The load cache (src/scenario/loadCache.ts) as a user meets it: a second command on the same
 * files gives the same bytes, and an edit anywhere in the `extends` chain is seen at once.
 */
describe('scenarios loaded before', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khunjerab-cache-'));
  const parent = join(dir, 'parent.yaml');
  const child = join(dir, 'child.yaml');
  const winter = resolve('scenarios/winter-2025.yaml');
  const writeParent = (end: string): void => writeFileSync(parent, `extends: ${winter}\nend: ${end}\n`);
  writeFileSync(child, 'extends: parent.yaml\nname: cached-child\n');

  it('a file edited after a clean load is read again, in the file it extends as well', () => {
    writeParent('2026-01-31');
    expect(khunjerab(['validate', child]).stdout).toContain('cached-child: 62 days from 2025-12-01');
    expect(khunjerab(['validate', child]).stdout).toContain('cached-child: 62 days from 2025-12-01');
    writeParent('2026-01-15');
    expect(khunjerab(['validate', child]).stdout).toContain('cached-child: 46 days from 2025-12-01');
    writeParent('2026-01-15x');
    const broken = khunjerab(['validate', child]);
    expect(broken.status).toBe(2);
    expect(broken.stdout + broken.stderr).toMatch(/parent\.yaml:2:\d+ end/);
    writeParent('2026-01-31');
    expect(khunjerab(['validate', child]).stdout).toContain('cached-child: 62 days from 2025-12-01');
  });

  it('a run from the cache gives the same bytes as the run that filled it, and --set is part of what is cached', () => {
    const file = join(dir, `fresh-${process.pid}.yaml`);
    writeFileSync(file, `extends: ${winter}\nseed: 41\n`);
    const args = ['run', file, '--days', '12', '--replications', '1', '--workers', '1', '--json'];
    const first = khunjerab(args);
    const second = khunjerab(args);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const changed = khunjerab([...args, '--set', 'seed=42']);
    expect(JSON.parse(changed.stdout).seed).toBe(42);
    expect(JSON.parse(second.stdout).seed).toBe(41);
  });
});
