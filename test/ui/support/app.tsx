import { render } from 'ink-testing-library';
import { Stepper } from '../../../src/run/index.js';
import { StepperApp, type StepperAppProps } from '../../../src/ui/index.js';
import { testParams } from '../../fixtures/params.js';
import { plain, tick } from './terminal.js';

/** A stepper over the test corridor (30 days from 2025-12-01), seed 1, `steps` events in. */
export function stepperAt(steps = 0, seed = 1): Stepper {
  const stepper = new Stepper(testParams(), seed);
  stepper.stepMany(steps);
  return stepper;
}

/** The step number in a frame's header. */
export function stepShown(screen: string): number {
  return Number(/step (\d+) ·/.exec(screen)?.[1] ?? NaN);
}

/** Waits until `done` holds (checked every 10 ms), at most `ms`. */
export async function until(done: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Renders the app with ink-testing-library and waits a tick so keys are read. */
export async function renderApp(stepper: Stepper, props: Omit<StepperAppProps, 'stepper'> = {}) {
  const app = render(<StepperApp stepper={stepper} {...props} />);
  await tick();
  return { ...app, screen: () => plain(app.lastFrame()) };
}

/** The header's "step N · last event: …" part of a frame. */
export function headerOf(screen: string): string {
  return screen.split('\n')[0] ?? '';
}

/** The active state in the container view, drawn ▶state◀. */
export function activeState(screen: string): string | undefined {
  return /▶(\w+)◀/.exec(screen)?.[1];
}
