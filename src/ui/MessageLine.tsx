import { Text } from 'ink';
import { useTone } from './colours.js';

export interface Message {
  readonly text: string;
  readonly kind: 'info' | 'error';
}

/** One row of feedback under the view; blank when there is nothing to say. */
export function MessageLine({ message }: { readonly message: Message | undefined }) {
  const tone = useTone();
  if (message === undefined) return <Text> </Text>;
  return (
    <Text wrap="truncate" color={tone(message.kind === 'error' ? 'red' : 'cyan')}>
      {message.kind === 'error' ? `✗ ${message.text}` : message.text}
    </Text>
  );
}
