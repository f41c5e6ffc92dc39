/** The table of `sweep` as a sheet: one row per point, the swept values then each metric's figures. */
import type { SweepReport } from '../../run/index.js';
import { anyValue, sheetOf, type Field } from './fields.js';
import { precisionSheet } from './precisionSheet.js';
import type { Sheet } from './workbook.js';

type Point = SweepReport['points'][number];

export function sweepSheets(report: SweepReport): Sheet[] {
  const fields: Array<Field<Point>> = [
    { header: 'Point', format: 'integer', value: (p) => p.point },
    ...report.vary.map((v): Field<Point> => ({ header: v.path, width: Math.max(12, v.path.length + 2), value: (p) => anyValue(p.values[v.path]) })),
    ...report.metrics.flatMap((m): Array<Field<Point>> => {
      const unit = m.unit === 'hours' ? 'h' : m.unit;
      return [
        { header: `${m.name}, mean (${unit})`, format: 'decimal', value: (p) => p.metrics[m.name].mean },
        { header: `${m.name}, 95% CI low (${unit})`, format: 'decimal', value: (p) => p.metrics[m.name].ci95?.[0] ?? null },
        { header: `${m.name}, 95% CI high (${unit})`, format: 'decimal', value: (p) => p.metrics[m.name].ci95?.[1] ?? null },
        { header: `${m.name}, pooled (${unit})`, format: 'decimal', value: (p) => p.metrics[m.name].pooled },
      ];
    }),
    { header: 'As --set', width: 40, value: (p) => p.set.join(' ') },
  ];
  return [
    sheetOf(
      'Points',
      "One row per point of the grid, in grid order (the first --vary changing slowest): the swept values, then each metric's mean over replications with its 95% CI and its value pooled over replications.",
      fields,
      report.points,
      1 + report.vary.length,
    ),
    ...(report.precision === undefined ? [] : [precisionSheet(report.precision)]),
  ];
}
