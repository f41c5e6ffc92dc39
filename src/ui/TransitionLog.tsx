import { Box, Text } from 'ink';
import { describeTransition, type TransitionEntry } from './format.js';

interface TransitionLogProps {
  readonly log: readonly TransitionEntry[];
  /** Simulated hours as a short PKT time, "12-03 14:05". */
  readonly formatTime: (t: number) => string;
  readonly rows: number;
  /** Lines about this container are marked •. */
  readonly followed: number | undefined;
}

/**
 * The last few machine transitions, oldest at the top, with their simulated PKT time. It is a
 * live window rather than Ink's <Static>: stepping back rewrites history, and the screen has a
 * fixed height.
 */
export function TransitionLog({ log, formatTime, rows, followed }: TransitionLogProps) {
  const recent = log.slice(-rows);
  const mine = followed === undefined ? '' : `container:${followed}`;
  return (
    <Box flexDirection="column" height={rows}>
      {recent.map((entry, i) => (
        <Text key={i} wrap="truncate" bold={entry.machine === mine}>
          {entry.machine === mine ? '• ' : '  '}
          {describeTransition(entry, formatTime)}
        </Text>
      ))}
    </Box>
  );
}
