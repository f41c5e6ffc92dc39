import { Box, Text } from 'ink';
import type { ContainerView } from '../run/index.js';
import { JourneyStrip, journeyStripRows } from './JourneyStrip.js';
import { BODY_ROWS } from './layout.js';
import { MilestoneTimeline } from './MilestoneTimeline.js';
import { useTone } from './colours.js';

interface ContainerScreenProps {
  /** The followed container's id, or undefined before the first arrival. */
  readonly followed: number | undefined;
  /** Its view, or undefined when it has not arrived at this step. */
  readonly container: ContainerView | undefined;
  readonly step: number;
  readonly columns: number;
}

/** Rows the container view uses besides the strip and the milestones: title, context, events with the milestones' title. */
const FIXED_ROWS = 3;

/**
 * One container's journey: the machine's states with the active one marked, the events it
 * accepts now, its context (cargo, channel, scan, hold, permit) and the milestones so far.
 */
export function ContainerScreen({ followed, container, step, columns }: ContainerScreenProps) {
  const tone = useTone();
  if (followed === undefined || container === undefined) {
    return (
      <Box flexDirection="column">
        <Text wrap="truncate">
          <Text bold inverse>
            {followed === undefined ? ' CONTAINER ' : ` CONTAINER ${followed} `}
          </Text>
        </Text>
        <Text wrap="truncate">
          {followed === undefined
            ? 'No container has arrived at Kashgar yet. Press space to step to the first arrival.'
            : `Container ${followed} has not arrived yet at step ${step}. Step on, or press / to find another.`}
        </Text>
      </Box>
    );
  }
  const { context } = container;
  const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
  const flags = [container.incident ? 'incident on the pass' : '', container.spoiled ? 'SPOILED' : ''].filter((f) => f !== '');
  const stripRows = journeyStripRows(container.states, columns);
  const milestoneRows = Math.max(1, BODY_ROWS - FIXED_ROWS - stripRows);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold inverse>{` CONTAINER ${container.id} `}</Text>
        {container.outcome === 'lost' ? ' spoiled and lost at Sost' : container.finished ? ' gated out at Sost' : ' in the corridor, now in '}
        {container.finished ? '' : <Text bold>{container.state}</Text>}
      </Text>
      <Text wrap="truncate">
        {`cargo ${context.cargo} · channel `}
        <Text bold color={tone(channelColour(context.channel))}>
          {context.channel}
        </Text>
        {` · scan ${yesNo(context.scan)} · held ${yesNo(context.held)} · needs permit ${yesNo(context.needsPermit)}`}
        {flags.length > 0 ? ` · ${flags.join(' · ')}` : ''}
      </Text>
      <JourneyStrip states={container.states} active={container.state} width={columns} />
      <Text wrap="truncate">
        <Text dimColor>Accepts </Text>
        {container.events.length === 0 ? 'no events (journey over)' : container.events.join(' · ')}
        <Text dimColor>{' · milestones below, PKT'}</Text>
      </Text>
      <MilestoneTimeline milestones={container.milestones} width={columns} rows={milestoneRows} />
    </Box>
  );
}

function channelColour(channel: string): string | undefined {
  if (channel === 'red') return 'red';
  if (channel === 'yellow') return 'yellow';
  if (channel === 'green') return 'green';
  return undefined;
}
