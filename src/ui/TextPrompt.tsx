import { Text, useInput } from 'ink';
import { useRef, useState } from 'react';

interface TextPromptProps {
  /** "Find container: ", "Go to: ". */
  readonly label: string;
  /** What enter and esc do, shown dim after the text. */
  readonly hint: string;
  /** Characters the prompt takes; others are ignored. */
  readonly accepts: RegExp;
  readonly maxLength: number;
  readonly initial?: string;
  readonly onSubmit: (text: string) => void;
  readonly onCancel: () => void;
  /** Called as the text changes (the log filters as you type). */
  readonly onChange?: (text: string) => void;
}

/** One row of typed text: printable keys, backspace, enter to submit, esc (or an empty enter) to cancel. */
export function TextPrompt({ label, hint, accepts, maxLength, initial = '', onSubmit, onCancel, onChange }: TextPromptProps) {
  // Keys that come together (the text, then enter) are handled before React re-renders: read the
  // text through a ref, not a stale render's copy.
  const typedSoFar = useRef(initial);
  const [, redraw] = useState(0);
  const update = (next: string): void => {
    typedSoFar.current = next;
    redraw((v) => v + 1);
    onChange?.(next);
  };
  useInput((input, key) => {
    const text = typedSoFar.current;
    if (key.escape) return onCancel();
    if (key.return) return text.trim() === '' ? onCancel() : onSubmit(text);
    if (key.backspace || key.delete) return update(text.slice(0, -1));
    if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.tab) return;
    // Typed fast (or pasted, or sent by tmux), the text and its enter come in one chunk.
    const [before, ...after] = input.split(/[\r\n]/);
    const typed = [...before].filter((c) => accepts.test(c)).join('');
    const next = (text + typed).slice(0, maxLength);
    if (after.length > 0) return next.trim() === '' ? onCancel() : onSubmit(next);
    if (typed !== '') update(next);
  });
  return (
    <Text wrap="truncate">
      <Text bold>{label}</Text>
      {typedSoFar.current}
      <Text inverse> </Text>
      <Text dimColor>{`  ${hint}`}</Text>
    </Text>
  );
}
