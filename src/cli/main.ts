import { main } from './program.js';

// Output piped into a reader that stops early (`khunjerab schema | head -1`): stop quietly, as
// Unix tools do, instead of reporting the closed pipe as a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
