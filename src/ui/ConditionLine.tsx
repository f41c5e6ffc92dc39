import { Text } from 'ink';
import type { ReactNode } from 'react';

export const CONDITION_LABEL_WIDTH = 14;

interface ConditionLineProps {
  readonly label: string;
  readonly children: ReactNode;
}

/** "Pass road     CLOSED · what-if": a label column, then the condition. */
export function ConditionLine({ label, children }: ConditionLineProps) {
  return (
    <Text wrap="truncate">
      <Text dimColor>{label.padEnd(CONDITION_LABEL_WIDTH)}</Text>
      {children}
    </Text>
  );
}
