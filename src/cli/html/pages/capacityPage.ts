/** `khunjerab capacity --html`: each scenario's capacity, saturation throughput and bottleneck, and how it responds to demand. */
import type { CapacityReport, CapacityStudy } from '../../../run/index.js';
import { formatNumber, isFigure, NA } from '../../render/format.js';
import { capacityLimitChart, capacityThroughputChart } from '../charts/capacity.js';
import { unitText } from '../charts/panels.js';
import { figureCell, intervalCell, percentCell, textCell, type Cell } from '../cells.js';
import type { ReportPage, ReportSection } from '../document.js';
import { jsonPath } from '../jsonPath.js';
import { htmlTable, type TableRow } from '../tables.js';

export function capacityPage(study: CapacityStudy, commandLine: string): ReportPage {
  const first = study.scenarios[0];
  const sections: ReportSection[] = [
    { id: 'capacity', title: 'Capacity side by side', blocks: [summaryTable(study), bottleneckTable(study)] },
    { id: 'response', title: 'Demand and response', blocks: [capacityLimitChart(study), capacityThroughputChart(study)] },
    ...study.scenarios.map((s, i): ReportSection => ({ id: `probes-${i + 1}`, title: `Probes of ${s.scenario}`, blocks: [probeTable(s, i)] })),
  ];
  return {
    title: `Khunjerab corridor — capacity of ${study.scenarios.map((s) => s.scenario).join(', ')}`,
    intro: [
      `Capacity: the highest demand, in vehicles per day (each scenario's own monthly profile scaled), at which ${first?.metric ?? 'the metric'} keeps to the limit ${study.limit}. ` +
        'Containers still inside when the drain period ends count with their time so far. Every probe runs on the same seeds with nested arrivals: a higher demand keeps every truck of a lower one.',
      `The 95% CI of a capacity is a percentile bootstrap over replications (${study.settings.resamples} resamples of whole replications, all probes resampled together).`,
      ...study.scenarios.filter((s) => s.description !== '').map((s) => `${s.scenario}: ${s.description}`),
    ],
    facts: [
      ['Limit', study.limit],
      ['Seed', String(study.seed)],
      ['Replications', `${study.replications} per probe`],
      ['Search', `light traffic ${formatNumber(study.settings.light, 2)}× the scenario's own demand, up to ${formatNumber(study.settings.ceiling, 1)}×, ${study.settings.steps} bisection steps`],
    ],
    commandLine,
    sections,
  };
}

function summaryTable(study: CapacityStudy): string {
  const rows: TableRow[] = study.scenarios.map((s, i) => {
    const at = (...keys: Array<string | number>): string => jsonPath('scenarios', i, ...keys);
    return [
      textCell(s.scenario),
      figureCell(s.demandPerDay, at('demandPerDay')),
      capacityCell(s, at('capacity', 'vehiclesPerDay')),
      s.capacity.censored === 'none' ? intervalCell(s.capacity.ci95, at('capacity', 'ci95')) : textCell(NA),
      figureCell(s.capacity.multiplier, at('capacity', 'multiplier'), 2),
      figureCell(s.saturation.throughputPerDay.mean, at('saturation', 'throughputPerDay', 'mean')),
      textCell(s.saturation.saturated ? 'yes' : 'no'),
    ];
  });
  return htmlTable({
    caption: 'Capacity, vehicles per day',
    columns: [
      { header: 'Scenario' },
      { header: 'Own demand veh/day', figures: true },
      { header: 'Capacity veh/day', figures: true },
      { header: 'Capacity 95% CI', figures: true },
      { header: 'Capacity ÷ own demand', figures: true },
      { header: 'Saturation throughput veh/day', figures: true },
      { header: 'Saturated' },
    ],
    rows,
    notes: [
      'Capacity: "< x": the limit fails even at light traffic; "≥ x": it still holds at the highest demand tried.',
      'Saturation throughput: vehicles gated out per day at twice the lowest demand that failed the limit (within the ceiling); saturated when that clears less than 90% of its demand.',
    ],
  });
}

function capacityCell(s: CapacityReport, at: string): Cell {
  const cell = figureCell(s.capacity.vehiclesPerDay, at);
  if (s.capacity.censored === 'belowLight') return { text: `< ${formatNumber(s.lightTraffic.demandPerDay, 1)}` };
  if (s.capacity.censored === 'aboveCeiling') return { ...cell, text: `≥ ${cell.text}` };
  return cell;
}

function bottleneckTable(study: CapacityStudy): string {
  const rows: TableRow[] = study.scenarios.map((s, i) => {
    const b = s.bottleneck;
    const at = (...keys: Array<string | number>): string => jsonPath('scenarios', i, 'bottleneck', ...keys);
    if (b === null) return [textCell(s.scenario), textCell(NA), textCell(NA), textCell(NA), textCell(NA), textCell(NA)];
    return [
      textCell(s.scenario),
      textCell(b.busiest.name),
      percentCell(b.busiest.utilization, at('busiest', 'utilization'), 0),
      textCell(b.mostWaiting.name),
      percentCell(b.mostWaiting.share, at('mostWaiting', 'share'), 0),
      figureCell(b.atDemandPerDay, at('atDemandPerDay')),
    ];
  });
  return htmlTable({
    caption: 'Bottleneck at capacity',
    columns: [{ header: 'Scenario' }, { header: 'Busiest station' }, { header: 'Utilisation', figures: true }, { header: 'Most containers waiting' }, { header: 'Share of all waiting', figures: true }, { header: 'At demand veh/day', figures: true }],
    rows,
    notes: ['Measured at the highest demand probed at which the limit held; n/a: the limit never held.'],
  });
}

function probeTable(s: CapacityReport, i: number): string {
  const unit = unitText(s.unit);
  const rows: TableRow[] = s.probes.map((p, k) => {
    const at = (...keys: Array<string | number>): string => jsonPath('scenarios', i, 'probes', k, ...keys);
    return [
      figureCell(p.demandPerDay, at('demandPerDay')),
      figureCell(p.multiplier, at('multiplier'), 2),
      isFigure(p.value) ? figureCell(p.value, at('value')) : textCell(NA),
      textCell(p.holds ? 'holds' : 'fails'),
      figureCell(p.throughputPerDay.mean, at('throughputPerDay', 'mean')),
      intervalCell(p.throughputPerDay.ci95, at('throughputPerDay', 'ci95')),
      figureCell(p.unfinished, at('unfinished')),
    ];
  });
  return htmlTable({
    caption: `Every demand tried for ${s.scenario}, lowest first`,
    columns: [
      { header: 'Demand veh/day', figures: true },
      { header: '× own demand', figures: true },
      { header: `${s.metric} ${unit}`, figures: true },
      { header: `Limit (≤ ${formatNumber(s.allowed, 1)} ${unit})` },
      { header: 'Throughput veh/day', figures: true },
      { header: 'Throughput 95% CI', figures: true },
      { header: 'Unfinished per replication', figures: true },
    ],
    rows,
    notes: [`Light traffic: ${formatNumber(s.lightTraffic.value, 1)} ${unit} at ${formatNumber(s.lightTraffic.demandPerDay, 1)} vehicles per day.`],
  });
}
