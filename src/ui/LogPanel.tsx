import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { filterLog, type TransitionRecord } from '../run/index.js';
import { TransitionLog } from './TransitionLog.js';
import { TitleLine } from './TitleLine.js';

interface LogPanelProps {
  readonly log: readonly TransitionRecord[];
  readonly formatTime: (t: number) => string;
  readonly rows: number;
  readonly followed: number | undefined;
  readonly onLeave: () => void;
}

/**
 * The log with the keyboard (l): ↑/↓ and PgUp/PgDn scroll back through the kept transitions,
 * typing filters them (a container id, or part of a machine's name: road, post, what-if), esc
 * or enter goes back to the keys.
 */
export function LogPanel({ log, formatTime, rows, followed, onLeave }: LogPanelProps) {
  const [filter, setFilter] = useState('');
  const [back, setBack] = useState(0);
  const lines = filterLog(log, filter);
  const shown = Math.max(1, rows - 1);
  const most = Math.max(0, lines.length - shown);
  const scroll = (by: number): void => setBack((b) => Math.max(0, Math.min(most, b + by)));
  useInput((input, key) => {
    if (key.escape || key.return) return onLeave();
    if (key.upArrow) return scroll(1);
    if (key.downArrow) return scroll(-1);
    if (key.pageUp) return scroll(shown);
    if (key.pageDown) return scroll(-shown);
    if (key.home) return scroll(most);
    if (key.end) return setBack(0);
    if (key.backspace || key.delete) {
      setBack(0);
      return setFilter((f) => f.slice(0, -1));
    }
    const typed = [...input].filter((c) => /[\w:-]/.test(c)).join('');
    if (typed !== '') {
      setBack(0);
      setFilter((f) => (f + typed).slice(0, 24));
    }
  });
  const offset = Math.min(back, most);
  const window = lines.slice(Math.max(0, lines.length - shown - offset), lines.length - offset);
  return (
    <Box flexDirection="column" height={rows}>
      <TitleLine title="LOG">
        {` filter: `}
        <Text bold>{filter === '' ? '(type an id or a machine)' : filter}</Text>
        <Text dimColor>{` · ${lines.length} lines${offset > 0 ? `, ${offset} up` : ''} · ↑↓ PgUp PgDn · esc back`}</Text>
      </TitleLine>
      <TransitionLog log={window} formatTime={formatTime} rows={shown} followed={followed} />
    </Box>
  );
}
