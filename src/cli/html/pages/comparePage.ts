/**
 * `khunjerab compare --html`: the scenarios side by side, their paired differences from the
 * baseline with CIs, the model against observed figures, and the charts, every scenario on the
 * same scales.
 */
import type { Difference, PrecisionOutcome, ScenarioReport } from '../../../run/index.js';
import { COMMON_RANDOM_NUMBERS } from '../../render/comparison.js';
import { isFigure, NA } from '../../render/format.js';
import { capitalise, metricLabel } from '../../render/labels.js';
import { VERDICT_RULE, VERDICT_TEXT } from '../../render/observed.js';
import { releasedPerDayChart, strandedChart } from '../charts/daily.js';
import { differencesChart } from '../charts/differences.js';
import { distributionChart, spreadChart, waterfallChart } from '../charts/timeRelease.js';
import { figureCell, intervalCell, percentCell, signedCell, textCell } from '../cells.js';
import type { ReportPage, ReportSection } from '../document.js';
import { jsonPath } from '../jsonPath.js';
import { paragraphOf } from '../markup.js';
import { htmlTable, type TableRow } from '../tables.js';
import { FIGURES_ARE, horizonText, whatIfFacts } from './facts.js';
import { bandCell, closureRows, figureTable, groupRows, precisionTable, STRANDED_ROWS, THROUGHPUT_ROWS, TIME_ROWS, type FigureRows, type Located } from './scenarioTables.js';

export function comparePage(reports: readonly ScenarioReport[], differences: readonly Difference[], precision: PrecisionOutcome | undefined, commandLine: string): ReportPage {
  const located: Located[] = reports.map((report, i) => ({ report, at: jsonPath('scenarios', i) }));
  const first = reports[0];
  const sameRuns = reports.every((r) => r.seed === first.seed && r.replications === first.replications);
  const sections: ReportSection[] = [
    { id: 'side-by-side', title: 'Scenarios side by side', blocks: [figureTable('The scenarios side by side', sideBySideRows(reports), located, ['n/a: the scenario has no such figure, or no container times to measure.'])] },
    {
      id: 'differences',
      title: `Differences from the baseline (${first.scenario}), paired by replication`,
      blocks: [paragraphOf(COMMON_RANDOM_NUMBERS), differencesTable(reports, differences), differencesChart(differences)],
    },
    { id: 'times', title: 'Time release', blocks: [distributionChart(reports), waterfallChart(reports), spreadChart(reports, 'channels'), spreadChart(reports, 'cargo')] },
    { id: 'daily', title: 'Day by day', blocks: [releasedPerDayChart(reports), strandedChart(reports)] },
    { id: 'observed', title: 'Model against observed figures', blocks: [observedSideBySide(located)] },
  ];
  if (precision !== undefined) sections.push({ id: 'precision', title: 'Replications by precision', blocks: [precisionTable(precision, 'precision')] });
  return {
    title: `Khunjerab corridor — comparison of ${reports.length} scenarios`,
    intro: [COMMON_RANDOM_NUMBERS, FIGURES_ARE],
    facts: [
      ...reports.map((r, i): readonly [string, string] => [`${i + 1}. ${r.scenario}${i === 0 ? ' (baseline)' : ''}`, [r.description, horizonText(r)].filter((s) => s !== '').join(' ')]),
      ...reports.flatMap((r) => whatIfFacts(r, `What-ifs of ${r.scenario}`)),
      ...(sameRuns
        ? [['Seed', String(first.seed)] as const, ['Replications', `${first.replications} per scenario`] as const]
        : reports.map((r): readonly [string, string] => [`Seed and replications of ${r.scenario}`, `${r.seed}, ${r.replications}`])),
    ],
    commandLine,
    sections,
  };
}

function sideBySideRows(reports: readonly ScenarioReport[]): FigureRows {
  const milestones = [...new Set(reports.flatMap((r) => r.milestones.map((m) => m.name)))];
  const resources = [...new Set(reports.flatMap((r) => r.resources.map((res) => res.name)))];
  return [
    { group: 'Throughput and containers' },
    ...THROUGHPUT_ROWS,
    ...TIME_ROWS,
    { group: 'Milestone intervals, mean hours' },
    ...milestones.map((name) => ({
      label: capitalise(name),
      cell: (r: Located) => {
        const i = r.report.milestones.findIndex((m) => m.name === name);
        return i < 0 || !(r.report.completed > 0) ? textCell(NA) : figureCell(r.report.milestones[i].mean, jsonPath(r.at, 'milestones', i, 'mean'));
      },
    })),
    { group: 'Time release by channel' },
    ...groupRows(reports, 'channels'),
    { group: 'Time release by cargo type' },
    ...groupRows(reports, 'cargo'),
    { group: 'Pass closed after the warm-up, days by cause' },
    ...closureRows(reports),
    { group: 'Trucks stranded at Tashkurgan (containers)' },
    ...STRANDED_ROWS,
    { group: 'Resource utilisation' },
    ...resources.map((name) => ({
      label: name,
      cell: (r: Located) => {
        const i = r.report.resources.findIndex((res) => res.name === name);
        return i < 0 ? textCell(NA) : percentCell(r.report.resources[i].utilization, jsonPath(r.at, 'resources', i, 'utilization'));
      },
    })),
  ];
}

function differencesTable(reports: readonly ScenarioReport[], differences: readonly Difference[]): string {
  const oneReplication = reports.some((r) => !(r.replications >= 2));
  const rows: TableRow[] = [];
  let pair = '';
  differences.forEach((d, j) => {
    if (`${d.scenario} − ${d.baseline}` !== pair) {
      pair = `${d.scenario} − ${d.baseline}`;
      rows.push({ group: pair });
    }
    const known = !oneReplication && isFigure(d.ci95[0]) && isFigure(d.ci95[1]);
    rows.push([
      textCell(metricLabel(d.metric, d.unit)),
      signedCell(d.difference, jsonPath('differences', j, 'difference')),
      known ? intervalCell(d.ci95, jsonPath('differences', j, 'ci95')) : textCell(NA),
      textCell(known && isFigure(d.difference) ? (d.significant ? 'yes' : 'no') : NA),
    ]);
  });
  return htmlTable({
    caption: 'Paired differences, scenario minus baseline',
    columns: [{ header: 'Metric' }, { header: 'Difference', figures: true }, { header: '95% CI', figures: true }, { header: 'CI excludes 0' }],
    rows,
    notes: ['A difference is scenario minus baseline, the mean over paired replications; "yes": its 95% CI excludes zero.', oneReplication ? 'n/a: with a single replication there is no confidence interval.' : ''],
  });
}

/** Each observed row once, with every scenario's model mean and verdict. */
function observedSideBySide(located: readonly Located[]): string {
  const ids = [...new Set(located.flatMap((r) => r.report.observed.map((row) => row.id)))];
  if (ids.length === 0) return paragraphOf('The scenarios list no observed figures (observed.rows).');
  const rows: TableRow[] = ids.map((id) => {
    const owner = located.find((r) => r.report.observed.some((o) => o.id === id));
    const rowIndex = owner?.report.observed.findIndex((o) => o.id === id) ?? -1;
    const row = owner?.report.observed[rowIndex];
    const cells = located.flatMap((r) => {
      const i = r.report.observed.findIndex((o) => o.id === id);
      const mine = r.report.observed[i];
      if (mine === undefined || !(mine.model.replications > 0)) return [textCell(NA), textCell(mine === undefined ? NA : VERDICT_TEXT[mine.verdict])];
      const at = jsonPath(r.at, 'observed', i, 'model', 'mean');
      const decimals = Math.abs(mine.model.mean) < 10 ? 2 : 1;
      return [mine.unit === 'share' ? percentCell(mine.model.mean, at) : figureCell(mine.model.mean, at, decimals), textCell(`${VERDICT_TEXT[mine.verdict]}${mine.claimed ? ' *' : ''}`)];
    });
    return [textCell(`${id} ${row?.figure ?? ''}`), row === undefined || owner === undefined ? textCell(NA) : bandCell(row, jsonPath(owner.at, 'observed', rowIndex, 'band')), ...cells];
  });
  return htmlTable({
    caption: 'Model against observed figures',
    columns: [{ header: 'Observed figure' }, { header: 'Band' }, ...located.flatMap((r) => [{ header: `${r.report.scenario}: model`, figures: true }, { header: `${r.report.scenario}: verdict` }])],
    rows,
    notes: ['Model: the mean over the replications that measured the row; * a row that scenario claims.', VERDICT_RULE],
  });
}
