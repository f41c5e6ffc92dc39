import { Text } from 'ink';
import { useTone } from './colours.js';

interface PassRoadStatusProps {
  readonly state: string;
  readonly cause: string | null;
}

/** OPEN, CLOSED · snow, or CLEARING · avalanche: in capitals so it reads without colour. */
export function PassRoadStatus({ state, cause }: PassRoadStatusProps) {
  const tone = useTone();
  if (state === 'open') return <Text color={tone('green')}>OPEN</Text>;
  const because = cause === null ? '' : state === 'clearing' ? ` after ${cause}` : ` · cause ${cause}`;
  return (
    <Text>
      <Text color={tone(state === 'closed' ? 'red' : 'yellow')} bold>
        {state.toUpperCase()}
      </Text>
      {because}
    </Text>
  );
}
