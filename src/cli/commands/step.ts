import { Stepper } from '../../run/index.js';
import { formatScenarioError, loadScenario } from '../../scenario/index.js';
import { UsageError } from '../errors.js';

export interface StepOptions {
  readonly seed?: number;
  readonly set: readonly string[];
  readonly allowDir?: readonly string[];
}

/** `khunjerab step FILE`: the interactive stepper; needs a terminal on stdin and stdout. */
export async function step(file: string, options: StepOptions): Promise<void> {
  if (process.stdin.isTTY !== true || process.stdout.isTTY !== true) {
    throw new UsageError('khunjerab step needs an interactive terminal (stdin and stdout must be a TTY); use `khunjerab run` for batch output');
  }
  const result = loadScenario(file, [...options.set], { allowDirs: options.allowDir ?? [] });
  if (!result.ok) throw new UsageError('invalid scenario', result.errors.map(formatScenarioError));
  const stepper = new Stepper(result.scenario, options.seed ?? result.scenario.seed);
  // Ink draws only a final frame when CI is set; with a real terminal on both ends the user is
  // at the keyboard, so the stepper must redraw live whatever the environment says.
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (key in process.env) process.env[key] = 'false';
  // React's development build checks every render and is several times slower; the UI is loaded below, after this.
  process.env.NODE_ENV ??= 'production';
  const { runStepUi } = await import('../../ui/runStepUi.js');
  const summary = await runStepUi(stepper);
  process.stdout.write(summary.endsWith('\n') ? summary : `${summary}\n`);
}
