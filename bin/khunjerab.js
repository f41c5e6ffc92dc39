#!/usr/bin/env node
import('../dist/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('khunjerab: the build is missing; run `npm install` (or `npm run build`) first.\n');
    process.exit(1);
  }
  throw error;
});
