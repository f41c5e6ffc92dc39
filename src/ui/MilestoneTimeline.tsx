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
 * the rows allow (read down the first column, then the next). When they do not all fit, the
 * latest are shown (the view's "Time" line sums up the earlier stretches).
 */
export function MilestoneTimeline({ milestones, width, rows }: MilestoneTimelineProps) {
  if (milestones.length === 0) return <Text dimColor>no milestone yet</Text>;
  const perColumn = Math.max(1, rows);
  // Columns narrower than a label would cut it: past what fits, the earliest milestones give way.
  const room = perColumn * Math.max(1, Math.floor(width / COLUMN_WIDTH));
  const earlier = milestones.length > room ? milestones.length - room + 1 : 0;
  const lines: Line[] = [...(earlier > 0 ? [{ key: 'earlier', time: '', label: `… ${earlier} earlier` }] : []), ...milestones.slice(earlier).map((m) => ({ key: m.milestone, time: m.pkt.slice(5), label: m.label }))];
  const columns = columnsOf(lines, Math.ceil(lines.length / perColumn));
  const columnWidth = Math.floor(width / columns.length);
  return (
    <Box flexDirection="row">
      {columns.map((column, i) => (
        <Box key={i} flexDirection="column" width={columnWidth} flexShrink={0}>
          {column.map((line) => (
            <Text key={line.key} wrap="truncate" dimColor={line.time === ''}>
              <Text bold>{line.time}</Text>
              {line.time === '' ? line.label : ` ${fit(line.label, columnWidth - 13)}`}
            </Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** Cells a milestone needs: "12-03 14:15 " and the longest label. */
const COLUMN_WIDTH = 38;

interface Line {
  readonly key: string;
  readonly time: string;
  readonly label: string;
}
