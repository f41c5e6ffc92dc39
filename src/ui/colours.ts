import { createContext, useContext } from 'react';

/**
 * Colour is a hint on top of text that already reads without it (CLOSED in capitals, ▶…◀
 * around the active state). Ink's chalk does not look at NO_COLOR, so the UI does: with
 * NO_COLOR set to anything but "", no component asks for a colour. Bold, dim and inverse stay.
 */
export function coloursWanted(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const noColor = env.NO_COLOR;
  return noColor === undefined || noColor === '';
}

export const ColourContext = createContext(true);

/** `tone('red')` is 'red' when colours are on and undefined when they are off. */
export function useTone(): (colour: string | undefined) => string | undefined {
  const on = useContext(ColourContext);
  return (colour) => (on ? colour : undefined);
}
