/**
 * The tables of `run` and `compare` as sheets: the same ScenarioReport and Difference figures
 * that the terminal report draws and --json prints, one row per scenario and item, in the
 * report's order (milestone intervals in TRS order). Shares are fractions shown as %.
 */
import type { Difference, PrecisionOutcome, ScenarioReport } from '../../run/index.js';
import { dayNumber } from '../../run/dayConvention.js';
import { WEEKDAYS } from '../../run/releasePattern.js';
import { dayDate } from '../render/dates.js';
import { metricLabel } from '../render/labels.js';
import { sheetOf, withCi, type Field } from './fields.js';
import { precisionSheet } from './precisionSheet.js';
import type { Sheet } from './workbook.js';

type Report = ScenarioReport;
type Group = { readonly share: number; readonly meanHours: number };

const scenarioColumn = <T extends { readonly report: Report }>(): Field<T> => ({ header: 'Scenario', width: 24, value: (item) => item.report.scenario });

const PER_REPLICATION = 'containers per replication';

/** Every table of the report, in its order; differences only in a comparison, precision only with --precision. */
export function reportSheets(reports: readonly Report[], differences: readonly Difference[], precision?: PrecisionOutcome): Sheet[] {
  return [
    summarySheet(reports),
    milestoneSheet(reports),
    groupSheet('Channels', 'Time release at Sost by risk channel: share of the containers and mean hours.', 'Channel', reports, (r) => r.channels),
    groupSheet('Cargo', 'Time release at Sost by cargo type: share of the containers and mean hours.', 'Cargo type', reports, (r) => r.cargo),
    groupSheet('GD lodgement', 'Time release at Sost by when the GD was lodged: before arrival (in WeBOC, on the road) or on arrival.', 'GD lodged', reports, (r) => r.lodgement),
    weekdaySheet(reports),
    hourSheet(reports),
    closureSheet(reports),
    resourceSheet(reports),
    observedSheet(reports),
    dailySheet(reports),
    histogramSheet(reports),
    ...(reports.some((r) => r.whatIfs !== undefined) ? [whatIfSheet(reports)] : []),
    ...(differences.length > 0 ? [differenceSheet(differences)] : []),
    ...(precision === undefined ? [] : [precisionSheet(precision)]),
  ];
}

function summarySheet(reports: readonly Report[]): Sheet {
  const count = (header: string, pick: (r: Report) => number): Field<{ report: Report }> => ({ header: `${header} (${PER_REPLICATION})`, format: 'decimal', value: ({ report }) => pick(report) });
  const times = (label: string, pick: (r: Report) => Report['timeRelease']): Array<Field<{ report: Report }>> => [
    ...withCi<{ report: Report }>(label, 'h', ({ report }) => pick(report)),
    { header: `${label}, median (h)`, format: 'decimal', value: ({ report }) => pick(report).median },
    { header: `${label}, 90th percentile (h)`, format: 'decimal', value: ({ report }) => pick(report).p90 },
    { header: `${label}, 95th percentile (h)`, format: 'decimal', value: ({ report }) => pick(report).p95 },
  ];
  const fields: Array<Field<{ report: Report }>> = [
    scenarioColumn(),
    { header: 'Description', width: 40, value: ({ report }) => report.description },
    { header: 'Start (day 1)', width: 12, value: ({ report }) => report.start },
    { header: 'Days', format: 'integer', value: ({ report }) => report.days },
    { header: 'Warm-up (days)', format: 'integer', value: ({ report }) => report.warmupDays },
    { header: 'Drain (days)', format: 'integer', value: ({ report }) => report.drainDays },
    { header: 'Seed', value: ({ report }) => report.seed },
    { header: 'Replications', format: 'integer', value: ({ report }) => report.replications },
    ...withCi<{ report: Report }>('Throughput', 'containers/day', ({ report }) => report.throughputPerDay),
    ...times('Time release at Sost', (r) => r.timeRelease),
    ...times('Corridor time', (r) => r.corridorTime),
    count('Arrived at Kashgar', (r) => r.arrived),
    count('Released at Sost', (r) => r.released),
    count('Lost', (r) => r.lost),
    count('Still in the corridor at the end', (r) => r.inSystemAtEnd),
    count('Entered after the warm-up and released', (r) => r.completed),
    count('Unfinished after the drain', (r) => r.unfinishedAfterDrain),
    count('Perishables lost', (r) => r.perishablesLost),
    { header: 'Stranded at Tashkurgan, mean (containers)', format: 'decimal', value: ({ report }) => report.stranded.mean },
    { header: 'Stranded at Tashkurgan, peak (containers)', format: 'decimal', value: ({ report }) => report.stranded.peak },
    { header: 'Pass closed (days)', format: 'decimal', value: ({ report }) => report.passClosedDays.mean },
    { header: 'Inside the corridor, time-average (containers)', format: 'decimal', value: ({ report }) => report.averageInside.corridor },
    { header: 'At Sost, time-average (containers)', format: 'decimal', value: ({ report }) => report.averageInside.sost },
  ];
  return sheetOf(
    'Summary',
    'One row per scenario: the run, throughput and the time figures with their 95% CIs, counts per replication, stranding and closures.',
    fields,
    reports.map((report) => ({ report })),
  );
}

function milestoneSheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; m: Report['milestones'][number] };
  return sheetOf<Item>(
    'Milestones',
    'The TRS milestone intervals in order, each from one milestone to the next: mean, median and 90th percentile hours.',
    [
      scenarioColumn(),
      { header: 'Interval', width: 26, value: ({ m }) => m.name },
      { header: 'From', width: 26, value: ({ m }) => m.from },
      { header: 'To', width: 26, value: ({ m }) => m.to },
      { header: 'Mean (h)', format: 'decimal', value: ({ m }) => m.mean },
      { header: 'Median (h)', format: 'decimal', value: ({ m }) => m.median },
      { header: '90th percentile (h)', format: 'decimal', value: ({ m }) => m.p90 },
    ],
    reports.flatMap((report) => report.milestones.map((m) => ({ report, m }))),
    2,
  );
}

function groupSheet(name: string, description: string, header: string, reports: readonly Report[], pick: (r: Report) => Readonly<Record<string, Group>>): Sheet {
  type Item = { report: Report; key: string; group: Group };
  return sheetOf<Item>(
    name,
    description,
    [
      scenarioColumn(),
      { header, width: 14, value: ({ key }) => key },
      { header: 'Share of containers (%)', format: 'percent', value: ({ group }) => group.share },
      { header: 'Mean time release at Sost (h)', format: 'decimal', value: ({ group }) => group.meanHours },
    ],
    reports.flatMap((report) => Object.entries(pick(report)).map(([key, group]) => ({ report, key, group }))),
    2,
  );
}

/** Arrivals at Sost and gate-outs side by side: share of the containers and mean time release of each. */
function patternFields<T extends { readonly report: Report }>(arrived: (item: T) => Group, released: (item: T) => Group): Array<Field<T>> {
  return [
    { header: 'Arrived at Sost, share (%)', format: 'percent', value: (item) => arrived(item).share },
    { header: 'Arrived at Sost, mean time release (h)', format: 'decimal', value: (item) => arrived(item).meanHours },
    { header: 'Gated out, share (%)', format: 'percent', value: (item) => released(item).share },
    { header: 'Gated out, mean time release (h)', format: 'decimal', value: (item) => released(item).meanHours },
  ];
}

function weekdaySheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; day: (typeof WEEKDAYS)[number] };
  return sheetOf<Item>(
    'By weekday',
    'Time release at Sost by the PKT weekday of arrival at Sost and of gate-out.',
    [
      scenarioColumn(),
      { header: 'Weekday (PKT)', value: ({ day }) => day },
      ...patternFields<Item>(({ report, day }) => report.timeReleasePattern.byArrivalWeekday[day], ({ report, day }) => report.timeReleasePattern.byReleaseWeekday[day]),
    ],
    reports.flatMap((report) => WEEKDAYS.map((day) => ({ report, day }))),
    2,
  );
}

function hourSheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; hour: number };
  return sheetOf<Item>(
    'By hour',
    'Time release at Sost by the PKT hour of arrival at Sost and of gate-out (hour 0 is 00:00–00:59).',
    [
      scenarioColumn(),
      { header: 'Hour (PKT)', format: 'integer', value: ({ hour }) => hour },
      ...patternFields<Item>(({ report, hour }) => report.timeReleasePattern.byArrivalHour[hour], ({ report, hour }) => report.timeReleasePattern.byReleaseHour[hour]),
    ],
    reports.flatMap((report) => report.timeReleasePattern.byArrivalHour.map((_, hour) => ({ report, hour }))),
    2,
  );
}

function closureSheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; cause: string; days: number };
  return sheetOf<Item>(
    'Closures',
    'Days per replication the crossing was shut after the warm-up, by cause, and their total (24 h of closure count as one day).',
    [scenarioColumn(), { header: 'Cause', width: 14, value: ({ cause }) => cause }, { header: 'Days closed (days per replication)', format: 'decimal', value: ({ days }) => days }],
    reports.flatMap((report) => [
      ...Object.entries(report.passClosedDays.byCause).map(([cause, days]) => ({ report, cause, days })),
      { report, cause: 'total', days: report.passClosedDays.mean },
    ]),
    2,
  );
}

function resourceSheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; res: Report['resources'][number] };
  return sheetOf<Item>(
    'Resources',
    "Each station after the warm-up: utilisation (busy share of staffed hours), the queue (time-average and largest) and the wait (every stretch in the queue); mean queue = jobs per hour × mean wait (Little's law).",
    [
      scenarioColumn(),
      { header: 'Resource', width: 26, value: ({ res }) => res.name },
      { header: 'Utilisation (%)', format: 'percent', value: ({ res }) => res.utilization },
      { header: 'Mean queue (containers)', format: 'decimal', value: ({ res }) => res.meanQueue },
      { header: 'Max queue (containers)', format: 'integer', value: ({ res }) => res.maxQueue },
      { header: 'Mean wait (h)', format: 'decimal', value: ({ res }) => res.meanWaitHours },
      { header: 'Max wait (h)', format: 'decimal', value: ({ res }) => res.maxWaitHours },
      { header: 'Joined the queue (jobs per replication)', format: 'decimal', value: ({ res }) => res.arrivals },
      { header: 'Served (jobs per replication)', format: 'decimal', value: ({ res }) => res.served },
    ],
    reports.flatMap((report) => report.resources.map((res) => ({ report, res }))),
    2,
  );
}

function observedSheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; row: Report['observed'][number] };
  return sheetOf<Item>(
    'Observed',
    'The model against each observed figure: the mean over the replications that measured it, its 95% CI, the band and the verdict (a share is a fraction; see the Unit column).',
    [
      scenarioColumn(),
      { header: 'ID', value: ({ row }) => row.id },
      { header: 'Claimed', value: ({ row }) => row.claimed },
      { header: 'Observed figure', width: 40, value: ({ row }) => row.figure },
      { header: 'Unit', width: 14, value: ({ row }) => row.unit },
      { header: 'Calendar', value: ({ row }) => row.calendar ?? null },
      { header: 'Input check', value: ({ row }) => row.input },
      ...withCi<Item>('Model', 'unit', ({ row }) => row.model),
      { header: 'Replications measured', format: 'integer', value: ({ row }) => row.model.replications },
      { header: 'Band, at least (unit)', format: 'decimal', value: ({ row }) => row.band.atLeast ?? null },
      { header: 'Band, at most (unit)', format: 'decimal', value: ({ row }) => row.band.atMost ?? null },
      { header: 'Verdict', width: 14, value: ({ row }) => row.verdict },
      { header: 'Conflicts with', value: ({ row }) => row.conflictsWith.join(', ') },
      { header: 'Source', width: 40, value: ({ row }) => row.source },
    ],
    reports.flatMap((report) => report.observed.map((row) => ({ report, row }))),
    2,
  );
}

function dailySheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; day: number };
  const level = (label: string, pick: (r: Report) => { readonly mean: readonly number[]; readonly p90: readonly number[]; readonly max: readonly number[] }): Array<Field<Item>> => [
    { header: `${label}, mean (containers)`, format: 'decimal', value: ({ report, day }) => pick(report).mean[day] ?? null },
    { header: `${label}, p90 (containers)`, format: 'decimal', value: ({ report, day }) => pick(report).p90[day] ?? null },
    { header: `${label}, max (containers)`, format: 'decimal', value: ({ report, day }) => pick(report).max[day] ?? null },
  ];
  return sheetOf<Item>(
    'Daily',
    'Day by day, warm-up included, means over replications: containers gated out at Sost, the levels inside the corridor, at Sost and stranded at Tashkurgan (each day\'s time-weighted mean, p90 and max), and the containers inside longer than the backlog age at day end.',
    [
      scenarioColumn(),
      { header: 'Day (1 = start date)', format: 'integer', value: ({ day }) => dayNumber(day) },
      { header: 'Date (PKT)', width: 12, value: ({ report, day }) => dayDate(report.start, day) },
      { header: 'Released at Sost (containers)', format: 'decimal', value: ({ report, day }) => report.releasedPerDay[day] ?? null },
      ...level('Inside the corridor', (r) => r.series.corridor),
      ...level('At Sost', (r) => r.series.sost),
      ...level('Stranded at Tashkurgan', (r) => r.series.stranded),
      { header: 'Backlog age (h)', format: 'decimal', value: ({ report }) => report.series.backlog.ageHours },
      { header: 'Older than the backlog age at day end (containers)', format: 'decimal', value: ({ report, day }) => report.series.backlog.atEndOfDay[day] ?? null },
    ],
    reports.flatMap((report) => report.releasedPerDay.map((_, day) => ({ report, day }))),
    3,
  );
}

function histogramSheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; bucket: number };
  const last = (report: Report, bucket: number): boolean => bucket === report.timeReleaseHistogram.counts.length - 1;
  return sheetOf<Item>(
    'Time release histogram',
    'Containers per replication by hours from arrival at Sost to gate-out, after the warm-up; the last bucket is open above.',
    [
      scenarioColumn(),
      { header: 'From (h)', format: 'decimal', value: ({ report, bucket }) => bucket * report.timeReleaseHistogram.width },
      { header: 'To, below (h)', format: 'decimal', value: ({ report, bucket }) => (last(report, bucket) ? null : (bucket + 1) * report.timeReleaseHistogram.width) },
      { header: 'Containers per replication', format: 'decimal', value: ({ report, bucket }) => report.timeReleaseHistogram.counts[bucket] },
    ],
    reports.flatMap((report) => report.timeReleaseHistogram.counts.map((_, bucket) => ({ report, bucket }))),
  );
}

function whatIfSheet(reports: readonly Report[]): Sheet {
  type Item = { report: Report; w: NonNullable<Report['whatIfs']>[number] };
  return sheetOf<Item>(
    'What-ifs',
    'What-ifs the scenarios schedule in every replication.',
    [scenarioColumn(), { header: 'At (PKT)', width: 18, value: ({ w }) => w.at }, { header: 'Kind', value: ({ w }) => w.kind }, { header: 'What', width: 50, value: ({ w }) => w.what }],
    reports.flatMap((report) => (report.whatIfs ?? []).map((w) => ({ report, w }))),
  );
}

function differenceSheet(differences: readonly Difference[]): Sheet {
  return sheetOf<Difference>(
    'Differences',
    'Each scenario minus the baseline, the mean over paired replications (common random numbers), with its 95% CI; "CI excludes 0" is TRUE when the CI does not contain zero.',
    [
      { header: 'Scenario', width: 24, value: (d) => d.scenario },
      { header: 'Baseline', width: 24, value: (d) => d.baseline },
      { header: 'Metric', width: 20, value: (d) => d.metric },
      { header: 'What (unit)', width: 40, value: (d) => metricLabel(d.metric, d.unit) },
      ...withCi<Difference>('Difference', 'metric unit', (d) => ({ mean: d.difference, ci95: d.ci95 })),
      { header: 'CI excludes 0', value: (d) => d.significant },
    ],
    differences,
  );
}

/** The run's facts for the About sheet: each scenario, its file and its horizon. */
export function scenarioLines(reports: readonly Report[], files: readonly string[]): Array<readonly [string, string]> {
  return reports.map((r, i) => [
    `Scenario ${i + 1}${reports.length > 1 && i === 0 ? ' (baseline)' : ''}`,
    `${r.scenario} (${files[i] ?? 'n/a'}): ${r.description ? `${r.description} ` : ''}Start ${r.start}, ${r.days} days, warm-up ${r.warmupDays} days.`,
  ]);
}

