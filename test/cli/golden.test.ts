import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { khunjerab } from './support.js';

/**
 * A short run's JSON, pinned. A speed-up must not change behaviour; when a change is meant to
 * (say it reorders random draws), regenerate the copy on purpose and say why in the commit:
 *   node bin/khunjerab.js run scenarios/winter-2025.yaml --days 14 --replications 2 --seed 11 --json --workers 1 \
 *     > test/golden/winter-2025-14d-seed11.json
 */
test('a short winter run gives exactly the stored JSON', () => {
  const result = khunjerab(['run', 'scenarios/winter-2025.yaml', '--days', '14', '--replications', '2', '--seed', '11', '--json', '--workers', '1']);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toBe(readFileSync('test/golden/winter-2025-14d-seed11.json', 'utf8'));
});
