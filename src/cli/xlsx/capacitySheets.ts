/** The tables of `capacity` as sheets: the capacities side by side, and every demand probed. */
import type { CapacityReport, CapacityStudy } from '../../run/index.js';
import { sheetOf, withCi, type Field } from './fields.js';
import type { Sheet } from './workbook.js';

const VEHICLES = 'vehicles/day';

export function capacitySheets(study: CapacityStudy): Sheet[] {
  return [capacitySheet(study), probeSheet(study)];
}

/** The limit's unit as a header says it: "h" for hours. */
function unitOf(report: CapacityReport): string {
  return report.unit === 'hours' ? 'h' : report.unit;
}

function capacitySheet(study: CapacityStudy): Sheet {
  const units = new Set(study.scenarios.map(unitOf));
  const metricUnit = units.size === 1 ? [...units][0] : "the metric's unit";
  const fields: Array<Field<CapacityReport>> = [
    { header: 'Scenario', width: 24, value: (s) => s.scenario },
    { header: 'Description', width: 40, value: (s) => s.description },
    { header: `Own demand (${VEHICLES})`, format: 'decimal', value: (s) => s.demandPerDay },
    { header: 'Metric', width: 20, value: (s) => s.metric },
    { header: `Light traffic demand (${VEHICLES})`, format: 'decimal', value: (s) => s.lightTraffic.demandPerDay },
    { header: `Metric at light traffic (${metricUnit})`, format: 'decimal', value: (s) => s.lightTraffic.value },
    { header: `Limit allows (${metricUnit})`, format: 'decimal', value: (s) => s.allowed },
    { header: `Capacity (${VEHICLES})`, format: 'decimal', value: (s) => s.capacity.vehiclesPerDay },
    { header: `Capacity, 95% CI low (${VEHICLES})`, format: 'decimal', value: (s) => s.capacity.ci95[0] },
    { header: `Capacity, 95% CI high (${VEHICLES})`, format: 'decimal', value: (s) => s.capacity.ci95[1] },
    { header: 'Capacity (× own demand)', format: 'decimal', value: (s) => s.capacity.multiplier },
    { header: 'Censored', value: (s) => s.capacity.censored },
    { header: `Saturation demand (${VEHICLES})`, format: 'decimal', value: (s) => s.saturation.demandPerDay },
    ...withCi<CapacityReport>('Saturation throughput', VEHICLES, (s) => s.saturation.throughputPerDay),
    { header: 'Saturated', value: (s) => s.saturation.saturated },
    { header: 'Busiest station at capacity', width: 26, value: (s) => s.bottleneck?.busiest.name ?? null },
    { header: 'Its utilisation (%)', format: 'percent', value: (s) => s.bottleneck?.busiest.utilization ?? null },
    { header: 'Most waiting at capacity', width: 26, value: (s) => s.bottleneck?.mostWaiting.name ?? null },
    { header: 'Its share of the waiting (%)', format: 'percent', value: (s) => s.bottleneck?.mostWaiting.share ?? null },
    { header: 'Its mean queue (containers)', format: 'decimal', value: (s) => s.bottleneck?.mostWaiting.meanQueue ?? null },
    { header: `Bottleneck measured at (${VEHICLES})`, format: 'decimal', value: (s) => s.bottleneck?.atDemandPerDay ?? null },
  ];
  return sheetOf(
    'Capacity',
    'One row per scenario: the highest demand at which the limit holds with its bootstrap 95% CI, the saturation throughput and the bottleneck.',
    fields,
    study.scenarios,
  );
}

function probeSheet(study: CapacityStudy): Sheet {
  type Item = { s: CapacityReport; p: CapacityReport['probes'][number] };
  return sheetOf<Item>(
    'Probes',
    "Every demand probed, in the order run: the limit's metric pooled over the replications (unfinished containers count with their time so far), whether the limit held, and the throughput.",
    [
      { header: 'Scenario', width: 24, value: ({ s }) => s.scenario },
      { header: 'Demand (× own demand)', format: 'decimal', value: ({ p }) => p.multiplier },
      { header: `Demand (${VEHICLES})`, format: 'decimal', value: ({ p }) => p.demandPerDay },
      { header: 'Metric', width: 20, value: ({ s }) => s.metric },
      { header: "Metric's value (its unit)", format: 'decimal', value: ({ p }) => p.value },
      { header: 'Limit holds', value: ({ p }) => p.holds },
      ...withCi<Item>('Throughput', VEHICLES, ({ p }) => p.throughputPerDay),
      { header: `Unfinished after the drain (containers per replication)`, format: 'decimal', value: ({ p }) => p.unfinished },
    ],
    study.scenarios.flatMap((s) => s.probes.map((p) => ({ s, p }))),
  );
}
