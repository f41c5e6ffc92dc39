import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LoadResult, ScenarioError } from '../../src/scenario/index.js';
import type { CorridorParams } from '../../src/model/params.js';

/** The bundled scenarios directory, as an absolute path. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export const BUNDLED = [
  'base.yaml',
  'summer-2025.yaml',
  'winter-2025.yaml',
  'winter-2025-unheated.yaml',
  'year-2025.yaml',
  'seasonal-2019.yaml',
] as const;

export function bundledPath(file: string): string {
  return join(SCENARIOS_DIR, file);
}

export function bundledText(file: string): string {
  return readFileSync(bundledPath(file), 'utf8');
}

/** A label next to the bundled scenarios, so `extends: base.yaml` resolves. */
export function labelInScenarios(file: string): string {
  return join(SCENARIOS_DIR, file);
}

const fixtureDirs: string[] = [];

/** Writes files into a fresh temporary directory and returns its path; see `removeFixtures`. */
export function writeFixtures(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'khunjerab-scenario-'));
  fixtureDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Removes every directory `writeFixtures` made. */
export function removeFixtures(): void {
  for (const dir of fixtureDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** 1-based line of the first line matching `pattern` in `text`. */
export function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

export function expectOk(result: LoadResult): CorridorParams {
  if (!result.ok) throw new Error(`expected the scenario to load, got:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.scenario;
}

export function expectErrors(result: LoadResult): ScenarioError[] {
  if (result.ok) throw new Error('expected errors, but the scenario loaded');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

/** The one error at `path`, failing when there is none or more than one. */
export function errorAt(result: LoadResult, path: string): ScenarioError {
  const errors = expectErrors(result).filter((e) => e.path === path);
  if (errors.length !== 1) {
    throw new Error(`expected one error at "${path}", got ${errors.length}:\n${JSON.stringify(expectErrors(result), null, 2)}`);
  }
  return errors[0];
}
