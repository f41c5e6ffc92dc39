import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { khunjerab } from '../cli/support.js';
import { decode, removeTemporaryFolders, temporaryFolder } from './support.js';

/** The HTML page is an output file like the others: reproducible, checked before the run, written whole. */
afterAll(removeTemporaryFolders);

const RUN = ['run', 'scenarios/winter-2025.yaml', '--days', '14', '--replications', '2', '--seed', '11'];

function commandLineIn(html: string): string {
  const match = /<pre class="command"><code>([^<]*)<\/code><\/pre>/.exec(html);
  if (match === null) throw new Error('the page shows no command line');
  return decode(match[1]);
}

describe('the HTML page as an output file', () => {
  test('the same seed gives the same bytes, whatever the number of workers', () => {
    const dir = temporaryFolder();
    const path = join(dir, 'report.html');
    const first = khunjerab([...RUN, '--workers', '2', '--html', path]);
    expect(first.status, first.stderr).toBe(0);
    const bytes = readFileSync(path);
    const second = khunjerab([...RUN, '--workers', '1', '--html', path]);
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.html']);
  }, 120_000);

  test('names no absolute path, even when given absolute paths, and says how to make it again', () => {
    const dir = temporaryFolder();
    const path = join(dir, 'report.html');
    const result = khunjerab(['run', resolve('scenarios/winter-2025.yaml'), '--days', '14', '--replications', '2', '--seed', '11', '--workers', '2', '--csv', join(dir, 'rows.csv'), `--html=${path}`]);
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(path, 'utf8');
    expect(html).not.toContain(dir);
    expect(html).not.toContain(resolve('.'));
    const command = commandLineIn(html);
    expect(command, command).toMatch(/^npx khunjerab run scenarios\/winter-2025\.yaml --days 14 --replications 2 --seed 11 --html report\.html$/);
    expect(command.split(' ').filter((word) => word.startsWith('/'))).toEqual([]);
  }, 120_000);

  test.each([
    ['a folder that does not exist', ['--html', '/no/such/folder/report.html'], /--html \/no\/such\/folder\/report\.html: the folder \/no\/such\/folder does not exist/],
    ['a scenario being read', ['--html', 'scenarios/winter-2025.yaml'], /is a scenario being read/],
    ['the same file as --csv', ['--html', 'same.out', '--csv', 'same.out'], /--html same\.out: is the same file as --csv same\.out/],
  ])('refuses %s with exit 2 before the run', (_, flags, message) => {
    const started = Date.now();
    const result = khunjerab(['run', 'scenarios/winter-2025.yaml', '--replications', '100000', ...flags]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  test.each([
    ['compare', ['compare', 'scenarios/summer-2025.yaml', 'scenarios/winter-2025.yaml', '--replications', '100000']],
    ['sweep', ['sweep', 'scenarios/winter-2025.yaml', '--vary', 'sost.examBays=2,4', '--replications', '5000']],
    ['capacity', ['capacity', 'scenarios/winter-2025.yaml', '--replications', '100000']],
    ['sensitivity', ['sensitivity', 'scenarios/winter-2025.yaml', '--factor', 'sost.examBays=2..6', '--replications', '100000']],
  ])('%s refuses an --html path it cannot write with exit 2 before the run', (_, args) => {
    const result = khunjerab([...args, '--html', '/no/such/folder/report.html']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--html /no/such/folder/report.html');
  }, 60_000);
});
