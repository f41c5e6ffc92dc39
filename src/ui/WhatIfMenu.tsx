import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import type { WhatIf } from '../run/index.js';
import { parseMenuNumber, WHAT_IF_CHOICES } from './whatIfChoices.js';
import { useTone } from './colours.js';
import { TitleLine } from './TitleLine.js';

interface WhatIfMenuProps {
  /** The followed container if it is in the corridor (the one force-red applies to). */
  readonly container: number | undefined;
  /** Why no container can be forced red now, when `container` is undefined. */
  readonly unavailable: string;
  /** When the what-if would start, e.g. "2025-12-01 09:35 PKT". */
  readonly at: string;
  readonly onInject: (whatIf: WhatIf) => void;
  readonly onCancel: () => void;
}

/**
 * The what-if menu: arrows or a number pick a line, enter injects it at the current instant,
 * esc cancels. A what-if that needs a number (closing the pass: days) asks for it first.
 * The lines come from the what-if registry.
 */
export function WhatIfMenu({ container, unavailable, at, onInject, onCancel }: WhatIfMenuProps) {
  const tone = useTone();
  // Keys in one chunk (↓ then enter, sent together) are handled before React re-renders, so the
  // menu reads and writes its state through a ref, not a stale render's copy.
  const menu = useRef<{ readonly selected: number; readonly days: string | undefined; readonly error: string }>({ selected: 0, days: undefined, error: '' });
  const [, redraw] = useState(0);
  const update = (next: Partial<typeof menu.current>): void => {
    menu.current = { ...menu.current, ...next };
    redraw((v) => v + 1);
  };
  const count = WHAT_IF_CHOICES.length;

  const choose = (index: number): void => {
    const choice = WHAT_IF_CHOICES[index];
    if (choice.asks !== undefined) return update({ days: '', error: '' });
    const whatIf = choice.build({ answer: undefined, container });
    if (whatIf === undefined) update({ error: `Cannot force red: ${unavailable}.` });
    else onInject(whatIf);
  };

  const confirmDays = (text: string): void => {
    const choice = WHAT_IF_CHOICES[menu.current.selected];
    const n = parseMenuNumber(text, choice.asks?.fallback ?? 1);
    const whatIf = n === undefined ? undefined : choice.build({ answer: n, container });
    if (whatIf === undefined) update({ error: 'Type a whole number from 1 to 365.' });
    else onInject(whatIf);
  };

  useInput((input, key) => {
    const { selected, days } = menu.current;
    if (key.escape) return onCancel();
    const [before, ...after] = input.split(/[\r\n]/);
    const entered = key.return || after.length > 0;
    if (days !== undefined) {
      if (key.backspace || key.delete) return update({ days: days.slice(0, -1) });
      const typed = (days + before.replace(/\D/g, '')).slice(0, 3);
      return entered ? confirmDays(typed) : update({ days: typed });
    }
    if (key.upArrow) return update({ selected: (selected - 1 + count) % count });
    if (key.downArrow) return update({ selected: (selected + 1) % count });
    const n = Number(before);
    const picked = before !== '' && Number.isInteger(n) && n >= 1 && n <= count ? n - 1 : selected;
    if (picked !== selected) update({ selected: picked });
    if (entered) choose(picked);
  });

  const { selected, days, error } = menu.current;
  return (
    <Box flexDirection="column">
      <TitleLine title="WHAT-IF">
        {` starts now, ${at}`}
      </TitleLine>
      {WHAT_IF_CHOICES.map((choice, i) => (
        <Text key={i} wrap="truncate" inverse={i === selected} bold={i === selected}>
          {`${i === selected ? '▶' : ' '} ${i + 1}  ${choice.label(container, unavailable)}`}
        </Text>
      ))}
      <Text> </Text>
      {days !== undefined ? (
        <Text wrap="truncate">
          {`${WHAT_IF_CHOICES[selected].asks?.question ?? ''} [${WHAT_IF_CHOICES[selected].asks?.fallback ?? ''}] `}
          <Text bold>{days}</Text>
          <Text inverse> </Text>
          <Text dimColor>{'  enter to close it, esc to cancel'}</Text>
        </Text>
      ) : null}
      {error !== '' ? (
        <Text wrap="truncate" color={tone('red')}>
          {error}
        </Text>
      ) : null}
    </Box>
  );
}
