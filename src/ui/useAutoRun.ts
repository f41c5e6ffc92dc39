import { useEffect, useRef } from 'react';

/**
 * While `running`, calls `tick` every `intervalMs` on a timer, so the UI redraws and reads
 * keys between chunks of work. `tick` returns false to stop (the caller then clears `running`).
 */
export function useAutoRun(running: boolean, tick: () => boolean, intervalMs = 16): void {
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
  }, [running, intervalMs]);
}
