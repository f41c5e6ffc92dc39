import { Command, CommanderError, Option } from 'commander';
import { EXIT_FAILURE, EXIT_USAGE, ReportedError, UsageError } from './errors.js';
import { availableParallelism } from 'node:os';
import { MAX_SEED } from '../kernel/random.js';
import { collect, evenLevels, integerAtLeast, integerBetween, isoDate, numberBetween } from './parseOptions.js';
import { DEFAULT_SENSITIVITY_METRICS, DEFAULT_STUDY_REPLICATIONS } from './commands/sensitivityDefaults.js';
import { addPrecisionOptions } from './precisionOptions.js';
import { reproducingCommand } from './commandLine.js';
import { addQueueOption, addQueueTargetOption } from './queueOption.js';
import { closeAll } from '../run/shutdown.js';
import { THEN, runChain } from './chain.js';

/** Kept here, not imported from run/, so that `--help` does not load the model (a test pins it to run/'s). */
const DEFAULT_LIMIT_TEXT = 'corridorTime.median<=+24h';

/** The same range as a scenario file's `seed`. */
const seedOption = integerBetween(0, MAX_SEED, '--seed', 'seeds are 32-bit, as in scenario files');

/** More replications than any study needs; a bound so that no command line can exhaust memory. */
const MAX_REPLICATIONS = 100_000;

const DEFAULT_REPLICATIONS = 20;

const HTML_HELP = 'also write the report as one self-contained HTML file with charts (opens offline, prints on A4)';
const XLSX_HELP = 'the report as an Excel workbook: an About sheet, then one sheet per table, numbers as numbers with units in the headers';

/**
 * The `khunjerab` command line. Heavy modules (the model, Ink) load inside the actions so
 * `khunjerab --help` starts fast.
 */
export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command('khunjerab')
    .description('Simulate customs clearance on the Kashgar – Khunjerab Pass – Sost Dry Port corridor')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      '\nChains: COMMAND … --then COMMAND … runs run, compare, capacity, sensitivity,\n' +
        'sweep, calibrate or validate one after another in one process, the later ones\n' +
        'on warm worker threads; it stops at the first that fails. Not with --json.\n' +
        'For example (what npm start runs):\n' +
        '  khunjerab compare scenarios/summer-2025.yaml scenarios/winter-2025.yaml \\\n' +
        '    scenarios/winter-2025-unheated.yaml \\\n' +
        '    --then capacity scenarios/summer-2025.yaml scenarios/winter-2025.yaml \\\n' +
        '    --replications 3 --steps 2\n',
    );

  /** Worker threads: a speed setting only, never a change in the result. */
  const workersOption = (command: Command): Command =>
    command.option('--workers <n>', 'worker threads (default: all cores); results never depend on it', integerBetween(1, Math.max(2, availableParallelism()), '--workers', 'the cores of this machine, and never fewer than 2'));

  /** The horizon and the scenario overrides every simulating command takes. */
  const horizonOptions = (command: Command): Command =>
    command
      .addOption(new Option('--days <n>', 'override the horizon in days').argParser(integerAtLeast(1, '--days')).conflicts('until'))
      .option('--until <date>', 'override the horizon: last simulated day, YYYY-MM-DD', isoDate)
      .option('--set <path=value>', 'override a scenario field, validated like the file (repeatable)', collect, [])
      .option('--allow-dir <dir>', 'a folder `extends` may also read scenario files from (repeatable)', collect, []);

  /** The options a report command's action passes on: commander's, and the command line that makes the report again. */
  const withCommandLine = <T extends object>(options: T, command: Command): T & { commandLine: string } => ({
    ...options,
    commandLine: reproducingCommand(command, argv, process.cwd()),
  });

  const simulationOptions = (command: Command, csvHelp = 'one row per container per replication, with every milestone time'): Command =>
    horizonOptions(
      workersOption(
        command
          .option('--seed <n>', 'seed for the run (default: the scenario\'s seed)', seedOption)
          .option('--replications <n>', 'replications per scenario', integerBetween(1, MAX_REPLICATIONS, '--replications', 'a study never needs more'), DEFAULT_REPLICATIONS),
      )
        .option('--json', 'machine-readable output on stdout (see README, "JSON output")')
        .option('--csv <file>', csvHelp)
        .option('--events <file>', 'NDJSON log of every XState transition with its simulated time')
        .option('--html <file>', HTML_HELP)
        .option('--xlsx <file>', XLSX_HELP),
    );

  simulationOptions(
    program
      .command('run')
      .description('run one scenario with replications and print a Time Release Study report')
      .argument('<file>', 'scenario YAML file'),
  )
    .addHelpText('after', '\nExample:\n  khunjerab run scenarios/winter-2025.yaml --seed 7 --replications 30 --set arrivals.scale=2\n')
    .action(async (file: string, options, command: Command) => {
      const { simulate } = await import('./commands/simulate.js');
      await simulate([file], withCommandLine(options, command), 'run');
    });

  simulationOptions(
    program
      .command('compare')
      .description('run two or more scenarios on common random numbers and put them side by side')
      .argument('<files...>', 'scenario YAML files; the first is the baseline'),
  )
    .addHelpText('after', '\nExample:\n  khunjerab compare scenarios/summer-2025.yaml scenarios/winter-2025.yaml --replications 20\n')
    .action(async (files: string[], options, command: Command) => {
      if (files.length < 2) throw new UsageError('compare needs at least two scenario files');
      const { simulate } = await import('./commands/simulate.js');
      await simulate(files, withCommandLine(options, command), 'compare');
    });

  // Replications by precision (precisionOptions.ts) on run and compare; sweep adds them below.
  for (const command of program.commands.filter((c) => c.name() === 'run' || c.name() === 'compare')) {
    addPrecisionOptions(command, MAX_REPLICATIONS, 'with --precision: the metric it aims at, in every scenario and (compare) every paired difference (default timeRelease.mean)')
      .addHelpText('after', `Replications by precision:\n  khunjerab ${command.name()} ${command.name() === 'run' ? '' : 'scenarios/summer-2025.yaml '}scenarios/winter-2025.yaml --seed 7 --precision 5%\n`);
  }

  addPrecisionOptions(
    simulationOptions(
      program
        .command('sweep')
        .description('run a scenario at every point of a grid of field values, on common random numbers, one row per point')
        .argument('<file>', 'scenario YAML file'),
      'one row per point: its values, then each metric\'s mean, CI ends and pooled value',
    ).option('--vary <path=v1,v2,...>', 'a field and its values, each validated like --set (repeatable: a grid, the first --vary changing slowest)', collect, []),
    MAX_REPLICATIONS,
    'a metric to report (repeatable; default timeRelease.mean, timeRelease.p90, throughputPerDay, corridorTime.p90); the first is the one --precision aims at',
  )
    .addHelpText(
      'after',
      '\nValues split on commas outside {}, [] and quotes: --vary \'sost.documentCheck={type: exponential, mean: 3},{type: exponential, mean: 4}\'.\n' +
        '\nExample:\n  khunjerab sweep scenarios/winter-2025.yaml --vary sost.examBays=2,3,4 --vary arrivals.scale=1,2 --replications 10 --seed 7\n',
    )
    .action(async (file: string, options, command: Command) => {
      const { sweep } = await import('./commands/sweep.js');
      await sweep(file, withCommandLine(options, command));
    });

  horizonOptions(
    workersOption(
      program
        .command('capacity')
        .description('the highest demand each scenario clears within a limit on clearance times, its saturation throughput and bottleneck')
        .argument('<files...>', 'scenario YAML files, side by side')
        .option('--seed <n>', 'seed for the run (default: the first scenario\'s seed)', seedOption)
        .option('--replications <n>', 'replications per demand probed', integerBetween(1, MAX_REPLICATIONS, '--replications', 'a study never needs more'), 6),
    ),
  )
    .option('--json', 'machine-readable output on stdout (see README, "JSON output")')
    .option('--html <file>', HTML_HELP)
    .option('--xlsx <file>', XLSX_HELP)
    .option('--limit <expr>', 'the limit kept to: METRIC<=VALUE, e.g. "timeRelease.p90<=72h", "corridorTime.p90<=+24h" (above light traffic), "corridorTime.mean<=1.5x"', DEFAULT_LIMIT_TEXT)
    .option('--metric <name>', 'the metric of the default limit, e.g. timeRelease.p90')
    .option('--ceiling <x>', 'highest demand probed, times the scenario\'s own', numberBetween(1.01, 100, '--ceiling'), 8)
    .option('--light <x>', 'light traffic, times the scenario\'s own demand: the reference of relative limits', numberBetween(0.001, 1, '--light'), 0.1)
    .option('--steps <n>', 'log-bisection steps once the capacity is bracketed', integerBetween(0, 12, '--steps', 'each halves the bracket; 12 is finer than any noise'), 4)
    .option('--resamples <n>', 'bootstrap resamples for the CI of the capacity', integerBetween(0, 10_000, '--resamples', 'more adds time, not precision'), 1000)
    .addHelpText(
      'after',
      '\nExample:\n  khunjerab capacity scenarios/summer-2025.yaml scenarios/winter-2025.yaml --replications 8 --limit "corridorTime.p90<=+24h"\n',
    )
    .action(async (files: string[], options, command: Command) => {
      const { capacity } = await import('./commands/capacity.js');
      await capacity(files, withCommandLine(options, command));
    });

  horizonOptions(
    workersOption(
      program
        .command('calibrate')
        .description('run scenarios and check them against the observed figures they claim; exit 3 if a claimed row does not pass')
        .argument('<files...>', 'scenario YAML files')
        .option('--seed <n>', 'seed for the run (default: the first scenario\'s seed)', seedOption)
        .option('--replications <n>', 'replications per scenario', integerBetween(1, MAX_REPLICATIONS, '--replications', 'a study never needs more'), DEFAULT_REPLICATIONS),
    ),
  )
    .addHelpText(
      'after',
      '\nExit codes: 0 every claimed row passes; 3 a claimed row fails, is inconclusive or has\nno data; 2 bad input; 1 an unexpected failure.\n' +
        '\nExample:\n  khunjerab calibrate scenarios/summer-2025.yaml scenarios/winter-2025.yaml --replications 20\n',
    )
    .action(async (files: string[], options) => {
      const { calibrate } = await import('./commands/calibrate.js');
      await calibrate(files, options);
    });

  horizonOptions(
    workersOption(
      program
        .command('sensitivity')
        .description('which factors move the results: one at a time (a tornado) or Morris screening, on common random numbers')
        .argument('<file>', 'a scenario YAML file with --factor options, or a study file (see studies/)')
        .option('--factor <path=low..high>', 'a scenario field and the two levels it moves between (repeatable; replaces the study\'s factors)', collect, [])
        .option('--metric <name>', `a metric to report; the first ranks the factors (repeatable; default ${DEFAULT_SENSITIVITY_METRICS.join(', ')})`, collect, [])
        .addOption(new Option('--method <method>', 'oat: one factor at a time; morris: elementary effects (default: oat)').choices(['oat', 'morris']))
        .option('--trajectories <n>', 'Morris trajectories (default 10)', integerBetween(1, 10_000, '--trajectories', 'screening never needs more'))
        .option('--levels <p>', 'Morris grid levels, even (default 4)', evenLevels)
        .option('--seed <n>', 'seed for the run (default: the study\'s, else the scenario\'s seed)', seedOption)
        .option('--replications <n>', `replications per design point (default: the study's, else ${DEFAULT_STUDY_REPLICATIONS})`, integerBetween(1, MAX_REPLICATIONS, '--replications', 'a study never needs more')),
    )
      .option('--json', 'machine-readable output on stdout (see README, "JSON output")')
      .option('--html <file>', HTML_HELP)
      .option('--xlsx <file>', XLSX_HELP),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  khunjerab sensitivity scenarios/winter-2025.yaml --factor heating.sostHeated=false..true --factor sost.examBays=8..12\n' +
        '  khunjerab sensitivity studies/winter-investment.yaml --method morris --trajectories 10\n',
    )
    .action(async (file: string, options, command: Command) => {
      const { sensitivity } = await import('./commands/sensitivity.js');
      await sensitivity(file, withCommandLine(options, command));
    });

  // Replications as jobs on a Redis queue (queueOption.ts), and the workers that run them.
  for (const command of program.commands.filter((c) => ['run', 'compare', 'sweep', 'capacity', 'sensitivity'].includes(c.name()))) addQueueOption(command);
  addQueueTargetOption(
    program
      .command('worker')
      .description('run replication jobs from a Redis queue (--queue on run, compare, sweep, capacity, sensitivity) until stopped'),
  )
    .option('--concurrency <n>', 'jobs at once, each in a worker thread (default: all cores)', integerBetween(1, 1024, '--concurrency', 'more threads than any machine has cores'))
    .option('--stall-seconds <n>', 'lock time of a job: if its worker stops (killed, cut off), another takes it after about twice this', integerBetween(1, 3600, '--stall-seconds', 'an hour'), 30)
    .addHelpText(
      'after',
      '\nSIGTERM or Ctrl-C: takes no new job, finishes the ones in hand, exits 0; a second signal stops at once.\n' +
        '\nExample:\n  REDIS_URL=redis://:PASSWORD@queue-host:6379/0 khunjerab worker --queue --concurrency 4\n',
    )
    .action(async (options) => {
      const { worker } = await import('./commands/worker.js');
      await worker(options);
    });

  program
    .command('validate')
    .description('check scenario files and report every error with its file, field and line')
    .argument('<files...>', 'scenario YAML files')
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--allow-dir <dir>', 'a folder `extends` may also read scenario files from (repeatable)', collect, [])
    .addHelpText('after', '\nExample:\n  khunjerab validate scenarios/*.yaml\n')
    .action(async (files: string[], options: { set: string[]; allowDir: string[] }) => {
      const { validate } = await import('./commands/validate.js');
      validate(files, options.set, options.allowDir);
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor completion)')
    .addHelpText('after', '\nExample:\n  khunjerab schema > scenario.schema.json\n')
    .action(async () => {
      const { schema } = await import('./commands/schema.js');
      schema();
    });

  program
    .command('step')
    .description('step through a scenario interactively in the terminal (needs a TTY)')
    .argument('<file>', 'scenario YAML file')
    .option('--seed <n>', 'seed (default: the scenario\'s seed)', seedOption)
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--allow-dir <dir>', 'a folder `extends` may also read scenario files from (repeatable)', collect, [])
    .addHelpText('after', '\nExample:\n  khunjerab step scenarios/winter-2025.yaml --seed 3\n')
    .action(async (file: string, options: { seed?: number; set: string[]; allowDir: string[] }) => {
      const { step } = await import('./commands/step.js');
      await step(file, options);
    });

  return program;
}

/**
 * Runs one command, or a chain of them joined by `--then` (chain.ts): each command's words are
 * read first, then the commands run one after another in this process.
 */
export async function main(argv: readonly string[]): Promise<number> {
  if (!argv.includes(THEN)) return runCommand(argv);
  return runChain(argv, { check: wordsAreValid, run: runCommand });
}

/** Thrown where a command's action would start: its arguments and options have been read. */
class WordsRead extends Error {}

/** Reads a command's arguments and options as running it would (commander prints any problem), without running it. */
async function wordsAreValid(argv: readonly string[]): Promise<boolean> {
  const program = buildProgram(argv).hook('preAction', () => {
    throw new WordsRead();
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof WordsRead) return true;
    if (error instanceof CommanderError) return false;
    throw error;
  }
  return true;
}

async function runCommand(argv: readonly string[]): Promise<number> {
  const program = buildProgram(argv);
  // No command, or help for a command that does not exist, is a usage error: the help goes to stderr.
  const known = new Set(program.commands.map((c) => c.name()));
  if (argv.length === 0 || (argv[0] === 'help' && argv.length > 1 && !known.has(argv[1]))) {
    if (argv.length > 1) process.stderr.write(`khunjerab: unknown command '${argv[1]}'\n`);
    process.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    await closeAll();
    return 0;
  } catch (error) {
    // A queued run removes its waiting jobs and disconnects before the error is reported.
    await closeAll();
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (error instanceof ReportedError) {
      process.stderr.write(`khunjerab: ${error.message}\n`);
      for (const line of error.details) process.stderr.write(`  ${line}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`khunjerab: unexpected failure: ${message}\n`);
    if (process.env.KHUNJERAB_DEBUG !== undefined && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('  (set KHUNJERAB_DEBUG=1 for the stack trace)\n');
    return EXIT_FAILURE;
  }
}
