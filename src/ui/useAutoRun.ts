import { useEffect, useRef } from 'react';

/**
 * While `running`, calls `tick` every `intervalMs` on a timer, so the UI redraws and reads
 * keys between chunks of work. `tick` returns false to stop (the caller then clears `running`,
 * or changes `restartKey` when there may be new work).
 */
export function useAutoRun(running: boolean, intervalMs: number, tick: () => boolean, restartKey: unknown = undefined): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!running) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = (): void => {
      timer = setTimeout(() => {
        if (latest.current()) next();
      }, intervalMs);
    };
    next();
    return () => {
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [running, intervalMs, restartKey]);
}
