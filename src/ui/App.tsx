import { Box, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import type { Stepper, WhatIf } from '../run/index.js';
import { ColourContext, coloursWanted } from './colours.js';
import { ContainerScreen } from './ContainerScreen.js';
import { CorridorScreen } from './CorridorScreen.js';
import { FindPrompt } from './FindPrompt.js';
import { describeWhatIf } from './format.js';
import { Header } from './Header.js';
import { HelpPanel } from './HelpPanel.js';
import { KeyHints, type InputMode } from './KeyHints.js';
import { BODY_ROWS, logRows } from './layout.js';
import { MessageLine, type Message } from './MessageLine.js';
import { runChunk, runToNextDay, runToNextMilestone, stepBack, stepForward } from './stepperActions.js';
import { TransitionLog } from './TransitionLog.js';
import { useAutoRun } from './useAutoRun.js';
import { useTerminalSize } from './useTerminalSize.js';
import { WhatIfMenu } from './WhatIfMenu.js';

export interface StepperAppProps {
  readonly stepper: Stepper;
  /** Events fired per timer tick while running (r). */
  readonly eventsPerTick?: number;
  /** Use colour; by default unless NO_COLOR is set. */
  readonly colour?: boolean;
}

type Screen = 'corridor' | 'container';

/**
 * The interactive stepper: a corridor view and a container view (Tab), a header with the
 * clock in PKT and Beijing time, the recent transitions and a row of key hints. Every key
 * acts on the `Stepper`; the app keeps only what is on screen (view, followed container,
 * menus), so the same run can be driven without it.
 *
 * @example
 * render(<StepperApp stepper={new Stepper(params, 1)} />);
 */
export function StepperApp({ stepper, eventsPerTick = 50, colour = coloursWanted() }: StepperAppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [, setVersion] = useState(0);
  const [screen, setScreen] = useState<Screen>('corridor');
  const [mode, setMode] = useState<InputMode>('keys');
  const [showHelp, setShowHelp] = useState(false);
  const [running, setRunning] = useState(false);
  const [followed, setFollowed] = useState<number | undefined>(() => stepper.activeIds()[0]);
  const [message, setMessage] = useState<Message | undefined>(undefined);

  /** The stepper moved: redraw, show `next`, and follow the first container once there is one. */
  const changed = (next?: Message): void => {
    setMessage(next);
    setFollowed((current) => current ?? stepper.activeIds()[0]);
    setVersion((v) => v + 1);
  };

  useAutoRun(running, () => {
    const more = runChunk(stepper, eventsPerTick);
    if (!more) setRunning(false);
    changed(more ? undefined : { text: `end of the horizon: ${stepper.view().clock.pkt}`, kind: 'info' });
    return more;
  });

  useInput(
    (input, key) => {
      if (key.tab) {
        setScreen((s) => (s === 'corridor' ? 'container' : 'corridor'));
        setShowHelp(false);
        return;
      }
      if (/^ +$/.test(input)) {
        setRunning(false);
        return changed(stepForward(stepper, input.length));
      }
      switch (input) {
        case 'q':
          setRunning(false);
          return exit();
        case '?':
          return setShowHelp((shown) => !shown);
        case 'r':
          if (stepper.finished) return changed({ text: 'the run is at the end of its horizon', kind: 'info' });
          return setRunning((r) => !r);
        case 'i':
          setRunning(false);
          return setMode('whatIf');
        case '/':
          return setMode('find');
        case 'b':
          setRunning(false);
          return changed(stepBack(stepper));
        case 'm':
          setRunning(false);
          return changed(runToNextMilestone(stepper, followed));
        case 'd':
          setRunning(false);
          return changed(runToNextDay(stepper));
      }
    },
    { isActive: mode === 'keys' },
  );

  const inject = (whatIf: WhatIf): void => {
    setMode('keys');
    if (!stepper.inject(whatIf)) {
      setMessage({ text: `cannot apply now: ${describeWhatIf(whatIf)} (the risk channel is already decided)`, kind: 'error' });
      return;
    }
    changed({ text: `injected at step ${stepper.stepCount}: ${describeWhatIf(whatIf)}`, kind: 'info' });
  };

  const find = (id: number): void => {
    setMode('keys');
    if (stepper.container(id) === undefined) {
      return setMessage({ text: `container ${id} has not arrived (${stepper.view().arrived} so far)`, kind: 'error' });
    }
    setFollowed(id);
    setScreen('container');
    setShowHelp(false);
    setMessage({ text: `following container ${id}`, kind: 'info' });
  };

  const view = stepper.view();
  const container = followed === undefined ? undefined : stepper.container(followed);
  const forceRedTarget = container !== undefined && container.events.includes('FORCE_RED') ? container.id : undefined;
  const status = view.finished ? 'finished' : running ? 'running' : 'paused';

  return (
    <ColourContext.Provider value={colour}>
      <Box flexDirection="column" width={size.columns}>
        <Header view={view} totalDays={stepper.params.days} status={status} />
        <Box flexDirection="column" height={BODY_ROWS} overflow="hidden">
          {mode === 'whatIf' ? (
            <WhatIfMenu container={forceRedTarget} at={view.clock.pkt} onInject={inject} onCancel={() => setMode('keys')} />
          ) : showHelp ? (
            <HelpPanel />
          ) : screen === 'corridor' ? (
            <CorridorScreen view={view} columns={size.columns} />
          ) : (
            <ContainerScreen followed={followed} container={container} step={view.step} columns={size.columns} />
          )}
        </Box>
        {mode === 'find' ? <FindPrompt onFind={find} onCancel={() => setMode('keys')} /> : <MessageLine message={message} />}
        <Text wrap="truncate" dimColor>
          {`── recent transitions ${'─'.repeat(Math.max(0, size.columns - 22))}`}
        </Text>
        <TransitionLog log={stepper.log} formatTime={(t) => stepper.formatTime(t).slice(5)} rows={logRows(size)} followed={followed} />
        <KeyHints mode={mode} running={running} columns={size.columns} />
      </Box>
    </ColourContext.Provider>
  );
}
