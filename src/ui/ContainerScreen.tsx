import { Box, Text } from 'ink';
import type { ContainerView, TimeSpent, WaitReason } from '../run/index.js';
import { shortDuration } from './format.js';
import { JourneyStrip, journeyStripRows } from './JourneyStrip.js';
import { BODY_ROWS } from './layout.js';
import { MilestoneTimeline } from './MilestoneTimeline.js';
import { useTone } from './colours.js';
import { TitleLine } from './TitleLine.js';

interface ContainerScreenProps {
  /** The followed container's id, or undefined before the first arrival. */
  readonly followed: number | undefined;
  /** Its view, or undefined when it has not arrived at this step. */
  readonly container: ContainerView | undefined;
  /** Why it is where it is now (undefined once it has left). */
  readonly reason: WaitReason | undefined;
  /** Where its time went so far. */
  readonly spent: TimeSpent | undefined;
  readonly step: number;
  readonly columns: number;
}

/** Rows the container view uses besides the strip and the milestones: title, context, why it waits, time spent, events with the milestones' title. */
const FIXED_ROWS = 5;

/**
 * One container's journey: the machine's states with the active one marked, the events it
 * accepts now, its context (cargo, channel, scan, hold, permit) and the milestones so far.
 */
export function ContainerScreen({ followed, container, reason, spent, step, columns }: ContainerScreenProps) {
  const tone = useTone();
  if (followed === undefined || container === undefined) {
    return (
      <Box flexDirection="column">
        <TitleLine title={followed === undefined ? 'CONTAINER' : `CONTAINER ${followed}`} />
        <Text wrap="truncate">
          {followed === undefined
            ? 'No container has arrived at Kashgar yet. Press space to step to the first arrival.'
            : `Container ${followed} has not arrived yet (step ${step}): m steps to its arrival.`}
        </Text>
      </Box>
    );
  }
  const { context } = container;
  const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
  const exam = context.channel !== 'red' ? 'no exam' : context.scan ? 'exam by scanner' : 'exam by de-stuffing';
  const flags = [container.incident ? 'incident on the pass' : '', container.spoiled ? 'SPOILED' : ''].filter((f) => f !== '');
  const stripRows = journeyStripRows(container.states, columns);
  const milestoneRows = Math.max(1, BODY_ROWS - FIXED_ROWS - stripRows);
  return (
    <Box flexDirection="column">
      <TitleLine title={`CONTAINER ${container.id}`}>
        {container.outcome === 'lost' ? ' spoiled and lost at Sost' : container.finished ? ' gated out at Sost' : ' in the corridor, now in '}
        {container.finished ? '' : <Text bold>{container.state}</Text>}
      </TitleLine>
      <Text wrap="truncate">
        {`cargo ${context.cargo} · channel `}
        <Text bold color={tone(channelColour(context.channel))}>
          {context.channel}
        </Text>
        {` · ${exam} · held ${yesNo(context.held)} · needs permit ${yesNo(context.needsPermit)}`}
        {flags.length > 0 ? ` · ${flags.join(' · ')}` : ''}
      </Text>
      <Text wrap="truncate">
        <Text dimColor>{reason === undefined ? 'Left  ' : reason.working ? 'Now   ' : 'Waits '}</Text>
        {reason === undefined || spent === undefined ? `the corridor (${container.outcome})` : <Text bold={!reason.working}>{`${shortDuration(spent.inState)} so far · ${reason.text}`}</Text>}
      </Text>
      <Text wrap="truncate">
        <Text dimColor>{'Time  '}</Text>
        {(spent?.places ?? []).map((p) => `${PLACE_SHORT[p.place] ?? p.place} ${shortDuration(p.hours)}`).join(' · ')}
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

const PLACE_SHORT: Readonly<Record<string, string>> = { Khunjerab: 'the pass', 'Sost Dry Port': 'Sost' };

function channelColour(channel: string): string | undefined {
  if (channel === 'red') return 'red';
  if (channel === 'yellow') return 'yellow';
  if (channel === 'green') return 'green';
  return undefined;
}
