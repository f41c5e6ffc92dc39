import { Box, Text } from 'ink';
import type { CorridorView } from '../run/index.js';
import { CorridorConditions } from './CorridorConditions.js';
import { groupByPlace } from './corridorPlaces.js';
import { conditionWidths } from './layout.js';
import { ResourceTable } from './ResourceTable.js';
import { RoadStages } from './RoadStages.js';
import { useTone } from './colours.js';
import { TitleLine } from './TitleLine.js';

/** The title as TitleLine shows it takes two columns more: a space either side. */
const TITLE = 'CORRIDOR';
const TAB_HINT = ' · tab: container';

interface CorridorScreenProps {
  readonly view: CorridorView;
  readonly columns: number;
}

/**
 * The whole corridor at this instant: the road Kashgar → Tashkurgan → Khunjerab → Sost with the
 * containers at each stage, the pass and the posts, the weather, Sost's systems and resources.
 */
export function CorridorScreen({ view, columns }: CorridorScreenProps) {
  const tone = useTone();
  const { left, right } = conditionWidths(columns);
  const counts = ` arrived ${view.arrived} · released ${view.released} · inside ${view.inside} · stranded at Tashkurgan `;
  return (
    <Box flexDirection="column">
      <TitleLine title={TITLE}>
        {counts}
        <Text bold color={tone(view.stranded > 0 ? 'yellow' : undefined)}>
          {view.stranded}
        </Text>
        <Text dimColor>{TITLE.length + 2 + counts.length + String(view.stranded).length + TAB_HINT.length <= columns ? TAB_HINT : ''}</Text>
      </TitleLine>
      <RoadStages places={groupByPlace(view.stages)} road={view.road.state} columns={columns} />
      <Box flexDirection="row">
        <CorridorConditions view={view} width={left} />
        <ResourceTable resources={view.resources} others={view.others} width={right} />
      </Box>
    </Box>
  );
}
