/**
 * `khunjerab run` on the terminal: one scenario's report in the shape of a WCO Time Release
 * Study — title, throughput, time release and corridor time, the milestone intervals, the
 * breakdowns by channel and cargo, closures, stranding, resources, losses, the model against
 * observed figures, then two charts.
 */
import type { IntervalStats, ScenarioReport } from '../../run/index.js';
import { renderDailyChart } from './dailyChart.js';
import { dailySeriesParagraph } from './dailySeries.js';
import { DAY_CONVENTION } from '../../run/dayConvention.js';
import { dayAndDate } from './dates.js';
import { whatIfLine } from './whatIfs.js';
import { formatHours, formatInterval, formatNumber, formatPercent, isFigure, NA } from './format.js';
import { renderHistogram } from './histogramChart.js';
import { observedSection } from './observed.js';
import { releasePatternSection } from './releasePattern.js';
import {
  capitalise,
  causeLabel,
  CHANNEL_MEANING,
  CORRIDOR_SPAN,
  CORRIDOR_TIME,
  hasTimes,
  NO_TIMES_REASON,
  NO_TIMES_SEE_ABOVE,
  SOST_ARRIVAL_LABEL,
  TIME_RELEASE,
  TIME_RELEASE_LOWER,
  TIME_RELEASE_SPAN,
} from './labels.js';
import { normaliseOptions, type RenderOptions } from './options.js';
import { naturalWidths, renderTable, tableWidth, type Column, type Row } from './table.js';
import { keyValues, note, section } from './blocks.js';
import { paint, paragraph } from './text.js';

/**
 * The report of one scenario as text for a terminal `options.width` columns wide.
 *
 * @example
 * const text = renderRunReport(buildScenarioReport(info, seed, summaries), { width: 100, color: false });
 * process.stdout.write(text);
 */
export function renderRunReport(report: ScenarioReport, options: RenderOptions): string {
  const o = normaliseOptions(options);
  const sections = [
    titleBlock(report, o),
    throughputSection(report, o),
    timeReleaseSection(report, o),
    milestoneSection(report, o),
    groupSection('Time release by channel', 'Channel', report.channels, report, o, channelLabel),
    groupSection('Time release by cargo type', 'Cargo type', report.cargo, report, o),
    groupSection('Time release by GD lodgement', 'GD lodged', report.lodgement, report, o, (name) => LODGEMENT_LABELS[name] ?? capitalise(name)),
    releasePatternSection(report, o),
    closureSection(report, o),
    strandedSection(report, o),
    resourceSection(report, o),
    perishablesSection(report, o),
    observedSection(report, o),
    section('Containers released per day at Sost', o, renderDailyChart({ start: report.start, values: report.releasedPerDay ?? [], warmupDays: report.warmupDays }, o)),
    section(
      `Distribution of the ${TIME_RELEASE_LOWER} (${TIME_RELEASE_SPAN})`,
      o,
      note('Containers per replication by hours from arrival at Sost to gate-out, after the warm-up.', o),
      renderHistogram(report.timeReleaseHistogram ?? { width: NaN, counts: [] }, o),
    ),
  ];
  return `${sections.join('\n\n')}\n`;
}

function titleBlock(r: ScenarioReport, o: RenderOptions): string {
  const end = isFigure(r.days) && r.days > 0 ? `, ${dayAndDate(r.start, 0)} to ${dayAndDate(r.start, r.days - 1)}` : '';
  const warmup = !isFigure(r.warmupDays)
    ? NA
    : r.warmupDays > 0
      ? `${formatNumber(r.warmupDays, 0)} days; statistics from ${dayAndDate(r.start, r.warmupDays)}`
      : 'none';
  const title = paint(paragraph(`Khunjerab corridor — scenario report: ${r.scenario}`, o.width), 'bold', o.color);
  const facts = keyValues(
    [
      ['Scenario', r.scenario],
      ['Start', `${r.start}, 00:00 PKT`],
      ['Days', `${formatNumber(r.days, 0)}${end}`],
      ['Warm-up', warmup],
      ['Seed', formatNumber(r.seed, 0).replace(/,/g, '')],
      ['Replications', `${formatNumber(r.replications, 0)}; figures are means over replications, CIs are 95% Student-t over replications`],
      ['Days and times', DAY_CONVENTION],
      ...(r.whatIfs === undefined ? [] : [['What-ifs', whatIfLine(r.whatIfs)] as [string, string]]),
    ],
    o.width,
  );
  return [title, ...(r.description ? [paragraph(r.description, o.width)] : []), '', facts].join('\n');
}

function throughputSection(r: ScenarioReport, o: RenderOptions): string {
  const t = r.throughputPerDay;
  const half = t && isFigure(t.ci95?.[0]) && isFigure(t.ci95?.[1]) ? (t.ci95[1] - t.ci95[0]) / 2 : NaN;
  const figure = isFigure(t?.mean)
    ? `${formatNumber(t.mean)} ± ${formatNumber(half)} (95% CI ${formatInterval(t.ci95)})`
    : `${NA} (the replications gave no throughput figure)`;
  return section(
    'Throughput',
    o,
    paragraph(`Containers released per day (gate-out at Sost, after the warm-up): ${figure}`, o.width),
    paragraph(
      `Per replication: ${count(r.arrived)} arrived at Kashgar, ${count(r.released)} released at Sost, ` +
        (isFigure(r.lost) && r.lost > 0 ? `${count(r.lost)} lost (spoiled food taken out of the flow), ` : '') +
        `${count(r.inSystemAtEnd)} still in the corridor at the end; ${count(r.completed)} entered after the warm-up ` +
        `and make up the time figures below, followed to gate-out through a ${count(r.drainDays)}-day drain period with no new arrivals` +
        (isFigure(r.unfinishedAfterDrain) && r.unfinishedAfterDrain > 0 ? ` (${formatNumber(r.unfinishedAfterDrain)} were still inside when it ended and are left out).` : '.'),
      o.width,
    ),
  );
}

function timeReleaseSection(r: ScenarioReport, o: RenderOptions): string {
  const times = hasTimes(r);
  const cell = (x: number | undefined): string => (times ? formatHours(x) : NA);
  const ci = (s: ScenarioReport['timeRelease']): string => (times ? formatInterval(s?.ci95, 1, ' h') : NA);
  const tr = r.timeRelease;
  const ct = r.corridorTime;
  const rows: Row[] = [
    ['Mean', cell(tr?.mean), cell(ct?.mean)],
    ['95% CI of the mean', ci(tr), ci(ct)],
    ['Median', cell(tr?.median), cell(ct?.median)],
    ['90th percentile', cell(tr?.p90), cell(ct?.p90)],
    ['95th percentile', cell(tr?.p95), cell(ct?.p95)],
  ];
  return section(
    'Time release and corridor time',
    o,
    renderTable(
      [{ header: '' }, { header: TIME_RELEASE, align: 'right' }, { header: CORRIDOR_TIME, align: 'right' }],
      rows,
      o,
    ),
    note(
      `${TIME_RELEASE}: ${TIME_RELEASE_SPAN} (the WCO Time Release Study measure). ${CORRIDOR_TIME}: ${CORRIDOR_SPAN}. ` +
        (times ? 'Percentiles pool the containers of all replications; the CI is over replication means.' : NO_TIMES_REASON),
      o,
    ),
  );
}

/**
 * One line per interval: the From → to column only when the table fits with it unwrapped;
 * otherwise the milestones are listed once under the table, in order.
 */
function milestoneSection(r: ScenarioReport, o: RenderOptions): string {
  const times = hasTimes(r);
  const milestones = r.milestones ?? [];
  if (milestones.length === 0) return section('Milestone intervals (TRS)', o, note('The report has no milestone intervals.', o));
  const total = milestones.reduce((s, m) => s + (isFigure(m.mean) ? m.mean : 0), 0);
  const sostFrom = milestones.findIndex((m) => m.from === SOST_ARRIVAL_LABEL);
  const hours = (x: number): string => (times ? formatNumber(x) : NA);
  const tailed = milestones.map((m) => times && heavyTail(m));
  const rowsWith = (fromTo: boolean): Row[] => {
    const rows: Row[] = [];
    milestones.forEach((m, i) => {
      if (sostFrom > 0 && i === 0) rows.push({ section: 'China and the crossing' });
      if (sostFrom >= 0 && i === sostFrom) rows.push({ section: `At Sost Dry Port: the ${TIME_RELEASE_LOWER}` });
      const label = `${m.name}${tailed[i] ? ` ${HEAVY_TAIL_MARK}` : ''}`;
      const share = times && total > 0 ? formatPercent(m.mean / total) : NA;
      rows.push([label, ...(fromTo ? [`${m.from} → ${m.to}`] : []), hours(m.mean), hours(m.median), hours(m.p90), share]);
    });
    return rows;
  };
  const columnsWith = (fromTo: boolean): Column[] => [
    { header: 'Interval' },
    ...(fromTo ? [{ header: 'From → to' }] : []),
    { header: 'Mean', align: 'right' },
    { header: 'Median', align: 'right' },
    { header: 'P90', align: 'right' },
    { header: 'Share', align: 'right' },
  ];
  const fromTo = tableWidth(naturalWidths(columnsWith(true), rowsWith(true), false)) <= o.width;
  const notes = [
    fromTo ? '' : milestoneLegend(milestones),
    times ? 'Share: the part of the mean corridor time. Means add up; medians and 90th percentiles (P90) do not.' : NO_TIMES_SEE_ABOVE,
    tailed.some(Boolean)
      ? `${HEAVY_TAIL_MARK} A heavy tail: most containers spend little or no time here, a few spend very long (waiting for the pass to reopen, a hold, a permit), and the mean, which spreads their time over all containers, can lie above the median or even the 90th percentile.`
      : '',
  ];
  return section(
    'Milestone intervals (TRS), hours',
    o,
    renderTable(columnsWith(fromTo), rowsWith(fromTo), o),
    ...notes.filter((n) => n !== '').map((n) => note(n, o)),
  );
}

const HEAVY_TAIL_MARK = '*';

/** Most containers pass with (almost) no time here, so the mean says little about a typical one. */
function heavyTail(m: IntervalStats): boolean {
  return isFigure(m.mean) && m.mean >= 0.05 && (m.mean > m.p90 || m.median < 0.05);
}

/** "Milestones in order: a → b → c; each interval runs from one to the next", or each interval's ends when they do not chain. */
function milestoneLegend(milestones: readonly IntervalStats[]): string {
  const chained = milestones.every((m, i) => i === 0 || milestones[i - 1].to === m.from);
  if (chained) return `Milestones in order: ${[milestones[0].from, ...milestones.map((m) => m.to)].join(' → ')}; each interval runs from one to the next.`;
  return `Intervals: ${milestones.map((m) => `${m.name}, ${m.from} → ${m.to}`).join('; ')}.`;
}

const LODGEMENT_LABELS: Readonly<Record<string, string>> = {
  preArrival: 'Before arrival (filed on the road)',
  onArrival: 'On arrival at Sost',
};

/** "Green (release without checks)". */
function channelLabel(channel: string): string {
  return CHANNEL_MEANING[channel] === undefined ? capitalise(channel) : `${capitalise(channel)} (${CHANNEL_MEANING[channel]})`;
}

function groupSection(
  title: string,
  header: string,
  groups: Readonly<Record<string, { share: number; meanHours: number }>> | undefined,
  r: ScenarioReport,
  o: RenderOptions,
  labelOf: (name: string) => string = capitalise,
): string {
  const entries = Object.entries(groups ?? {});
  if (entries.length === 0) return section(title, o, note('The report has no breakdown here.', o));
  let empty = false;
  const rows: Row[] = entries.map(([name, g]) => {
    const none = !(isFigure(g?.share) && g.share > 0) || !hasTimes(r);
    if (none) empty = true;
    return [labelOf(name), formatPercent(g?.share), none ? NA : formatHours(g.meanHours)];
  });
  const why = !hasTimes(r) ? NO_TIMES_SEE_ABOVE : empty ? `n/a: no container in this ${header.toLowerCase()} after the warm-up.` : '';
  return section(
    title,
    o,
    renderTable([{ header }, { header: 'Share of containers', align: 'right' }, { header: 'Mean time release', align: 'right' }], rows, o),
    why ? note(why, o) : '',
  );
}

function closureSection(r: ScenarioReport, o: RenderOptions): string {
  const byCause = Object.entries(r.passClosedDays?.byCause ?? {});
  const measured = r.days - (r.warmupDays ?? 0);
  const share = (days: number): string => (isFigure(measured) && measured > 0 ? formatPercent(days / measured) : NA);
  const rows: Row[] = byCause.map(([cause, days]) => [causeLabel(cause), formatNumber(days), share(days)]);
  rows.push(['Total', formatNumber(r.passClosedDays?.mean), share(r.passClosedDays?.mean)]);
  return section(
    'Pass closed, days by cause',
    o,
    renderTable([{ header: 'Cause' }, { header: 'Days closed', align: 'right' }, { header: 'Share of days after warm-up', align: 'right' }], rows, o),
    note(
      'Mean days per replication the crossing was shut after the warm-up, 24 h of closure counting as one day. ' +
        'A day a post was shut by a closure in its calendar (the seasonal regime, a sit-in) counts whole to that closure; road closures count on the other days.',
      o,
    ),
  );
}

function strandedSection(r: ScenarioReport, o: RenderOptions): string {
  return section(
    'Stranded containers',
    o,
    paragraph(
      `Waiting at Tashkurgan for the pass to open: ${formatNumber(r.stranded?.mean)} on average after the warm-up, ` +
        `peak ${formatNumber(r.stranded?.peak)} (mean of each replication's peak).`,
      o.width,
    ),
    dailySeriesParagraph(r, o),
  );
}

function resourceSection(r: ScenarioReport, o: RenderOptions): string {
  const resources = r.resources ?? [];
  if (resources.length === 0) return section('Resources', o, note('The report lists no resources.', o));
  const rows: Row[] = resources.map((res) => [
    res.name,
    formatPercent(res.utilization),
    formatNumber(res.meanQueue),
    formatNumber(res.maxQueue, 0),
    formatNumber(res.meanWaitHours),
  ]);
  return section(
    'Resource utilisation and queues, waits in hours',
    o,
    renderTable(
      [
        { header: 'Resource' },
        { header: 'Utilisation', align: 'right' },
        { header: 'Mean queue', align: 'right' },
        { header: 'Max queue', align: 'right' },
        { header: 'Mean wait', align: 'right' },
      ],
      rows,
      o,
    ),
    note(
      'Utilisation is the busy share of staffed hours. Mean queue: the time-average number waiting; max queue: the largest over all replications. ' +
        'A wait is the whole time a job spends queueing, every stretch of it (an examination interrupted at the end of a shift queues again), so mean queue = jobs per hour × mean wait (Little\'s law).',
      o,
    ),
  );
}

function perishablesSection(r: ScenarioReport, o: RenderOptions): string {
  return section(
    'Perishables lost',
    o,
    paragraph(
      `Perishable containers spoiled by frost after the warm-up: ${formatNumber(r.perishablesLost)} per replication. Spoiled food is not released: it is destroyed or returned and counted as lost.`,
      o.width,
    ),
  );
}

/** A mean count: whole numbers from 100 up, one decimal below. */
function count(x: number): string {
  return formatNumber(x, isFigure(x) && Math.abs(x) >= 100 ? 0 : 1);
}
