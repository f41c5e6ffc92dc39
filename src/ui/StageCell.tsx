import { Text } from 'ink';
import { fit } from './layout.js';

interface StageCellProps {
  readonly label: string;
  readonly count: number;
  readonly width: number;
}

/** "declaring     5": one journey stage and how many containers are in it; dim when empty. */
export function StageCell({ label, count, width }: StageCellProps) {
  const number = String(count).padStart(4);
  const text = fit(`${fit(label, Math.max(1, width - number.length - 1))}${number}`, width);
  return (
    <Text wrap="truncate" dimColor={count === 0} bold={count > 0}>
      {text}
    </Text>
  );
}
