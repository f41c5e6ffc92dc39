import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { khunjerab } from './support.js';

test('a scenario with scheduled what-ifs shows them in the report header, the JSON and the event log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khunjerab-whatifs-'));
  const events = join(dir, 'events.ndjson');
  const args = ['run', 'scenarios/winter-2025-blockade.yaml', '--days', '21', '--replications', '2', '--workers', '1', '--seed', '5'];
  const json = khunjerab([...args, '--json', '--events', events]);
  expect(json.status, json.stderr).toBe(0);
  expect(JSON.parse(json.stdout).whatIfs).toEqual([
    { at: '2025-12-10 08:00', kind: 'closePass', what: 'pass closed for 7 days' },
    { at: '2025-12-18 09:00', kind: 'webocOutage', what: 'WeBOC outage (12 h)' },
  ]);
  const lines = readFileSync(events, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { replication: number; t: number; machine: string; event: string });
  const whatIfs = lines.filter((l) => l.machine === 'what-if').map((l) => `${l.replication} ${l.t} ${l.event}`);
  expect(whatIfs).toEqual(['0 224 closePass', '0 417 webocOutage', '1 224 closePass', '1 417 webocOutage']);

  const text = khunjerab(args);
  expect(text.stdout.replace(/\s+/g, ' ')).toContain('What-ifs 2025-12-10 08:00 PKT pass closed for 7 days; 2025-12-18 09:00 PKT WeBOC outage (12 h)');
});

test('shortening the horizon so that a scheduled what-if falls outside it is a usage error', () => {
  const result = khunjerab(['run', 'scenarios/winter-2025-blockade.yaml', '--days', '9', '--replications', '1']);
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/whatIfs\[0\].*outside the horizon/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
