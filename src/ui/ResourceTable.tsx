import { Box, Text } from 'ink';
import type { CorridorView } from '../run/index.js';
import { fit } from './layout.js';
import { useTone } from './colours.js';

interface ResourceTableProps {
  readonly resources: CorridorView['resources'];
  /** By station name: containers in its stage at another step (booked, with the agent). */
  readonly others: CorridorView['others'];
  readonly width: number;
}

const BUSY_WIDTH = 9;
const QUEUE_WIDTH = 6;
const OTHER_WIDTH = 6;

/** "Kashgar export officers" → "Kashgar officers", "Sost examination bays" → "exam bays": the place and the kind of server. */
function shortName(name: string): string {
  return name
    .replace(/^Sost /, '')
    .replace(/\b(export|inspection|exit) /, '')
    .replace(/^examination /, 'exam ');
}

/**
 * Officers, bays, scanners and counters: how many are busy of how many on shift ("off" when
 * none is), the queue, and the containers in the station's stage that are at another step of it.
 */
export function ResourceTable({ resources, others, width }: ResourceTableProps) {
  const tone = useTone();
  const nameWidth = Math.max(8, width - BUSY_WIDTH - QUEUE_WIDTH - OTHER_WIDTH);
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text wrap="truncate" dimColor>
        {`${fit('Resource', nameWidth)}${'busy/cap'.padStart(BUSY_WIDTH)}${'queue'.padStart(QUEUE_WIDTH)}${'other'.padStart(OTHER_WIDTH)}`}
      </Text>
      {resources.map((r) => {
        const off = r.capacity === 0 && r.busy === 0;
        const other = others.get(r.name) ?? 0;
        return (
          <Text key={r.name} wrap="truncate" dimColor={off && r.queue === 0 && other === 0}>
            {fit(shortName(r.name), nameWidth)}
            {(off ? 'off' : `${r.busy}/${r.capacity}`).padStart(BUSY_WIDTH)}
            <Text color={tone(r.queue > 0 && off ? 'yellow' : undefined)}>{String(r.queue).padStart(QUEUE_WIDTH)}</Text>
            {(other === 0 ? '' : String(other)).padStart(OTHER_WIDTH)}
          </Text>
        );
      })}
    </Box>
  );
}
