/**
 * `capacity`: how each scenario responds to demand. The limit's metric against demand with the
 * limit line, and the throughput against demand with the line where throughput equals demand;
 * both mark each scenario's capacity. Scenarios share the plot, told apart by dash and shape.
 */
import type { CapacityReport, CapacityStudy } from '../../../run/index.js';
import { isFigure } from '../../render/format.js';
import type { Chart, Layer } from './chart.js';
import type { TopLevelSpec } from 'vega-lite';
import { largest, single, unitText, zeroTo } from './panels.js';
import { seriesEncodings } from './series.js';
import { AXIS_NUMBER, PLOT_WIDTH, REFERENCE } from './theme.js';

const DEMAND_AXIS = 'Demand (vehicles per day)';

export function capacityLimitChart(study: CapacityStudy): Chart {
  const names = study.scenarios.map((s) => s.scenario);
  const series = seriesEncodings('scenario', names, 'Scenario');
  const yMax = 2 * largest(study.scenarios.map((s) => s.allowed));
  const first = study.scenarios[0];
  const probes = study.scenarios.flatMap((s) => s.probes.filter((p) => isFigure(p.value)).map((p) => ({ scenario: s.scenario, demand: p.demandPerDay, value: Math.min(p.value, yMax) })));
  const x = { type: 'quantitative' as const, scale: zeroTo(largest(probes.map((p) => p.demand))), axis: { title: DEMAND_AXIS, format: AXIS_NUMBER } };
  const y = { type: 'quantitative' as const, scale: { ...zeroTo(yMax), clamp: true }, axis: { title: `${first?.metric ?? 'metric'} (${unitText(first?.unit ?? '')})`, format: AXIS_NUMBER } };
  return {
    id: 'capacity-limit',
    title: `${first?.metric ?? 'The limit\u2019s metric'} against demand`,
    description:
      `Each probe of the search: the limit's metric pooled over its replications (containers unfinished at the end count with their time so far) at each demand tried. ` +
      `The horizontal line is the largest value the limit ${study.limit} allows, the vertical line the capacity found (none where it is censored). Values above twice the limit are drawn at the top edge.`,
    spec: demandPlot(study, series, [
      { data: { values: probes }, mark: { type: 'line', point: true, strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'demand' }, y: { ...y, field: 'value' }, ...series } },
      {
        data: { values: study.scenarios.map((s) => ({ scenario: s.scenario, allowed: s.allowed })) },
        mark: { type: 'rule', strokeWidth: 1 },
        encoding: { y: { ...y, field: 'allowed' }, color: series.color, strokeDash: series.strokeDash },
      },
    ]),
  };
}

export function capacityThroughputChart(study: CapacityStudy): Chart {
  const names = study.scenarios.map((s) => s.scenario);
  const series = seriesEncodings('scenario', names, 'Scenario');
  const probes = study.scenarios.flatMap((s) =>
    s.probes
      .filter((p) => isFigure(p.throughputPerDay.mean))
      .map((p) => ({ scenario: s.scenario, demand: p.demandPerDay, throughput: p.throughputPerDay.mean, lo: p.throughputPerDay.ci95[0], hi: p.throughputPerDay.ci95[1] })),
  );
  const top = largest(probes.flatMap((p) => [p.demand, p.hi]));
  const x = { type: 'quantitative' as const, scale: zeroTo(largest(probes.map((p) => p.demand))), axis: { title: DEMAND_AXIS, format: AXIS_NUMBER } };
  const y = { type: 'quantitative' as const, scale: zeroTo(top), axis: { title: 'Released per day at Sost (containers per day)', format: AXIS_NUMBER } };
  return {
    id: 'capacity-throughput',
    title: 'Throughput against demand',
    description:
      'Containers gated out at Sost per measured day at each demand tried, with the 95% CI over replications; the grey dashed line is throughput equal to demand, ' +
      'which a corridor below its capacity follows and a saturated one falls away from. The vertical line marks each scenario\u2019s capacity.',
    spec: demandPlot(study, series, [
      {
        data: { values: [{ demand: 0, throughput: 0 }, { demand: top, throughput: top }] },
        mark: { type: 'line', color: REFERENCE, strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { x: { ...x, field: 'demand' }, y: { ...y, field: 'throughput' } },
      },
      { data: { values: probes }, mark: { type: 'errorbar', ticks: { size: 9 } }, encoding: { x: { ...x, field: 'demand' }, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: series.color } },
      { data: { values: probes }, mark: { type: 'line', point: true, strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'demand' }, y: { ...y, field: 'throughput' }, ...series } },
    ]),
  };
}

/** A plot against demand: `layers`, then a vertical line at each capacity that is not censored. */
function demandPlot(study: CapacityStudy, series: ReturnType<typeof seriesEncodings>, layers: readonly Layer[]): TopLevelSpec {
  return single({ width: PLOT_WIDTH, height: 220, layer: [...layers, ...capacityRules(study.scenarios, series)] });
}

function capacityRules(scenarios: readonly CapacityReport[], series: ReturnType<typeof seriesEncodings>): Layer[] {
  const found = scenarios.filter((s) => s.capacity.censored === 'none' && isFigure(s.capacity.vehiclesPerDay)).map((s) => ({ scenario: s.scenario, capacity: s.capacity.vehiclesPerDay }));
  if (found.length === 0) return [];
  return [{ data: { values: found }, mark: { type: 'rule', strokeWidth: 1 }, encoding: { x: { field: 'capacity', type: 'quantitative' }, color: series.color, strokeDash: series.strokeDash } }];
}
