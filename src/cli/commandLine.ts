import * as nodePath from 'node:path';
import type { Command } from 'commander';

/** Options that change where output goes or how fast it comes, not what a report says: left out of the command that makes it again. */
const LEFT_OUT = new Set(['--workers', '--json', '--csv', '--events']);

/** Options whose value is a file or a folder. */
const PATH_OPTIONS = new Set(['--html', '--allow-dir']);

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
    const takesValue = option !== undefined && (option.required || option.optional);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (LEFT_OUT.has(flag)) continue;
    words.push(flag);
    if (value !== undefined) words.push(PATH_OPTIONS.has(flag) ? relative(value, cwd) : value);
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
