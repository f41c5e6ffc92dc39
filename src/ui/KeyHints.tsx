import { Text } from 'ink';

export type InputMode = 'keys' | 'whatIf' | 'find' | 'goTo' | 'log';

interface KeyHintsProps {
  readonly mode: InputMode;
  readonly running: boolean;
  readonly columns: number;
}

/** The bottom row: which keys do what in the current mode; a terser form below 110 columns, help last. */
export function KeyHints({ mode, running, columns }: KeyHintsProps) {
  return (
    <Text wrap="truncate" dimColor>
      {keyHintText(mode, running, columns)}
    </Text>
  );
}

/** From this width the hints add tab, / and f, and spell out milestone and pause. */
const WIDE = 110;

export function keyHintText(mode: InputMode, running: boolean, columns: number): string {
  if (mode === 'whatIf') return '↑/↓ or 1–6 choose · enter inject · esc cancel';
  if (mode === 'find') return 'type a container id · enter follow it · esc cancel';
  if (mode === 'goTo') return 'a step, a date and time or day N · enter go · esc cancel';
  if (mode === 'log') return 'type to filter · ↑/↓ PgUp/PgDn scroll · esc back to the keys';
  const wide = columns >= WIDE;
  // At 80 columns every key but tab, / and f fits (the view's title names tab; the help the rest).
  const keys: ReadonlyArray<readonly [string, string]> = [
    ['space', 'step'],
    ['b', 'back'],
    ['m', wide ? 'milestone' : 'mile'],
    ['d', 'day'],
    ['r', wide && running ? 'pause' : 'run'],
    ['+-', 'speed'],
    ['g', 'go'],
    ['i', 'what-if'],
    ...(wide ? ([['tab', 'view']] as const) : []),
    ['l', 'log'],
    ...(wide ? ([['/', 'find'], ['f', 'next']] as const) : []),
    ['q', 'quit'],
    ['?', 'help'],
  ];
  return keys.map(([k, a]) => `${k} ${a}`).join('·');
}
