/**
 * `khunjerab compare` on the terminal: the scenarios side by side (one column each, the first
 * the baseline), the paired differences with their 95 % CIs, the model against observed figures,
 * then the charts on shared scales.
 */
import type { Difference, ScenarioReport } from '../../run/index.js';
import { renderDailyChart } from './dailyChart.js';
import { DAY_CONVENTION } from '../../run/dayConvention.js';
import { dayDate } from './dates.js';
import { whatIfLine } from './whatIfs.js';
import { formatInterval, formatNumber, formatPercent, formatSigned, isFigure, NA } from './format.js';
import { renderHistogram } from './histogramChart.js';
import { observedSideBySide } from './observed.js';
import {
  capitalise,
  causeLabel,
  closureCauses,
  CORRIDOR_SPAN,
  CORRIDOR_TIME,
  hasTimes,
  metricLabel,
  NO_TIMES_REASON,
  TIME_RELEASE,
  TIME_RELEASE_LOWER,
  TIME_RELEASE_SPAN,
} from './labels.js';
import { normaliseOptions, type RenderOptions } from './options.js';
import { keyValues, note, section } from './blocks.js';
import { naturalWidths, renderTable, tableWidth, type Column, type Row } from './table.js';
import { paint, paragraph } from './text.js';

/** The sentence that says why paired differences are trustworthy. */
export const COMMON_RANDOM_NUMBERS =
  'The comparison uses common random numbers: replication i of every scenario shares the arrival, cargo and weather streams, so differences reflect the scenarios, not the noise.';

/** When scenarios must be split over tables, the label column is first squeezed to this. */
const LABEL_SQUEEZED = 24;

type Line = { readonly section: string } | { readonly label: string; readonly values: readonly string[] };

/**
 * Several scenarios side by side, their differences from the first (the baseline), and their
 * charts, as text for a terminal `options.width` columns wide.
 *
 * @example
 * const differences = compareScenarios(reports.map((r) => r.scenario), runs);
 * process.stdout.write(renderComparison(reports, differences, { width: 100, color: false }));
 */
export function renderComparison(reports: readonly ScenarioReport[], differences: readonly Difference[], options: RenderOptions): string {
  const o = normaliseOptions(options);
  if (reports.length === 0) return 'No scenarios to compare.\n';
  const parts = [
    titleBlock(reports, o),
    section('Scenarios side by side', o, ...sideBySide(reports, o)),
    differencesSection(reports, differences, o),
    observedSideBySide(reports, o),
    releasedCharts(reports, o),
    histograms(reports, o),
  ];
  return `${parts.join('\n\n')}\n`;
}

function titleBlock(reports: readonly ScenarioReport[], o: RenderOptions): string {
  const first = reports[0];
  const pairs = reports.map((r, i): [string, string] => [
    `${i + 1}. ${r.scenario}${i === 0 ? ' (baseline)' : ''}`,
    [
      r.description,
      `Start ${r.start}, ${formatNumber(r.days, 0)} days${isFigure(r.days) && r.days > 0 ? ` to ${dayDate(r.start, r.days - 1)}` : ''}, warm-up ${formatNumber(r.warmupDays, 0)} days.`,
      r.whatIfs === undefined ? '' : `What-ifs: ${whatIfLine(r.whatIfs)}.`,
    ]
      .filter((s) => s !== '')
      .join(' '),
  ]);
  const sameRuns = reports.every((r) => r.seed === first.seed && r.replications === first.replications);
  const runs = sameRuns
    ? `Seed ${formatNumber(first.seed, 0).replace(/,/g, '')}, ${formatNumber(first.replications, 0)} replications per scenario.`
    : `Seeds and replications differ: ${reports.map((r) => `${r.scenario} seed ${formatNumber(r.seed, 0).replace(/,/g, '')} × ${formatNumber(r.replications, 0)}`).join('; ')}.`;
  return [
    paint(paragraph(`Khunjerab corridor — comparison of ${reports.length} scenario${reports.length === 1 ? '' : 's'}`, o.width), 'bold', o.color),
    '',
    keyValues(pairs, o.width),
    '',
    paragraph(`${runs} Figures are means over replications; CIs are 95% Student-t over replications. ${DAY_CONVENTION}`, o.width),
  ].join('\n');
}

function sideBySideLines(reports: readonly ScenarioReport[]): Line[] {
  const each = (f: (r: ScenarioReport) => string): string[] => reports.map(f);
  const hours = (f: (r: ScenarioReport) => number | undefined) => each((r) => (hasTimes(r) ? formatNumber(f(r)) : NA));
  const lines: Line[] = [
    { section: 'Throughput, containers released per day' },
    { label: 'Mean', values: each((r) => formatNumber(r.throughputPerDay?.mean)) },
    { label: '95% CI', values: each((r) => formatInterval(r.throughputPerDay?.ci95)) },
  ];
  for (const [title, pick] of [
    [`${TIME_RELEASE} (${TIME_RELEASE_SPAN}), hours`, (r: ScenarioReport) => r.timeRelease],
    [`${CORRIDOR_TIME} (${CORRIDOR_SPAN}), hours`, (r: ScenarioReport) => r.corridorTime],
  ] as const) {
    lines.push(
      { section: title },
      { label: 'Mean', values: hours((r) => pick(r)?.mean) },
      { label: '95% CI', values: each((r) => (hasTimes(r) ? formatInterval(pick(r)?.ci95) : NA)) },
      { label: 'Median', values: hours((r) => pick(r)?.median) },
      { label: '90th percentile', values: hours((r) => pick(r)?.p90) },
      { label: '95th percentile', values: hours((r) => pick(r)?.p95) },
    );
  }
  lines.push({ section: 'Milestone intervals, mean hours' });
  for (const name of unionOf(reports.map((r) => (r.milestones ?? []).map((m) => m.name)))) {
    lines.push({ label: name, values: hours((r) => r.milestones?.find((m) => m.name === name)?.mean) });
  }
  lines.push({ section: `${TIME_RELEASE} by channel, mean hours` });
  for (const channel of unionOf(reports.map((r) => Object.keys(r.channels ?? {})))) {
    lines.push({
      label: capitalise(channel),
      values: each((r) => {
        const g = (r.channels as Readonly<Record<string, { share: number; meanHours: number }>> | undefined)?.[channel];
        return hasTimes(r) && g && isFigure(g.share) && g.share > 0 ? `${formatNumber(g.meanHours)} (${formatPercent(g.share, 0)})` : NA;
      }),
    });
  }
  lines.push({ section: 'Pass closed, days by cause' });
  for (const cause of closureCauses(reports)) {
    lines.push({ label: causeLabel(cause), values: each((r) => formatNumber(r.passClosedDays?.byCause?.[cause] ?? 0)) });
  }
  lines.push({ label: 'Total', values: each((r) => formatNumber(r.passClosedDays?.mean)) });
  lines.push(
    { section: 'Stranded and lost, containers' },
    { label: 'Stranded at Tashkurgan, mean', values: each((r) => formatNumber(r.stranded?.mean)) },
    { label: 'Stranded at Tashkurgan, peak', values: each((r) => formatNumber(r.stranded?.peak)) },
    { label: 'Perishables lost to frost', values: each((r) => formatNumber(r.perishablesLost)) },
  );
  lines.push({ section: 'Resource utilisation' });
  for (const name of unionOf(reports.map((r) => (r.resources ?? []).map((res) => res.name)))) {
    lines.push({ label: name, values: each((r) => formatPercent(r.resources?.find((res) => res.name === name)?.utilization)) });
  }
  return lines;
}

/**
 * The side-by-side table, split into several tables (each repeating the row labels) when the
 * scenario columns do not fit the width together.
 */
function sideBySide(reports: readonly ScenarioReport[], o: RenderOptions): string[] {
  const lines = sideBySideLines(reports);
  const headers = reports.map((r, i) => (i === 0 ? `${r.scenario} (baseline)` : r.scenario));
  const columnsOf = (indices: readonly number[]): Column[] => [{ header: '' }, ...indices.map((i) => ({ header: headers[i], align: 'right' as const }))];
  const rowsOf = (indices: readonly number[]): Row[] =>
    lines.map((l) => ('section' in l ? l : [l.label, ...indices.map((i) => l.values[i])]));

  const all = reports.map((_, i) => i);
  const natural = naturalWidths(columnsOf(all), rowsOf(all));
  const labelWidth = Math.min(natural[0], LABEL_SQUEEZED);
  const chunks: number[][] = [];
  for (const i of all) {
    const current = chunks.at(-1);
    if (current && tableWidth([labelWidth, ...current.map((j) => natural[j + 1]), natural[i + 1]]) <= o.width) current.push(i);
    else chunks.push([i]);
  }
  const tables = chunks.map((chunk) => renderTable(columnsOf(chunk), rowsOf(chunk), o));
  const notes: string[] = [];
  if (chunks.length > 1) notes.push(`The scenarios do not fit side by side in ${o.width} columns, so they are split over ${chunks.length} tables.`);
  notes.push('Channel rows give the mean time release and, in brackets, the share of containers.');
  const resourceNames = unionOf(reports.map((r) => (r.resources ?? []).map((res) => res.name)));
  if (reports.some((r) => resourceNames.some((name) => !(r.resources ?? []).some((res) => res.name === name)))) {
    notes.push('n/a in a resource row: that scenario has no such resource.');
  }
  if (reports.some((r) => !hasTimes(r))) {
    notes.push(`${reports.filter((r) => !hasTimes(r)).map((r) => r.scenario).join(', ')}: ${NO_TIMES_REASON}`);
  }
  return [...tables, note(notes.join(' '), o)];
}

function differencesSection(reports: readonly ScenarioReport[], differences: readonly Difference[], o: RenderOptions): string {
  const baseline = reports[0].scenario;
  const title = `Differences from the baseline (${baseline}), paired by replication`;
  if (differences.length === 0) {
    return section(title, o, note(reports.length < 2 ? 'Only one scenario: nothing to compare it with.' : 'No differences were computed.', o));
  }
  const oneReplication = reports.some((r) => !(r.replications >= 2));
  const order = unionOf([reports.map((r) => r.scenario), differences.map((d) => d.scenario)]);
  const rows: Row[] = [];
  for (const scenario of order) {
    const mine = differences.filter((d) => d.scenario === scenario);
    if (mine.length === 0) continue;
    rows.push({ section: `${scenario} − ${mine[0].baseline}` });
    for (const d of mine) {
      const ciKnown = !oneReplication && isFigure(d.ci95?.[0]) && isFigure(d.ci95?.[1]);
      const significant = !ciKnown || !isFigure(d.difference) ? NA : d.significant ? paint('yes', 'green', o.color) : 'no';
      rows.push([metricLabel(d.metric, d.unit), formatSigned(d.difference), ciKnown ? formatInterval(d.ci95) : NA, significant]);
    }
  }
  const notes = [
    'A difference is scenario minus baseline, the mean over paired replications; "yes" means its 95% CI excludes zero.',
    oneReplication ? 'n/a: with a single replication there is no confidence interval to test.' : '',
  ].filter((s) => s !== '');
  return section(
    title,
    o,
    paragraph(COMMON_RANDOM_NUMBERS, o.width),
    renderTable(
      [
        { header: 'Metric' },
        { header: 'Difference', align: 'right' },
        { header: '95% CI', align: 'right' },
        { header: 'CI excludes 0', align: 'right' },
      ],
      rows,
      o,
    ),
    note(notes.join(' '), o),
  );
}

function releasedCharts(reports: readonly ScenarioReport[], o: RenderOptions): string {
  const peak = Math.max(0, ...reports.flatMap((r) => (r.releasedPerDay ?? []).filter(isFigure)));
  const charts = reports.map((r) =>
    [
      paint(paragraph(r.scenario, o.width), 'bold', o.color),
      renderDailyChart({ start: r.start, values: r.releasedPerDay ?? [], warmupDays: r.warmupDays }, { ...o, max: peak > 0 ? peak : undefined }),
    ].join('\n'),
  );
  return section('Containers released per day at Sost (same y scale)', o, charts.join('\n\n'));
}

function histograms(reports: readonly ScenarioReport[], o: RenderOptions): string {
  const shares = reports.map((r) => {
    const counts = (r.timeReleaseHistogram?.counts ?? []).filter((c) => isFigure(c) && c > 0);
    const total = counts.reduce((s, c) => s + c, 0);
    return total > 0 ? Math.max(...counts) / total : 0;
  });
  const scaleShare = Math.max(...shares);
  const widths = new Set(reports.map((r) => r.timeReleaseHistogram?.width));
  const blocks = reports.map((r) =>
    [
      paint(paragraph(r.scenario, o.width), 'bold', o.color),
      renderHistogram(r.timeReleaseHistogram ?? { width: NaN, counts: [] }, { ...o, scaleShare: scaleShare > 0 ? scaleShare : undefined }),
    ].join('\n'),
  );
  return section(
    `Distribution of the ${TIME_RELEASE_LOWER} (${TIME_RELEASE_SPAN})`,
    o,
    note(
      'Containers per replication by hours, bars on one scale (share of each scenario\'s containers).' +
        (widths.size > 1 ? ' Bucket widths differ between scenarios; read the labels.' : ''),
      o,
    ),
    blocks.join('\n\n'),
  );
}

/** The distinct strings of `lists`, in first-seen order. */
function unionOf(lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}
