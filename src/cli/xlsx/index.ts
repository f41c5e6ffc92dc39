/**
 * `--xlsx FILE`: the report of `run`, `compare`, `capacity`, `sensitivity` and `sweep` as a
 * workbook, one sheet per table, after an About sheet. The figures are the report's own (the
 * ScenarioReport, Difference, CapacityStudy, SensitivityReport and SweepReport that --json prints).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CapacityStudy, Difference, PrecisionOutcome, ScenarioReport, SensitivityReport, SweepReport } from '../../run/index.js';
import { removeAtExit } from '../../run/temporaryFiles.js';
import { COMMON_RANDOM_NUMBERS } from '../render/comparison.js';
import { withSeed } from '../commandLine.js';
import { aboutSheet, portablePath, type About } from './about.js';
import { capacitySheets } from './capacitySheets.js';
import { containerRows } from './containerRows.js';
import { reportSheets } from './reportSheets.js';
import { sensitivitySheets } from './sensitivitySheets.js';
import { sweepSheets } from './sweepSheets.js';
import { writeWorkbook, type Sheet } from './workbook.js';

type Fact = readonly [string, string];

const STATISTICS: Fact = ['Statistics', 'Means over replications; CIs are 95% Student-t over replications; quantiles pool the containers of all replications.'];

export interface ReportWorkbook {
  readonly reports: readonly ScenarioReport[];
  /** Empty for `run`. */
  readonly differences: readonly Difference[];
  readonly precision?: PrecisionOutcome;
  /** The scenario files, in the reports' order. */
  readonly files: readonly string[];
  readonly command: string;
  /** The per-container CSV of these very replications; absent under --precision. */
  readonly containerCsv?: string;
}

/** The workbook of `run` (one report) or `compare` (several, the first the baseline). */
export async function writeReportWorkbook(target: string, book: ReportWorkbook): Promise<void> {
  const { reports, precision } = book;
  const containers = book.containerCsv === undefined ? undefined : await containerRows(book.containerCsv);
  const compare = reports.length > 1;
  const replications = precision === undefined ? `${reports[0]?.replications ?? 0} per scenario` : `${precision.replications} per scenario, reached by --precision (batches ${precision.batches.join(', ')})`;
  const about: About = {
    title: compare ? `Khunjerab corridor — comparison of ${reports.length} scenarios` : `Khunjerab corridor — scenario report: ${reports[0]?.scenario ?? ''}`,
    command: book.command,
    facts: [
      ...reports.map((r, i): Fact => [
        `Scenario ${i + 1}${compare && i === 0 ? ' (baseline)' : ''}`,
        `${r.scenario}, ${portablePath(book.files[i] ?? '')}: ${r.description ? `${r.description} ` : ''}Start ${r.start}, ${r.days} days, warm-up ${r.warmupDays} days.`,
      ]),
      ['Seed', String(reports[0]?.seed ?? '')],
      ['Replications', replications],
      [
        'Common random numbers',
        compare
          ? COMMON_RANDOM_NUMBERS
          : 'Replication i draws its arrival, cargo and weather streams from the seed and i, so the same seed gives the same figures, and compare runs this scenario on the same streams.',
      ],
      STATISTICS,
      ['Containers', containerNote(containers)],
    ],
  };
  await write(target, about, [...reportSheets(reports, book.differences, precision), ...(containers === undefined ? [] : [containers.sheet])]);
}

function containerNote(containers: Awaited<ReturnType<typeof containerRows>> | undefined): string {
  if (containers === undefined) {
    return 'Not included: under --precision the number of replications is known only at the end; run again with --replications N (the N reached) for the per-container rows.';
  }
  if (containers.kept < containers.total) return `Sheet "Containers": ${containers.sheet.headerNote}`;
  return `Sheet "Containers": all ${containers.total.toLocaleString('en-US')} rows, one per container per replication, as --csv writes them.`;
}

export async function writeCapacityWorkbook(target: string, study: CapacityStudy, files: readonly string[], command: string): Promise<void> {
  const s = study.settings;
  await write(
    target,
    {
      title: 'Khunjerab corridor — capacity',
      command: withSeed(command, study.seed),
      facts: [
        ...study.scenarios.map((r, i): Fact => [`Scenario ${i + 1}`, `${r.scenario}, ${portablePath(files[i] ?? '')}: ${r.description}`]),
        ['Limit', `${study.limit}: the capacity is the highest demand at which it holds.`],
        ['Seed', String(study.seed)],
        ['Replications', `${study.replications} per demand probed`],
        ['Search', `Light traffic ${s.light}× the scenario's own demand, demand probed up to ${s.ceiling}×, ${s.steps} log-bisection steps once bracketed.`],
        ['95% CI of the capacity', `Percentile bootstrap over replications: ${s.resamples} resamples of whole replications, all probes resampled together.`],
        ['Common random numbers', "Every probe of a scenario runs on the same seeds with nested arrivals: a higher demand keeps every truck of a lower one, at the same moment and with the same cargo."],
      ],
    },
    capacitySheets(study),
  );
}

export async function writeSensitivityWorkbook(target: string, report: SensitivityReport, command: string): Promise<void> {
  await write(
    target,
    {
      title: `Khunjerab corridor — sensitivity of ${report.scenario} (${report.method === 'oat' ? 'one factor at a time' : 'Morris screening'})`,
      command: withSeed(command, report.seed),
      facts: [
        ['Scenario', `${report.scenario}, ${portablePath(report.scenarioFile)}: start ${report.start}, ${report.days} days, warm-up ${report.warmupDays} days.`],
        ...(report.study === undefined ? [] : [['Study', `${portablePath(report.study)}${report.title === undefined ? '' : `: ${report.title}`}`] as Fact]),
        ['Seed', String(report.seed)],
        ['Replications', `${report.replications} per design point; ${report.designPoints} distinct scenarios run.`],
        ['Common random numbers', 'Every design point runs the same replication seeds, so an effect reflects the factor, not the noise.'],
      ],
    },
    sensitivitySheets(report),
  );
}

export async function writeSweepWorkbook(target: string, report: SweepReport, command: string): Promise<void> {
  await write(
    target,
    {
      title: `Khunjerab corridor — sweep of ${report.scenario}`,
      command: withSeed(command, report.seed),
      facts: [
        ['Scenario', `${report.scenario}, ${portablePath(report.file)}`],
        ['Grid', `${report.points.length} points: ${report.vary.map((v) => `${v.path} (${v.values.length})`).join(' × ')}, the first changing slowest.`],
        ['Seed', String(report.seed)],
        ['Replications', `${report.replications} per point`],
        ['Common random numbers', 'Every point runs the same replication seeds, so differences between points reflect the values, not the noise.'],
        STATISTICS,
      ],
    },
    sweepSheets(report),
  );
}

async function write(target: string, about: About, sheets: readonly Sheet[]): Promise<void> {
  await writeWorkbook(target, [aboutSheet(about, sheets), ...sheets]);
}

export interface ReportWorkbookPlan {
  /** Where the replications write their per-container rows for the workbook; absent under --precision (no rows) or when --csv has them. */
  readonly containerCsv?: string;
  write(book: Omit<ReportWorkbook, 'command' | 'containerCsv'> & { readonly seed: number }): Promise<void>;
}

/**
 * `--xlsx` on run and compare, planned before the replications run: the Containers sheet reads
 * the rows the replications write as CSV, into the --csv file or, without one, into a temporary
 * folder removed once the workbook is written (or at exit, whatever happens).
 */
export function planReportWorkbook(target: string, csv: string | undefined, precision: boolean, command: string): ReportWorkbookPlan {
  const folder = csv === undefined && !precision ? mkdtempSync(join(tmpdir(), 'khunjerab-xlsx-')) : undefined;
  const remove = folder === undefined ? undefined : removeAtExit(folder);
  const containerCsv = folder === undefined ? undefined : join(folder, 'containers.csv');
  return {
    containerCsv,
    async write({ seed, ...book }) {
      try {
        await writeReportWorkbook(target, { ...book, command: withSeed(command, seed), containerCsv: precision ? undefined : (csv ?? containerCsv) });
      } finally {
        remove?.();
      }
    },
  };
}
