/**
 * A progress bar with replications done and an ETA, on stderr. It draws only when stderr is a
 * terminal and the caller allows it (not with --json); otherwise it stays silent.
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean, label: string, now: () => number = Date.now): Progress {
  if (!enabled || !stream.isTTY) return { update: () => undefined, finish: () => undefined };
  const started = now();
  let drawn = false;
  return {
    update(done, total) {
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
      const filled = Math.round((done / total) * width);
      const elapsed = (now() - started) / 1000;
      const eta = done > 0 ? (elapsed / done) * (total - done) : NaN;
      const etaText = Number.isFinite(eta) ? `ETA ${eta.toFixed(1)} s` : 'ETA …';
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${etaText}  `);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
