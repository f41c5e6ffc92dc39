import { Box, Text } from 'ink';
import type { StageCount } from '../run/index.js';
import type { Place } from './corridorPlaces.js';
import { columnsOf, placeWidths } from './layout.js';
import { StageCell } from './StageCell.js';
import { useTone } from './colours.js';

interface RoadStagesProps {
  readonly places: readonly Place[];
  /** The pass road's state: open, closed or clearing. */
  readonly road: string;
  readonly columns: number;
}

/** Rows of stage counts under each place; Sost has two columns of them. */
export const STAGE_ROWS = 5;

/**
 * The road drawn as a line of places, with the containers at each stage under them.
 * The legs over the pass are drawn ×××× when it is closed and ┄┄┄┄ while it is being cleared.
 */
export function RoadStages({ places, road, columns }: RoadStagesProps) {
  const tone = useTone();
  const widths = placeWidths(columns);
  return (
    <Box flexDirection="row">
      {places.map((place, i) => {
        const width = widths[i] ?? 0;
        const last = i === places.length - 1;
        const leg = place.roadAheadCrossesPass ? legChar(road) : '─';
        const subColumns = last ? columnsOf(stagesThatFit(place.stages, 2 * STAGE_ROWS), 2) : [stagesThatFit(place.stages, STAGE_ROWS)];
        const cellWidth = Math.floor((width - 1) / subColumns.length);
        return (
          <Box key={place.name} flexDirection="column" width={width} flexShrink={0}>
            <Text wrap="truncate" bold>
              {place.name}
              <Text color={tone(legColour(leg))}>{last ? '' : roadSegment(place.name, leg, width)}</Text>
            </Text>
            <Box flexDirection="row">
              {subColumns.map((stages, j) => (
                <Box key={j} flexDirection="column" width={cellWidth} marginRight={1} flexShrink={0}>
                  {stages.slice(0, STAGE_ROWS).map((s) => (
                    <StageCell key={s.state} label={s.label} count={s.count} width={cellWidth} />
                  ))}
                </Box>
              ))}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

/** The stages, in journey order, that fit in `room` cells: when some must go, empty ones go first. */
export function stagesThatFit(stages: readonly StageCount[], room: number): StageCount[] {
  if (stages.length <= room) return [...stages];
  const keep = new Set([...stages.filter((s) => s.count > 0), ...stages.filter((s) => s.count === 0)].slice(0, room));
  return stages.filter((s) => keep.has(s));
}

function legChar(road: string): string {
  if (road === 'closed') return '×';
  if (road === 'clearing') return '┄';
  return '─';
}

function legColour(leg: string): string | undefined {
  if (leg === '×') return 'red';
  if (leg === '┄') return 'yellow';
  return undefined;
}

/** " ──────▶ ": the leg after a place's name, to the edge of its column. */
function roadSegment(name: string, leg: string, width: number): string {
  const length = Math.max(1, width - name.length - 3);
  return ` ${leg.repeat(length)}▶ `;
}
