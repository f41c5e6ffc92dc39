import { Text } from 'ink';
import { useTone } from './colours.js';

export type RunStatus = 'paused' | 'running' | 'finished';

/** Paused, running (r) or at the end of the horizon, readable without colour. */
export function RunStatusBadge({ status }: { readonly status: RunStatus }) {
  const tone = useTone();
  switch (status) {
    case 'running':
      return <Text color={tone('green')}>▶ RUNNING</Text>;
    case 'finished':
      return <Text color={tone('yellow')}>■ END OF RUN</Text>;
    case 'paused':
      return <Text dimColor>‖ paused</Text>;
  }
}
