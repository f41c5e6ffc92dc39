import { Text } from 'ink';
import { useTone } from './colours.js';

export type RunStatus = 'paused' | 'running' | 'finished' | 'busy';

interface RunStatusBadgeProps {
  readonly status: RunStatus;
  /** The speed of r, e.g. "6 h/s", shown while running. */
  readonly speed: string;
  /** What the stepper is busy with ("replaying"). */
  readonly busy?: string;
}

/** Paused, running (r) at its speed, busy replaying, or at the end of the run, readable without colour. */
export function RunStatusBadge({ status, speed, busy }: RunStatusBadgeProps) {
  const tone = useTone();
  switch (status) {
    case 'busy':
      return <Text color={tone('magenta')} bold>{`⧗ ${busy ?? 'busy'}…`}</Text>;
    case 'running':
      return <Text color={tone('green')}>{`▶ RUNNING ${speed}`}</Text>;
    case 'finished':
      return <Text color={tone('yellow')}>■ END OF RUN</Text>;
    case 'paused':
      return <Text dimColor>‖ paused</Text>;
  }
}
