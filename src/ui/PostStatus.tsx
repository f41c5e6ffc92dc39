import { Text } from 'ink';
import { useTone } from './colours.js';

interface PostStatusProps {
  readonly state: string;
  readonly reason: string | null;
}

/** A border post's gate: "open", or "closed (after hours)". */
export function PostStatus({ state, reason }: PostStatusProps) {
  const tone = useTone();
  if (state === 'open') return <Text color={tone('green')}>open</Text>;
  return <Text color={tone('yellow')}>{reason === null ? state : `${state} (${reason})`}</Text>;
}
