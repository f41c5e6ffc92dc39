import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Corridor } from '../model/corridor.js';
import type { CorridorParams } from '../model/params.js';
import { formatScenarioError, loadScenario } from '../scenario/index.js';
import { runKernelBench, runPlainHeapLoop } from './kernelBench.js';

/**
 * `npm run bench`: one JSON line per case on stdout, then a short table. Wall-clock time is
 * read here, in the benchmark, never in the kernel or the model.
 */
interface CaseResult {
  readonly case: string;
  readonly [key: string]: string | number | boolean;
}

const results: CaseResult[] = [];

function report(result: CaseResult): void {
  results.push(result);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function load(file: string): CorridorParams {
  const result = loadScenario(file);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.scenario;
}

/** Demand ×k with every capacity ×k too, so the corridor stays as loaded and only the engine is measured. */
function scaled(params: CorridorParams, k: number): CorridorParams {
  return {
    ...params,
    name: `${params.name} ×${k}`,
    arrivals: { ...params.arrivals, scale: params.arrivals.scale * k },
    kashgar: { ...params.kashgar, officers: params.kashgar.officers * k, inspectionBays: params.kashgar.inspectionBays * k },
    tashkurgan: { ...params.tashkurgan, officers: params.tashkurgan.officers * k },
    sost: {
      ...params.sost,
      gdOfficers: params.sost.gdOfficers * k,
      examBays: params.sost.examBays * k,
      scanners: params.sost.scanners * k,
      bankCounters: params.sost.bankCounters * k,
    },
  };
}

function runModel(params: CorridorParams, seed: number): { seconds: number; containers: number; transitions: number; events: number; peakRssMb: number } {
  global.gc?.();
  const started = performance.now();
  let peak = process.memoryUsage.rss();
  const corridor = new Corridor(params, { seed });
  let steps = 0;
  const end = params.days * 24;
  // Sample memory once per simulated week without disturbing the run.
  for (let t = 168; ; t += 168) {
    corridor.runUntil(Math.min(t, end));
    peak = Math.max(peak, process.memoryUsage.rss());
    steps++;
    if (t >= end) break;
  }
  const totals = corridor.totals();
  const seconds = (performance.now() - started) / 1000;
  return { seconds, containers: totals.arrivedTotal, transitions: totals.transitions, events: totals.kernelEvents, peakRssMb: Math.round(peak / 2 ** 20) };
}

function timeCommand(args: readonly string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, CI: 'true' } });
    times.push((performance.now() - started) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

const kernel = runKernelBench(1_000_000);
const loop = runPlainHeapLoop(kernel.events);
report({ case: 'kernel M/M/3 station', events: kernel.events, seconds: round(kernel.seconds), eventsPerSecond: Math.round(kernel.eventsPerSecond) });
report({ case: 'plain heap loop', events: loop.events, seconds: round(loop.seconds), eventsPerSecond: Math.round(loop.eventsPerSecond) });

const year = load('scenarios/year-2025.yaml');
runModel(scaled(year, 1), year.seed + 99); // warm the JIT
const base = runModel(year, year.seed);
const yearLoop = runPlainHeapLoop(base.events);
const modelEventsPerSecond = base.events / base.seconds;
report({
  case: 'year-2025, 1 replication',
  seconds: round(base.seconds),
  containers: base.containers,
  containersPerSecond: Math.round(base.containers / base.seconds),
  transitions: base.transitions,
  transitionsPerSecond: Math.round(base.transitions / base.seconds),
  kernelEvents: base.events,
  eventsPerSecond: Math.round(modelEventsPerSecond),
  plainLoopEventsPerSecond: Math.round(yearLoop.eventsPerSecond),
  loopOverModel: round(yearLoop.eventsPerSecond / modelEventsPerSecond, 2),
  target: '< 0.5 s',
});

const perContainer1 = base.seconds / base.containers;
const scales = process.argv.includes('--quick') ? [10] : [10, 100];
for (const k of scales) {
  const run = runModel(scaled(year, k), year.seed);
  const perContainer = run.seconds / run.containers;
  report({
    case: `year-2025, demand ×${k}`,
    seconds: round(run.seconds),
    containers: run.containers,
    microsecondsPerContainer: round(perContainer * 1e6, 1),
    ratioToX1: round(perContainer / perContainer1, 2),
    peakRssMb: run.peakRssMb,
    target: 'ratio <= 1.5, RSS < 1024 MB',
  });
}

const startup = timeCommand(['bin/khunjerab.js', '--help'], 5);
report({ case: 'start-up: khunjerab --help', seconds: round(startup), target: '< 0.3 s' });
const compare = timeCommand(
  ['bin/khunjerab.js', 'compare', 'scenarios/summer-2025.yaml', 'scenarios/winter-2025.yaml', 'scenarios/winter-2025-unheated.yaml'],
  1,
);
report({ case: 'npm start (3-scenario compare, default replications)', seconds: round(compare, 2), target: '< 15 s' });

process.stdout.write('\n');
for (const r of results) {
  const figure = 'eventsPerSecond' in r && !('containers' in r) ? `${r.eventsPerSecond} events/s` : `${r.seconds} s`;
  process.stdout.write(`${String(r.case).padEnd(56)} ${figure}\n`);
}
