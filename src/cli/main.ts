import { closeAll, takeStopSignal } from '../run/shutdown.js';
import { main } from './program.js';

// Output piped into a reader that stops early (`khunjerab schema | head -1`): stop quietly, as
// Unix tools do, instead of reporting the closed pipe as a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// Ctrl-C or a kill: one line, the conventional exit code (128 + signal), and the exit removes
// every temporary file the run still holds (run/temporaryFiles.ts); worker threads end with the process.
// A queued run first removes its waiting jobs (run/shutdown.ts, at most a few seconds); the queue
// worker takes the first signal itself to finish the jobs in hand. A second signal ends at once.
let stopping = false;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(code);
    stopping = true;
    if (takeStopSignal(signal)) return;
    process.stderr.write(`\nkhunjerab: stopped by ${signal} (output files are written whole or not at all)\n`);
    void closeAll().finally(() => process.exit(code));
  });
}

process.exitCode = await main(process.argv.slice(2));
