import { describe, expect, it } from 'vitest';
import { khunjerab } from './support.js';

/** `khunjerab A … --then B …`: the commands one after another in one process, as npm start runs them. */
describe('a chain of commands', () => {
  const run = ['run', 'scenarios/winter-2025.yaml', '--days', '12', '--replications', '2', '--seed', '3'];
  const capacity = ['capacity', 'scenarios/winter-2025.yaml', '--days', '14', '--replications', '2', '--steps', '1', '--resamples', '20', '--ceiling', '3', '--seed', '5'];

  it('prints what the commands print one by one, a blank line between, on warm worker threads', () => {
    const alone = [khunjerab(run), khunjerab(capacity)];
    const chained = khunjerab([...run, '--then', ...capacity]);
    expect(alone.map((r) => r.status)).toEqual([0, 0]);
    expect(chained.status).toBe(0);
    expect(chained.stdout).toBe(`${alone[0].stdout}\n${alone[1].stdout}`);
  });

  it('stops at the first command that fails, with its exit code', () => {
    const chained = khunjerab(['validate', 'scenarios/missing.yaml', '--then', ...run]);
    expect(chained.status).toBe(2);
    expect(chained.stderr).toContain('scenarios/missing.yaml: file not found');
    expect(chained.stdout).toBe('');
  });

  it.each([
    [[...run, '--then'], /--then needs a command on each side; there is none after --then number 1/],
    [['--then', ...run], /there is none before the first --then/],
    [[...run, '--then', 'step', 'scenarios/winter-2025.yaml'], /'step' after --then number 1 cannot be chained/],
    [[...run, '--json', '--then', ...capacity], /--then and --json do not mix/],
    [[...run, '--then', 'capacity', '--help'], /--then and --help do not mix/],
    [[...run, '--then', ...capacity, '--replicatoins', '3'], /unknown option '--replicatoins'/],
    [[...run, '--then', ...capacity.slice(0, 2), '--steps', 'two'], /--steps/],
  ])('%j exits 2 before anything runs', (args, message) => {
    const result = khunjerab(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
