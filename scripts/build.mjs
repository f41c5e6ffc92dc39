#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ into dist/ with tsc, then records a hash of everything the
 * build reads. With `--if-stale` (npm start, npm run bench) it compiles only when that hash
 * has changed: tsc needs about 3.5 s even when nothing has, a tenth of `npm start`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.build-hash';
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function filesUnder(path) {
  if (!existsSync(path)) return [];
  const entries = readdirSync(path, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

function inputHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => (input.includes('.') ? [input] : filesUnder(input))).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '(absent)');
    hash.update('\0');
  }
  return hash.digest('hex');
}

const hash = inputHash();
if (process.argv.includes('--if-stale') && existsSync('dist/cli/main.js') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) process.exit(0);
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
writeFileSync(STAMP, hash);
