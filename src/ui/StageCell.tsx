import { Text } from 'ink';
import { stageLabel } from './corridorPlaces.js';
import { fit } from './layout.js';

interface StageCellProps {
  readonly state: string;
  readonly count: number;
  readonly width: number;
}

/** "declaring     5": one journey stage and how many containers are in it; dim when empty. */
export function StageCell({ state, count, width }: StageCellProps) {
  const number = String(count).padStart(4);
  const text = fit(`${fit(stageLabel(state), Math.max(1, width - number.length - 1))}${number}`, width);
  return (
    <Text wrap="truncate" dimColor={count === 0} bold={count > 0}>
      {text}
    </Text>
  );
}
