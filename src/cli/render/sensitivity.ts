/**
 * `khunjerab sensitivity` on the terminal: what ran, the factors and their levels, then for
 * one-at-a-time a tornado per metric and the effects with their CIs, for Morris μ*, μ and σ
 * per metric.
 */
import type { MorrisReport, OneAtATimeReport, SensitivityReport } from '../../run/index.js';
import { keyValues, note, section } from './blocks.js';
import { COMMON_RANDOM_NUMBERS } from './comparison.js';
import { formatInterval, formatNumber, formatSigned, NA } from './format.js';
import { metricLabel } from './labels.js';
import { normaliseOptions, type RenderOptions } from './options.js';
import { renderTable, type Row } from './table.js';
import { renderTornado } from './tornado.js';
import { paint, paragraph } from './text.js';

export function renderSensitivity(report: SensitivityReport, options: RenderOptions): string {
  const o = normaliseOptions(options);
  const body = report.method === 'oat' ? oneAtATimeSections(report, o) : morrisSections(report, o);
  return `${[titleBlock(report, o), factorsSection(report, o), ...body].join('\n\n')}\n`;
}

function titleBlock(report: SensitivityReport, o: RenderOptions): string {
  const method = report.method === 'oat' ? 'one factor at a time' : 'Morris screening';
  const design =
    report.method === 'oat'
      ? `Each factor moves from LOW to HIGH with every other factor at the scenario's value; an effect is HIGH − LOW, the mean over paired replications, with its 95% CI.`
      : `${report.trajectories} trajectories on a ${report.levels}-level grid (Δ = ${formatNumber(report.delta, 3)} of each range). An elementary effect is the change of the metric over a factor's whole range; μ* (the mean of their sizes) ranks the factors, μ gives the direction and σ the spread (curvature or interaction).`;
  return [
    paint(paragraph(`Khunjerab corridor — sensitivity of ${report.scenario} (${method})`, o.width), 'bold', o.color),
    report.title === undefined ? '' : paragraph(report.title, o.width),
    paragraph(
      `Start ${report.start}, ${formatNumber(report.days, 0)} days, warm-up ${formatNumber(report.warmupDays, 0)} days. Seed ${report.seed}, ${formatNumber(report.replications, 0)} replications per design point, ${formatNumber(report.designPoints, 0)} distinct scenarios run.`,
      o.width,
    ),
    paragraph(`${design} ${COMMON_RANDOM_NUMBERS}`, o.width),
  ]
    .filter((block) => block !== '')
    .join('\n');
}

function factorsSection(report: SensitivityReport, o: RenderOptions): string {
  const pairs = report.factors.map((f): [string, string] => [
    f.label,
    `${f.label === f.path ? '' : `${f.path}: `}${levelText(f.low)} → ${levelText(f.high)}`,
  ]);
  return section('Factors (LOW → HIGH)', o, keyValues(pairs, o.width));
}

function oneAtATimeSections(report: OneAtATimeReport, o: RenderOptions): string[] {
  const tornados = report.metrics.map((metric, m) => {
    const bars = report.ranking
      .map((f) => ({ label: f.factor, effect: f.effects[m].effect, ci95: f.effects[m].ci95 }))
      .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
    return section(`Tornado: ${metricLabel(metric.name, metric.unit)}, HIGH − LOW`, o, renderTornado(bars, o));
  });
  const rows: Row[] = report.ranking.flatMap((f) => [
    { section: `${f.rank}. ${f.factor}` },
    ...f.effects.map((e) => [
      metricLabel(e.metric, e.unit),
      formatNumber(e.atLow),
      formatNumber(e.atHigh),
      formatSigned(e.effect),
      e.pairs > 1 ? formatInterval(e.ci95) : NA,
      e.pairs > 1 ? (e.significant ? paint('yes', 'green', o.color) : 'no') : NA,
    ]),
  ]);
  const table = renderTable(
    [
      { header: 'Metric' },
      { header: 'At LOW', align: 'right' },
      { header: 'At HIGH', align: 'right' },
      { header: 'Effect', align: 'right' },
      { header: '95% CI', align: 'right' },
      { header: 'CI excludes 0', align: 'right' },
    ],
    rows,
    o,
  );
  return [
    note(`Bars run from 0 to the mean effect, largest first; ├ and ┤ mark its 95% CI. Factors are ranked by the size of their effect on the first metric (${report.metrics[0]?.name ?? NA}).`, o),
    ...tornados,
    section('Effects by factor, ranked', o, table, note('An effect and its CI are over the per-replication differences; At LOW and At HIGH pool every replication (quantiles over all their containers), so for a quantile the effect need not equal their difference. n/a: fewer than two replication pairs.', o)),
  ];
}

function morrisSections(report: MorrisReport, o: RenderOptions): string[] {
  const tables = report.metrics.map((metric, m) => {
    const rows: Row[] = report.ranking
      .map((f) => ({ factor: f.factor, e: f.effects[m] }))
      .sort((a, b) => b.e.muStar - a.e.muStar)
      .map(({ factor, e }, i) => [String(i + 1), factor, formatNumber(e.muStar, 2), formatSigned(e.mu, 2), formatNumber(e.sigma, 2), String(e.effects)]);
    const table = renderTable(
      [
        { header: '#', align: 'right' },
        { header: 'Factor' },
        { header: 'μ*', align: 'right' },
        { header: 'μ', align: 'right' },
        { header: 'σ', align: 'right' },
        { header: 'Effects', align: 'right' },
      ],
      rows,
      o,
    );
    return section(`Morris: ${metricLabel(metric.name, metric.unit)}`, o, table);
  });
  const order = `Each table is sorted by its own μ*; the overall ranking (--json "rank") is by μ* on the first metric (${report.metrics[0]?.name ?? NA}). μ* and μ are in the metric's unit, over each factor's range LOW → HIGH.`;
  return [note(order, o), ...tables];
}

/** A level as the user wrote it: 4, true, [1,2,3,4,5]. */
function levelText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
