import { Box, Text } from 'ink';
import type { CorridorView } from '../run/index.js';
import { MIN_SIZE, type ScreenSize } from './layout.js';
import { MessageLine, type Message } from './MessageLine.js';

interface TooSmallProps {
  readonly size: ScreenSize;
  readonly view: CorridorView;
  readonly status: string;
  readonly message: Message | undefined;
}

/**
 * Below the minimum size: a notice, and as much of the run's status as fits in a few short
 * rows, so keys still do what they say and the frame never fills the terminal (which would make
 * Ink clear the screen and the scrollback on every redraw).
 */
export function TooSmall({ size, view, status, message }: TooSmallProps) {
  const rows = [
    `terminal too small (need ${MIN_SIZE.columns}×${MIN_SIZE.rows}, have ${size.columns}×${size.rows})`,
    `step ${view.step} · ${view.dayLabel} · ${status}`,
    `${view.clock.pkt} · inside ${view.inside} · released ${view.released}`,
    'keys: space b m d r g + - · q quits',
  ];
  const room = Math.max(1, size.rows - 2);
  return (
    <Box flexDirection="column" width={size.columns}>
      {rows.slice(0, room).map((row, i) => (
        <Text key={i} wrap="truncate" bold={i === 0}>
          {row}
        </Text>
      ))}
      {room > rows.length ? <MessageLine message={message} /> : null}
    </Box>
  );
}
