export { StepperApp, type StepperAppProps } from './App.js';
export { runStepUi, requireTty, NEEDS_TTY_MESSAGE, type StepUiStreams } from './runStepUi.js';
export { summaryText } from './summaryText.js';
