import { Box, Text } from 'ink';
import { TitleLine } from './TitleLine.js';

const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['space', 'fire one event; every press counts, a held key too'],
  ['b', 'back one event: replayed from the nearest checkpoint'],
  ['m  d', "on to the followed container's next milestone / the next midnight PKT"],
  ['r  + -', 'run / pause; faster / slower (speed in header); pauses at the horizon'],
  ['g', 'go to a step (1234), a PKT time (2025-12-15 14:00, 12-15, 14:00), day 30'],
  ['i  x', 'inject a what-if now / forget the what-ifs kept for redo'],
  ['tab', 'switch view: corridor → container → timeline'],
  ['l', 'the log: ↑↓ PgUp PgDn scroll; type a container id or machine to filter'],
  ['/  f', 'follow a container by id / follow the next one to arrive'],
];

const NOTES = [
  'What-ifs: going back before one undoes it (the message says so). It is kept and',
  'redone on reaching its step again (the same state as before); x forgets it.',
  'Days: day 1 = start date, midnight to midnight PKT (UTC+5); then drain day N.',
  'Road ×××× closed, ┄┄┄┄ clearing. The Kashgar clock is Beijing time (UTC+8).',
  'Resources: busy/cap (off: off shift) · queue · other: in the stage, another step',
];

/** The keys, one per line, in place of the current view until ? is pressed again. */
export function HelpPanel() {
  return (
    <Box flexDirection="column">
      <TitleLine title="HELP">
        {' ? closes · q quits with a summary (Ctrl-C too)'}
      </TitleLine>
      {KEYS.map(([key, action]) => (
        <Text key={key} wrap="truncate">
          <Text bold>{key.padEnd(8)}</Text>
          {action}
        </Text>
      ))}
      {NOTES.map((note) => (
        <Text key={note} wrap="truncate" dimColor>
          {note}
        </Text>
      ))}
    </Box>
  );
}
