import { Text } from 'ink';

export type InputMode = 'keys' | 'whatIf' | 'find';

interface KeyHintsProps {
  readonly mode: InputMode;
  readonly running: boolean;
  readonly columns: number;
}

/** The bottom row: which keys do what in the current mode; a terser form below 92 columns, help last. */
export function KeyHints({ mode, running, columns }: KeyHintsProps) {
  return (
    <Text wrap="truncate" dimColor>
      {keyHintText(mode, running, columns)}
    </Text>
  );
}

export function keyHintText(mode: InputMode, running: boolean, columns: number): string {
  if (mode === 'whatIf') return '↑/↓ or 1–6 choose · enter inject · esc cancel';
  if (mode === 'find') return 'type a container id · enter follow it · esc cancel';
  const run = running ? 'pause' : 'run';
  const keys: ReadonlyArray<readonly [string, string]> = [
    ['space', 'step'],
    ['b', 'back'],
    ['m', 'milestone'],
    ['d', 'day'],
    ['r', run],
    ['i', columns >= 92 ? 'what-if' : 'whatif'],
    ['tab', 'view'],
    ['/', 'find'],
    ['q', 'quit'],
    // While running there is no room (or need) for the help key at 80 columns.
    ...(running && columns < 92 ? [] : [['?', 'help'] as const]),
  ];
  return columns >= 92 ? keys.map(([k, a]) => `${k} ${a}`).join('  ') : keys.map(([k, a]) => `${k}=${a}`).join(' ');
}
