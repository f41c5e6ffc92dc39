import { Box, Text } from 'ink';
import type { CorridorView } from '../run/index.js';
import { RunStatusBadge, type RunStatus } from './RunStatusBadge.js';

interface HeaderProps {
  readonly view: CorridorView;
  readonly totalDays: number;
  readonly status: RunStatus;
}

/** Two rows: step, last event and run status; then the clock at Sost (PKT) and Kashgar (Beijing). */
export function Header({ view, totalDays, status }: HeaderProps) {
  const day = Math.min(view.day + 1, totalDays);
  return (
    <Box flexDirection="column">
      <Box justifyContent="space-between">
        <Text wrap="truncate">
          <Text bold>Khunjerab stepper</Text>
          {` · step ${view.step} · last event: `}
          <Text bold>{view.lastEvent}</Text>
        </Text>
        <Box flexShrink={0} marginLeft={1}>
          <RunStatusBadge status={status} />
        </Box>
      </Box>
      <Text wrap="truncate">
        <Text bold>{view.clock.pkt}</Text>
        {` · Beijing ${view.clock.beijing} · day ${day} of ${totalDays}`}
      </Text>
    </Box>
  );
}
