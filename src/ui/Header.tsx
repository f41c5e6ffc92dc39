import { Box, Text } from 'ink';
import type { CorridorView } from '../run/index.js';
import { RunStatusBadge, type RunStatus } from './RunStatusBadge.js';

interface HeaderProps {
  readonly view: CorridorView;
  readonly status: RunStatus;
  readonly speed: string;
  readonly busy?: string;
}

/** Two rows: step, last event and run status; then the clock at Sost (PKT), Kashgar (Beijing, UTC+8), the day and the speed of r. */
export function Header({ view, status, speed, busy }: HeaderProps) {
  return (
    <Box flexDirection="column">
      <Box justifyContent="space-between">
        <Text wrap="truncate">
          <Text bold>Khunjerab stepper</Text>
          {` · step ${view.step} · last event: `}
          <Text bold>{view.lastEvent}</Text>
        </Text>
        <Box flexShrink={0} marginLeft={1}>
          <RunStatusBadge status={status} speed={speed} busy={busy} />
        </Box>
      </Box>
      <Text wrap="truncate">
        <Text bold>{view.clock.pkt}</Text>
        {` · Beijing ${view.clock.beijing.slice(5, 16)} · `}
        <Text bold={view.draining}>{view.dayLabel}</Text>
        {view.draining ? ' (no arrivals)' : ''}
        <Text dimColor>{status === 'running' ? '' : ` · r ${speed}`}</Text>
      </Text>
    </Box>
  );
}
