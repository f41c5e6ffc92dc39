/**
 * `khunjerab sensitivity --html`: what ran, the factors and their levels, then for one factor at
 * a time the tornado and the effects with their CIs, for Morris screening μ*, μ and σ.
 */
import type { MorrisReport, OneAtATimeReport, SensitivityReport } from '../../../run/index.js';
import { COMMON_RANDOM_NUMBERS } from '../../render/comparison.js';
import { formatNumber, isFigure, NA } from '../../render/format.js';
import { metricLabel } from '../../render/labels.js';
import { morrisChart, tornadoChart } from '../charts/sensitivity.js';
import { figureCell, intervalCell, signedCell, textCell, type Cell } from '../cells.js';
import type { ReportPage, ReportSection } from '../document.js';
import { jsonPath } from '../jsonPath.js';
import { htmlTable, type TableRow } from '../tables.js';

export function sensitivityPage(report: SensitivityReport, commandLine: string): ReportPage {
  const method = report.method === 'oat' ? 'one factor at a time' : 'Morris screening';
  const design =
    report.method === 'oat'
      ? "Each factor moves from LOW to HIGH with every other factor at the scenario's value; an effect is HIGH − LOW, the mean over paired replications, with its 95% CI."
      : `${report.trajectories} trajectories on a ${report.levels}-level grid (Δ = ${formatNumber(report.delta, 3)} of each range). An elementary effect is the change of the metric over a factor's whole range; μ* (the mean of their sizes) ranks the factors, μ gives the direction and σ the spread (curvature or interaction).`;
  const sections: ReportSection[] = [
    { id: 'factors', title: 'Factors (LOW → HIGH)', blocks: [factorTable(report)] },
    ...(report.method === 'oat' ? oneAtATimeSections(report) : morrisSections(report)),
  ];
  return {
    title: `Khunjerab corridor — sensitivity of ${report.scenario} (${method})`,
    intro: [...(report.title === undefined ? [] : [report.title]), design, COMMON_RANDOM_NUMBERS],
    facts: [
      ['Scenario', report.scenario],
      ['Horizon', `${report.start}, ${report.days} days, warm-up ${report.warmupDays} days`],
      ['Seed', String(report.seed)],
      ['Replications', `${report.replications} per design point; ${report.designPoints} distinct scenarios run`],
      ['Metrics', report.metrics.map((m) => `${m.name} (${m.what})`).join('; ')],
    ],
    commandLine,
    sections,
  };
}

function factorTable(report: SensitivityReport): string {
  const rows: TableRow[] = report.factors.map((f, i) => [textCell(f.label), textCell(f.path), levelCell(f.low, jsonPath('factors', i, 'low')), levelCell(f.high, jsonPath('factors', i, 'high')), textCell(f.scale)]);
  return htmlTable({ caption: 'Factors and their levels', columns: [{ header: 'Factor' }, { header: 'Scenario field' }, { header: 'LOW' }, { header: 'HIGH' }, { header: 'Scale' }], rows });
}

function oneAtATimeSections(report: OneAtATimeReport): ReportSection[] {
  const rows: TableRow[] = report.ranking.flatMap((f, i): TableRow[] => [
    { group: `${f.rank}. ${f.factor}` },
    ...f.effects.map((e, m): TableRow => {
      const at = (...keys: Array<string | number>): string => jsonPath('ranking', i, 'effects', m, ...keys);
      const known = e.pairs > 1 && isFigure(e.ci95[0]) && isFigure(e.ci95[1]);
      return [
        textCell(metricLabel(e.metric, e.unit)),
        figureCell(e.atLow, at('atLow')),
        figureCell(e.atHigh, at('atHigh')),
        signedCell(e.effect, at('effect')),
        known ? intervalCell(e.ci95, at('ci95')) : textCell(NA),
        textCell(known ? (e.significant ? 'yes' : 'no') : NA),
      ];
    }),
  ]);
  const table = htmlTable({
    caption: 'Effects by factor, ranked by the first metric',
    columns: [{ header: 'Metric' }, { header: 'At LOW', figures: true }, { header: 'At HIGH', figures: true }, { header: 'Effect HIGH − LOW', figures: true }, { header: '95% CI', figures: true }, { header: 'CI excludes 0' }],
    rows,
    notes: ['An effect and its CI are over the per-replication differences; At LOW and At HIGH pool every replication (quantiles over all their containers), so for a quantile the effect need not equal their difference. n/a: fewer than two replication pairs.'],
  });
  return [
    { id: 'tornado', title: 'Tornado', blocks: [tornadoChart(report)] },
    { id: 'effects', title: 'Effects by factor', blocks: [table] },
  ];
}

function morrisSections(report: MorrisReport): ReportSection[] {
  const tables = report.metrics.map((metric, m) => {
    const order = report.ranking.map((f, i) => ({ f, i })).sort((a, b) => (b.f.effects[m]?.muStar ?? 0) - (a.f.effects[m]?.muStar ?? 0));
    const rows: TableRow[] = order.map(({ f, i }) => {
      const e = f.effects[m];
      const at = (key: string): string => jsonPath('ranking', i, 'effects', m, key);
      return [textCell(f.factor), figureCell(e.muStar, at('muStar'), 2), signedCell(e.mu, at('mu'), 2), figureCell(e.sigma, at('sigma'), 2), figureCell(e.effects, at('effects'), 0)];
    });
    return htmlTable({
      caption: `Morris: ${metricLabel(metric.name, metric.unit)}`,
      columns: [{ header: 'Factor' }, { header: 'μ*', figures: true }, { header: 'μ', figures: true }, { header: 'σ', figures: true }, { header: 'Effects', figures: true }],
      rows,
    });
  });
  return [
    { id: 'morris', title: 'Morris screening', blocks: [morrisChart(report)] },
    { id: 'effects', title: 'Elementary effects by metric', blocks: [...tables, `<p class="note">Each table is sorted by its own μ*; the overall ranking (--json "rank") is by μ* on the first metric (${report.metrics[0]?.name ?? NA}). μ* and μ are in the metric's unit, over each factor's range LOW → HIGH.</p>`] },
  ];
}

/** A level as the user wrote it: 4, true, [1,2,3,4,5]; traced to the JSON when it is a number. */
function levelCell(value: unknown, at: string): Cell {
  if (typeof value === 'number') return { text: String(value), json: at };
  return textCell(typeof value === 'string' ? value : JSON.stringify(value));
}
