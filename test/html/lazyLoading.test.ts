import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from 'vitest';

/**
 * Vega and the HTML renderer load only when `--html` asks for a page: no module that the CLI
 * loads before it runs a command's action, and no module a command loads for its report
 * without `--html`, imports them statically. (Dynamic `import()` is how they are reached.)
 */
const DIST = resolve('dist');

/** The relative modules `file` imports statically, and the packages. */
function staticImports(file: string): { modules: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
  return {
    modules: specifiers.filter((s) => s.startsWith('.')).map((s) => join(dirname(file), s)),
    packages: specifiers.filter((s) => !s.startsWith('.')),
  };
}

function packagesReachedFrom(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const found = staticImports(file);
    found.packages.forEach((p) => packages.add(p));
    found.modules.forEach(visit);
  };
  visit(entry);
  return { files, packages };
}

test.each(['cli/main.js', 'cli/commands/simulate.js', 'cli/commands/capacity.js', 'cli/commands/sensitivity.js', 'cli/commands/sweep.js'])('%s does not load Vega or the HTML renderer until --html asks', (entry) => {
  const path = join(DIST, entry);
  if (!existsSync(path)) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
  const { files, packages } = packagesReachedFrom(path);
  expect([...packages].filter((p) => p.startsWith('vega'))).toEqual([]);
  expect([...files].filter((f) => f.includes(`${join(DIST, 'cli', 'html')}`))).toEqual([]);
  expect(files.size).toBeGreaterThan(1);
});

// A replication thread needs the model and its statistics only: the scenario's parser and
// validator (yaml, zod) cost a worker about a tenth of a second each time one starts.
test('a replication worker thread loads neither the YAML parser nor the schema validator', () => {
  const path = join(DIST, 'run/replicationWorker.js');
  if (!existsSync(path)) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
  const { files, packages } = packagesReachedFrom(path);
  expect([...packages].filter((p) => p === 'yaml' || p.startsWith('zod'))).toEqual([]);
  expect([...files].filter((f) => f.includes(join(DIST, 'scenario')))).toEqual([]);
  expect(files.size).toBeGreaterThan(10);
});

// Scenario files loaded cleanly before come from the load cache: run, compare and capacity
// reach the YAML parser and the schema validator only through a dynamic import, on a miss.
test.each(['cli/commands/simulate.js', 'cli/commands/capacity.js'])('%s loads neither the YAML parser nor the schema validator up front', (entry) => {
  const path = join(DIST, entry);
  if (!existsSync(path)) throw new Error('dist/ is missing: `npm test` builds it first (pretest)');
  const { files, packages } = packagesReachedFrom(path);
  expect([...packages].filter((p) => p === 'yaml' || p.startsWith('zod'))).toEqual([]);
  expect(files.size).toBeGreaterThan(10);
});
