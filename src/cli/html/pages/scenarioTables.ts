/**
 * The tables of one scenario's report, shared by the `run` and `compare` pages: each row says
 * how to take its figure from a report and where that figure is in the `--json` output, so a
 * page of one scenario and a page of several show the same figures the same way.
 */
import type { PrecisionOutcome, ScenarioReport } from '../../../run/index.js';
import { isFigure, NA } from '../../render/format.js';
import { bandText, VERDICT_RULE, VERDICT_TEXT } from '../../render/observed.js';
import { capitalise, causeLabel, CHANNEL_MEANING, closureCauses, CORRIDOR_SPAN, CORRIDOR_TIME, hasTimes, NO_TIMES_REASON, TIME_RELEASE, TIME_RELEASE_SPAN } from '../../render/labels.js';
import { figureCell, intervalCell, percentCell, textCell, type Cell } from '../cells.js';
import { jsonPath, type JsonKey } from '../jsonPath.js';
import { htmlTable, type TableRow } from '../tables.js';

/** A report and the path of its object in the `--json` output ('' at the root, `scenarios[1]` in a comparison). */
export interface Located {
  readonly report: ScenarioReport;
  readonly at: string;
}

/** A row of figures: its label, and its cell for a located report. */
export interface FigureRow {
  readonly label: string;
  readonly cell: (r: Located) => Cell;
}

export type FigureRows = ReadonlyArray<FigureRow | { readonly group: string }>;

const path = (r: Located, ...keys: readonly JsonKey[]): string => jsonPath(r.at, ...keys);

/** A time figure: "n/a" for a report without container times. */
const hours = (...keys: readonly JsonKey[]) => (r: Located): Cell => (hasTimes(r.report) ? figureCell(valueAt(r.report, keys), path(r, ...keys)) : textCell(NA));
const count = (...keys: readonly JsonKey[]) => (r: Located): Cell => figureCell(valueAt(r.report, keys), path(r, ...keys));

export const THROUGHPUT_ROWS: FigureRows = [
  { label: 'Released per day after the warm-up, mean', cell: count('throughputPerDay', 'mean') },
  { label: 'Released per day, 95% CI', cell: (r) => intervalCell(r.report.throughputPerDay.ci95, path(r, 'throughputPerDay', 'ci95')) },
  { label: 'Arrived at Kashgar per replication', cell: count('arrived') },
  { label: 'Released at Sost per replication', cell: count('released') },
  { label: 'Lost (spoiled food destroyed or returned)', cell: count('lost') },
  { label: 'Still in the corridor at the end', cell: count('inSystemAtEnd') },
  { label: 'In the time figures (entered after the warm-up, released)', cell: count('completed') },
  { label: 'Unfinished when the drain period ended', cell: count('unfinishedAfterDrain') },
  { label: 'Perishables lost to frost', cell: count('perishablesLost') },
];

const timeRows = (key: 'timeRelease' | 'corridorTime', title: string): FigureRows => [
  { group: title },
  { label: 'Mean', cell: hours(key, 'mean') },
  { label: '95% CI of the mean', cell: (r) => (hasTimes(r.report) ? intervalCell(r.report[key].ci95, path(r, key, 'ci95')) : textCell(NA)) },
  { label: 'Median', cell: hours(key, 'median') },
  { label: '90th percentile', cell: hours(key, 'p90') },
  { label: '95th percentile', cell: hours(key, 'p95') },
];

export const TIME_ROWS: FigureRows = [
  ...timeRows('timeRelease', `${TIME_RELEASE} (${TIME_RELEASE_SPAN}), hours`),
  ...timeRows('corridorTime', `${CORRIDOR_TIME} (${CORRIDOR_SPAN}), hours`),
];

/** Rows for the groups (channels, cargo types) that any of `reports` has: mean time release and share. */
export function groupRows(reports: readonly ScenarioReport[], grouping: 'channels' | 'cargo'): FigureRows {
  const names = [...new Set(reports.flatMap((r) => Object.keys(r[grouping])))];
  return names.flatMap((name): FigureRows => [
    { label: `${groupLabel(grouping, name)}, mean hours`, cell: (r) => (groupHas(r.report, grouping, name) ? figureCell(groupOf(r.report, grouping, name)?.meanHours, path(r, grouping, name, 'meanHours')) : textCell(NA)) },
    { label: `${groupLabel(grouping, name)}, share of containers`, cell: (r) => percentCell(groupOf(r.report, grouping, name)?.share, path(r, grouping, name, 'share')) },
  ]);
}

export function closureRows(reports: readonly ScenarioReport[]): FigureRows {
  return [
    ...closureCauses(reports).map((cause): FigureRow => ({ label: causeLabel(cause), cell: (r) => figureCell(r.report.passClosedDays.byCause[cause] ?? 0, path(r, 'passClosedDays', 'byCause', cause)) })),
    { label: 'Total', cell: count('passClosedDays', 'mean') },
  ];
}

export const STRANDED_ROWS: FigureRows = [
  { label: 'Stranded at Tashkurgan, time-average after the warm-up', cell: count('stranded', 'mean') },
  { label: 'Stranded at Tashkurgan, peak (mean of the replications\u2019 peaks)', cell: count('stranded', 'peak') },
];

/** A table with one column of figures per located report. */
export function figureTable(caption: string, rows: FigureRows, reports: readonly Located[], notes: readonly string[] = []): string {
  const columns = [{ header: '' }, ...reports.map((r, i) => ({ header: reports.length === 1 ? 'Value' : `${r.report.scenario}${i === 0 ? ' (baseline)' : ''}`, figures: true }))];
  const body: TableRow[] = rows.map((row) => ('group' in row ? row : [textCell(row.label), ...reports.map(row.cell)]));
  return htmlTable({ caption, columns, rows: body, notes });
}

export function milestoneTable(r: Located): string {
  const times = hasTimes(r.report);
  const rows: TableRow[] = r.report.milestones.map((m, i) => [
    textCell(`${i + 1}. ${capitalise(m.name)}`),
    textCell(`${m.from} → ${m.to}`),
    ...(['mean', 'median', 'p90'] as const).map((k) => (times ? figureCell(m[k], path(r, 'milestones', i, k)) : textCell(NA))),
  ]);
  return htmlTable({
    caption: 'Milestone intervals (WCO Time Release Study), hours',
    columns: [{ header: 'Interval' }, { header: 'From → to' }, { header: 'Mean', figures: true }, { header: 'Median', figures: true }, { header: '90th percentile', figures: true }],
    rows,
    notes: [times ? 'Means add up to the mean corridor time; medians and percentiles of intervals do not add up.' : NO_TIMES_REASON],
  });
}

/** Channels or cargo types: share, mean and the figures of the box plot. */
export function spreadTable(r: Located, grouping: 'channels' | 'cargo', caption: string): string {
  const times = hasTimes(r.report);
  const rows: TableRow[] = Object.keys(r.report[grouping]).map((name) => {
    const has = times && groupHas(r.report, grouping, name);
    const spread = (k: 'p10' | 'p25' | 'median' | 'p75' | 'p90'): Cell => (has ? figureCell(spreadOf(r.report, grouping, name)?.[k], path(r, 'timeReleaseSpread', grouping, name, k)) : textCell(NA));
    return [
      textCell(groupLabel(grouping, name)),
      percentCell(groupOf(r.report, grouping, name)?.share, path(r, grouping, name, 'share')),
      has ? figureCell(groupOf(r.report, grouping, name)?.meanHours, path(r, grouping, name, 'meanHours')) : textCell(NA),
      spread('p10'),
      spread('p25'),
      spread('median'),
      spread('p75'),
      spread('p90'),
    ];
  });
  return htmlTable({
    caption,
    columns: [{ header: grouping === 'channels' ? 'Channel' : 'Cargo type' }, { header: 'Share of containers', figures: true }, ...['Mean', 'P10', 'P25', 'Median', 'P75', 'P90'].map((h) => ({ header: `${h} h`, figures: true }))],
    rows,
    notes: [times ? 'Hours of time release at Sost, pooled over the containers of all replications; n/a: no container of that kind was measured.' : NO_TIMES_REASON],
  });
}

export function lodgementTable(r: Located): string {
  const rows: TableRow[] = Object.entries(r.report.lodgement).map(([name, g]) => [
    textCell(name === 'preArrival' ? 'Before arrival (filed in WeBOC on the road)' : 'On arrival at Sost'),
    percentCell(g.share, path(r, 'lodgement', name, 'share')),
    hasTimes(r.report) && g.share > 0 ? figureCell(g.meanHours, path(r, 'lodgement', name, 'meanHours')) : textCell(NA),
  ]);
  return htmlTable({ caption: 'Time release by GD lodgement', columns: [{ header: 'GD lodged' }, { header: 'Share of containers', figures: true }, { header: 'Mean time release h', figures: true }], rows });
}

export function resourceTable(r: Located): string {
  const rows: TableRow[] = r.report.resources.map((res, i) => [
    textCell(res.name),
    percentCell(res.utilization, path(r, 'resources', i, 'utilization')),
    figureCell(res.meanQueue, path(r, 'resources', i, 'meanQueue')),
    figureCell(res.maxQueue, path(r, 'resources', i, 'maxQueue'), 0),
    figureCell(res.meanWaitHours, path(r, 'resources', i, 'meanWaitHours')),
    figureCell(res.maxWaitHours, path(r, 'resources', i, 'maxWaitHours')),
  ]);
  return htmlTable({
    caption: 'Resource utilisation and queues',
    columns: [{ header: 'Resource' }, { header: 'Utilisation', figures: true }, { header: 'Mean queue', figures: true }, { header: 'Max queue', figures: true }, { header: 'Mean wait h', figures: true }, { header: 'Max wait h', figures: true }],
    rows,
    notes: ['Utilisation is the busy share of staffed hours; the mean queue is the time-average number waiting; the max queue and the max wait are the largest over all replications.'],
  });
}

/** The model against the observed rows, one scenario; `undefined` when the scenario lists none. */
export function observedTable(r: Located): string | undefined {
  const rows = r.report.observed;
  if (rows.length === 0) return undefined;
  const body: TableRow[] = rows.map((row, i) => {
    const measured = row.model.replications > 0;
    const share = row.unit === 'share';
    const decimals = share ? 1 : Math.abs(row.model.mean) < 10 ? 2 : 1;
    const mean = !measured ? textCell(NA) : share ? percentCell(row.model.mean, path(r, 'observed', i, 'model', 'mean')) : figureCell(row.model.mean, path(r, 'observed', i, 'model', 'mean'), decimals);
    const ci = !measured || row.input || row.model.replications < 2 ? textCell(NA) : share ? ciPercent(row.model.ci95, path(r, 'observed', i, 'model', 'ci95')) : intervalCell(row.model.ci95, path(r, 'observed', i, 'model', 'ci95'), decimals);
    return [textCell(`${row.id}${row.claimed ? ' *' : ''}`), textCell(row.figure), mean, ci, textCell(share ? '%' : row.unit), bandCell(row, path(r, 'observed', i, 'band')), textCell(VERDICT_TEXT[row.verdict] ?? row.verdict)];
  });
  const claimed = rows.filter((row) => row.claimed);
  return htmlTable({
    caption: 'Model against observed figures',
    columns: [{ header: 'ID' }, { header: 'Observed figure' }, { header: 'Model mean', figures: true }, { header: 'Model 95% CI', figures: true }, { header: 'Unit' }, { header: 'Band' }, { header: 'Verdict' }],
    rows: body,
    notes: [claimed.length > 0 ? '* a row the scenario claims (observed.claims): `khunjerab calibrate` fails unless it passes.' : 'The scenario claims no rows.', VERDICT_RULE],
  });
}

export function precisionTable(precision: PrecisionOutcome, at: string): string {
  const rows: TableRow[] = precision.checks.map((c, i) => [
    textCell(c.subject),
    figureCell(c.mean, jsonPath(at, 'checks', i, 'mean'), 2),
    figureCell(c.halfWidth, jsonPath(at, 'checks', i, 'halfWidth'), 2),
    figureCell(c.allowed, jsonPath(at, 'checks', i, 'allowed'), 2),
    textCell(c.met ? 'yes' : 'no'),
  ]);
  const summary = precision.capped
    ? `Stopped at the cap of ${precision.maxReplications} replications before every 95% half-width of ${precision.metric} was within ${(precision.target * 100).toFixed(1)}% of its mean.`
    : `${precision.replications} replications (batches ${precision.batches.join(', ')}): every 95% half-width of ${precision.metric} within ${(precision.target * 100).toFixed(1)}% of its mean.`;
  return htmlTable({
    caption: `Replications by precision: ${precision.metric}`,
    columns: [{ header: 'Subject' }, { header: 'Mean of replications', figures: true }, { header: '± half-width', figures: true }, { header: 'Allowed', figures: true }, { header: 'Met' }],
    rows,
    notes: [summary],
  });
}

/** An observed row's band, "70–90%", "≥ 40 containers/day": the figures of `band` in the JSON. */
export function bandCell(row: Parameters<typeof bandText>[0], at: string): Cell {
  return { text: bandText(row).replace(/\n/g, ' '), json: at };
}

function ciPercent(ci: readonly [number, number], at: string): Cell {
  return isFigure(ci[0]) && isFigure(ci[1]) ? { text: `[${(ci[0] * 100).toFixed(1)}%, ${(ci[1] * 100).toFixed(1)}%]`, json: at } : textCell(NA);
}

function groupLabel(grouping: 'channels' | 'cargo', name: string): string {
  const meaning = grouping === 'channels' ? CHANNEL_MEANING[name] : undefined;
  return meaning === undefined ? capitalise(name) : `${capitalise(name)} (${meaning})`;
}

function groupOf(r: ScenarioReport, grouping: 'channels' | 'cargo', name: string): { readonly share: number; readonly meanHours: number } | undefined {
  return (r[grouping] as Readonly<Record<string, { readonly share: number; readonly meanHours: number }>>)[name];
}

function spreadOf(r: ScenarioReport, grouping: 'channels' | 'cargo', name: string): ScenarioReport['timeReleaseSpread']['channels']['green'] | undefined {
  return (r.timeReleaseSpread[grouping] as Readonly<Record<string, ScenarioReport['timeReleaseSpread']['channels']['green']>>)[name];
}

function groupHas(r: ScenarioReport, grouping: 'channels' | 'cargo', name: string): boolean {
  const share = groupOf(r, grouping, name)?.share;
  return isFigure(share) && share > 0;
}

/** The number at `keys` inside the report, if there is one. */
function valueAt(report: ScenarioReport, keys: readonly JsonKey[]): number | undefined {
  let value: unknown = report;
  for (const key of keys) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return typeof value === 'number' ? value : undefined;
}
