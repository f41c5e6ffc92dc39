import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { Stepper, WhatIf } from '../run/index.js';
import { ColourContext, coloursWanted } from './colours.js';
import { ContainerScreen } from './ContainerScreen.js';
import { CorridorScreen } from './CorridorScreen.js';
import { describeWhatIf } from './format.js';
import { Header } from './Header.js';
import { HelpPanel } from './HelpPanel.js';
import { pressesAfter, pressesOf, type Press } from './keyPresses.js';
import { KeyHints, type InputMode } from './KeyHints.js';
import { BODY_ROWS, fitsFullScreen, logRows, showsTimelineStrip, TIMELINE_ROWS } from './layout.js';
import { LogPanel } from './LogPanel.js';
import { MessageLine, type Message } from './MessageLine.js';
import { clampSpeed, DEFAULT_SPEED, speedLabel, TICK_MS } from './runSpeed.js';
import { dropRedo, endMessage, goTo, runTick, runToNextDay, runToNextMilestone, stepBack, stepForward } from './stepperActions.js';
import { followNotice, forceRedUnavailable } from './following.js';
import { TextPrompt } from './TextPrompt.js';
import { TimelineStrip } from './TimelineStrip.js';
import { TooSmall } from './TooSmall.js';
import { TransitionLog } from './TransitionLog.js';
import { useAutoRun } from './useAutoRun.js';
import { useTerminalSize } from './useTerminalSize.js';
import { WhatIfMenu } from './WhatIfMenu.js';
import { TitleLine } from './TitleLine.js';

export interface StepperAppProps {
  readonly stepper: Stepper;
  /** The speed r starts at, an index into SPEEDS. */
  readonly speed?: number;
  /** Use colour; by default unless NO_COLOR is set. */
  readonly colour?: boolean;
}

/** Pause between chunks of checkpoint building, and their size: small, so a key waits a few ms at most. */
const IDLE_GAP_MS = 20;
const IDLE_CHUNK_STEPS = 400;

/** Replays up to this many steps (two checkpoint intervals) are quick enough to show no busy indicator. */
const QUICK_REPLAY_STEPS = 2000;

type Screen = 'corridor' | 'container' | 'timeline';
const NEXT_SCREEN: Readonly<Record<Screen, Screen>> = { corridor: 'container', container: 'timeline', timeline: 'corridor' };

/**
 * The interactive stepper: corridor, container and timeline views (Tab), a header with the
 * clock in PKT and Beijing time and the run's status, the recent transitions and a row of key
 * hints. Every key acts on the `Stepper`; the app keeps only what is on screen (view, followed
 * container, menus, speed), so the same run can be driven without it.
 *
 * @example
 * render(<StepperApp stepper={new Stepper(params, 1)} />);
 */
export function StepperApp({ stepper, speed: initialSpeed = DEFAULT_SPEED, colour = coloursWanted() }: StepperAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [, setVersion] = useState(0);
  const [screen, setScreen] = useState<Screen>('corridor');
  const [mode, setMode] = useState<InputMode>('keys');
  const [showHelp, setShowHelp] = useState(false);
  const [running, setRunning] = useState(false);
  // The timer reads this, not `running`: a tick already queued when r pauses must not fire events.
  const runningNow = useRef(false);
  const [speed, setSpeed] = useState(clampSpeed(initialSpeed));
  const [busy, setBusy] = useState<string | undefined>(undefined);
  // Keys that come while a replay runs wait here, in order, and act when it is done.
  const busyNow = useRef(false);
  const waiting = useRef<Press[]>([]);
  const [quitting, setQuitting] = useState(false);
  const [followed, setFollowed] = useState<number | undefined>(() => stepper.activeIds()[0]);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [promptText, setPromptText] = useState('');

  const run = (on: boolean): void => {
    runningNow.current = on;
    setRunning(on);
  };

  /** The stepper moved: redraw, show `next` (or that the followed container left), follow the first arrival. */
  const changed = (next?: Message): void => {
    const current = followed ?? stepper.activeIds()[0];
    setFollowed(current);
    setMessage(next ?? followNotice(stepper, current));
    setVersion((v) => v + 1);
  };

  /** A long replay takes a moment: say so on screen first, then do the work on the next turn. */
  const replaying = (work: () => Message, cost = Infinity): void => {
    run(false);
    if (cost <= QUICK_REPLAY_STEPS) return changed(work());
    busyNow.current = true;
    setBusy('replaying');
    setTimeout(() => {
      const said = work();
      busyNow.current = false;
      setBusy(undefined);
      changed(said);
      for (const press of waiting.current.splice(0)) act(press);
    }, 0);
  };

  useAutoRun(running, TICK_MS, () => {
    if (!runningNow.current) return false;
    const { more, message: said } = runTick(stepper, speed);
    if (!more) run(false);
    changed(said);
    return more;
  });

  // While nothing else happens, checkpoints are built near the current step so b stays fast.
  useAutoRun(!running && busy === undefined && !quitting, IDLE_GAP_MS, () => stepper.prepare(IDLE_CHUNK_STEPS), stepper.stepCount);

  useEffect(() => {
    if (quitting) exit();
  }, [quitting, exit]);

  const quit = (): void => {
    run(false);
    setQuitting(true);
  };

  const act = (press: Press): void => {
    if (busyNow.current) {
      waiting.current = pressesAfter(waiting.current, press);
      return;
    }
    if (press.kind === 'move') {
      run(false);
      switch (press.key) {
        case ' ':
          return changed(stepForward(stepper, press.times));
        case 'b':
          return replaying(() => stepBack(stepper, press.times), stepper.replayCost(stepper.stepCount - press.times));
        case 'm':
          return changed(runToNextMilestone(stepper, followed, press.times));
        case 'd':
          return changed(runToNextDay(stepper, press.times));
      }
    }
    switch (press.key) {
      case 'q':
        return quit();
      case '?':
        return setShowHelp((shown) => !shown);
      case 'r':
        if (stepper.finished) return changed(endMessage(stepper));
        return run(!runningNow.current);
      case '+':
      case '=':
        return setSpeed((s) => clampSpeed(s + 1));
      case '-':
      case '_':
        return setSpeed((s) => clampSpeed(s - 1));
      case 'i':
        run(false);
        return setMode('whatIf');
      case '/':
      case 'g':
        return keys(press.key);
      case 'l':
        return setMode('log');
      case 'x':
        return changed(dropRedo(stepper));
      case 'f':
        return followNext();
    }
  };

  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') return quit();
      if (key.tab) {
        setScreen((s) => NEXT_SCREEN[s]);
        setShowHelp(false);
        return;
      }
      keys(input);
    },
    { isActive: mode === 'keys' && !quitting },
  );

  /**
   * Acts on a chunk of keys. What follows g or / in the same chunk (tmux sends "g238⏎" at once)
   * is the prompt's text: typed into it, and submitted if the chunk has the enter too.
   */
  const keys = (input: string): void => {
    const opens = input.search(/[g/]/);
    if (opens < 0) return pressesOf(input).forEach(act);
    pressesOf(input.slice(0, opens)).forEach(act);
    const prompt = input[opens] === 'g' ? 'goTo' : 'find';
    const [typed, ...rest] = input.slice(opens + 1).split(/[\r\n]/);
    if (rest.length === 0) {
      setPromptText(typed);
      if (prompt === 'goTo') run(false);
      return setMode(prompt);
    }
    if (prompt === 'goTo') go(typed);
    else find(typed);
    keys(rest.join('\r'));
  };

  const followNext = (): void => {
    if (stepper.horizonOver) return setMessage({ text: 'no container arrives after the horizon: / follows one still inside', kind: 'error' });
    const next = stepper.arrived + 1;
    setFollowed(next);
    setScreen('container');
    setMessage({ text: `following container ${next}, the next to arrive at Kashgar: m steps to its arrival`, kind: 'info' });
  };

  const inject = (whatIf: WhatIf): void => {
    setMode('keys');
    if (!stepper.inject(whatIf)) {
      setMessage({ text: `cannot apply now: ${describeWhatIf(whatIf)} (the risk channel is already decided)`, kind: 'error' });
      return;
    }
    changed({ text: `injected at step ${stepper.stepCount}: ${describeWhatIf(whatIf)}`, kind: 'info' });
  };

  const find = (text: string): void => {
    setMode('keys');
    if (text.trim() === '') return;
    const id = Number(text);
    if (stepper.container(id) === undefined) {
      return setMessage({ text: `container ${id} has not arrived (${stepper.arrived} so far); f follows the next to arrive`, kind: 'error' });
    }
    setFollowed(id);
    setScreen('container');
    setShowHelp(false);
    setMessage({ text: `following container ${id}`, kind: 'info' });
  };

  const go = (text: string): void => {
    setMode('keys');
    if (text.trim() === '') return;
    replaying(() => goTo(stepper, text));
  };

  const view = stepper.view();
  const status = busy !== undefined ? 'busy' : view.finished ? 'finished' : running ? 'running' : 'paused';
  const speedText = speedLabel(speed);

  if (!fitsFullScreen(size)) {
    return (
      <ColourContext.Provider value={colour}>
        <TooSmall size={size} view={view} status={status === 'running' ? `running ${speedText}` : status} message={message} />
      </ColourContext.Provider>
    );
  }

  const container = followed === undefined ? undefined : stepper.container(followed);
  const forceRedTarget = container !== undefined && container.events.includes('FORCE_RED') ? container.id : undefined;
  const strip = showsTimelineStrip(size);
  const log = stepper.log;
  const formatTime = (t: number): string => stepper.formatTime(t).slice(5);
  const timeline = <TimelineStrip days={stepper.days} horizonDays={stepper.params.days} width={size.columns} />;

  const body =
    mode === 'whatIf' ? (
      <WhatIfMenu container={forceRedTarget} unavailable={forceRedUnavailable(followed, container)} at={view.clock.pkt} onInject={inject} onCancel={() => setMode('keys')} />
    ) : showHelp ? (
      <HelpPanel />
    ) : screen === 'corridor' ? (
      <CorridorScreen view={view} columns={size.columns} />
    ) : screen === 'container' ? (
      <ContainerScreen followed={followed} container={container} reason={followed === undefined ? undefined : stepper.waitReason(followed)} spent={followed === undefined ? undefined : stepper.timeSpent(followed)} step={view.step} columns={size.columns} />
    ) : (
      <Box flexDirection="column">
        <TitleLine title="TIMELINE">
          {' day by day so far · tab: corridor'}
        </TitleLine>
        {timeline}
      </Box>
    );

  const prompt =
    mode === 'find' ? (
      <TextPrompt initial={promptText} label="Find container: " hint="enter to follow it, esc to cancel" accepts={/\d/} maxLength={9} onSubmit={find} onCancel={() => setMode('keys')} />
    ) : mode === 'goTo' ? (
      <TextPrompt initial={promptText} label="Go to: " hint="a step, 2025-12-15 14:00, 12-15, 14:00 or day 30 · enter go" accepts={/[\w: -]/} maxLength={24} onSubmit={go} onCancel={() => setMode('keys')} />
    ) : (
      <MessageLine message={message} />
    );

  return (
    <ColourContext.Provider value={colour}>
      <Box flexDirection="column" width={size.columns}>
        <Header view={view} status={status} speed={speedText} busy={busy} />
        {mode === 'log' ? (
          <LogPanel log={log} formatTime={formatTime} rows={BODY_ROWS + (strip ? TIMELINE_ROWS : 0) + 2 + logRows(size)} followed={followed} onLeave={() => setMode('keys')} />
        ) : (
          <>
            <Box flexDirection="column" height={BODY_ROWS} overflow="hidden">
              {body}
            </Box>
            {strip && screen !== 'timeline' ? timeline : strip ? <Box height={TIMELINE_ROWS} /> : null}
            {prompt}
            <Text wrap="truncate" dimColor>
              {`── recent transitions (l to scroll and filter) ${'─'.repeat(Math.max(0, size.columns - 47))}`}
            </Text>
            <TransitionLog log={log} formatTime={formatTime} rows={logRows(size)} followed={followed} />
          </>
        )}
        <KeyHints mode={mode} running={running} columns={size.columns} />
      </Box>
    </ColourContext.Provider>
  );
}
