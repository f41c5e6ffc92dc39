import { PLACES, type StageCount } from '../run/index.js';

/**
 * The journey's stages grouped by where they happen on the road, as the stage table places
 * them (each journey state's meta names its place and short label):
 *
 *   Kashgar ──────▶ Tashkurgan ────▶ Khunjerab ────▶ Sost Dry Port
 *   declaring        exit check       crossing        lodging  docs …
 *   inspecting       waiting          incident        assess   scan …
 *   on road
 */
export interface Place {
  readonly name: string;
  /** The road from here to the next place runs over the pass, so it shuts when the pass does. */
  readonly roadAheadCrossesPass: boolean;
  readonly stages: readonly StageCount[];
}

export function groupByPlace(stages: readonly StageCount[]): Place[] {
  return PLACES.map((name) => ({
    name,
    roadAheadCrossesPass: name === 'Tashkurgan' || name === 'Khunjerab',
    stages: stages.filter((s) => s.place === name),
  }));
}
