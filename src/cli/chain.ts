import { EXIT_USAGE } from './errors.js';

/** Separates the commands of a chain: `khunjerab compare A B C --then capacity A B`. */
export const THEN = '--then';

/** The commands a chain may hold: those that run replications or read scenarios, and print a report. */
const CHAINABLE = new Set(['run', 'compare', 'capacity', 'sensitivity', 'sweep', 'calibrate', 'validate']);

export interface ChainSteps {
  /** Reads a command's arguments and options without running it; false (the problem printed) when they are wrong. */
  check(argv: readonly string[]): Promise<boolean>;
  /** Runs a command; its exit code. */
  run(argv: readonly string[]): Promise<number>;
}

/**
 * Runs a chain of commands joined by `--then`, one after another in this process: the later
 * ones find the scenario files loaded and the worker threads warm (`npm start` runs its
 * comparison and its capacity search so, 2–3 s sooner than as two commands). Every command's
 * words are read before the first runs, so a typo in the last is not found only after the others
 * have spent their time. The chain stops at the first command that fails, with its exit code.
 */
export async function runChain(argv: readonly string[], steps: ChainSteps): Promise<number> {
  const commands = splitChain(argv);
  const problem = chainProblem(commands);
  if (problem !== undefined) {
    process.stderr.write(`khunjerab: ${problem}\n`);
    return EXIT_USAGE;
  }
  for (const command of commands) {
    if (!(await steps.check(command))) return EXIT_USAGE;
  }
  for (const [i, command] of commands.entries()) {
    if (i > 0) process.stdout.write('\n');
    const code = await steps.run(command);
    if (code !== 0) return code;
  }
  return 0;
}

function splitChain(argv: readonly string[]): string[][] {
  const commands: string[][] = [[]];
  for (const word of argv) {
    if (word === THEN) commands.push([]);
    else commands[commands.length - 1].push(word);
  }
  return commands;
}

function chainProblem(commands: readonly string[][]): string | undefined {
  for (const [i, command] of commands.entries()) {
    const where = i === 0 ? 'before the first --then' : `after --then number ${i}`;
    if (command.length === 0) return `${THEN} needs a command on each side; there is none ${where}`;
    if (!CHAINABLE.has(command[0])) return `${THEN} chains ${[...CHAINABLE].join(', ')}; '${command[0]}' ${where} cannot be chained`;
    if (command.includes('--json')) return `${THEN} and --json do not mix: two JSON documents in a row are not one; run the commands separately`;
    if (command.includes('-h') || command.includes('--help')) return `${THEN} and --help do not mix: ask for each command's help on its own`;
  }
  return undefined;
}
