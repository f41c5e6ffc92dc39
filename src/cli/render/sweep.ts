/**
 * `khunjerab sweep` on the terminal: one row per point of the grid, in grid order, with the
 * values of the swept fields, then each metric's mean over replications ± the half-width of its
 * 95 % CI; and, as a CSV file, the same rows with every figure in its own column.
 */
import { csvText, type MetricSummary, type SweepPoint, type SweepReport } from '../../run/index.js';
import { note } from './blocks.js';
import { formatNumber, isFigure, NA } from './format.js';
import { causeLabel } from './labels.js';
import { normaliseOptions, type RenderOptions } from './options.js';
import { naturalWidths, renderTable, tableWidth, type Column, type Row } from './table.js';
import { paint, paragraph } from './text.js';

/**
 * @example
 * process.stdout.write(renderSweep(buildSweepReport(input), { width: 80, color: false }));
 */
export function renderSweep(report: SweepReport, options: RenderOptions): string {
  const o = normaliseOptions(options);
  const rows: Row[] = report.points.map((p) => [...typedValues(p), ...report.metrics.map((m) => meanAndHalfWidth(p.metrics[m.name]))]);
  const metricColumns = report.metrics.map((m): Column => ({ header: metricHeader(m.name, m.unit), align: 'right' }));
  const columnsWith = (header: (path: string) => string): Column[] => [...report.vary.map((v): Column => ({ header: header(v.path) })), ...metricColumns];
  // A path is one long word; when the table is too wide, its header breaks after each dot, so the figures keep their room.
  const whole = columnsWith((path) => path);
  const columns = tableWidth(naturalWidths(whole, rows)) <= o.width ? whole : columnsWith((path) => path.replace(/\./g, '.\n'));
  const sizes = report.vary.map((v) => `${v.path} (${v.values.length})`).join(' × ');
  const intro =
    `Seed ${report.seed}, ${report.replications} replication${report.replications === 1 ? '' : 's'} per point, ${report.points.length} point${report.points.length === 1 ? '' : 's'}: ${sizes}, ` +
    'the first changing slowest. Every point runs the same replication seeds (common random numbers), so differences between points reflect the values, not the noise.';
  const legend =
    `Each figure is the mean over replications ± the half-width of its 95% CI (Student t). Columns, by --metric name: ${report.metrics.map((m) => `${m.name} (${m.unit})`).join(', ')}.`;
  return [
    paint(paragraph(`Khunjerab corridor — sweep of ${report.scenario} (${report.file})`, o.width), 'bold', o.color),
    '',
    paragraph(intro, o.width),
    '',
    renderTable(columns, rows, o),
    note(legend, o),
  ].join('\n');
}

/** "Time release p90 (h)" for timeRelease.p90: words that wrap, where the name would not. */
function metricHeader(name: string, unit: string): string {
  return `${causeLabel(name.replace(/\./g, ' '))}${unit === 'hours' ? ' (h)' : ''}`;
}

/** Each swept value as typed: the part of its `--set` argument after the first "=" (paths have none). */
function typedValues(p: SweepPoint): string[] {
  return p.set.map((s) => s.slice(s.indexOf('=') + 1));
}

function meanAndHalfWidth(s: MetricSummary | undefined): string {
  if (s === undefined || !isFigure(s.mean) || s.ci95 === null) return NA;
  return `${formatNumber(s.mean, 1)} ±${formatNumber((s.ci95[1] - s.ci95[0]) / 2, 1)}`;
}

/**
 * The sweep as CSV, one row per point in grid order:
 *
 *   point,sost.examBays,timeRelease.mean_mean,timeRelease.mean_ci_low,timeRelease.mean_ci_high,timeRelease.mean_pooled,…
 *   1,2,85.2,81.6,88.7,84.9,…
 *
 * A swept value is written as typed; a figure that does not exist is an empty cell.
 */
export function sweepCsv(report: SweepReport): string {
  const header = ['point', ...report.vary.map((v) => v.path), ...report.metrics.flatMap((m) => [`${m.name}_mean`, `${m.name}_ci_low`, `${m.name}_ci_high`, `${m.name}_pooled`])];
  const lines = report.points.map((p) => {
    const figures = report.metrics.flatMap((m) => {
      const s = p.metrics[m.name];
      return [s.mean, s.ci95?.[0] ?? null, s.ci95?.[1] ?? null, s.pooled];
    });
    return [String(p.point), ...typedValues(p), ...figures.map((x) => (x === null || !Number.isFinite(x) ? '' : String(x)))].map(csvText).join(',');
  });
  return `${[header.map(csvText).join(','), ...lines].join('\n')}\n`;
}
