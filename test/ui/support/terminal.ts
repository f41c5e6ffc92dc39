import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';

/**
 * A fake terminal of a given size, like ink-testing-library's but with columns and rows you
 * choose (ink-testing-library's is fixed at 100 columns and has no rows).
 */
export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  readonly frames: string[] = [];

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }

  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };

  lastFrame(): string {
    return this.frames.at(-1) ?? '';
  }
}

export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;

  write(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }

  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };

  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export interface FakeTerminal {
  readonly stdin: FakeStdin;
  readonly stdout: FakeStdout;
  readonly stderr: FakeStdout;
}

export function fakeTerminal(columns: number, rows: number): FakeTerminal {
  return { stdin: new FakeStdin(), stdout: new FakeStdout(columns, rows), stderr: new FakeStdout(columns, rows) };
}

/**
 * The fake terminal's streams, typed as Ink's render options expect. In debug mode Ink writes
 * each whole frame; otherwise it writes what a real terminal gets (erasing and redrawing lines,
 * or clearing the screen when a frame fills it).
 */
export function streamsOf(terminal: FakeTerminal, debug = true) {
  return {
    stdin: terminal.stdin as unknown as NodeJS.ReadStream,
    stdout: terminal.stdout as unknown as NodeJS.WriteStream,
    stderr: terminal.stderr as unknown as NodeJS.WriteStream,
    debug,
    patchConsole: false,
  };
}

/** Renders `tree` on a fake terminal of `columns` × `rows`. */
export function renderAt(tree: ReactElement, columns: number, rows: number, debug = true): { terminal: FakeTerminal; instance: Instance } {
  const terminal = fakeTerminal(columns, rows);
  const instance = render(tree, { ...streamsOf(terminal, debug), exitOnCtrlC: false });
  return { terminal, instance };
}

/** Clears the screen (ESC [2J) or the scrollback (ESC [3J): what a redraw must never send. */
export const CLEARS_SCREEN = /\u001B\[[23]J/;

/** Ink needs a tick to attach its input listener and to redraw after a key. */
export const tick = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The frame as plain text, colours stripped (they are off under NO_COLOR anyway). */
export function plain(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '');
}

/**
 * Writes each key in turn. After each it waits for the redraw (up to 300 ms; a key that changes
 * nothing just costs the wait), then a tick more so any input handler the redraw mounted is
 * listening before the next key.
 */
export async function press(terminal: Keyboard, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    const before = terminal.stdout.frames.length;
    terminal.stdin.write(key);
    const deadline = Date.now() + 300;
    while (terminal.stdout.frames.length === before && Date.now() < deadline) await tick(2);
    await tick();
  }
}

/** What `press` needs: ink-testing-library's render result and `FakeTerminal` both fit. */
export interface Keyboard {
  readonly stdin: { write(data: string): void };
  readonly stdout: { readonly frames: readonly unknown[] };
}

export const KEY = { tab: '\t', enter: '\r', escape: '\u001B', up: '\u001B[A', down: '\u001B[B', backspace: '\u007F' } as const;
