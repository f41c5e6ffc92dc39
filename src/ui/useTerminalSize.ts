import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { DEFAULT_SIZE, type ScreenSize } from './layout.js';

/** The terminal's columns and rows, updated on resize; 80×24 where the stream does not say. */
export function useTerminalSize(): ScreenSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));
  useEffect(() => {
    const onResize = (): void => setSize(readSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function readSize(stdout: { readonly columns?: number; readonly rows?: number }): ScreenSize {
  const columns = stdout.columns !== undefined && stdout.columns > 0 ? stdout.columns : DEFAULT_SIZE.columns;
  const rows = stdout.rows !== undefined && stdout.rows > 0 ? stdout.rows : DEFAULT_SIZE.rows;
  return { columns, rows };
}
