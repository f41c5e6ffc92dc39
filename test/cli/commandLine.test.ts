import { describe, expect, test } from 'vitest';
import { reproducingCommand, withSeed } from '../../src/cli/commandLine.js';
import { buildProgram } from '../../src/cli/program.js';

/** The command line a report shows: what the user typed, with no absolute path and nothing that only changes speed or other outputs. */
const commandNamed = (name: string) => {
  const command = buildProgram().commands.find((c) => c.name() === name);
  if (command === undefined) throw new Error(`no command ${name}`);
  return command;
};

describe('the command that makes a report again', () => {
  test('makes absolute paths relative to the folder it ran in, names the report by its file name, and leaves out --workers, --json, --csv and --events', () => {
    const argv = ['compare', '/home/ana/study/summer.yaml', 'winter.yaml', '--workers', '2', '--json', '--csv', '/home/ana/rows.csv', '--events=/tmp/e.ndjson', '--seed', '7', '--html', '/home/ana/study/out/report.html'];
    expect(reproducingCommand(commandNamed('compare'), argv, '/home/ana/study')).toBe('npx khunjerab compare summer.yaml winter.yaml --seed 7 --html report.html');
  });

  test('keeps values as typed, quoting them for the shell where needed', () => {
    const argv = ['sweep', 'scenarios/winter-2025.yaml', '--vary', 'sost.documentCheck={type: exponential, mean: 3},{type: exponential, mean: 4}', '--precision', '5%', `--set=name=O'Brien`, '--allow-dir', '/srv/shared', '--html=/srv/out.html'];
    expect(reproducingCommand(commandNamed('sweep'), argv, '/srv/work')).toBe(
      "npx khunjerab sweep scenarios/winter-2025.yaml --vary 'sost.documentCheck={type: exponential, mean: 3},{type: exponential, mean: 4}' --precision 5% --set 'name=O'\\''Brien' --allow-dir ../shared --html out.html",
    );
  });

  test('leaves out --queue, with or without its URL (which may hold a password), and names the workbook by its file name', () => {
    const argv = ['compare', 'a.yaml', 'b.yaml', '--queue', 'redis://:S3cret@queue-host:6379/0', '--xlsx', '/home/ana/study/out.xlsx', '--queue', '--seed', '7'];
    const command = reproducingCommand(commandNamed('compare'), argv, '/home/ana/study');
    expect(command).toBe('npx khunjerab compare a.yaml b.yaml --xlsx out.xlsx --seed 7');
    expect(command).not.toContain('S3cret');
  });

  test("states the seed when the scenario's own was used, and keeps the one given", () => {
    expect(withSeed('npx khunjerab run w.yaml', 2025)).toBe('npx khunjerab run w.yaml --seed 2025');
    expect(withSeed('npx khunjerab run w.yaml --seed 3', 2025)).toBe('npx khunjerab run w.yaml --seed 3');
  });
});
