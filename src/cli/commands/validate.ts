import { formatScenarioError, loadScenario } from '../../scenario/index.js';
import { UsageError } from '../errors.js';

/** `khunjerab validate FILE...`: one ok line per good file on stdout; every error of every bad file, exit 2. */
export function validate(files: readonly string[], overrides: readonly string[], allowDirs: readonly string[] = []): void {
  const problems: string[] = [];
  for (const file of files) {
    const result = loadScenario(file, [...overrides], { allowDirs });
    if (result.ok) {
      const s = result.scenario;
      process.stdout.write(`${file}: ok (${s.name}: ${s.days} days from ${s.start}, ${s.regime})\n`);
    } else {
      problems.push(...result.errors.map(formatScenarioError));
    }
  }
  if (problems.length > 0) throw new UsageError(`${problems.length} error(s) in the scenario files`, problems);
}
