import { Box, Text } from 'ink';

const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['space', 'fire one kernel event'],
  ['b', 'step back one event (an exact replay from the start)'],
  ['m', "run until the followed container's next milestone"],
  ['d', 'run to the next midnight PKT'],
  ['r', 'run continuously / pause (50 events per tick)'],
  ['i', 'what-if: snowstorm, pass closure, outages, force red'],
  ['tab', 'switch between the corridor and the container view'],
  ['/', 'follow another container: type its id, then enter'],
  ['?', 'show / hide this help'],
  ['q', 'quit and print a summary of the run'],
];

/** The keys, one per line, in place of the current view until ? is pressed again. */
export function HelpPanel() {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold inverse>
          {' HELP '}
        </Text>
        {' press ? to close'}
      </Text>
      {KEYS.map(([key, action]) => (
        <Text key={key} wrap="truncate">
          <Text bold>{key.padEnd(7)}</Text>
          {action}
        </Text>
      ))}
      <Text> </Text>
      <Text wrap="truncate" dimColor>
        Road: ×××× closed, ┄┄┄┄ being cleared. Times are PKT (UTC+5), Beijing UTC+8.
      </Text>
    </Box>
  );
}
