/** `khunjerab sweep --html`: every point of the grid with each metric's mean and 95 % CI, and the metrics across the grid. */
import type { SweepReport } from '../../../run/index.js';
import { metricLabel } from '../../render/labels.js';
import { sweepChart } from '../charts/sweep.js';
import { unitText } from '../charts/panels.js';
import { figureCell, intervalCell, textCell, type Cell } from '../cells.js';
import type { ReportPage, ReportSection } from '../document.js';
import { jsonPath } from '../jsonPath.js';
import { paragraphOf } from '../markup.js';
import { htmlTable, type TableRow } from '../tables.js';
import { precisionTable } from './scenarioTables.js';

export function sweepPage(report: SweepReport, commandLine: string): ReportPage {
  const sizes = report.vary.map((v) => `${v.path} (${v.values.length} values)`).join(' × ');
  const sections: ReportSection[] = [
    { id: 'points', title: 'Every point of the grid', blocks: [...metricTables(report), paragraphOf('A point\u2019s values are as typed on the command line; `run FILE --set PATH=VALUE …` reruns one point alone.', 'note')] },
    { id: 'charts', title: 'The metrics across the grid', blocks: [sweepChart(report)] },
  ];
  if (report.precision !== undefined) sections.push({ id: 'precision', title: 'Replications by precision', blocks: [precisionTable(report.precision, 'precision')] });
  return {
    title: `Khunjerab corridor — sweep of ${report.scenario}`,
    intro: [
      `${report.points.length} points: ${sizes}, the first changing slowest. Every point runs the same replication seeds (common random numbers), so differences between points reflect the values, not the noise.`,
      'Each figure is the mean over replications with its 95% CI (Student t).',
    ],
    facts: [
      ['Scenario', report.scenario],
      ['Seed', String(report.seed)],
      ['Replications', `${report.replications} per point`],
      ['Metrics', report.metrics.map((m) => `${m.name} (${m.what})`).join('; ')],
    ],
    commandLine,
    sections,
  };
}

/** A swept value as typed (`--set` text after the "="), traced to the JSON when it is a number. */
function typedValueCell(set: string, value: unknown, at: string): Cell {
  const text = set.slice(set.indexOf('=') + 1);
  return typeof value === 'number' ? { text, json: at } : textCell(text);
}

/** One table per metric: each point's values, then the metric's mean, 95 % CI and pooled value. */
function metricTables(report: SweepReport): string[] {
  return report.metrics.map((m) => {
    const rows: TableRow[] = report.points.map((p, i) => {
      const s = p.metrics[m.name];
      const at = (key: string): string => jsonPath('points', i, 'metrics', m.name, key);
      return [textCell(String(p.point)), ...report.vary.map((v, k) => typedValueCell(p.set[k], p.values[v.path], jsonPath('points', i, 'values', v.path))), figureCell(s?.mean, at('mean')), intervalCell(s?.ci95, at('ci95')), figureCell(s?.pooled, at('pooled'))];
    });
    return htmlTable({
      caption: `${metricLabel(m.name, m.unit)} at each point`,
      columns: [{ header: 'Point' }, ...report.vary.map((v) => ({ header: v.path })), { header: `Mean ${unitText(m.unit)}`, figures: true }, { header: '95% CI', figures: true }, { header: `Pooled ${unitText(m.unit)}`, figures: true }],
      rows,
      notes: [`${m.name}: ${m.what}. Mean and CI over each replication's value; pooled over all of them (for a quantile, over every replication's containers).`],
    });
  });
}
