import { Box, Text } from 'ink';
import { sparkline } from '../cli/render/sparkline.js';
import type { DayLevels } from '../run/index.js';
import { useTone } from './colours.js';

interface TimelineStripProps {
  readonly days: readonly DayLevels[];
  /** The horizon in days; days after it are the drain. */
  readonly horizonDays: number;
  readonly width: number;
}

const LABEL_WIDTH = 14;
const PEAK_WIDTH = 9;

/** Day cells the strip has room for at this width: one per day, the latest days when they do not all fit. */
export function timelineCells(width: number): number {
  return Math.max(1, width - LABEL_WIDTH - PEAK_WIDTH);
}

/**
 * The days so far, one cell each, like htop's graphs: the most trucks stranded at Tashkurgan,
 * the longest Sost queue, the pass (× shut at some time that day) and ▲ on days a what-if fired.
 */
export function TimelineStrip({ days, horizonDays, width }: TimelineStripProps) {
  const tone = useTone();
  const cells = timelineCells(width);
  const first = Math.max(0, days.length - cells);
  const shown = days.slice(first);
  const stranded = shown.map((d) => d.stranded);
  const queues = shown.map((d) => d.sostQueue);
  const peak = (values: readonly number[]): string => ` max ${Math.max(0, ...values)}`.padEnd(PEAK_WIDTH);
  const pass = shown.map((d) => (d.passShut ? '×' : '─')).join('');
  const marks = shown.map((d, i) => (d.whatIf ? '▲' : first + i + 1 === horizonDays ? '|' : ' ')).join('');
  const span = shown.length === 0 ? '' : ` d${first + 1}–${first + shown.length}`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text dimColor>{'stranded Tkg '.padEnd(LABEL_WIDTH)}</Text>
        <Text color={tone('yellow')}>{sparkline(stranded)}</Text>
        <Text dimColor>{peak(stranded)}</Text>
      </Text>
      <Text wrap="truncate">
        <Text dimColor>{'Sost queues '.padEnd(LABEL_WIDTH)}</Text>
        <Text color={tone('cyan')}>{sparkline(queues)}</Text>
        <Text dimColor>{peak(queues)}</Text>
      </Text>
      <Text wrap="truncate">
        <Text dimColor>{'pass × shut '.padEnd(LABEL_WIDTH)}</Text>
        <Text color={tone('red')}>{pass}</Text>
        <Text dimColor>{span}</Text>
      </Text>
      <Text wrap="truncate" dimColor>
        {`${'▲ what-if'.padEnd(LABEL_WIDTH)}${marks}`.trimEnd()}
        {days.length > horizonDays ? '  | end of horizon' : ''}
      </Text>
    </Box>
  );
}
