import { rmSync } from 'node:fs';

/**
 * Temporary files and folders a run has made and not yet removed. A run removes its own when
 * it ends; if the process ends first (Ctrl-C, a kill, an error), the process's exit removes
 * whatever is still listed, so nothing is left behind beside an output file or in the temp dir.
 */
const pending = new Set<string>();
let hooked = false;

/** Lists `path` for removal at exit; the returned function removes it now and forgets it. */
export function removeAtExit(path: string): () => void {
  if (!hooked) {
    process.on('exit', removePending);
    hooked = true;
  }
  pending.add(path);
  return () => {
    pending.delete(path);
    rmSync(path, { recursive: true, force: true });
  };
}

function removePending(): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
}
