import type { DistributionSpec } from '../kernel/index.js';
import type { LegParams } from './params.js';

/**
 * Reads a value the stage table names by a dotted path ("sost.examination") from the
 * scenario's parameters. The table is data, so a path that leads nowhere is a modelling
 * error, reported with the path when the corridor is built rather than deep in a run.
 */
export function readParam(params: object, path: string): unknown {
  let value: unknown = params;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(key in value)) throw new Error(`the stage table names parameter ${path}, which the scenario does not have`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function readNumber(params: object, path: string): number {
  const value = readParam(params, path);
  if (typeof value !== 'number') throw new Error(`parameter ${path} should be a number`);
  return value;
}

export function readDistribution(params: object, path: string): DistributionSpec {
  const value = readParam(params, path);
  if (value === null || typeof value !== 'object' || typeof (value as { type?: unknown }).type !== 'string') {
    throw new Error(`parameter ${path} should be a distribution`);
  }
  return value as DistributionSpec;
}

export function readLeg(params: object, path: string): LegParams {
  const value = readParam(params, path) as Partial<LegParams> | null;
  if (value === null || typeof value.km !== 'number' || typeof value.speedKmh?.clear !== 'number') throw new Error(`parameter ${path} should be a road leg`);
  return value as LegParams;
}

/** A chance on a clear and on a snowy road. */
export function readRoadChance(params: object, path: string): { readonly clear: number; readonly snow: number } {
  const value = readParam(params, path) as { clear?: unknown; snow?: unknown } | null;
  if (value === null || typeof value.clear !== 'number' || typeof value.snow !== 'number') throw new Error(`parameter ${path} should be { clear, snow }`);
  return value as { clear: number; snow: number };
}
