/**
 * `khunjerab capacity` on the terminal: the scenarios' capacities side by side, then for
 * each its demand–response chart (the limit's metric and the throughput against demand).
 */
import type { CapacityReport, CapacityStudy } from '../../run/index.js';
import { keyValues, note, section } from './blocks.js';
import { formatInterval, formatNumber, formatPercent } from './format.js';
import { normaliseOptions, type RenderOptions } from './options.js';
import { renderTable, type Column } from './table.js';
import { heading, paragraph } from './text.js';
import { renderXYChart } from './xyChart.js';

const CHART_HEIGHT = 7;

export function renderCapacity(study: CapacityStudy, options: RenderOptions): string {
  const o = normaliseOptions(options);
  const first = study.scenarios[0];
  if (first === undefined) return 'No scenarios.\n';
  const parts = [
    `${heading('Khunjerab corridor — capacity', o.width, o.color)}\n${paragraph(definition(study, first), o.width)}`,
    section('Capacity side by side', o, summaryTable(study, o), note(ciStatement(study), o)),
    ...study.scenarios.map((s) => section(`Demand and response — ${s.scenario}`, o, details(s, o), charts(s, o))),
  ];
  return `${parts.join('\n\n')}\n`;
}

function definition(study: CapacityStudy, first: CapacityReport): string {
  return (
    `Capacity: the highest demand, in vehicles per day (each scenario's own monthly profile scaled), at which ` +
    `${first.metric} keeps to the limit ${study.limit}. Light traffic is ${formatNumber(study.settings.light, 2)}× ` +
    `the scenario's own demand; containers still inside when the drain period ends count with their time so far. ` +
    `Seed ${study.seed}, ${study.replications} replications per probe, every probe on the same seeds with nested arrivals ` +
    `(a higher demand keeps every truck of a lower one), demand up to ${formatNumber(study.settings.ceiling, 1)}× the scenario's own.`
  );
}

function summaryTable(study: CapacityStudy, o: RenderOptions): string {
  const columns: Column[] = [
    { header: 'Scenario' },
    { header: 'Own demand veh/day', align: 'right' },
    { header: 'Capacity veh/day [95% CI]', align: 'right' },
    { header: 'Saturation throughput veh/day', align: 'right' },
    { header: 'Bottleneck at capacity' },
  ];
  const rows = study.scenarios.map((s) => [
    s.scenario,
    formatNumber(s.demandPerDay, 1),
    capacityCell(s),
    `${formatNumber(s.saturation.throughputPerDay.mean, 1)}${s.saturation.saturated ? '' : ' (not saturated)'}`,
    bottleneckCell(s),
  ]);
  return renderTable(columns, rows, o);
}

function capacityCell(s: CapacityReport): string {
  const c = s.capacity;
  if (c.censored === 'belowLight') return `< ${formatNumber(s.lightTraffic.demandPerDay, 1)} (fails at light traffic)`;
  if (c.censored === 'aboveCeiling') return `≥ ${formatNumber(c.vehiclesPerDay, 1)} (holds at the ceiling)`;
  return `${formatNumber(c.vehiclesPerDay, 1)} ${formatInterval(c.ci95, 1)}`;
}

function bottleneckCell(s: CapacityReport): string {
  const b = s.bottleneck;
  if (b === null) return 'n/a';
  const busy = `${b.busiest.name} ${formatPercent(b.busiest.utilization, 0)} busy`;
  if (b.mostWaiting.name === b.busiest.name) return `${busy}, ${formatPercent(b.mostWaiting.share, 0)} of waiting`;
  return `${busy}; most waiting: ${b.mostWaiting.name} ${formatPercent(b.mostWaiting.share, 0)}`;
}

function ciStatement(study: CapacityStudy): string {
  const widths = study.scenarios
    .filter((s) => s.capacity.censored === 'none')
    .map((s) => `${s.scenario} ±${formatNumber((s.capacity.ci95[1] - s.capacity.ci95[0]) / 2, 1)}`);
  return (
    `95% CI: percentile bootstrap over replications (${study.settings.resamples} resamples of whole replications, all probes resampled together). ` +
    (widths.length > 0 ? `Half-widths with ${study.replications} replications: ${widths.join(', ')} vehicles/day; more replications narrow them as 1/√n. ` : '') +
    `Saturation throughput: vehicles gated out per day at twice the lowest demand that failed the limit (within the ceiling); "not saturated" when that still clears 90% of its demand.`
  );
}

function details(s: CapacityReport, o: RenderOptions): string {
  const unit = s.unit === 'hours' ? ' h' : ` ${s.unit}`;
  return keyValues(
    [
      ['Light traffic', `${formatNumber(s.lightTraffic.value, 1)}${unit} at ${formatNumber(s.lightTraffic.demandPerDay, 1)} vehicles/day`],
      ['Limit allows', `${formatNumber(s.allowed, 1)}${unit}`],
      ['Probes', s.probes.map((p) => `${formatNumber(p.demandPerDay, 1)} ${p.holds ? '✓' : '✗'}`).join(', ')],
    ],
    o.width,
  );
}

function charts(s: CapacityReport, o: RenderOptions): string {
  const yUnit = s.unit === 'hours' ? 'h' : '';
  const metricChart = renderXYChart(
    s.probes.map((p) => ({ x: p.demandPerDay, y: p.value })),
    { width: o.width, height: CHART_HEIGHT, color: o.color, yUnit, xUnit: 'veh/day', line: { y: s.allowed, label: 'limit' }, yMax: 2 * s.allowed },
  );
  const throughputChart = renderXYChart(
    s.probes.map((p) => ({ x: p.demandPerDay, y: p.throughputPerDay.mean })),
    { width: o.width, height: CHART_HEIGHT, color: o.color, yUnit: '', xUnit: 'veh/day' },
  );
  return [`${s.metric} against demand (▲ beyond twice the limit)`, metricChart, '', 'Released per day against demand', throughputChart].join('\n');
}
