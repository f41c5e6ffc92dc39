import { loadForBench, runModel, scaled } from './yearModel.js';

/**
 * One scaled-demand run in a process of its own, so its memory is measured alone. The bench
 * starts it with a 1 GB old-space cap: finishing under the cap shows the run fits in 1 GB.
 */
const k = Number(process.argv[2]);
const year = loadForBench('scenarios/year-2025.yaml');
const run = runModel(scaled(year, k), year.seed);
process.stdout.write(`${JSON.stringify(run)}\n`);
