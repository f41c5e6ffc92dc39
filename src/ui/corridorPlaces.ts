/**
 * Where each journey state sits on the road, and its short label in the corridor view:
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
  readonly stages: ReadonlyArray<{ readonly state: string; readonly count: number }>;
}

const PLACE_OF_STATE: Readonly<Record<string, string>> = {
  exportDeclaration: 'Kashgar',
  exportInspection: 'Kashgar',
  toTashkurgan: 'Kashgar',
  exitClearance: 'Tashkurgan',
  waitingForPass: 'Tashkurgan',
  crossing: 'Khunjerab',
  incident: 'Khunjerab',
  gdLodgement: 'Sost Dry Port',
  assessment: 'Sost Dry Port',
  onHold: 'Sost Dry Port',
  documentCheck: 'Sost Dry Port',
  scan: 'Sost Dry Port',
  examination: 'Sost Dry Port',
  otherAgency: 'Sost Dry Port',
  dutyPayment: 'Sost Dry Port',
  customsRelease: 'Sost Dry Port',
  gateOut: 'Sost Dry Port',
};

const PLACE_NAMES = ['Kashgar', 'Tashkurgan', 'Khunjerab', 'Sost Dry Port'] as const;

const STAGE_LABELS: Readonly<Record<string, string>> = {
  exportDeclaration: 'declaring',
  exportInspection: 'inspecting',
  toTashkurgan: 'on road',
  exitClearance: 'exit check',
  waitingForPass: 'waiting',
  crossing: 'crossing',
  incident: 'incident',
  gdLodgement: 'lodging',
  assessment: 'assess',
  onHold: 'on hold',
  documentCheck: 'docs',
  scan: 'scan',
  examination: 'exam',
  otherAgency: 'permits',
  dutyPayment: 'duty',
  customsRelease: 'release',
  gateOut: 'gate-out',
};

export function stageLabel(state: string): string {
  return STAGE_LABELS[state] ?? state;
}

/**
 * Groups the stages (in journey order) by place. A state this table does not know stays at
 * the place of the state before it, so a new stage in the model still shows up.
 */
export function groupByPlace(stages: ReadonlyArray<{ readonly state: string; readonly count: number }>): Place[] {
  const byPlace = new Map<string, Array<{ state: string; count: number }>>(PLACE_NAMES.map((name) => [name, []]));
  let place: string = PLACE_NAMES[0];
  for (const stage of stages) {
    place = PLACE_OF_STATE[stage.state] ?? place;
    byPlace.get(place)?.push({ state: stage.state, count: stage.count });
  }
  return PLACE_NAMES.map((name) => ({
    name,
    roadAheadCrossesPass: name === 'Tashkurgan' || name === 'Khunjerab',
    stages: byPlace.get(name) ?? [],
  }));
}
