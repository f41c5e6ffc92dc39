import { performance } from 'node:perf_hooks';
import { Corridor } from '../model/corridor/index.js';
import type { CorridorParams } from '../model/params.js';
import { formatScenarioError, loadScenario } from '../scenario/index.js';

export interface ModelRun {
  readonly seconds: number;
  readonly containers: number;
  readonly transitions: number;
  readonly events: number;
  readonly peakRssMb: number;
}

export function loadForBench(file: string): CorridorParams {
  const result = loadScenario(file);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.scenario;
}

/** Demand ×k with every capacity ×k too, so the corridor stays as loaded and only the engine is measured. */
export function scaled(params: CorridorParams, k: number): CorridorParams {
  return {
    ...params,
    name: `${params.name} ×${k}`,
    arrivals: { ...params.arrivals, scale: params.arrivals.scale * k },
    kashgar: { ...params.kashgar, officers: params.kashgar.officers * k, inspectionBays: params.kashgar.inspectionBays * k },
    tashkurgan: { ...params.tashkurgan, officers: params.tashkurgan.officers * k },
    crossing: { ...params.crossing, gateVehiclesPerHour: params.crossing.gateVehiclesPerHour * k },
    sost: {
      ...params.sost,
      gdOfficers: params.sost.gdOfficers * k,
      examBays: params.sost.examBays * k,
      scanners: params.sost.scanners * k,
      bankCounters: params.sost.bankCounters * k,
    },
  };
}

/** Runs the model alone (no reporting), sampling resident memory once per simulated week. */
export function runModel(params: CorridorParams, seed: number): ModelRun {
  const started = performance.now();
  let peak = process.memoryUsage.rss();
  const corridor = new Corridor(params, { seed });
  const end = params.days * 24;
  for (let t = 168; ; t += 168) {
    corridor.runUntil(Math.min(t, end));
    peak = Math.max(peak, process.memoryUsage.rss());
    if (t >= end) break;
  }
  const totals = corridor.totals();
  const seconds = (performance.now() - started) / 1000;
  return { seconds, containers: totals.arrivedTotal, transitions: totals.transitions, events: totals.kernelEvents, peakRssMb: Math.round(peak / 2 ** 20) };
}
