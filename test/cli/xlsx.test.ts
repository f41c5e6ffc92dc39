import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { metricLabel } from '../../src/cli/render/labels.js';
import type { CapacityStudy, Difference, PrecisionOutcome, ScenarioReport, SensitivityReport, SweepReport } from '../../src/run/index.js';
import { khunjerab } from './support.js';

/**
 * `--xlsx FILE` read back with exceljs: every cell of every table sheet equals the figure
 * --json prints in the same run (and the Containers sheet the --csv rows), the same command
 * writes the same bytes, and a bad path is refused before anything runs.
 */
const dir = mkdtempSync(join(tmpdir(), 'khunjerab-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = string | number | boolean | null;
type Report = ScenarioReport;
type Column<T> = readonly [string, (item: T) => unknown];

async function readBook(path: string): Promise<Map<string, Cell[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheets = new Map<string, Cell[][]>();
  for (const sheet of book.worksheets) {
    const width = sheet.getRow(1).cellCount;
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(Array.from({ length: width }, (_, i) => {
        const value = row.getCell(i + 1).value;
        return value === undefined ? null : (value as Cell);
      }));
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** The sheet's rows as the test expects them: the header, then one row per item, each cell from the JSON (null and empty text are an empty cell). */
function expectSheet<T>(book: Map<string, Cell[][]>, name: string, columns: ReadonlyArray<Column<T>>, items: readonly T[]): void {
  const rows = book.get(name);
  expect(rows, `sheet ${name}`).toBeDefined();
  const [header, ...body] = rows as Cell[][];
  expect(header, `${name} header`).toEqual(columns.map(([h]) => h));
  expect(body.length, `${name} rows`).toBe(items.length);
  items.forEach((item, r) => {
    columns.forEach(([h, pick], c) => {
      const value = pick(item);
      expect(body[r][c], `${name} row ${r + 2}, "${h}"`).toEqual(value === undefined || value === '' ? null : value);
    });
  });
}

const scenarioOf = ({ report }: { readonly report: Report }): string => report.scenario;

function checkReportSheets(book: Map<string, Cell[][]>, reports: readonly Report[]): void {
  type Whole = { readonly report: Report };
  const ci = (label: string, unit: string, pick: (r: Report) => { readonly mean: number; readonly ci95: readonly [number, number] }): Array<Column<Whole>> => [
    [`${label}, mean (${unit})`, ({ report }) => pick(report).mean],
    [`${label}, 95% CI low (${unit})`, ({ report }) => pick(report).ci95[0]],
    [`${label}, 95% CI high (${unit})`, ({ report }) => pick(report).ci95[1]],
  ];
  const times = (label: string, key: 'timeRelease' | 'corridorTime'): Array<Column<Whole>> => [
    ...ci(label, 'h', (r) => r[key]),
    [`${label}, median (h)`, ({ report }) => report[key].median],
    [`${label}, 90th percentile (h)`, ({ report }) => report[key].p90],
    [`${label}, 95th percentile (h)`, ({ report }) => report[key].p95],
  ];
  const each = reports.map((report) => ({ report }));
  expectSheet<Whole>(book, 'Summary', [
    ['Scenario', scenarioOf],
    ['Description', ({ report }) => report.description],
    ['Start (day 1)', ({ report }) => report.start],
    ['Days', ({ report }) => report.days],
    ['Warm-up (days)', ({ report }) => report.warmupDays],
    ['Drain (days)', ({ report }) => report.drainDays],
    ['Seed', ({ report }) => report.seed],
    ['Replications', ({ report }) => report.replications],
    ...ci('Throughput', 'containers/day', (r) => r.throughputPerDay),
    ...times('Time release at Sost', 'timeRelease'),
    ...times('Corridor time', 'corridorTime'),
    ['Arrived at Kashgar (containers per replication)', ({ report }) => report.arrived],
    ['Released at Sost (containers per replication)', ({ report }) => report.released],
    ['Lost (containers per replication)', ({ report }) => report.lost],
    ['Still in the corridor at the end (containers per replication)', ({ report }) => report.inSystemAtEnd],
    ['Entered after the warm-up and released (containers per replication)', ({ report }) => report.completed],
    ['Unfinished after the drain (containers per replication)', ({ report }) => report.unfinishedAfterDrain],
    ['Perishables lost (containers per replication)', ({ report }) => report.perishablesLost],
    ['Stranded at Tashkurgan, mean (containers)', ({ report }) => report.stranded.mean],
    ['Stranded at Tashkurgan, peak (containers)', ({ report }) => report.stranded.peak],
    ['Pass closed (days)', ({ report }) => report.passClosedDays.mean],
    ['Inside the corridor, time-average (containers)', ({ report }) => report.averageInside.corridor],
    ['At Sost, time-average (containers)', ({ report }) => report.averageInside.sost],
  ], each);
  expectSheet<{ report: Report; m: Report['milestones'][number] }>(
    book,
    'Milestones',
    [
      ['Scenario', scenarioOf],
      ['Interval', ({ m }) => m.name],
      ['From', ({ m }) => m.from],
      ['To', ({ m }) => m.to],
      ['Mean (h)', ({ m }) => m.mean],
      ['Median (h)', ({ m }) => m.median],
      ['90th percentile (h)', ({ m }) => m.p90],
    ],
    reports.flatMap((report) => report.milestones.map((m) => ({ report, m }))),
  );
  for (const [sheet, header, key] of [['Channels', 'Channel', 'channels'], ['Cargo', 'Cargo type', 'cargo'], ['GD lodgement', 'GD lodged', 'lodgement']] as const) {
    expectSheet<{ report: Report; name: string; g: { share: number; meanHours: number } }>(
      book,
      sheet,
      [
        ['Scenario', scenarioOf],
        [header, ({ name }) => name],
        ['Share of containers (%)', ({ g }) => g.share],
        ['Mean time release at Sost (h)', ({ g }) => g.meanHours],
      ],
      reports.flatMap((report) => Object.entries(report[key]).map(([name, g]) => ({ report, name, g }))),
    );
  }
  type Group = { readonly share: number; readonly meanHours: number };
  const pattern = <T,>(arrived: (x: T) => Group, released: (x: T) => Group): Array<Column<T>> => [
    ['Arrived at Sost, share (%)', (x) => arrived(x).share],
    ['Arrived at Sost, mean time release (h)', (x) => arrived(x).meanHours],
    ['Gated out, share (%)', (x) => released(x).share],
    ['Gated out, mean time release (h)', (x) => released(x).meanHours],
  ];
  type Weekday = keyof Report['timeReleasePattern']['byArrivalWeekday'];
  expectSheet<{ report: Report; day: Weekday }>(
    book,
    'By weekday',
    [['Scenario', scenarioOf], ['Weekday (PKT)', ({ day }) => day], ...pattern<{ report: Report; day: Weekday }>(({ report, day }) => report.timeReleasePattern.byArrivalWeekday[day], ({ report, day }) => report.timeReleasePattern.byReleaseWeekday[day])],
    reports.flatMap((report) => (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ report, day }))),
  );
  expectSheet<{ report: Report; hour: number }>(
    book,
    'By hour',
    [['Scenario', scenarioOf], ['Hour (PKT)', ({ hour }) => hour], ...pattern<{ report: Report; hour: number }>(({ report, hour }) => report.timeReleasePattern.byArrivalHour[hour], ({ report, hour }) => report.timeReleasePattern.byReleaseHour[hour])],
    reports.flatMap((report) => Array.from({ length: 24 }, (_, hour) => ({ report, hour }))),
  );
  expectSheet<{ report: Report; cause: string; days: number }>(
    book,
    'Closures',
    [['Scenario', scenarioOf], ['Cause', ({ cause }) => cause], ['Days closed (days per replication)', ({ days }) => days]],
    reports.flatMap((report) => [...Object.entries(report.passClosedDays.byCause).map(([cause, days]) => ({ report, cause, days })), { report, cause: 'total', days: report.passClosedDays.mean }]),
  );
  expectSheet<{ report: Report; res: Report['resources'][number] }>(
    book,
    'Resources',
    [
      ['Scenario', scenarioOf],
      ['Resource', ({ res }) => res.name],
      ['Utilisation (%)', ({ res }) => res.utilization],
      ['Mean queue (containers)', ({ res }) => res.meanQueue],
      ['Max queue (containers)', ({ res }) => res.maxQueue],
      ['Mean wait (h)', ({ res }) => res.meanWaitHours],
      ['Max wait (h)', ({ res }) => res.maxWaitHours],
      ['Joined the queue (jobs per replication)', ({ res }) => res.arrivals],
      ['Served (jobs per replication)', ({ res }) => res.served],
    ],
    reports.flatMap((report) => report.resources.map((res) => ({ report, res }))),
  );
  expectSheet<{ report: Report; row: Report['observed'][number] }>(
    book,
    'Observed',
    [
      ['Scenario', scenarioOf],
      ['ID', ({ row }) => row.id],
      ['Claimed', ({ row }) => row.claimed],
      ['Observed figure', ({ row }) => row.figure],
      ['Unit', ({ row }) => row.unit],
      ['Calendar', ({ row }) => row.calendar ?? null],
      ['Input check', ({ row }) => row.input],
      ['Model, mean (unit)', ({ row }) => row.model.mean],
      ['Model, 95% CI low (unit)', ({ row }) => row.model.ci95[0]],
      ['Model, 95% CI high (unit)', ({ row }) => row.model.ci95[1]],
      ['Replications measured', ({ row }) => row.model.replications],
      ['Band, at least (unit)', ({ row }) => row.band.atLeast ?? null],
      ['Band, at most (unit)', ({ row }) => row.band.atMost ?? null],
      ['Verdict', ({ row }) => row.verdict],
      ['Conflicts with', ({ row }) => row.conflictsWith.join(', ')],
      ['Source', ({ row }) => row.source],
    ],
    reports.flatMap((report) => report.observed.map((row) => ({ report, row }))),
  );
  type Day = { report: Report; day: number };
  const level = (label: string, key: 'corridor' | 'sost' | 'stranded'): Array<Column<Day>> =>
    (['mean', 'p90', 'max'] as const).map((stat): Column<Day> => [`${label}, ${stat} (containers)`, ({ report, day }) => report.series[key][stat][day]]);
  expectSheet<Day>(
    book,
    'Daily',
    [
      ['Scenario', scenarioOf],
      ['Day (1 = start date)', ({ day }) => day + 1],
      ['Date (PKT)', ({ report, day }) => new Date(Date.parse(`${report.start}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10)],
      ['Released at Sost (containers)', ({ report, day }) => report.releasedPerDay[day]],
      ...level('Inside the corridor', 'corridor'),
      ...level('At Sost', 'sost'),
      ...level('Stranded at Tashkurgan', 'stranded'),
      ['Backlog age (h)', ({ report }) => report.series.backlog.ageHours],
      ['Older than the backlog age at day end (containers)', ({ report, day }) => report.series.backlog.atEndOfDay[day]],
    ],
    reports.flatMap((report) => report.releasedPerDay.map((_, day) => ({ report, day }))),
  );
  expectSheet<{ report: Report; i: number }>(
    book,
    'Time release histogram',
    [
      ['Scenario', scenarioOf],
      ['From (h)', ({ report, i }) => i * report.timeReleaseHistogram.width],
      ['To, below (h)', ({ report, i }) => (i === report.timeReleaseHistogram.counts.length - 1 ? null : (i + 1) * report.timeReleaseHistogram.width)],
      ['Containers per replication', ({ report, i }) => report.timeReleaseHistogram.counts[i]],
    ],
    reports.flatMap((report) => report.timeReleaseHistogram.counts.map((_, i) => ({ report, i }))),
  );
}

/** The About sheet as item → value. */
function about(book: Map<string, Cell[][]>): Map<string, Cell> {
  return new Map((book.get('About') ?? []).slice(1).map(([item, value]) => [String(item), value]));
}

describe('--xlsx on compare: every cell is the figure --json prints', () => {
  const csv = join(dir, 'compare.csv');
  const xlsx = join(dir, 'compare.xlsx');
  const args = ['compare', 'scenarios/summer-2025.yaml', resolve('scenarios/winter-2025.yaml'), '--days', '14', '--replications', '3', '--seed', '9', '--workers', '2'];
  const result = khunjerab([...args, '--json', '--csv', csv, '--xlsx', xlsx]);

  test('the report sheets, the paired differences and the About sheet', async () => {
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { scenarios: Report[]; differences: Difference[] };
    const book = await readBook(xlsx);
    expect([...book.keys()]).toEqual([
      'About', 'Summary', 'Milestones', 'Channels', 'Cargo', 'GD lodgement', 'By weekday', 'By hour', 'Closures', 'Resources', 'Observed', 'Daily', 'Time release histogram', 'Differences', 'Containers',
    ]);
    checkReportSheets(book, json.scenarios);
    expectSheet<Difference>(
      book,
      'Differences',
      [
        ['Scenario', (d) => d.scenario],
        ['Baseline', (d) => d.baseline],
        ['Metric', (d) => d.metric],
        ['What (unit)', (d) => metricLabel(d.metric, d.unit)],
        ['Difference, mean (metric unit)', (d) => d.difference],
        ['Difference, 95% CI low (metric unit)', (d) => d.ci95[0]],
        ['Difference, 95% CI high (metric unit)', (d) => d.ci95[1]],
        ['CI excludes 0', (d) => d.significant],
      ],
      json.differences,
    );
    const facts = about(book);
    expect(facts.get('Command')).toBe('npx khunjerab compare scenarios/summer-2025.yaml scenarios/winter-2025.yaml --days 14 --replications 3 --seed 9 --xlsx compare.xlsx');
    expect(facts.get('Scenario 1 (baseline)')).toMatch(/^summer-2025, scenarios\/summer-2025\.yaml: /);
    expect(facts.get('Scenario 2')).toMatch(/^winter-2025, scenarios\/winter-2025\.yaml: /);
    expect(facts.get('Seed')).toBe('9');
    expect(facts.get('Replications')).toBe('3 per scenario');
    expect(facts.get('Common random numbers')).toMatch(/replication i of every scenario shares the arrival, cargo and weather streams/);
    expect(facts.get('Days and times')).toMatch(/^Day 1 is the scenario's start date/);
    expect([...facts.values()].join('\n')).not.toContain(process.cwd());
  });

  test('the Containers sheet holds every --csv row, numbers as numbers', async () => {
    const book = await readBook(xlsx);
    const lines = readFileSync(csv, 'utf8').trim().split('\n').map((l) => l.split(','));
    const sheet = book.get('Containers') as Cell[][];
    expect(sheet.length).toBe(lines.length);
    expect(sheet[0]).toEqual(lines[0]);
    const text = new Set(['scenario', 'cargo', 'channel', 'outcome']);
    lines.slice(1).forEach((line, r) => {
      expect(sheet[r + 1], `row ${r + 2}`).toEqual(line.map((cell, c) => (text.has(lines[0][c]) ? cell : cell === '' ? null : Number(cell))));
    });
    expect(about(book).get('Containers')).toBe(`Sheet "Containers": all ${(lines.length - 1).toLocaleString('en-US')} rows, one per container per replication, as --csv writes them.`);
  });
});

describe('--xlsx on run', () => {
  test('the same seed writes the same bytes, two seconds and more apart (zip times have 2-second steps)', async () => {
    const [first, second] = [join(dir, 'a'), join(dir, 'b')];
    mkdirSync(first);
    mkdirSync(second);
    const args = ['run', 'scenarios/winter-2025.yaml', '--days', '10', '--replications', '2', '--seed', '3'];
    const one = khunjerab([...args, '--xlsx', join(first, 'report.xlsx')]);
    await new Promise((done) => setTimeout(done, 2100));
    const two = khunjerab([...args, '--xlsx', join(second, 'report.xlsx'), '--workers', '1']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(readFileSync(join(first, 'report.xlsx')).equals(readFileSync(join(second, 'report.xlsx')))).toBe(true);
    expect(readdirSync(first)).toEqual(['report.xlsx']);
  });

  test('with --precision the report sheets are there, the container rows are not, and About says why', async () => {
    const xlsx = join(dir, 'precision.xlsx');
    const result = khunjerab(['run', 'scenarios/winter-2025.yaml', '--days', '10', '--seed', '3', '--precision', '50%', '--replications', '2', '--max-replications', '4', '--json', '--xlsx', xlsx]);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Report & { precision: PrecisionOutcome };
    const book = await readBook(xlsx);
    checkReportSheets(book, [json]);
    expect(book.has('Containers')).toBe(false);
    expect(book.get('Precision')?.[1]).toEqual([json.precision.checks[0].subject, json.precision.checks[0].mean, json.precision.checks[0].halfWidth, json.precision.checks[0].allowed, json.precision.checks[0].met]);
    expect(about(book).get('Containers')).toMatch(/^Not included: under --precision/);
  });
});

describe('--xlsx on the analysis commands', () => {
  test('capacity: a row per scenario and every probe', async () => {
    const xlsx = join(dir, 'capacity.xlsx');
    const result = khunjerab(['capacity', 'scenarios/winter-2025.yaml', '--days', '14', '--replications', '2', '--steps', '1', '--resamples', '20', '--ceiling', '3', '--seed', '5', '--json', '--xlsx', xlsx]);
    expect(result.status, result.stderr).toBe(0);
    const study = JSON.parse(result.stdout) as CapacityStudy;
    const book = await readBook(xlsx);
    const [s] = study.scenarios;
    const capacity = book.get('Capacity') as Cell[][];
    expect(capacity[1]).toEqual([
      s.scenario, s.description, s.demandPerDay, s.metric, s.lightTraffic.demandPerDay, s.lightTraffic.value, s.allowed,
      s.capacity.vehiclesPerDay, s.capacity.ci95[0], s.capacity.ci95[1], s.capacity.multiplier, s.capacity.censored,
      s.saturation.demandPerDay, s.saturation.throughputPerDay.mean, s.saturation.throughputPerDay.ci95[0], s.saturation.throughputPerDay.ci95[1], s.saturation.saturated,
      s.bottleneck?.busiest.name ?? null, s.bottleneck?.busiest.utilization ?? null, s.bottleneck?.mostWaiting.name ?? null, s.bottleneck?.mostWaiting.share ?? null, s.bottleneck?.mostWaiting.meanQueue ?? null, s.bottleneck?.atDemandPerDay ?? null,
    ]);
    expect((book.get('Probes') as Cell[][]).slice(1)).toEqual(
      s.probes.map((p) => [s.scenario, p.multiplier, p.demandPerDay, s.metric, p.value, p.holds, p.throughputPerDay.mean, p.throughputPerDay.ci95[0], p.throughputPerDay.ci95[1], p.unfinished]),
    );
    expect(about(book).get('Limit')).toMatch(/^corridorTime\.median<=\+24h/);
  });

  test('sensitivity: the factors, the metrics and every effect', async () => {
    const xlsx = join(dir, 'sensitivity.xlsx');
    const result = khunjerab(['sensitivity', 'scenarios/winter-2025.yaml', '--factor', 'sost.examBays=4..8', '--factor', 'heating.sostHeated=false..true', '--days', '14', '--replications', '2', '--seed', '4', '--json', '--xlsx', xlsx]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as SensitivityReport;
    if (report.method !== 'oat') throw new Error('expected one factor at a time');
    const book = await readBook(xlsx);
    expect((book.get('Factors') as Cell[][]).slice(1)).toEqual(report.factors.map((f) => [f.label, f.path, f.low, f.high, f.scale]));
    expect((book.get('Metrics') as Cell[][]).slice(1)).toEqual(report.metrics.map((m) => [m.name, m.unit, m.what]));
    expect((book.get('Effects') as Cell[][]).slice(1)).toEqual(
      report.ranking.flatMap((f) => f.effects.map((e) => [f.rank, f.factor, e.metric, e.unit, e.atLow, e.atHigh, e.effect, e.ci95[0], e.ci95[1], e.significant, e.pairs])),
    );
  });

  test('sweep: one row per point with each metric\'s mean, CI and pooled value', async () => {
    const xlsx = join(dir, 'sweep.xlsx');
    const result = khunjerab(['sweep', 'scenarios/winter-2025.yaml', '--vary', 'sost.examBays=4,8', '--vary', 'heating.sostHeated=false,true', '--days', '14', '--replications', '2', '--seed', '7', '--json', '--xlsx', xlsx]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as SweepReport;
    const book = await readBook(xlsx);
    const points = book.get('Points') as Cell[][];
    expect(points[0].slice(0, 4)).toEqual(['Point', 'sost.examBays', 'heating.sostHeated', 'timeRelease.mean, mean (h)']);
    expect(points.slice(1)).toEqual(
      report.points.map((p) => [
        p.point,
        p.values['sost.examBays'],
        p.values['heating.sostHeated'],
        ...report.metrics.flatMap((m) => [p.metrics[m.name].mean, p.metrics[m.name].ci95?.[0] ?? null, p.metrics[m.name].ci95?.[1] ?? null, p.metrics[m.name].pooled]),
        p.set.join(' '),
      ]),
    );
  });

  test('a --xlsx into a folder that does not exist, or onto a scenario, exits 2 before anything runs', () => {
    const missing = join(dir, 'missing', 'out.xlsx');
    const commands = [
      ['run', 'scenarios/winter-2025.yaml', '--replications', '1000'],
      ['compare', 'scenarios/summer-2025.yaml', 'scenarios/winter-2025.yaml', '--replications', '1000'],
      ['capacity', 'scenarios/winter-2025.yaml', '--replications', '1000'],
      ['sensitivity', 'studies/winter-investment.yaml', '--replications', '1000'],
      ['sweep', 'scenarios/winter-2025.yaml', '--vary', 'sost.examBays=4,8', '--replications', '1000'],
    ];
    for (const command of commands) {
      const started = Date.now();
      const result = khunjerab([...command, '--xlsx', missing]);
      expect(result.status, command.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--xlsx .*out\.xlsx: the folder .* does not exist or cannot be written/);
      expect(result.stdout).toBe('');
      // A thousand replications would take minutes: refusing takes no run at all.
      expect(Date.now() - started).toBeLessThan(20_000);
    }
    const onScenario = khunjerab(['run', 'scenarios/winter-2025.yaml', '--xlsx', 'scenarios/winter-2025.yaml']);
    expect(onScenario.status).toBe(2);
    expect(onScenario.stderr).toMatch(/--xlsx scenarios\/winter-2025\.yaml: is a scenario being read/);
  });
});
