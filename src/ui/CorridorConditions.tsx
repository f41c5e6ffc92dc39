import { Box, Text } from 'ink';
import type { CorridorView } from '../run/index.js';
import { ConditionLine } from './ConditionLine.js';
import { facilityRegions, formatTemperature } from './format.js';
import { PassRoadStatus } from './PassRoadStatus.js';
import { PostStatus } from './PostStatus.js';
import { useTone } from './colours.js';

interface CorridorConditionsProps {
  readonly view: CorridorView;
  readonly width: number;
}

const REGION_LABELS: Readonly<Record<string, string>> = { power: 'Sost power', weboc: 'WeBOC link', scanner: 'Sost scanner' };
const NORMAL_STATES = new Set(['on', 'up', 'working']);

/** The pass road, both border posts, the weather on the pass and at Sost, and Sost's systems. */
export function CorridorConditions({ view, width }: CorridorConditionsProps) {
  const tone = useTone();
  const { weather, posts } = view;
  const drawn = weather.snowfallCm > 0.05 ? `snow ${weather.snowfallCm.toFixed(1)} cm` : 'no snowfall';
  // A snowstorm what-if closes the road with cause snow whatever the day's draw said.
  const snow = view.stormCmToday > 0 ? `storm ${view.stormCmToday} cm` : drawn;
  const heating = view.heatingOn ? 'heating on' : view.examProductivity < 0.995 ? `cold exams ×${view.examProductivity.toFixed(2)}` : 'unheated';
  return (
    <Box flexDirection="column" width={width} flexShrink={0} paddingRight={1}>
      <ConditionLine label="Pass road">
        <PassRoadStatus state={view.road.state} cause={view.road.cause} />
      </ConditionLine>
      <ConditionLine label="China post">
        <PostStatus state={posts.china.state} reason={posts.china.reason} />
      </ConditionLine>
      <ConditionLine label="Pakistan post">
        <PostStatus state={posts.pakistan.state} reason={posts.pakistan.reason} />
      </ConditionLine>
      <ConditionLine label="Pass weather">{`${formatTemperature(weather.passTempC)} · ${snow}`}</ConditionLine>
      <ConditionLine label="Sost weather">
        {`${formatTemperature(weather.sostTempC)} · ${heating}`}
      </ConditionLine>
      {facilityRegions(view.facility).map(({ region, state }) => (
        <ConditionLine key={region} label={REGION_LABELS[region] ?? region}>
          {NORMAL_STATES.has(state) ? (
            <Text>{state}</Text>
          ) : (
            <Text color={tone('red')} bold>
              {state.toUpperCase()}
            </Text>
          )}
        </ConditionLine>
      ))}
    </Box>
  );
}
