import { render, type RenderOptions } from 'ink';
import { createElement } from 'react';
import type { Stepper } from '../run/index.js';
import { StepperApp } from './App.js';
import { DEFAULT_SIZE } from './layout.js';
import { summaryText } from './summaryText.js';

export const NEEDS_TTY_MESSAGE = 'khunjerab step needs an interactive terminal';

/** The message to print (and exit 2) when stdin is not a terminal; undefined when it is. */
export function requireTty(stdin: { readonly isTTY?: boolean }): string | undefined {
  return stdin.isTTY === true ? undefined : NEEDS_TTY_MESSAGE;
}

/** Streams to run on instead of the process's own (tests pass fake terminals). */
export type StepUiStreams = Pick<RenderOptions, 'stdin' | 'stdout' | 'stderr' | 'debug' | 'patchConsole'>;

/**
 * Runs the interactive stepper until q (or Ctrl-C), then returns the summary for the CLI to
 * print, wrapped to the terminal. Check `requireTty(process.stdin)` first: Ink needs raw mode to
 * read keys. The app handles Ctrl-C itself, like q, so the last frame and the summary agree.
 *
 * @example
 * const message = requireTty(process.stdin);
 * if (message !== undefined) { process.stderr.write(`${message}\n`); process.exit(2); }
 * process.stdout.write(`${await runStepUi(new Stepper(params, seed))}\n`);
 */
export async function runStepUi(stepper: Stepper, streams: StepUiStreams = {}): Promise<string> {
  const instance = render(createElement(StepperApp, { stepper }), { exitOnCtrlC: false, ...streams });
  await instance.waitUntilExit();
  const stdout = streams.stdout ?? process.stdout;
  return summaryText(stepper, stdout.columns > 0 ? stdout.columns : DEFAULT_SIZE.columns);
}
