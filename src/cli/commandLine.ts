import * as nodePath from 'node:path';
import type { Command } from 'commander';

/**
 * Options that change where output goes or how fast and where it is computed, not what a report
 * says: left out of the command that makes it again (a `--queue` URL may hold a password too).
 */
const LEFT_OUT = new Set(['--workers', '--queue', '--json', '--csv', '--events']);

/** Options whose value is a folder to read from. */
const PATH_OPTIONS = new Set(['--allow-dir']);

/**
 * The report files themselves, named by their file name alone: a page or a workbook says how to
 * make it again, not where it was saved, so the same run gives the same bytes wherever it writes.
 */
const REPORT_FILES = new Set(['--html', '--xlsx']);

/**
 * The command line that makes a report again, as the user typed it (`argv`, the words after
 * `khunjerab`) but with every absolute path made relative to `cwd`, so that the report names no
 * folder of the machine it was made on. Every word the command takes as an argument is a file.
 *
 * @example
 * reproducingCommand(compare, ['compare', '/home/a/s.yaml', 'w.yaml', '--workers', '2', '--html', 'r.html'], '/home/a');
 * // "npx khunjerab compare s.yaml w.yaml --html r.html"
 */
export function reproducingCommand(command: Command, argv: readonly string[], cwd: string): string {
  const words = ['npx', 'khunjerab', command.name()];
  const start = argv.indexOf(command.name());
  let operandsOnly = false;
  for (let i = start + 1; i < argv.length; i++) {
    const word = argv[i];
    if (operandsOnly || !word.startsWith('--')) {
      words.push(relative(word, cwd));
      continue;
    }
    if (word === '--') {
      operandsOnly = true;
      words.push(word);
      continue;
    }
    const [flag, inline] = splitAt(word, '=');
    const option = command.options.find((o) => o.long === flag);
    // As commander reads it: an optional value (`--queue [url]`) is the next word only when that is no option.
    const next = argv[i + 1];
    const takesValue = option !== undefined && (option.required || (option.optional && next !== undefined && !next.startsWith('-')));
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (LEFT_OUT.has(flag)) continue;
    words.push(flag);
    if (value !== undefined) words.push(REPORT_FILES.has(flag) ? nodePath.basename(value) : PATH_OPTIONS.has(flag) ? relative(value, cwd) : value);
  }
  return words.map(shellWord).join(' ');
}

function splitAt(word: string, separator: string): [string, string | undefined] {
  const at = word.indexOf(separator);
  return at < 0 ? [word, undefined] : [word.slice(0, at), word.slice(at + 1)];
}

function relative(path: string, cwd: string): string {
  return nodePath.isAbsolute(path) ? nodePath.relative(cwd, path) || '.' : path;
}

/** A word as a POSIX shell reads it back: bare when safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line with `--seed N` stated when it was left to the scenario, so that it names every input. */
export function withSeed(commandLine: string, seed: number): string {
  return commandLine.split(' ').includes('--seed') ? commandLine : `${commandLine} --seed ${seed}`;
}
