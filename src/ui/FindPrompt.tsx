import { Text, useInput } from 'ink';
import { useState } from 'react';

interface FindPromptProps {
  readonly onFind: (id: number) => void;
  readonly onCancel: () => void;
}

/** "Find container: 12▏": digits, backspace, enter to follow that id, esc (or an empty enter) to cancel. */
export function FindPrompt({ onFind, onCancel }: FindPromptProps) {
  const [text, setText] = useState('');
  useInput((input, key) => {
    if (key.escape) return onCancel();
    if (key.return) return text === '' ? onCancel() : onFind(Number(text));
    if (key.backspace || key.delete) return setText(text.slice(0, -1));
    const digits = input.replace(/\D/g, '');
    if (digits !== '') setText((text + digits).slice(0, 9));
  });
  return (
    <Text wrap="truncate">
      <Text bold>Find container: </Text>
      {text}
      <Text inverse> </Text>
      <Text dimColor>{'  enter to follow it, esc to cancel'}</Text>
    </Text>
  );
}
