import { Box, Text } from 'ink';
import type { CorridorView } from '../run/index.js';
import { fit } from './layout.js';
import { useTone } from './colours.js';

interface ResourceTableProps {
  readonly resources: CorridorView['resources'];
  readonly width: number;
}

const NUMBERS_WIDTH = 14;

/** Officers, bays, scanners and counters: how many are busy of how many on shift, and the queue. */
export function ResourceTable({ resources, width }: ResourceTableProps) {
  const tone = useTone();
  const nameWidth = Math.max(8, width - NUMBERS_WIDTH);
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text wrap="truncate" dimColor>
        {`${fit('Resource', nameWidth)}${'busy/cap'.padStart(8)}${'queue'.padStart(6)}`}
      </Text>
      {resources.map((r) => (
        <Text key={r.name} wrap="truncate" dimColor={r.capacity === 0 && r.queue === 0}>
          {fit(r.name, nameWidth)}
          {`${r.busy}/${r.capacity}`.padStart(8)}
          <Text color={tone(r.queue > 0 && r.capacity === 0 ? 'yellow' : undefined)}>{String(r.queue).padStart(6)}</Text>
        </Text>
      ))}
    </Box>
  );
}
