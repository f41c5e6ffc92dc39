import { Text } from 'ink';
import type { ReactNode } from 'react';

interface TitleLineProps {
  readonly title: string;
  readonly children?: ReactNode;
}

/** A view's first line: its name in reverse video, then what follows, cut at the terminal's edge. */
export function TitleLine({ title, children }: TitleLineProps) {
  return (
    <Text wrap="truncate">
      <Text bold inverse>{` ${title} `}</Text>
      {children}
    </Text>
  );
}
