import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { khunjerab } from './support.js';

/** The rows a scenario file claims (observed.claims), read from its text. */
function claimsOf(file: string): string[] {
  const match = /observed:\s*\n\s+claims:\s*\[([^\]]*)\]/.exec(readFileSync(`scenarios/${file}`, 'utf8'));
  return match === null ? [] : match[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
}

describe('the bundled scenarios are calibrated to the observed rows they claim', () => {
  test.each(['summer-2025.yaml', 'winter-2025.yaml'])('khunjerab calibrate %s exits 0 and every claimed row passes', (file) => {
    const result = khunjerab(['calibrate', `scenarios/${file}`, '--replications', '20', '--workers', '2']);
    expect(result.status, result.stderr).toBe(0);
    const claims = claimsOf(file);
    expect(claims).toContain('O2');
    for (const id of ['O3', 'O4', 'O5']) expect(claims).toContain(id);
    for (const id of claims) expect(result.stdout).toMatch(new RegExp(`│ ${id} \\*\\s*│[^\\n]*│ pass\\s+│`));
  });

  test('a scenario comment that says a figure is checked names rows that a bundled scenario claims', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    const claimed = new Set(files.flatMap(claimsOf));
    const cited: string[] = [];
    for (const file of files) {
      for (const line of readFileSync(`scenarios/${file}`, 'utf8').split('\n')) {
        const comment = line.includes('#') ? line.slice(line.indexOf('#')) : '';
        if (!/checked every run/.test(comment)) continue;
        const next = comment.match(/\bO\d+\b/g) ?? [];
        cited.push(...next);
      }
    }
    // Comments carry on to the next line; the IDs may sit there.
    for (const file of files) {
      const text = readFileSync(`scenarios/${file}`, 'utf8');
      for (const m of text.matchAll(/checked every run:[^\n]*\n?[^\n]*?(O\d+)/g)) cited.push(m[1]);
    }
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) expect(claimed, `${id} is cited as checked but no scenario claims it`).toContain(id);
  });
});
