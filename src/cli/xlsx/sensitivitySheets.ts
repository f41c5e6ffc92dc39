/** The tables of `sensitivity` as sheets: the factors and their levels, then the effects ranked. */
import type { MorrisReport, OneAtATimeReport, SensitivityReport } from '../../run/index.js';
import { anyValue, sheetOf, withCi, type Field } from './fields.js';
import type { Sheet } from './workbook.js';

export function sensitivitySheets(report: SensitivityReport): Sheet[] {
  return [factorSheet(report), metricSheet(report), report.method === 'oat' ? effectSheet(report) : morrisSheet(report)];
}

function factorSheet(report: SensitivityReport): Sheet {
  type Factor = SensitivityReport['factors'][number];
  return sheetOf<Factor>(
    'Factors',
    'Each factor, the scenario field it moves and its two levels (LOW → HIGH), as given.',
    [
      { header: 'Factor', width: 40, value: (f) => f.label },
      { header: 'Field', width: 30, value: (f) => f.path },
      { header: 'LOW', width: 16, value: (f) => anyValue(f.low) },
      { header: 'HIGH', width: 16, value: (f) => anyValue(f.high) },
      { header: 'Scale', value: (f) => f.scale },
    ],
    report.factors,
  );
}

function metricSheet(report: SensitivityReport): Sheet {
  type Metric = SensitivityReport['metrics'][number];
  return sheetOf<Metric>(
    'Metrics',
    'The metrics measured, the first the one that ranks the factors.',
    [
      { header: 'Metric', width: 24, value: (m) => m.name },
      { header: 'Unit', width: 16, value: (m) => m.unit },
      { header: 'What', width: 60, value: (m) => m.what },
    ],
    report.metrics,
  );
}

/** The factor's rank and name, then the metric and its unit: the first columns of every effect row. */
function effectKey<T extends { readonly rank: number; readonly factor: string; readonly metric: string; readonly unit: string }>(): Array<Field<T>> {
  return [
    { header: 'Rank', format: 'integer', value: (e) => e.rank },
    { header: 'Factor', width: 40, value: (e) => e.factor },
    { header: 'Metric', width: 24, value: (e) => e.metric },
    { header: 'Unit', width: 16, value: (e) => e.unit },
  ];
}

function effectSheet(report: OneAtATimeReport): Sheet {
  type Effect = OneAtATimeReport['ranking'][number]['effects'][number] & { readonly rank: number; readonly factor: string };
  return sheetOf<Effect>(
    'Effects',
    'One factor at a time, ranked by the size of its effect on the first metric: the metric pooled at LOW and at HIGH, and the effect HIGH − LOW, the mean over paired replications, with its 95% CI.',
    [
      ...effectKey<Effect>(),
      { header: 'At LOW (unit)', format: 'decimal', value: (e) => e.atLow },
      { header: 'At HIGH (unit)', format: 'decimal', value: (e) => e.atHigh },
      ...withCi<Effect>('Effect', 'unit', (e) => ({ mean: e.effect, ci95: e.ci95 })),
      { header: 'CI excludes 0', value: (e) => e.significant },
      { header: 'Replication pairs', format: 'integer', value: (e) => e.pairs },
    ],
    report.ranking.flatMap((f) => f.effects.map((e) => ({ ...e, rank: f.rank, factor: f.factor }))),
    2,
  );
}

function morrisSheet(report: MorrisReport): Sheet {
  type Effect = MorrisReport['ranking'][number]['effects'][number] & { readonly rank: number; readonly factor: string };
  return sheetOf<Effect>(
    'Morris',
    `Morris screening, ${report.trajectories} trajectories on a ${report.levels}-level grid: per factor and metric μ* (the mean size of the elementary effects, the importance), μ (their mean, the direction) and σ (their spread), in the metric's unit over the factor's range; ranked by μ* on the first metric.`,
    [
      ...effectKey<Effect>(),
      { header: 'μ* (unit)', format: 'decimal', value: (e) => e.muStar },
      { header: 'μ (unit)', format: 'decimal', value: (e) => e.mu },
      { header: 'σ (unit)', format: 'decimal', value: (e) => e.sigma },
      { header: 'Elementary effects', format: 'integer', value: (e) => e.effects },
    ],
    report.ranking.flatMap((f) => f.effects.map((e) => ({ ...e, rank: f.rank, factor: f.factor }))),
    2,
  );
}
