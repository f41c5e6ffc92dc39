import { Box, Text } from 'ink';
import type { ContainerView } from '../run/index.js';
import { columnsOf, fit } from './layout.js';

interface MilestoneTimelineProps {
  readonly milestones: ContainerView['milestones'];
  readonly width: number;
  readonly rows: number;
}

/**
 * The milestones reached so far with their PKT times, oldest first, in as many columns as
 * the rows allow (read down the first column, then the next).
 */
export function MilestoneTimeline({ milestones, width, rows }: MilestoneTimelineProps) {
  if (milestones.length === 0) return <Text dimColor>no milestone yet</Text>;
  const perColumn = Math.max(1, rows);
  const columns = columnsOf(milestones, Math.ceil(milestones.length / perColumn));
  const columnWidth = Math.floor(width / columns.length);
  return (
    <Box flexDirection="row">
      {columns.map((column, i) => (
        <Box key={i} flexDirection="column" width={columnWidth} flexShrink={0}>
          {column.map((m) => (
            <Text key={m.milestone} wrap="truncate">
              <Text bold>{m.pkt.slice(5)}</Text>
              {` ${fit(m.label, columnWidth - 13)}`}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
