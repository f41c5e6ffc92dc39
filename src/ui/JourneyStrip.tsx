import { Box, Text } from 'ink';
import { wrapItems } from './layout.js';
import { useTone } from './colours.js';

interface JourneyStripProps {
  readonly states: readonly string[];
  readonly active: string;
  readonly width: number;
}

/** Cells a state takes: its name between two marker cells, " scan " or "▶scan◀". */
const stateWidth = (state: string): number => state.length + 2;

/** How many rows the strip takes at this width (the container view budgets its rows with it). */
export function journeyStripRows(states: readonly string[], width: number): number {
  return wrapItems(states, stateWidth, width).length;
}

/**
 * Every state of the journey machine in order, wrapped over a few rows, with the active one
 * marked ▶…◀ and drawn in inverse so it stands out with or without colour.
 */
export function JourneyStrip({ states, active, width }: JourneyStripProps) {
  const tone = useTone();
  const rows = wrapItems(states, stateWidth, width);
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate">
          {row.map((state, j) => (
            <Text key={state}>
              {j > 0 ? ' ' : ''}
              {state === active ? (
                <Text bold inverse color={tone('cyan')}>{`▶${state}◀`}</Text>
              ) : (
                <Text dimColor>{` ${state} `}</Text>
              )}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
