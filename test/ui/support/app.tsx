import { render } from 'ink-testing-library';
import { Stepper } from '../../../src/run/index.js';
import { StepperApp } from '../../../src/ui/index.js';
import { testParams } from '../../fixtures/params.js';
import { plain, tick } from './terminal.js';

/** A stepper over the test corridor (30 days from 2025-12-01), seed 1, `steps` events in. */
export function stepperAt(steps = 0, seed = 1): Stepper {
  const stepper = new Stepper(testParams(), seed);
  for (let i = 0; i < steps; i++) stepper.step();
  return stepper;
}

/** Renders the app with ink-testing-library and waits a tick so keys are read. */
export async function renderApp(stepper: Stepper) {
  const app = render(<StepperApp stepper={stepper} />);
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
