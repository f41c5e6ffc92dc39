/** `khunjerab run --html`: one scenario's report, the figures of `--json` with their charts. */
import type { PrecisionOutcome, ScenarioReport } from '../../../run/index.js';
import { CORRIDOR_SPAN, CORRIDOR_TIME, hasTimes, NO_TIMES_REASON, TIME_RELEASE, TIME_RELEASE_SPAN } from '../../render/labels.js';
import { releasedPerDayChart, strandedChart } from '../charts/daily.js';
import { distributionChart, spreadChart, waterfallChart } from '../charts/timeRelease.js';
import type { ReportPage, ReportSection } from '../document.js';
import { paragraphOf } from '../markup.js';
import { FIGURES_ARE, horizonText, whatIfFacts } from './facts.js';
import {
  closureRows,
  figureTable,
  lodgementTable,
  milestoneTable,
  observedTable,
  precisionTable,
  resourceTable,
  spreadTable,
  STRANDED_ROWS,
  THROUGHPUT_ROWS,
  TIME_ROWS,
  type Located,
} from './scenarioTables.js';

export function runPage(report: ScenarioReport, precision: PrecisionOutcome | undefined, commandLine: string): ReportPage {
  const r: Located = { report, at: '' };
  const one = [report];
  const sections: ReportSection[] = [
    { id: 'throughput', title: 'Throughput and containers', blocks: [figureTable('Throughput, and containers per replication', THROUGHPUT_ROWS, [r], ['Released per day counts gate-outs at Sost after the warm-up; the other rows are means per replication, warm-up included, except the time figures\u2019 containers.'])] },
    {
      id: 'times',
      title: 'Time release and corridor time',
      blocks: [
        figureTable('Time release and corridor time, hours', TIME_ROWS, [r], [
          `${TIME_RELEASE}: ${TIME_RELEASE_SPAN} (the WCO Time Release Study measure). ${CORRIDOR_TIME}: ${CORRIDOR_SPAN}.`,
          hasTimes(report) ? 'Percentiles pool the containers of all replications; the CI is over replication means.' : NO_TIMES_REASON,
        ]),
        distributionChart(one),
      ],
    },
    { id: 'milestones', title: 'Milestone intervals (TRS)', blocks: [milestoneTable(r), waterfallChart(one)] },
    {
      id: 'groups',
      title: 'Time release by channel, cargo type and GD lodgement',
      blocks: [spreadTable(r, 'channels', 'Time release by channel'), spreadChart(one, 'channels'), spreadTable(r, 'cargo', 'Time release by cargo type'), spreadChart(one, 'cargo'), lodgementTable(r)],
    },
    { id: 'daily', title: 'Day by day', blocks: [releasedPerDayChart(one), strandedChart(one)] },
    {
      id: 'closures',
      title: 'Pass closures and stranded trucks',
      blocks: [
        figureTable('Pass closed after the warm-up, days by cause', closureRows(one), [r], ['Mean days per replication the crossing was shut after the warm-up, 24 h of closure counting as one day.']),
        figureTable('Trucks stranded at Tashkurgan (containers)', STRANDED_ROWS, [r]),
      ],
    },
    { id: 'resources', title: 'Resources', blocks: [resourceTable(r)] },
    { id: 'observed', title: 'Model against observed figures', blocks: [observedTable(r) ?? paragraphOf('The scenario lists no observed figures (observed.rows).')] },
  ];
  if (precision !== undefined) sections.push({ id: 'precision', title: 'Replications by precision', blocks: [precisionTable(precision, 'precision')] });
  return {
    title: `Khunjerab corridor — scenario report: ${report.scenario}`,
    intro: [report.description, FIGURES_ARE].filter((p) => p !== ''),
    facts: [
      ['Scenario', report.scenario],
      ['Horizon', horizonText(report)],
      ['Seed', String(report.seed)],
      ['Replications', String(report.replications)],
      ...whatIfFacts(report),
    ],
    commandLine,
    sections,
  };
}
