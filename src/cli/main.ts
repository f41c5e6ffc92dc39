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
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nkhunjerab: stopped by ${signal} (output files are written whole or not at all)\n`);
    process.exit(code);
  });
}

process.exitCode = await main(process.argv.slice(2));
